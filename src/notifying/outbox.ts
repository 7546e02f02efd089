import type { Collection, Db } from 'mongodb';

import { onlyDuplicateKeys } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import type { NotifyRequest } from './notification-schema';
import type { DeliveryDocument, NotificationDocument } from './outbox-documents';

/** A notification and its deliveries, as stored. */
export interface StoredNotification {
  notification: NotificationDocument;
  deliveries: DeliveryDocument[];
}

/**
 * The durable outbox: notifications and one delivery per recipient, in MongoDB. Accepting writes
 * everything before the API answers, in steps that can be repeated safely (no transactions are
 * needed): the deliveries, then the notification, whose record says it was accepted. Workers
 * leave alone deliveries whose notification is not written yet, so a crash half-way sends
 * nothing, and repeating the same acceptance (same id) finishes the job without making copies.
 */
export class Outbox {
  readonly notifications: Collection<NotificationDocument>;
  /** Deliveries still to be made: queued or deferred. */
  readonly deliveries: Collection<DeliveryDocument>;
  /** Deliveries settled for good (sent, failed, skipped), moved out of `deliveries`. */
  readonly results: Collection<DeliveryDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.notifications = db.collection('notifications');
    this.deliveries = db.collection('deliveries');
    this.results = db.collection('delivery_results');
  }

  /** Creates the indexes the workers, the status route and the feed query by. */
  async ensureIndexes(): Promise<void> {
    await this.deliveries.createIndex({ state: 1, availableAt: 1 });
    await this.deliveries.createIndex({ notificationId: 1, index: 1 });
    await this.deliveries.createIndex({ teamId: 1, userId: 1, category: 1, state: 1 });
    await this.results.createIndex({ notificationId: 1, index: 1 });
    await this.results.createIndex({ teamId: 1, userId: 1, state: 1, sentAt: -1 });
  }

  /**
   * Stores notification `id`: its deliveries first, then the notification itself, whose record
   * is the mark that it was accepted. Only inserts, so a repeat keeps what is already written.
   */
  async accept(id: string, request: NotifyRequest): Promise<void> {
    const now = this.clock.now();
    await this.insertDeliveries(id, request, now);
    await ignoringDuplicates(
      this.notifications.insertOne({
        _id: id,
        category: request.category,
        content: request.content,
        ...(request.link === undefined ? {} : { link: request.link }),
        recipientCount: request.recipients.length,
        acceptedAt: now,
      }),
    );
  }

  private async insertDeliveries(id: string, request: NotifyRequest, now: Date): Promise<void> {
    const documents: DeliveryDocument[] = request.recipients.map((recipient, index) => ({
      _id: `${id}/${index}`,
      notificationId: id,
      index,
      category: request.category,
      recipient,
      state: 'queued',
      availableAt: now,
      claims: 0,
      attempts: 0,
      ...(recipient.teamId ? { teamId: recipient.teamId } : {}),
      ...(recipient.slackUserId ? { userId: recipient.slackUserId } : {}),
      createdAt: now,
      updatedAt: now,
    }));
    await ignoringDuplicates(this.deliveries.insertMany(documents, { ordered: false }));
  }

  /** An accepted notification and its deliveries in recipient order, or null. */
  async find(id: string): Promise<StoredNotification | null> {
    const notification = await this.notifications.findOne({ _id: id });
    if (notification === null) return null;

    const waiting = await this.deliveries.find({ notificationId: id }).toArray();
    const settled = await this.results.find({ notificationId: id }).toArray();
    // Settled a moment ago but not yet removed from the waiting ones: the result is the truth.
    const byIndex = new Map([...waiting, ...settled].map((d) => [d.index, d]));
    const deliveries = [...byIndex.values()].sort((a, b) => a.index - b.index);
    return { notification, deliveries };
  }
}

/** Runs an insert; a repeated acceptance finds some documents already written and keeps them. */
async function ignoringDuplicates(insert: Promise<unknown>): Promise<void> {
  try {
    await insert;
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}
