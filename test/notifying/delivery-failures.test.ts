import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { createDeliveryContext } from '../../src/notifying/delivery-context';
import { processDelivery } from '../../src/notifying/delivery-process';
import type { DeliveryWorker } from '../../src/notifying/delivery-worker';
import { ManualClock } from '../../src/shared/clock';
import {
  DRIVEN_DELIVERY,
  type RecipientStatus,
  accepted,
  deliverFor,
  deliveries,
  deliveryResults,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import { ACME, GLOBEX, person } from '../support/notifying-workspaces';
import type { RecordedCall } from '../support/slack-stand-in';
import { type TestApp, startTestApp } from '../support/test-app';

const ACME_PEOPLE = ['U0ADA', 'U0BOB', 'U0KEN'];
const GLOBEX_PEOPLE = ['U0BOSS', 'U0GIL', 'U0HAL'];
const toAcme = (call: RecordedCall) => ACME_PEOPLE.includes(String(call.args.channel));

describe('delivery when Slack fails', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { ...DRIVEN_DELIVERY, DELIVERY_MAX_ATTEMPTS: '3' },
      clock,
    });
    await installWorkspace(testApp, ACME);
    await installWorkspace(testApp, GLOBEX);
  });
  afterAll(async () => testApp.close());
  beforeEach(() => {
    testApp.standIn.reset();
    worker = deliveryWorker(testApp);
  });

  const posts = () => testApp.standIn.callsTo('chat.postMessage');
  const installation = (teamId: string) =>
    testApp.database.db.collection('installations').findOne({ teamId });

  async function oneDelivery(recipient = person('U0ADA')): Promise<RecipientStatus[]> {
    const id = await accepted(testApp, notification([recipient]));
    await deliverFor(worker, clock, 1);
    return statusOf(testApp, id);
  }

  it.each([
    'users_not_found',
    'account_inactive',
    'channel_not_found',
    'not_in_channel',
    'missing_scope',
    'is_archived',
  ])('fails at once with %s, without retrying', async (code) => {
    testApp.standIn.fail('chat.postMessage', { error: code });

    const [status] = await oneDelivery();
    await deliverFor(worker, clock, 60);

    expect(status).toMatchObject({ state: 'failed', reason: code });
    expect(posts()).toHaveLength(1);
    expect((await installation('T0ACME'))?.needsReinstall).toBe(false);
  });

  it.each(['invalid_auth', 'token_revoked'])(
    'fails at once with %s and marks the installation as needing a re-install',
    async (code) => {
      testApp.standIn.fail('chat.postMessage', { error: code, times: 1 });

      const [status] = await oneDelivery();
      const [next] = await oneDelivery(person('U0BOB'));

      expect(status).toMatchObject({ state: 'failed', reason: code });
      expect((await installation('T0ACME'))?.needsReinstall).toBe(true);
      expect(next).toMatchObject({ state: 'failed', reason: 'installation_needs_reinstall' });
      expect(posts()).toHaveLength(1);
      await installWorkspace(testApp, ACME); // installing again clears the mark
      expect((await installation('T0ACME'))?.needsReinstall).toBe(false);
    },
  );

  it('retries 5xx answers with growing, jittered waits, then posts once', async () => {
    testApp.standIn.fail('chat.postMessage', { status: 503, times: 2 });
    const id = await accepted(testApp, notification([person('U0ADA')]));

    const start = clock.now().getTime();
    await worker.drainOnce();
    const [firstWait] = await statusOf(testApp, id);
    await deliverFor(worker, clock, 3);
    const [secondWait] = await statusOf(testApp, id);
    await deliverFor(worker, clock, 6);
    const [done] = await statusOf(testApp, id);

    const until = (s?: RecipientStatus) => Date.parse(s?.until ?? '');
    expect(firstWait).toMatchObject({ state: 'deferred', reason: 'retrying', attempts: 1 });
    expect(until(firstWait) - start).toBeGreaterThanOrEqual(1000);
    expect(until(firstWait) - start).toBeLessThanOrEqual(2000);
    expect(secondWait).toMatchObject({ state: 'deferred', reason: 'retrying', attempts: 2 });
    expect(until(secondWait) - until(firstWait)).toBeGreaterThanOrEqual(2000);
    expect(done).toMatchObject({ state: 'sent', attempts: 2 });
    expect(posts()).toHaveLength(3);
    expect(testApp.standIn.postedMessages()).toHaveLength(1);
  });

  it('gives up after DELIVERY_MAX_ATTEMPTS transient failures, with the reason', async () => {
    testApp.standIn.fail('chat.postMessage', { status: 500 });

    const id = await accepted(testApp, notification([person('U0BOB')]));
    await deliverFor(worker, clock, 30);
    const [status] = await statusOf(testApp, id);

    expect(status).toMatchObject({ state: 'failed', reason: 'http_500' });
    expect(posts().filter((c) => c.args.channel === 'U0BOB')).toHaveLength(3);
  });

  it('defers only the rate-limited workspace, for Retry-After, while another flows', async () => {
    testApp.standIn.fail('chat.postMessage', {
      status: 429,
      retryAfter: 30,
      times: 1,
      when: toAcme,
    });
    const people = ACME_PEOPLE.flatMap((id, i) => [
      person(id),
      person(GLOBEX_PEOPLE[i] ?? '', 'T0GLOBEX'),
    ]);
    const id = await accepted(testApp, notification(people));

    await deliverFor(worker, clock, 5);
    const during = await statusOf(testApp, id);
    const acmeCallsDuring = posts().filter(toAcme).length;
    await deliverFor(worker, clock, 30);
    const after = await statusOf(testApp, id);

    const byTeam = (team: string, list: RecipientStatus[]) =>
      list.filter((_, i) => people[i]?.teamId === team).map((s) => s.state);
    expect(byTeam('T0GLOBEX', during)).toEqual(['sent', 'sent', 'sent']);
    expect(during[0]).toMatchObject({ state: 'deferred', reason: 'rate_limited' });
    expect(byTeam('T0ACME', during).filter((s) => s === 'sent')).toEqual([]);
    expect(acmeCallsDuring).toBe(1);
    expect(after.map((s) => s.state)).toEqual(Array(6).fill('sent'));
    expect(testApp.standIn.postedMessages()).toHaveLength(6);
    expect(testApp.logLines.join('')).toContain('Slack rate-limited a workspace');
  });

  it('fails a delivery whose workspace uninstalled the app after it was accepted', async () => {
    testApp.standIn.addWorkspace({ teamId: 'T0GONE', users: [{ id: 'U0LAST' }] });
    await installWorkspace(testApp, { teamId: 'T0GONE', users: [{ id: 'U0LAST' }] });
    const id = await accepted(testApp, notification([person('U0LAST', 'T0GONE')]));
    await testApp.app.services.installations.deleteInstallation({
      teamId: 'T0GONE',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });

    await deliverFor(worker, clock, 1);

    expect(await statusOf(testApp, id)).toMatchObject([
      { state: 'failed', reason: 'installation_not_found' },
    ]);
  });

  it('never posts a sent message again, even once its lease would have expired', async () => {
    const [sent] = await oneDelivery();
    clock.advance(10 * 60 * 1000);

    const processed = await worker.drainOnce();

    expect(sent?.state).toBe('sent');
    expect(processed).toBe(0);
    expect(testApp.standIn.postedMessages()).toHaveLength(1);
  });

  it('never posts a delivery whose result was written before its worker stopped', async () => {
    const id = await accepted(testApp, notification([person('U0BOB')]));
    const waiting = await deliveries(testApp).findOne({ notificationId: id });
    // The worker wrote the result, then stopped before removing the waiting delivery.
    if (waiting) await deliveryResults(testApp).insertOne({ ...waiting, state: 'sent' });

    await deliverFor(worker, clock, 2);

    expect(posts()).toHaveLength(0);
    expect(await deliveries(testApp).countDocuments({ notificationId: id })).toBe(0);
    expect(await statusOf(testApp, id)).toMatchObject([{ state: 'sent' }]);
  });

  it('does not post once its claim ran out and another worker took the delivery over', async () => {
    const id = await accepted(testApp, notification([person('U0KEN')]));
    const stalled = createDeliveryContext(testApp.app.services);
    const lease = await stalled.queue.claim(new Set());

    clock.advance(61_000);
    await worker.drainOnce();
    if (lease) await processDelivery(stalled, lease);

    expect(lease?.delivery.notificationId).toBe(id);
    expect(posts().filter((c) => c.args.channel === 'U0KEN')).toHaveLength(1);
    expect(await statusOf(testApp, id)).toMatchObject([{ state: 'sent', attempts: 0 }]);
  });

  it('never sends deliveries of a request that died before writing its notification', async () => {
    const now = clock.now();
    await deliveries(testApp).insertOne({
      _id: 'half-written/0',
      notificationId: 'half-written',
      index: 0,
      category: 'quiz',
      recipient: person('U0ADA'),
      state: 'queued',
      availableAt: now,
      attempts: 0,
      teamId: 'T0ACME',
      createdAt: now,
      updatedAt: now,
    });

    await deliverFor(worker, clock, 10);
    clock.advance(26 * 60 * 60 * 1000);
    await deliverFor(worker, clock, 6);

    const left = await deliveryResults(testApp).findOne({ _id: 'half-written/0' });
    expect(left).toMatchObject({ state: 'failed', reason: 'not_accepted' });
    expect(await deliveries(testApp).findOne({ _id: 'half-written/0' })).toBeNull();
    expect(posts()).toHaveLength(0);
  });

  it('keeps tokens and secrets out of the log', () => {
    const log = testApp.logLines.join('');

    expect(log).not.toMatch(/xox[abpe]-|xoxe\./);
    expect(log).toContain('notification sent');
    expect(log).toContain('notification failed');
  });
});
