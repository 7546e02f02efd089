import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { NOTIFY_REQUEST_SCHEMA } from '../../src/notifying/notification-schema';
import { DRIVEN_DELIVERY, installWorkspace, notification, notify } from '../support/notifying';
import { type TestApp, startTestApp } from '../support/test-app';

const ADA = { slackUserId: 'U0ADA', teamId: 'T0ACME' };

/** Bodies on both sides of each rule the schema states. */
const SAMPLES: unknown[] = [
  notification([ADA]),
  notification([{ email: 'ada@acme.test' }]),
  notification([{ cocoomUserId: '42' }]),
  notification([{ cocoomUserId: '42', teamId: 'T0ACME' }]),
  notification([{ channelId: 'C0NEWS', teamId: 'T0ACME' }]),
  notification([{ channelId: 'C0NEWS' }]),
  notification([{ slackUserId: 'U0ADA' }]),
  notification([{ email: 'ada@acme.test', cocoomUserId: '42' }]),
  notification([{}]),
  notification([]),
  notification([ADA], { category: 'gossip' }),
  notification([ADA], { content: {} }),
  notification([ADA], { content: { en: { title: 'Only English', body: 'Hello' } } }),
  notification([ADA], { content: { en: { title: 'No body' } } }),
  notification([ADA], { content: { en: { title: 'T', body: 'B', buttons: [{ text: 'Go' }] } } }),
  notification([ADA], {
    content: { en: { title: 'T', body: 'B', buttons: [{ text: 'Go', url: 'https://x.test' }] } },
  }),
  notification([ADA], { link: 'not a url' }),
  notification([ADA], { extra: true }),
  { category: 'quiz' },
];

describe('the served OpenAPI description of POST /internal/notify', () => {
  let testApp: TestApp;
  let served: Record<string, unknown>;

  beforeAll(async () => {
    testApp = await startTestApp({ env: DRIVEN_DELIVERY });
    await installWorkspace(testApp, { teamId: 'T0ACME', users: [{ id: 'U0ADA' }] });
    const answer = await fetch(`${testApp.url}/internal/openapi.json`);
    served = (await answer.json()) as Record<string, unknown>;
  });
  afterAll(async () => testApp.close());

  const component = (name: string) =>
    (served.components as { schemas: Record<string, Record<string, unknown>> }).schemas[name];

  it('publishes the request schema the validator compiles, and both routes', () => {
    expect(component('NotifyRequest')).toEqual(JSON.parse(JSON.stringify(NOTIFY_REQUEST_SCHEMA)));
    const paths = served.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/internal/notify'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/internal/notifications/{id}'] ?? {})).toEqual(['get']);
  });

  it('accepts exactly the bodies that the published schema accepts', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const publishedCheck = ajv.compile(component('NotifyRequest') ?? {});

    for (const sample of SAMPLES) {
      const answer = await notify(testApp, sample);
      const expected = publishedCheck(sample) ? 202 : 400;
      expect([JSON.stringify(sample), answer.status]).toEqual([JSON.stringify(sample), expected]);
    }
  });
});
