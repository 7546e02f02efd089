import { expect } from '@jest/globals';

import { eventually } from './eventually';
import { type BlockKitNode, publishedViews } from './block-kit';
import { homeBlockActions } from './slack-actions';
import { appHomeOpened, eventEnvelope } from './slack-events';
import { postSignedAction, postSignedEvent } from './slack-signature';
import type { StandInUser } from './slack-stand-in';
import type { TestApp } from './test-app';

/** The workspace App Home tests use: French and English speakers in their own time zones. */
export const ACME = 'T0ACME';

/** A member of {@link ACME}. */
export function member(id: string, locale: 'fr-FR' | 'en-US'): StandInUser {
  const tz = locale === 'fr-FR' ? 'Europe/Paris' : 'America/New_York';
  return { id, locale, tz, email: `${id.toLowerCase()}@acme.test` };
}

/** Sends a signed `app_home_opened` for `userId`, as Slack would; resolves with the answer. */
export async function openHome(
  testApp: TestApp,
  userId: string,
  options: { eventId?: string; tab?: 'home' | 'messages'; headers?: Record<string, string> } = {},
): Promise<Response> {
  const envelope = eventEnvelope(appHomeOpened(userId, options.tab), {
    teamId: ACME,
    eventId: options.eventId,
  });
  const secret = testApp.config.slack.signingSecret;
  const answer = await postSignedEvent(`${testApp.url}/slack/events`, secret, envelope, {
    ...options.headers,
  });
  expect(answer.status).toBe(200);
  return answer;
}

/**
 * Sends a signed `block_actions` click by `userId` in their Home; resolves with the answer. The
 * click carries the id and hash of the Home last published to them, as Slack's would.
 */
export async function clickInHome(
  testApp: TestApp,
  userId: string,
  action: Record<string, unknown>,
): Promise<Response> {
  const clicked = testApp.standIn.homeView(ACME, userId);
  const payload = homeBlockActions({ teamId: ACME, userId }, action, clicked);
  const secret = testApp.config.slack.signingSecret;
  return postSignedAction(`${testApp.url}/slack/events`, secret, payload);
}

/** The views published for `userId`, oldest first. */
export function viewsFor(testApp: TestApp, userId: string): BlockKitNode[] {
  return publishedViews(testApp.standIn)
    .filter((published) => published.userId === userId)
    .map((published) => published.view);
}

/** Waits until `count` views were published for `userId`, and returns the last one. */
export async function nthViewFor(testApp: TestApp, userId: string, count: number) {
  return eventually(() => {
    const views = viewsFor(testApp, userId);
    expect(views).toHaveLength(count);
    return views[count - 1] as BlockKitNode;
  });
}

/** Environment for a second app that must read what the first one encrypted. */
export function sameKeys(testApp: TestApp): Record<string, string> {
  const keys = testApp.config.tokenKeys.map((k) => `${k.id}:${k.key.toString('base64')}`);
  return { TOKEN_ENCRYPTION_KEYS: keys.join(',') };
}

/** Waits until a log line containing every one of `parts` was written. */
export async function logged(testApp: TestApp, ...parts: string[]): Promise<void> {
  await eventually(() => {
    const line = testApp.logLines.find((l) => parts.every((part) => l.includes(part)));
    expect(line).toBeDefined();
  });
}
