import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ChannelPacing } from '../../src/notifying/channel-pacing';
import { DeliveryClaims } from '../../src/notifying/delivery-claims';
import { DigestWindows } from '../../src/notifying/digest-windows';
import { WorkspacePacing } from '../../src/notifying/workspace-pacing';
import { WorkspacePauses } from '../../src/notifying/workspace-pauses';
import { ManualClock } from '../../src/shared/clock';
import { connectDatabase, type Database } from '../../src/shared/database';
import { openTestDatabase, testMongoUri } from '../support/database';

const CONNECTIONS = 3;

describe('claims and pacing slots shared by several processes', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00.000Z'));
  let main: Awaited<ReturnType<typeof openTestDatabase>>;
  const others: Database[] = [];

  beforeAll(async () => {
    main = await openTestDatabase();
    for (let i = 1; i < CONNECTIONS; i += 1) {
      others.push(await connectDatabase(testMongoUri(), main.name));
    }
  });
  afterAll(async () => {
    await Promise.all(others.map((db) => db.close()));
    await main.drop();
  });

  /** One instance per connection, as separate processes would have. */
  const each = <T>(make: (db: Database) => T): T[] => [main, ...others].map(make);

  it('gives a delivery to exactly one of many concurrent claimers', async () => {
    const claims = each((db) => new DeliveryClaims(db.db, clock));

    const taken = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claims[i % CONNECTIONS]?.take('n1/0', 0, 60_000)),
    );

    expect(taken.filter((claim) => claim)).toHaveLength(1);
  });

  it('steps past a claim that ran out, and its holder knows it lost the delivery', async () => {
    const [claims] = each((db) => new DeliveryClaims(db.db, clock));
    const first = await claims?.take('n2/0', 0, 1000);
    const whileHeld = await claims?.take('n2/0', 0, 1000);

    clock.advance(1500);
    const after = await claims?.take('n2/0', 0, 1000);

    expect(first?.seq).toBe(0);
    expect(whileHeld).toBeNull();
    expect(after?.seq).toBe(1);
    expect(first && (await claims?.holds(first))).toBe(false);
    expect(after && (await claims?.holds(after))).toBe(true);
  });

  it('hands out each sending slot of a workspace once, one message per slot', async () => {
    const pacing = each((db) => new WorkspacePacing(db.db, clock, 300));

    const times = await Promise.all(
      Array.from({ length: 9 }, (_, i) => pacing[i % CONNECTIONS]?.reserve('T0SLOTS', 60_000)),
    );

    // At 300 a minute, a slot is 200 ms: nine messages, nine different slots, none in the past.
    expect(times.every((t) => t?.reserved)).toBe(true);
    const at = times.map((t) => t?.at.getTime() ?? 0);
    expect(at.every((t) => t >= clock.now().getTime())).toBe(true);
    expect(new Set(at.map((t) => Math.floor(t / 200))).size).toBe(9);
  });

  it('lets one message a second into a channel', async () => {
    const pacing = each((db) => new ChannelPacing(db.db));
    const at = new Date('2026-03-02T10:00:05.100Z');

    const answers = await Promise.all(pacing.map((p) => p.reserve('T0C', 'C1', at)));
    const tooSoon = await pacing[0]?.reserve('T0C', 'C1', new Date('2026-03-02T10:00:06.000Z'));
    const aSecondLater = await pacing[1]?.reserve('T0C', 'C1', new Date(at.getTime() + 1000));

    const early = await pacing[2]?.reserve('T0C', 'C2', new Date('2026-03-02T10:00:06.100Z'));
    const laterAsked = await pacing[0]?.reserve('T0C', 'C2', new Date('2026-03-02T10:00:05.900Z'));

    expect(answers.filter((a) => a === null)).toHaveLength(1);
    // Booked out of order, 200 ms apart: the second asker must wait a second after the first.
    expect(early).toBeNull();
    expect(laterAsked?.toISOString()).toBe('2026-03-02T10:00:07.100Z');
    expect(tooSoon?.getTime()).toBe(at.getTime() + 1000);
    expect(aSecondLater).toBeNull();
  });

  it('records a workspace pause that many workers report at once', async () => {
    const pauses = each((db) => new WorkspacePauses(db.db, clock));
    const base = clock.now().getTime();

    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pauses[i % CONNECTIONS]?.pause('T0BUSY', new Date(base + 1000 + i)),
      ),
    );

    // MongoDB keeps the latest end; FerretDB may keep any of them (its `$max` is not atomic).
    const until = (await pauses[0]?.pausedUntil('T0BUSY'))?.getTime() ?? 0;
    expect(until).toBeGreaterThanOrEqual(base + 1000);
    expect(until).toBeLessThanOrEqual(base + 1011);
  });

  it('counts messages sent alone per window, however many workers record them', async () => {
    const counts = each((db) => new DigestWindows(db.db, clock, 600_000));
    const to = { teamId: 'T0DIG', userId: 'U0DIG' };

    await Promise.all(
      Array.from({ length: 6 }, (_, i) => counts[i % CONNECTIONS]?.recordAlone('quiz', to, 10)),
    );
    const inWindow = await counts[0]?.sentAlone('quiz', to, 10, clock.now());
    const otherCategory = await counts[1]?.sentAlone('comment', to, 10, clock.now());
    const end = counts[2]?.windowEnd(clock.now());
    clock.advance((end?.getTime() ?? 0) - clock.now().getTime());
    const nextWindow = await counts[0]?.sentAlone('quiz', to, 10, clock.now());

    expect(inWindow).toBe(6);
    expect(otherCategory).toBe(0);
    expect(nextWindow).toBe(0);
  });
});
