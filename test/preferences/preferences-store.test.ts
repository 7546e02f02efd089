import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';

import { PreferencesStore } from '../../src/preferences/preferences-store';
import { ManualClock } from '../../src/shared/clock';
import { openTestDatabase, testMongoUri } from '../support/database';

const TEAM = 'T0PREFS';

describe('the preferences store', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clients: MongoClient[] = [];
  const clock = new ManualClock(new Date('2026-05-01T08:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase();
    for (let i = 0; i < 4; i += 1) clients.push(await MongoClient.connect(testMongoUri()));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await database.drop();
  });

  /** One store per connection, as separate processes (or concurrent requests) would have. */
  const stores = () =>
    clients.map((client) => new PreferencesStore(client.db(database.name), clock));
  const store = () => new PreferencesStore(database.db, clock);

  it('gives the defaults to a user who never changed anything', async () => {
    expect(await store().get(TEAM, 'U0NEW')).toEqual({
      mutedCategories: [],
      quietHours: null,
      digest: true,
    });
  });

  it('keeps every change when different fields are saved at the same moment', async () => {
    const lost: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const userId = `U0RACE${round}`;
      const [a, b, c, d] = stores();
      await Promise.all([
        a?.update(TEAM, userId, { digest: false }),
        b?.update(TEAM, userId, { mutedCategories: ['quiz'] }),
        c?.set(TEAM, userId, { quietStart: '20:00' }),
        d?.set(TEAM, userId, { quietEnd: '07:00' }),
      ]);

      const saved = await store().get(TEAM, userId);
      const expected = { mutedCategories: ['quiz'], quietHours: { start: '20:00', end: '07:00' } };
      if (JSON.stringify(saved) !== JSON.stringify({ ...expected, digest: false })) {
        lost.push(`round ${round}: ${JSON.stringify(saved)}`);
      }
    }

    expect(lost).toEqual([]);
  });

  it('saves a field first written by two writers at once, keeping one value', async () => {
    const [a, b] = stores();
    await Promise.all([
      a?.set(TEAM, 'U0TWICE', { quietStart: '21:00' }),
      b?.set(TEAM, 'U0TWICE', { quietStart: '22:00' }),
    ]);

    expect(['21:00', '22:00']).toContain((await store().fields(TEAM, 'U0TWICE')).quietStart);
  });

  it('applies quiet hours only once both bounds are chosen and differ', async () => {
    const prefs = store();
    await prefs.set(TEAM, 'U0QUIET', { quietStart: '08:00' });
    expect((await prefs.get(TEAM, 'U0QUIET')).quietHours).toBeNull();
    expect(await prefs.fields(TEAM, 'U0QUIET')).toMatchObject({
      quietStart: '08:00',
      quietEnd: null,
    });

    await prefs.set(TEAM, 'U0QUIET', { quietEnd: '08:00' });
    expect((await prefs.get(TEAM, 'U0QUIET')).quietHours).toBeNull();

    await prefs.set(TEAM, 'U0QUIET', { quietEnd: '18:00' });
    expect((await prefs.get(TEAM, 'U0QUIET')).quietHours).toEqual({ start: '08:00', end: '18:00' });
  });

  it('still takes whole changes from other callers, clearing both bounds with null', async () => {
    const prefs = store();
    const after = await prefs.update(TEAM, 'U0WHOLE', {
      digest: false,
      quietHours: { start: '22:00', end: '06:00' },
    });
    expect(after).toEqual({
      mutedCategories: [],
      quietHours: { start: '22:00', end: '06:00' },
      digest: false,
    });

    await prefs.update(TEAM, 'U0WHOLE', { quietHours: null });
    expect(await prefs.fields(TEAM, 'U0WHOLE')).toMatchObject({ quietStart: null, quietEnd: null });
  });

  it('reads a malformed stored value as the default', async () => {
    await database.db.collection('preferences').insertMany([
      { _id: `${TEAM}:U0ODD:mutedCategories`, field: 'mutedCategories', value: ['nope'] },
      { _id: `${TEAM}:U0ODD:quietStart`, field: 'quietStart', value: '25:00' },
    ] as never);

    expect(await store().fields(TEAM, 'U0ODD')).toEqual({
      mutedCategories: [],
      digest: true,
      quietStart: null,
      quietEnd: null,
    });
  });
});
