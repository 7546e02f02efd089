import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';

interface PacingDocument {
  /** `${teamId}/${channel}@${second}`: the channel's message within that second (epoch). */
  _id: string;
  at: Date;
}

/** Slack allows about one message a second per channel (https://api.slack.com/docs/rate-limits). */
export const CHANNEL_INTERVAL_MS = 1000;

/**
 * Spaces messages to one channel (or one user's DM) a second apart, across every worker and
 * process, so a burst to one channel waits its turn instead of drawing 429s that would pause the
 * whole workspace. Each second of a channel holds one message: taking it is inserting its `_id`,
 * which one sender alone can do; the previous second's message must be a full second earlier.
 */
export class ChannelPacing {
  private readonly slots: Collection<PacingDocument>;

  constructor(db: Db) {
    this.slots = db.collection('channel_pacing');
  }

  /** Takes the channel's turn at `at`; returns null when taken, else when to try again. */
  async reserve(teamId: string, channel: string, at: Date): Promise<Date | null> {
    const key = `${teamId}/${channel}@`;
    const second = Math.floor(at.getTime() / CHANNEL_INTERVAL_MS);
    const before = await this.slots.findOne({ _id: `${key}${second - 1}` });
    const free = before ? new Date(before.at.getTime() + CHANNEL_INTERVAL_MS) : at;
    if (free > at) return free;
    // A message booked for early next second (workers may book out of order) must also be a
    // full second after this one.
    const after = await this.slots.findOne({ _id: `${key}${second + 1}` });
    if (after && after.at.getTime() - at.getTime() < CHANNEL_INTERVAL_MS) {
      return new Date(after.at.getTime() + CHANNEL_INTERVAL_MS);
    }
    if (await insertIfAbsent(this.slots, { _id: `${key}${second}`, at })) return null;

    const taken = await this.slots.findOne({ _id: `${key}${second}` });
    const next = (taken?.at.getTime() ?? at.getTime()) + CHANNEL_INTERVAL_MS;
    return new Date(Math.max(next, (second + 1) * CHANNEL_INTERVAL_MS));
  }

  /** Forgets turns long past. */
  async purgeBefore(before: Date): Promise<void> {
    await this.slots.deleteMany({ at: { $lt: before } });
  }
}
