import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebClient } from '@slack/web-api';

import { startSlackStandIn, type SlackStandIn } from './slack-stand-in';

describe('the stand-in’s views.publish', () => {
  let standIn: SlackStandIn;
  let bot: WebClient;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    standIn.addWorkspace({ teamId: 'T1', users: [{ id: 'U1' }] });
    const { token } = standIn.issueToken('bot', 'T1', 'UBOT1');
    bot = new WebClient(token, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => standIn.close());

  const publish = (blocks: unknown[]) =>
    bot.views
      .publish({ user_id: 'U1', view: { type: 'home', blocks } as never })
      .catch((error: unknown) => error as { data?: Record<string, unknown> });

  it('refuses a header longer than 150 characters, saying where, as Slack does', async () => {
    const header = { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } };

    expect(await publish([header])).toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: ['[ERROR] must be less than 151 characters [json-pointer:/view/blocks/0/text]'],
        },
      },
    });
  });

  it('refuses a button text over 75 characters and accepts one of 75', async () => {
    const actions = (text: string) => ({
      type: 'actions',
      elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text } }],
    });

    expect(await publish([actions('y'.repeat(76))])).toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    expect(await publish([actions('y'.repeat(75))])).toMatchObject({ ok: true });
  });

  it('refuses a Home published with the hash of an older one, as Slack does', async () => {
    const home = (text: string, hash?: string) =>
      bot.views
        .publish({
          user_id: 'U1',
          view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
          ...(hash === undefined ? {} : { hash }),
        })
        .catch((error: unknown) => error as { data?: Record<string, unknown> });

    const first = (await home('first')) as { view?: { hash?: string } };
    const hash = first.view?.hash ?? '';
    expect(await home('second', hash)).toMatchObject({ ok: true });

    expect(await home('stale', hash)).toMatchObject({ data: { error: 'hash_conflict' } });
    expect(standIn.homeView('T1', 'U1')?.view).toMatchObject({
      blocks: [{ text: { text: 'second' } }],
    });
    expect(await home('forced')).toMatchObject({ ok: true });
  });
});
