import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliverFor,
  deliveryWorker,
  installWorkspace,
  notification,
  notify,
  statusOf,
} from '../support/notifying';
import { ACME, person } from '../support/notifying-workspaces';
import { TEST_INTERNAL_TOKEN, type TestApp, startTestApp } from '../support/test-app';

describe('recipients and requests at the edges', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '0' }, clock });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());
  beforeEach(() => testApp.standIn.reset());

  it('tells one person once, however many recipients name them', async () => {
    const bob = [person('U0BOB'), person('U0BOB'), { email: 'bob@acme.test', teamId: 'T0ACME' }];
    const id = await accepted(testApp, notification(bob));

    await deliverFor(deliveryWorker(testApp), clock, 3);

    expect(testApp.standIn.postedMessages()).toHaveLength(1);
    const states = (await statusOf(testApp, id)).map((r) => `${r.state}:${r.reason ?? ''}`);
    expect(states.sort()).toEqual([
      'sent:',
      'skipped:duplicate_recipient',
      'skipped:duplicate_recipient',
    ]);
  });

  it('refuses a link with an impossible port with 400 naming /link, not 500', async () => {
    const link = `${testApp.config.platformUrl.replace(/:\d+$/, '')}:99999/x`;

    const answer = await notify(testApp, notification([person('U0ADA')], { link }));

    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('/link');
  });

  it('answers 404, not 500, for a notification id that is not valid percent-encoding', async () => {
    const answer = await fetch(`${testApp.url}/internal/notifications/%ZZ`, {
      headers: { Authorization: `Bearer ${TEST_INTERNAL_TOKEN}` },
    });

    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('a recipient named two ways', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: DRIVEN_DELIVERY });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());

  it.each([
    [{ email: 'ada@acme.test', channelId: 'C0NEWS' }],
    [{ cocoomUserId: '42', slackUserId: 'U0ADA' }],
    [{ slackUserId: 'U0ADA', teamId: 'T0ACME', email: 'ada@acme.test' }],
  ])('is refused with 400 naming the recipient: %j', async (recipient) => {
    const answer = await notify(testApp, notification([recipient]));

    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('/recipients/0');
  });
});
