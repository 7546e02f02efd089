import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { appHomeOpened, eventEnvelope } from '../support/slack-events';
import { slackSignatureHeaders } from '../support/slack-signature';
import { type TestApp, startTestApp } from '../support/test-app';

describe('requests to /slack/events', () => {
  let testApp: TestApp;
  const body = JSON.stringify(eventEnvelope(appHomeOpened('U0ADMIN'), { teamId: 'T0ACME' }));
  const post = (headers: Record<string, string>) =>
    fetch(`${testApp.url}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => testApp.close());

  it('are refused without signature headers', async () => {
    expect((await post({})).status).toBe(401);
  });

  it('are refused when signed with another secret', async () => {
    const headers = slackSignatureHeaders('not-the-signing-secret-0123456789', body);

    expect((await post(headers)).status).toBe(401);
  });

  it('are refused when the body was changed after signing', async () => {
    const headers = slackSignatureHeaders(testApp.config.slack.signingSecret, `${body} `);

    expect((await post(headers)).status).toBe(401);
  });

  it('are refused when the timestamp is over five minutes old (replay)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const headers = slackSignatureHeaders(testApp.config.slack.signingSecret, body, stale);

    expect((await post(headers)).status).toBe(401);
  });

  it('are refused when the timestamp is over five minutes ahead', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const headers = slackSignatureHeaders(testApp.config.slack.signingSecret, body, ahead);

    expect((await post(headers)).status).toBe(401);
  });

  it('reach no handler when refused', async () => {
    await post({});
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(testApp.standIn.calls).toHaveLength(0);
  });

  it('answer Slack’s URL verification challenge when signed', async () => {
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const answer = await fetch(`${testApp.url}/slack/events`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...slackSignatureHeaders(testApp.config.slack.signingSecret, challenge),
      },
      body: challenge,
    });

    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ challenge: 'c-123' });
  });
});
