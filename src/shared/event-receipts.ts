import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from './atomic';
import type { Clock } from './clock';

interface ReceiptDocument {
  _id: string;
  receivedAt: Date;
  /** After this, the id is forgotten: Slack retries within minutes, not hours. */
  expiresAt: Date;
}

/** How long an event id is remembered: Slack's last retry comes about 5 minutes after the first. */
export const EVENT_MEMORY_MS = 60 * 60 * 1000;

/**
 * The Events API event ids the app has handled, so that a retried event
 * (https://api.slack.com/apis/events-api#retries) is handled once, even across a restart.
 * Expiry is an explicit field and a query rather than a TTL index, which FerretDB lacks.
 */
export class EventReceipts {
  private readonly receipts: Collection<ReceiptDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly memoryMs = EVENT_MEMORY_MS,
  ) {
    this.receipts = db.collection('slack_event_receipts');
  }

  /**
   * True the first time `eventId` is claimed within the memory window, false for a repeat.
   * The unique `_id` makes two concurrent claims of one id yield exactly one true.
   */
  async claim(eventId: string): Promise<boolean> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.memoryMs);
    if (await insertIfAbsent(this.receipts, { _id: eventId, receivedAt: now, expiresAt })) {
      return true;
    }

    // Seen before: claim it again only if that memory has expired.
    const renewed = await this.receipts.updateOne(
      { _id: eventId, expiresAt: { $lte: now } },
      { $set: { receivedAt: now, expiresAt } },
    );
    return renewed.modifiedCount === 1;
  }

  /** Forgets every expired event id; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.receipts.deleteMany({ expiresAt: { $lte: this.clock.now() } });
    return result.deletedCount;
  }
}
