import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { WebClient, WebAPIRateLimitedError } from '@slack/web-api';

import { ManualClock } from '../../src/shared/clock';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in';

const clock = new ManualClock(new Date('2026-03-02T09:00:00.100Z'));
let standIn: SlackStandIn;
let slack: WebClient;

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  standIn.addWorkspace({ teamId: 'T1', users: [{ id: 'U1' }, { id: 'U2' }, { id: 'U3' }] });
  const token = standIn.issueToken('bot', 'T1', 'UBOT').token;
  const options = { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  slack = new WebClient(token, { slackApiUrl: standIn.apiUrl, ...options });
});
afterAll(() => standIn.close());

async function post(channel: string): Promise<number | 'ok'> {
  try {
    await slack.chat.postMessage({ channel, text: 'hi' });
    return 'ok';
  } catch (error) {
    if (error instanceof WebAPIRateLimitedError) return error.retryAfter;
    throw error;
  }
}

it('answers 429 with Retry-After beyond one message a second per channel or the cap', async () => {
  const refused = standIn.limitMessages({ perWorkspacePerSecond: 2 });

  const first = [await post('U1'), await post('U1'), await post('U2'), await post('U3')];
  clock.advance(1000);
  const next = [await post('U1'), await post('U3')];

  expect(first).toEqual(['ok', 1, 'ok', 1]);
  expect(next).toEqual(['ok', 'ok']);
  expect(refused.get('T1')).toEqual({ overLimit: 2, injected: 0 });
  expect(standIn.postedMessages()).toHaveLength(4);
  expect(standIn.violations).toEqual([]);
});
