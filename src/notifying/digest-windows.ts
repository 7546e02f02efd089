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
  async sentAlone(category: Category, to: Resolved, max: number, at: Date): Promise<number> {
    const key = this.keyOf(category, to, at);
    for (let n = 0; n < max; n += 1) {
      if ((await this.marks.findOne({ _id: `${key}#${n}` })) === null) return n;
    }
    return max;
  }

  /** Records one more message sent alone to the person (only the first `max` are kept). */
  async recordAlone(category: Category, to: Resolved, max: number): Promise<void> {
    const at = this.clock.now();
    const key = this.keyOf(category, to, at);
    for (let n = 0; n < max; n += 1) {
      if (await insertIfAbsent(this.marks, { _id: `${key}#${n}`, at })) return;
    }
  }

  /** When the digest waiting for the person goes out (the window's end), if one waits. */
  async digestWaiting(category: Category, to: Resolved, at: Date): Promise<Date | null> {
    const waiting = await this.marks.findOne({ _id: `${this.keyOf(category, to, at)}:digest` });
    return waiting === null ? null : this.windowEnd(at);
  }

  /** Notes that a digest for the person waits for the end of this window. */
  async holdDigest(category: Category, to: Resolved, at: Date): Promise<void> {
    await insertIfAbsent(this.marks, { _id: `${this.keyOf(category, to, at)}:digest`, at });
  }

  /** When the window holding instant `at` ends. */
  windowEnd(at: Date): Date {
    return new Date((Math.floor(at.getTime() / this.windowMs) + 1) * this.windowMs);
  }

  /** Forgets marks of windows long past. */
  async purgeBefore(before: Date): Promise<void> {
    await this.marks.deleteMany({ at: { $lt: before } });
  }

  private keyOf(category: Category, to: Resolved, at: Date): string {
    const window = Math.floor(at.getTime() / this.windowMs);
    return `${to.teamId}:${to.userId ?? ''}:${category}:${window}`;
  }
}
