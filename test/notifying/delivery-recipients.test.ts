import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import type { DeliveryWorker } from '../../src/notifying/delivery-worker';
import {
  DRIVEN_DELIVERY,
  type RecipientStatus,
  accepted,
  deliverFor,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import { ACME, GLOBEX, person } from '../support/notifying-workspaces';
import { type TestApp, startTestApp } from '../support/test-app';

const HOUR = 60 * 60 * 1000;

describe('delivering to each kind of recipient', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    testApp = await startTestApp({ env: DRIVEN_DELIVERY, clock });
    await installWorkspace(testApp, ACME);
    await installWorkspace(testApp, GLOBEX);
    testApp.standIn.addChannel('T0ACME', 'C0NEWS');
  });
  afterAll(async () => testApp.close());
  beforeEach(() => {
    testApp.standIn.reset();
    worker = deliveryWorker(testApp);
  });

  async function deliver(body: unknown): Promise<RecipientStatus[]> {
    const id = await accepted(testApp, body);
    await deliverFor(worker, clock, 2);
    expect(testApp.standIn.violations).toEqual([]);
    return statusOf(testApp, id);
  }

  const posted = (status: RecipientStatus | undefined) =>
    testApp.standIn
      .postedMessages()
      .find((m) => m.ts === status?.ts && m.channel === status?.channel);
  const header = (status: RecipientStatus | undefined) =>
    (posted(status)?.blocks?.[0] as { text: { text: string } } | undefined)?.text.text;

  it('writes to each person in their Slack language, else in the configured default', async () => {
    const [ada, bob, ken] = await deliver(
      notification([person('U0ADA'), person('U0BOB'), person('U0KEN')]),
    );

    expect([ada?.state, bob?.state, ken?.state]).toEqual(['sent', 'sent', 'sent']);
    expect(ada?.channel).toMatch(/^D/);
    expect(header(ada)).toBe('Nouvelle capsule');
    expect(header(bob)).toBe('New capsule');
    expect(header(ken)).toBe('Nouvelle capsule'); // DEFAULT_LOCALE is fr in the tests
  });

  it('writes in the one language given when the person reads the other', async () => {
    const content = { en: { title: 'English only', body: 'Hello' } };

    const [ada] = await deliver(notification([person('U0ADA')], { content }));

    expect(header(ada)).toBe('English only');
  });

  it('posts to a channel in the default language', async () => {
    const [news] = await deliver(notification([{ channelId: 'C0NEWS', teamId: 'T0ACME' }]));

    expect(news).toMatchObject({ state: 'sent', channel: 'C0NEWS' });
    expect(header(news)).toBe('Nouvelle capsule');
  });

  it('finds a person by email in the named workspace, else in any installed one', async () => {
    const [bob, gil] = await deliver(
      notification([{ email: 'BOB@acme.test', teamId: 'T0ACME' }, { email: 'gil@globex.test' }]),
    );

    expect(bob).toMatchObject({ state: 'sent', teamId: 'T0ACME' });
    expect(gil).toMatchObject({ state: 'sent', teamId: 'T0GLOBEX' });
    expect(header(gil)).toBe('Nouvelle capsule');
  });

  it('remembers email lookups, "not found" too, and asks again once they expire', async () => {
    const body = notification([
      { email: 'ada@acme.test', teamId: 'T0ACME' },
      { email: 'nobody@acme.test', teamId: 'T0ACME' },
    ]);
    const lookups = () => testApp.standIn.callsTo('users.lookupByEmail').length;

    const first = await deliver(body);
    const second = await deliver(body);
    const afterCalls = lookups();
    clock.advance(16 * 60 * 1000);
    await deliver(body);
    const afterNotFoundExpired = lookups();
    clock.advance(6 * HOUR);
    await deliver(body);

    expect(first.map((s) => [s.state, s.reason])).toEqual([
      ['sent', undefined],
      ['failed', 'users_not_found'],
    ]);
    expect(second.map((s) => s.state)).toEqual(['sent', 'failed']);
    expect(afterCalls).toBe(2);
    expect(afterNotFoundExpired).toBe(3);
    expect(lookups()).toBe(5);
  });

  it('fails an email of a deactivated account as not found', async () => {
    const [gone] = await deliver(notification([{ email: 'gone@acme.test', teamId: 'T0ACME' }]));

    expect(gone).toMatchObject({ state: 'failed', reason: 'users_not_found' });
  });

  it('reaches a Cocoom user through their identity link, and fails clearly without', async () => {
    const links = testApp.app.services.identityLinks;
    await links.upsert({ teamId: 'T0GLOBEX', userId: 'U0HAL', email: 'hal@globex.test' });
    await links.setCocoomUserId('T0GLOBEX', 'U0HAL', 'cocoom-77');

    const [hal, stranger] = await deliver(
      notification([{ cocoomUserId: 'cocoom-77' }, { cocoomUserId: 'cocoom-404' }]),
    );

    expect(hal).toMatchObject({ state: 'sent', teamId: 'T0GLOBEX' });
    expect(header(hal)).toBe('New capsule');
    expect(stranger).toMatchObject({ state: 'failed', reason: 'cocoom_user_not_linked' });
  });

  it('fits oversized text within Slack’s limits', async () => {
    const title = 'T'.repeat(2000);
    const body = `${'word & <tag> '.repeat(7000)}end`;
    const buttons = [{ text: 'B'.repeat(300), url: 'https://acme.cocoom.com/x' }];
    const content = { en: { title, body, buttons } };

    const [bob] = await deliver(notification([person('U0BOB')], { content }));

    const blocks = (posted(bob)?.blocks ?? []) as {
      type: string;
      text?: { text: string };
      elements?: { text: { text: string } }[];
    }[];
    expect(bob?.state).toBe('sent');
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks[0]?.text?.text.length).toBeLessThanOrEqual(150);
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(10);
    expect(sections.every((s) => (s.text?.text.length ?? 0) <= 3000)).toBe(true);
    expect(sections[0]?.text?.text).toContain('word &amp; &lt;tag&gt;');
    expect(sections.at(-1)?.text?.text.endsWith('…')).toBe(true);
    const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.text.text.length).toBeLessThanOrEqual(75);
  });

  it('lists what was sent to a person for App Home, newest first, in their language', async () => {
    const quiz = {
      en: { title: 'Quiz ready', body: 'Go' },
      fr: { title: 'Quiz prêt', body: 'Go' },
    };
    await deliver(notification([person('U0BOSS', 'T0GLOBEX')]));
    await deliver(
      notification([person('U0BOSS', 'T0GLOBEX')], {
        category: 'quiz',
        content: quiz,
        link: `${testApp.config.platformUrl}/quiz/1`,
      }),
    );

    const feed = testApp.app.services.notificationFeed;
    const english = await feed.recentFor('T0GLOBEX', 'U0BOSS', 'en', 10);
    const french = await feed.recentFor('T0GLOBEX', 'U0BOSS', 'fr', 1);

    expect(english.map((n) => [n.category, n.title])).toEqual([
      ['quiz', 'Quiz ready'],
      ['new_content', 'New capsule'],
    ]);
    expect(english[0]?.link).toBe(`${testApp.config.platformUrl}/quiz/1`);
    expect(french.map((n) => n.title)).toEqual(['Quiz prêt']);
  });
});
