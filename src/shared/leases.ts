import { randomUUID } from 'node:crypto';

import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from './atomic';
import type { Clock } from './clock';

interface LeaseDocument {
  _id: string;
  name: string;
  seq: number;
  holder: string;
  until: Date;
  released: boolean;
}

/** A lease held by this process until `until`, or released earlier. */
export interface Lease {
  name: string;
  release(): Promise<void>;
}

/**
 * Time-limited exclusive leases shared by every process on one database. Each lease of a name is
 * a new document `name#seq`: taking it is inserting that `_id`, which exactly one process can do,
 * on MongoDB as on FerretDB. A holder that dies simply lets its lease run out; the next taker
 * inserts `seq + 1`.
 */
export class LeaseStore {
  private readonly leases: Collection<LeaseDocument>;
  readonly holder = randomUUID();

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.leases = db.collection('leases');
  }

  /** Creates the index the lookups use. */
  async ensureIndexes(): Promise<void> {
    await this.leases.createIndex({ name: 1, seq: -1 });
  }

  /** Takes the lease `name` for `ms` milliseconds; null while someone else holds it. */
  async acquire(name: string, ms: number): Promise<Lease | null> {
    const now = this.clock.now();
    const [latest] = await this.leases.find({ name }).sort({ seq: -1 }).limit(1).toArray();
    if (latest && !latest.released && latest.until > now) return null;

    const seq = latest ? latest.seq + 1 : 0;
    const id = `${name}#${seq}`;
    const doc = { _id: id, name, seq, holder: this.holder, until: new Date(now.getTime() + ms) };
    if (!(await insertIfAbsent(this.leases, { ...doc, released: false }))) return null;

    await this.leases.deleteMany({ name, seq: { $lt: seq } });
    return { name, release: () => this.release(id) };
  }

  private async release(id: string): Promise<void> {
    await this.leases.updateOne({ _id: id, holder: this.holder }, { $set: { released: true } });
  }
}
