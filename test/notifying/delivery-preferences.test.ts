import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import type { DeliveryWorker } from '../../src/notifying/delivery-worker';
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

const MINUTE = 60 * 1000;

describe('delivery and each person’s preferences', () => {
  // Monday 2026-03-02, 23:30 in Paris (UTC+1): inside quiet hours from 22:00 to 07:30.
  const clock = new ManualClock(new Date('2026-03-02T22:30:00Z'));
  let testApp: TestApp;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    const env = { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '2', DIGEST_WINDOW_SECONDS: '600' };
    testApp = await startTestApp({ env, clock });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());
  beforeEach(() => {
    testApp.standIn.reset();
    worker = deliveryWorker(testApp);
  });

  const preferences = () => testApp.app.services.preferences;
  const posted = () => testApp.standIn.postedMessages();

  it('skips a person who muted the category, and still tells them the others', async () => {
    await preferences().update('T0ACME', 'U0BOB', { mutedCategories: ['announcement'] });

    const muted = await accepted(
      testApp,
      notification([person('U0BOB')], { category: 'announcement' }),
    );
    const other = await accepted(testApp, notification([person('U0BOB')], { category: 'quiz' }));
    await deliverFor(worker, clock, 2);

    expect(await statusOf(testApp, muted)).toMatchObject([{ state: 'skipped', reason: 'muted' }]);
    expect(await statusOf(testApp, other)).toMatchObject([{ state: 'sent' }]);
    expect(posted()).toHaveLength(1);
  });

  it('defers a person in quiet hours, in their own time zone, to the window’s end', async () => {
    const quietHours = { start: '22:00', end: '07:30' };
    await preferences().update('T0ACME', 'U0ADA', { quietHours });
    await preferences().update('T0ACME', 'U0BOB', { quietHours }); // 17:30 in New York

    const id = await accepted(testApp, notification([person('U0ADA'), person('U0BOB')]));
    await deliverFor(worker, clock, 2);
    const [ada, bob] = await statusOf(testApp, id);
    clock.advance(8 * 60 * MINUTE);
    await deliverFor(worker, clock, 1);
    const [adaLater] = await statusOf(testApp, id);

    expect(ada).toMatchObject({ state: 'deferred', reason: 'quiet_hours' });
    expect(ada?.until).toBe('2026-03-03T06:30:00.000Z'); // 07:30 in Paris
    expect(bob?.state).toBe('sent');
    expect(adaLater?.state).toBe('sent');
    await preferences().update('T0ACME', 'U0ADA', { quietHours: null });
    await preferences().update('T0ACME', 'U0BOB', { quietHours: null });
  });

  it('combines what exceeds the digest threshold into one message at window’s end', async () => {
    const quiz = (n: number) => ({
      category: 'quiz',
      content: { en: { title: `Quiz ${n}`, body: 'Take it' } },
    });
    const ids: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      ids.push(await accepted(testApp, notification([person('U0KEN')], quiz(n))));
    }
    const other = await accepted(testApp, notification([person('U0KEN')], { category: 'comment' }));

    await deliverFor(worker, clock, 10);
    const during = await Promise.all(ids.map(async (id) => (await statusOf(testApp, id))[0]));
    const postedDuring = posted().length;
    clock.advance(10 * MINUTE);
    await deliverFor(worker, clock, 2);
    const after = await Promise.all(ids.map(async (id) => (await statusOf(testApp, id))[0]));

    expect(during.map((s) => s?.state)).toEqual([
      'sent',
      'sent',
      'deferred',
      'deferred',
      'deferred',
    ]);
    expect(during[2]).toMatchObject({ reason: 'digest' });
    expect(await statusOf(testApp, other)).toMatchObject([{ state: 'sent' }]);
    expect(postedDuring).toBe(3);
    expect(after.map((s) => [s?.state, s?.digest ?? false])).toEqual([
      ['sent', false],
      ['sent', false],
      ['sent', true],
      ['sent', true],
      ['sent', true],
    ]);
    expect(new Set(after.slice(2).map((s) => s?.ts)).size).toBe(1);
    const digest = posted().at(-1);
    expect(posted()).toHaveLength(4);
    expect(JSON.stringify(digest?.blocks)).toContain('3 nouvelles notifications : Quiz et défis');
    expect(JSON.stringify(digest?.blocks)).toMatch(/Quiz 3.*Quiz 4.*Quiz 5/);
  });

  it('sends everything one by one to a person who turned digests off', async () => {
    await preferences().update('T0ACME', 'U0ADMIN', { digest: false });

    for (let n = 1; n <= 4; n += 1) {
      await accepted(testApp, notification([person('U0ADMIN')], { category: 'mention' }));
    }
    await deliverFor(worker, clock, 6);

    expect(posted()).toHaveLength(4);
    expect(posted().every((m) => !JSON.stringify(m.blocks).includes('notifications'))).toBe(true);
  });
});
