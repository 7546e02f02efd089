import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import type { Category } from './categories';
import type { Resolved } from './delivery-queue';

interface MarkDocument {
  /**
   * `${teamId}:${userId}:${category}:${window}` then `#${n}`, the n-th message sent alone in
   * that window, or `:digest`, a digest waiting for the window's end.
   */
  _id: string;
  at: Date;
}

/** The most marks one window may hold for one person and category. */
const MAX_MARKS = 1000;

/**
 * What each person got of a category in the current digest window (fixed stretches of
 * `windowMs`, aligned on the epoch): how many messages one by one, and whether a digest waits.
 * Each message leaves a numbered mark, so counting is reading marks by `_id` and recording is
 * inserting the next one: cheap on every server, however many messages were ever sent.
 */
export class DigestWindows {
  private readonly marks: Collection<MarkDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {
    this.marks = db.collection('digest_marks');
  }

  /** The messages sent alone to the person in this window, counted up to `max`. */
  async sentAlone(category: Category, to: Resolved, max: number): Promise<number> {
    const key = this.keyOf(category, to);
    for (let n = 0; n < max; n += 1) {
      if ((await this.marks.findOne({ _id: `${key}#${n}` })) === null) return n;
    }
    return max;
  }

  /** Records one more message sent alone to the person. */
  async recordAlone(category: Category, to: Resolved): Promise<void> {
    const key = this.keyOf(category, to);
    const at = this.clock.now();
    for (let n = 0; n < MAX_MARKS; n += 1) {
      if (await insertIfAbsent(this.marks, { _id: `${key}#${n}`, at })) return;
    }
  }

  /** When the digest waiting for the person goes out (the window's end), if one waits. */
  async digestWaiting(category: Category, to: Resolved): Promise<Date | null> {
    const waiting = await this.marks.findOne({ _id: `${this.keyOf(category, to)}:digest` });
    return waiting === null ? null : this.windowEnd();
  }

  /** Notes that a digest for the person waits for the end of this window. */
  async holdDigest(category: Category, to: Resolved): Promise<void> {
    const mark = { _id: `${this.keyOf(category, to)}:digest`, at: this.clock.now() };
    await insertIfAbsent(this.marks, mark);
  }

  /** When the current window ends. */
  windowEnd(): Date {
    const now = this.clock.now().getTime();
    return new Date((Math.floor(now / this.windowMs) + 1) * this.windowMs);
  }

  /** Forgets marks of windows long past. */
  async purgeBefore(before: Date): Promise<void> {
    await this.marks.deleteMany({ at: { $lt: before } });
  }

  private keyOf(category: Category, to: Resolved): string {
    const window = Math.floor(this.clock.now().getTime() / this.windowMs);
    return `${to.teamId}:${to.userId ?? ''}:${category}:${window}`;
  }
}
