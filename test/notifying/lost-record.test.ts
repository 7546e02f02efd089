import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import { openTestDatabase, testMongoUri } from '../support/database';
import { type LatencyProxy, startLatencyProxy } from '../support/latency-proxy';
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
import { type TestApp, startTestApp } from '../support/test-app';

/** Whether the wire bytes carry an `insert` command into `collection`. */
const insertsInto = (collection: string) => (chunk: Buffer) =>
  chunk.includes('insert\0') && chunk.includes(`${collection}\0`);

describe('writes cut off on the way to the database', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let proxy: LatencyProxy;
  let testApp: TestApp;

  beforeAll(async () => {
    const target = new URL(testMongoUri());
    proxy = await startLatencyProxy({ host: target.hostname, port: Number(target.port) });
    const database = await openTestDatabase(`mongodb://127.0.0.1:${proxy.port}/`);
    testApp = await startTestApp({ database, clock, env: DRIVEN_DELIVERY });
    await installWorkspace(testApp, ACME);
  }, 30_000);
  afterAll(async () => {
    await testApp.close();
    await testApp.database.drop();
    await proxy.close();
  });

  it('records a sent message on a second try and never posts it again', async () => {
    const id = await accepted(testApp, notification([person('U0ADA')]));
    proxy.cutOnce = insertsInto('delivery_results');

    await deliverFor(deliveryWorker(testApp), clock, 10);

    expect(proxy.cutOnce).toBeUndefined();
    expect(await statusOf(testApp, id)).toMatchObject([{ state: 'sent' }]);
    expect(testApp.standIn.postedMessages()).toHaveLength(1);
  }, 30_000);

  it('does not acknowledge a notification whose deliveries were not written', async () => {
    const body = notification([person('U0BOB')]);
    const key = { 'Idempotency-Key': 'cut-off-once' };
    proxy.cutOnce = insertsInto('deliveries');

    const refused = await notify(testApp, body, key);
    clock.advance(31_000);
    const retried = await notify(testApp, body, key);
    const { id } = (await retried.json()) as { id: string };

    expect(proxy.cutOnce).toBeUndefined();
    expect(refused.status).toBe(500);
    expect(retried.status).toBe(202);
    expect(await statusOf(testApp, id)).toMatchObject([{ state: 'queued' }]);
  }, 30_000);
});
