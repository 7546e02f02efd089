import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';

import { takeOnce } from '../../src/shared/atomic';
import { ManualClock } from '../../src/shared/clock';
import { LeaseStore } from '../../src/shared/leases';
import { openTestDatabase, testMongoUri } from '../support/database';

describe('atomic claims shared by processes', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clients: MongoClient[] = [];
  const clock = new ManualClock(new Date('2026-05-01T08:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase();
    for (let i = 0; i < 8; i += 1) clients.push(await MongoClient.connect(testMongoUri()));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await database.drop();
  });

  /** One store per connection, as separate processes would have. */
  const stores = () => clients.map((client) => new LeaseStore(client.db(database.name), clock));

  it('give a lease to exactly one of many concurrent takers', async () => {
    for (let round = 0; round < 5; round += 1) {
      const taken = await Promise.all(stores().map((s) => s.acquire(`job-${round}`, 30_000)));

      expect(taken.filter((lease) => lease !== null)).toHaveLength(1);
    }
  });

  it('let nobody take a held lease, and anybody take it once released', async () => {
    const [first, second] = stores();
    const lease = await first?.acquire('held', 30_000);

    expect(await second?.acquire('held', 30_000)).toBeNull();
    await lease?.release();
    expect(await second?.acquire('held', 30_000)).not.toBeNull();
  });

  it('let another process take a lease its holder let run out (the holder died)', async () => {
    const [first, second] = stores();
    await first?.acquire('abandoned', 30_000);

    clock.advance(30_001);

    expect(await second?.acquire('abandoned', 30_000)).not.toBeNull();
  });

  it('hand a single-use document to exactly one of many concurrent takers', async () => {
    for (let round = 0; round < 5; round += 1) {
      await database.db.collection('codes').insertOne({ _id: `code-${round}` } as never);
      const taken = await Promise.all(
        clients.map((client) =>
          takeOnce(client.db(database.name).collection<{ _id: string }>('codes'), `code-${round}`),
        ),
      );

      expect(taken.filter((doc) => doc !== null)).toHaveLength(1);
    }
  });
});
