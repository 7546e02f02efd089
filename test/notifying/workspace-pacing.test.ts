import { afterEach, describe, expect, it } from '@jest/globals';

import { eventually } from '../support/eventually';
import { ManualClock } from '../../src/shared/clock';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import type { StandInWorkspace } from '../support/slack-stand-in';
import { type TestApp, startTestApp } from '../support/test-app';

const PEOPLE = ['U0P1', 'U0P2', 'U0P3', 'U0P4', 'U0P5', 'U0P6', 'U0P7', 'U0P8'];
const PACED: StandInWorkspace = { teamId: 'T0PACED', users: PEOPLE.map((id) => ({ id })) };
const recipients = PEOPLE.map((slackUserId) => ({ slackUserId, teamId: PACED.teamId }));

/** An app whose workers run by themselves on the real clock, as in production. */
async function appWithPace(messagesPerMinute: string): Promise<TestApp> {
  const testApp = await startTestApp({
    env: {
      DELIVERY_MESSAGES_PER_MINUTE: messagesPerMinute,
      DELIVERY_CONCURRENCY: '8',
      DELIVERY_POLL_MS: '20',
    },
  });
  await installWorkspace(testApp, PACED);
  return testApp;
}

async function sendBurst(testApp: TestApp): Promise<number[]> {
  const id = await accepted(testApp, notification(recipients));
  await eventually(async () => {
    const states = (await statusOf(testApp, id)).map((s) => s.state);
    expect(states).toEqual(PEOPLE.map(() => 'sent'));
  }, 20_000);
  return testApp.standIn.postedMessages().map((m) => Number(m.ts) * 1000);
}

describe('messages to one workspace, paced', () => {
  let testApp: TestApp | undefined;

  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  it('spreads a burst at DELIVERY_MESSAGES_PER_MINUTE and draws no 429', async () => {
    testApp = await appWithPace('120');
    const refused = testApp.standIn.limitMessages({ perWorkspacePerSecond: 2 });

    const times = (await sendBurst(testApp)).sort((a, b) => a - b);

    expect(refused.get(PACED.teamId)).toBeUndefined();
    expect(times).toHaveLength(PEOPLE.length);
    // Eight messages at two a second: their slots span at least three and a half seconds.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(3000);
  }, 30_000);

  it('without a pace, the same burst runs into the workspace limit', async () => {
    testApp = await appWithPace('0');
    const refused = testApp.standIn.limitMessages({ perWorkspacePerSecond: 2 });

    const times = await sendBurst(testApp);

    expect(refused.get(PACED.teamId)?.overLimit).toBeGreaterThan(0);
    expect(times).toHaveLength(PEOPLE.length);
  }, 30_000);

  it('defers a message whose slot is far ahead instead of holding it while waiting', async () => {
    const clock = new ManualClock(new Date('2026-03-02T10:00:00.000Z'));
    testApp = await startTestApp({
      env: { ...DRIVEN_DELIVERY, DELIVERY_MESSAGES_PER_MINUTE: '6' },
      clock,
    });
    await installWorkspace(testApp, PACED);
    const id = await accepted(testApp, notification(recipients.slice(0, 2)));

    // This worker sends the first and knows the workspace is booked: it leaves the second queued.
    await deliveryWorker(testApp).drainOnce();
    const queued = (await statusOf(testApp, id))[1];
    // Another process's worker finds the next slot ten seconds ahead.
    await deliveryWorker(testApp).drainOnce();
    const [first, second] = await statusOf(testApp, id);
    clock.advance(10_000);
    await deliveryWorker(testApp).drainOnce();

    expect(queued).toMatchObject({ state: 'queued' });
    expect(first).toMatchObject({ state: 'sent' });
    // Six a minute: the second message's slot starts ten seconds later.
    expect(second).toMatchObject({ state: 'deferred', reason: 'rate_limited' });
    expect(Date.parse(second?.until ?? '')).toBe(Date.parse('2026-03-02T10:00:10.000Z'));
    expect((await statusOf(testApp, id)).map((s) => s.state)).toEqual(['sent', 'sent']);
  });
});
