import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliverFor,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import { ACME, person } from '../support/notifying-workspaces';
import { type TestApp, startTestApp } from '../support/test-app';

describe('a digest when its window ends', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;

  beforeAll(async () => {
    const env = { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '2', DIGEST_WINDOW_SECONDS: '600' };
    testApp = await startTestApp({ clock, env });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());
  beforeEach(() => testApp.standIn.reset());

  const quiz = (n: number) => ({
    category: 'quiz',
    content: { en: { title: `Quiz ${n}`, body: 'Take it' } },
  });

  /** Notifies `userId` of `count` quizzes and delivers: two go alone, the rest wait. */
  async function quizzesFor(userId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 1; n <= count; n += 1) {
      ids.push(await accepted(testApp, notification([person(userId)], quiz(n))));
    }
    await deliverFor(deliveryWorker(testApp), clock, 3);
    return ids;
  }

  const firstStates = (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await statusOf(testApp, id))[0]));

  it('goes out together even if Slack refuses it once', async () => {
    const ids = await quizzesFor('U0KEN', 5);
    const alone = testApp.standIn.postedMessages().length;

    clock.advance(10 * 60_000);
    testApp.standIn.fail('chat.postMessage', { status: 429, retryAfter: 1, times: 1 });
    await deliverFor(deliveryWorker(testApp), clock, 3);

    const states = await firstStates(ids);
    expect(alone).toBe(2);
    expect(states.map((s) => s?.state)).toEqual(Array(5).fill('sent'));
    expect(states.slice(2).map((s) => s?.digest)).toEqual([true, true, true]);
    expect(testApp.standIn.postedMessages()).toHaveLength(3);
  });

  it('goes out as one message from a worker with many slots', async () => {
    const ids = await quizzesFor('U0BOB', 8);
    const alone = testApp.standIn.postedMessages().length;

    clock.advance(10 * 60_000);
    const worker = deliveryWorker(testApp, 8);
    worker.start();
    for (let i = 0; i < 10; i += 1) {
      await sleep(200);
      clock.advance(1000);
    }
    await worker.stop();

    const states = await firstStates(ids);
    expect(alone).toBe(2);
    expect(states.map((s) => s?.state)).toEqual(Array(8).fill('sent'));
    expect(new Set(states.slice(2).map((s) => s?.ts)).size).toBe(1);
    expect(testApp.standIn.postedMessages()).toHaveLength(3);
  }, 30_000);
});
