import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import { EVENT_MEMORY_MS, EventReceipts } from '../../src/shared/event-receipts';
import { openTestDatabase } from '../support/database';

describe('EventReceipts', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.drop());

  it('claims an event id once, even when two claims race', async () => {
    const receipts = new EventReceipts(database.db, clock);

    const claims = await Promise.all([receipts.claim('EvRACE'), receipts.claim('EvRACE')]);

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await receipts.claim('EvRACE')).toBe(false);
  });

  it('remembers an id across instances (a restart) until it expires, then forgets it', async () => {
    expect(await new EventReceipts(database.db, clock).claim('EvLATER')).toBe(true);
    expect(await new EventReceipts(database.db, clock).claim('EvLATER')).toBe(false);

    clock.advance(EVENT_MEMORY_MS + 1);

    const receipts = new EventReceipts(database.db, clock);
    expect(await receipts.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await receipts.claim('EvLATER')).toBe(true);
    expect(await receipts.claim('EvLATER')).toBe(false);
  });

  it('claims again an expired id that was not purged yet', async () => {
    const receipts = new EventReceipts(database.db, clock);
    expect(await receipts.claim('EvSTALE')).toBe(true);

    clock.advance(EVENT_MEMORY_MS + 1);

    expect(await receipts.claim('EvSTALE')).toBe(true);
    expect(await receipts.claim('EvSTALE')).toBe(false);
  });
});
