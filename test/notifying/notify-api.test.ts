import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { MAX_RECIPIENTS } from '../../src/notifying/notification-schema';
import { eventually } from '../support/eventually';
import {
  DRIVEN_DELIVERY,
  deliveries,
  installWorkspace,
  notification,
  notify,
  statusOf,
} from '../support/notifying';
import { TEST_INTERNAL_TOKEN, type TestApp, startTestApp } from '../support/test-app';

const PLATFORM = 'https://acme.cocoom.com';
const ADA = { slackUserId: 'U0ADA', teamId: 'T0ACME' };

describe('POST /internal/notify', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { ...DRIVEN_DELIVERY, COCOOM_PLATFORM_URL: PLATFORM } });
    await installWorkspace(testApp, { teamId: 'T0ACME', users: [{ id: 'U0ADA' }] });
  });
  afterAll(async () => testApp.close());
  beforeEach(async () => {
    testApp.standIn.reset();
    await testApp.database.db.collection('notifications').deleteMany({});
    await deliveries(testApp).deleteMany({});
  });

  const stored = async () => ({
    notifications: await testApp.database.db.collection('notifications').countDocuments(),
    deliveries: await deliveries(testApp).countDocuments(),
  });

  async function refusal(answer: Response) {
    const body = (await answer.json()) as {
      code: string;
      errors?: { field: string; code: string }[];
    };
    expect(await stored()).toEqual({ notifications: 0, deliveries: 0 });
    return { status: answer.status, ...body };
  }

  it('writes the notification and every delivery before answering 202 with its id', async () => {
    const recipients = [ADA, { email: 'bob@acme.test' }, { channelId: 'C0NEWS', teamId: 'T0ACME' }];

    const answer = await notify(testApp, notification(recipients));

    expect(answer.status).toBe(202);
    const body = (await answer.json()) as { id: string; recipients: number };
    expect(body.recipients).toBe(3);
    expect(answer.headers.get('location')).toBe(`/internal/notifications/${body.id}`);
    const written = await deliveries(testApp).find({ notificationId: body.id }).toArray();
    expect(written.map((d) => [d.state, d.availableAt !== null])).toEqual([
      ['queued', true],
      ['queued', true],
      ['queued', true],
    ]);
    expect(await statusOf(testApp, body.id)).toMatchObject([
      { state: 'queued', recipient: ADA },
      { state: 'queued', recipient: { email: 'bob@acme.test' } },
      { state: 'queued' },
    ]);
    expect(testApp.logLines.join('')).toContain('notification accepted');
  });

  it('refuses a missing bearer token and a wrong one alike, storing nothing', async () => {
    const body = JSON.stringify(notification([ADA]));
    const headers = { 'Content-Type': 'application/json' };
    const missing = await fetch(`${testApp.url}/internal/notify`, {
      method: 'POST',
      headers,
      body,
    });
    const wrong = await fetch(`${testApp.url}/internal/notify`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${TEST_INTERNAL_TOKEN}x` },
      body,
    });

    const first = await refusal(missing);
    const second = await refusal(wrong);

    expect(first).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(second).toEqual(first);
  });

  it('refuses another content type with 415 and a body over 256 KiB with 413', async () => {
    const form = await fetch(`${testApp.url}/internal/notify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_INTERNAL_TOKEN}`, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    const huge = notification([ADA], {
      content: { fr: { title: 't', body: 'x'.repeat(300_000) } },
    });

    expect(await refusal(form)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal(await notify(testApp, huge))).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    });
    expect(await refusal(await notify(testApp, '{"category":'))).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
  });

  it.each(['null', '"hello"', '42'])(
    'refuses a JSON body that is not an object: %s',
    async (raw) => {
      const answer = await refusal(await notify(testApp, raw));

      expect(answer).toMatchObject({ status: 400, code: 'invalid_json' });
    },
  );

  it('names every offending field with a code', async () => {
    const body = {
      category: 'gossip',
      content: { de: { title: 'Hallo' }, fr: { title: '', body: 'b' } },
      link: 'ftp://acme.cocoom.com/x',
      recipients: [
        { email: 'not-an-email' },
        { slackUserId: 'U0ADA' },
        { email: 'a@b.test', channelId: 'C0NEWS', teamId: 'T0ACME' },
      ],
      colour: 'red',
    };

    const answer = await refusal(await notify(testApp, body));

    expect(answer).toMatchObject({ status: 400, code: 'validation_failed' });
    const problems = (answer.errors ?? []).map((e) => `${e.field} ${e.code}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '/colour additionalProperties',
        '/category enum',
        '/content/de additionalProperties',
        '/content/fr/title minLength',
        '/link pattern',
        '/recipients/0/email format',
        '/recipients/1/teamId dependencies',
        '/recipients/2 oneOf',
      ]),
    );
    // One clear problem per recipient, not the reasons each way of naming one did not fit.
    expect(problems.filter((p) => p.startsWith('/recipients/1'))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith('/recipients/2'))).toHaveLength(1);
  });

  it('refuses titles, bodies and button texts that are only white space', async () => {
    const blank = {
      title: ' \u200B ',
      body: '\n\t',
      buttons: [{ text: ' ', url: `${PLATFORM}/x` }],
    };
    const body = notification([ADA], { content: { en: blank } });

    const answer = await refusal(await notify(testApp, body));

    expect(answer).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((answer.errors ?? []).map((e) => `${e.field} ${e.code}`)).toEqual([
      '/content/en/title pattern',
      '/content/en/body pattern',
      '/content/en/buttons/0/text pattern',
    ]);
  });

  it('refuses a link off the Cocoom platform', async () => {
    const body = notification([ADA], { link: 'https://evil.example/phish' });

    const answer = await refusal(await notify(testApp, body));

    expect(answer).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(answer.errors).toEqual([
      expect.objectContaining({ field: '/link', code: 'platform_origin' }),
    ]);
  });

  it(`accepts ${MAX_RECIPIENTS} recipients and refuses one more`, async () => {
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({
      email: `u${i}@acme.test`,
    }));

    const over = await refusal(await notify(testApp, notification(many)));
    const atMost = await notify(testApp, notification(many.slice(1)));

    expect(over).toMatchObject({
      status: 400,
      errors: [{ field: '/recipients', code: 'maxItems' }],
    });
    expect(atMost.status).toBe(202);
    expect(await deliveries(testApp).countDocuments()).toBe(MAX_RECIPIENTS);
  });

  it('refuses recipients in a workspace that has not installed the app, naming each', async () => {
    const body = notification([ADA, { slackUserId: 'U0EVE', teamId: 'T0OTHER' }]);

    const answer = await refusal(await notify(testApp, body));

    expect(answer).toMatchObject({
      status: 422,
      code: 'workspace_not_installed',
      errors: [{ field: '/recipients/1/teamId', code: 'workspace_not_installed' }],
    });
  });

  it('answers 404 for an unknown notification', async () => {
    const answer = await fetch(`${testApp.url}/internal/notifications/nope`, {
      headers: { Authorization: `Bearer ${TEST_INTERNAL_TOKEN}` },
    });

    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('the delivery workers inside the app', () => {
  it('deliver an accepted notification without being driven', async () => {
    const testApp = await startTestApp({
      env: { DELIVERY_CONCURRENCY: '2', DELIVERY_POLL_MS: '20' },
    });
    try {
      await installWorkspace(testApp, { teamId: 'T0ACME', users: [{ id: 'U0ADA' }] });
      const answer = await notify(testApp, notification([ADA]));
      const { id } = (await answer.json()) as { id: string };

      const [status] = await eventually(async () => {
        const recipients = await statusOf(testApp, id);
        expect(recipients[0]?.state).toBe('sent');
        return recipients;
      });
      expect(status).toMatchObject({
        channel: expect.stringMatching(/^D/),
        ts: expect.any(String),
      });
      expect(testApp.standIn.postedMessages()).toHaveLength(1);
      expect(testApp.standIn.violations).toEqual([]);
    } finally {
      await testApp.close();
    }
  });
});
