import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

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

describe('a digest whose post Slack refuses once', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;

  beforeAll(async () => {
    const env = { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '2', DIGEST_WINDOW_SECONDS: '600' };
    testApp = await startTestApp({ clock, env });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());

  const quiz = (n: number) => ({
    category: 'quiz',
    content: { en: { title: `Quiz ${n}`, body: 'Take it' } },
  });

  it('still sends the waiting notifications together once Slack allows it', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      ids.push(await accepted(testApp, notification([person('U0KEN')], quiz(n))));
    }
    const worker = deliveryWorker(testApp);
    await deliverFor(worker, clock, 5);
    const alone = testApp.standIn.postedMessages().length;

    clock.advance(10 * 60_000);
    testApp.standIn.fail('chat.postMessage', { status: 429, retryAfter: 1, times: 1 });
    await deliverFor(worker, clock, 3);

    const states = await Promise.all(ids.map(async (id) => (await statusOf(testApp, id))[0]));
    expect(alone).toBe(2);
    expect(states.map((s) => s?.state)).toEqual(Array(5).fill('sent'));
    expect(states.slice(2).map((s) => s?.digest)).toEqual([true, true, true]);
    expect(testApp.standIn.postedMessages()).toHaveLength(3);
  });
});
