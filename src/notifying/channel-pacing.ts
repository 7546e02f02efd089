import { MongoServerError, type Collection, type Db } from 'mongodb';

interface PacingDocument {
  _id: string;
  nextAt: Date;
}

/** Slack allows about one message a second per channel (https://api.slack.com/docs/rate-limits). */
export const CHANNEL_INTERVAL_MS = 1000;

/**
 * Spaces messages to one channel (or one user's DM) a second apart, across every worker and
 * process, so a burst to one channel waits its turn instead of drawing 429s that would pause the
 * whole workspace.
 */
export class ChannelPacing {
  private readonly slots: Collection<PacingDocument>;

  constructor(db: Db) {
    this.slots = db.collection('channel_pacing');
  }

  /** Takes the channel's slot at `now`; returns null when taken, else when the next one opens. */
  async reserve(teamId: string, channel: string, now: Date): Promise<Date | null> {
    const _id = `${teamId}:${channel}`;
    const nextAt = new Date(now.getTime() + CHANNEL_INTERVAL_MS);
    try {
      // Matches a free slot, or inserts the first one; a busy slot makes the upsert collide.
      await this.slots.updateOne(
        { _id, nextAt: { $lte: now } },
        { $set: { nextAt } },
        { upsert: true },
      );
      return null;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
    const busy = await this.slots.findOne({ _id });
    return busy && busy.nextAt > now ? busy.nextAt : new Date(now.getTime() + 50);
  }

  /** Forgets slots long past. */
  async purgeBefore(before: Date): Promise<void> {
    await this.slots.deleteMany({ nextAt: { $lt: before } });
  }
}
