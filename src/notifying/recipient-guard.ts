import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';

interface GuardDocument {
  _id: string;
  deliveryId: string;
}

/**
 * One message per person (or channel) per notification, however many of its recipients resolve
 * to them (`U123`, then their email). The first delivery to claim a target keeps it, through a
 * unique insert; any other delivery of that notification to the same target is skipped.
 */
export class RecipientGuard {
  private readonly guards: Collection<GuardDocument>;

  constructor(db: Db) {
    this.guards = db.collection('delivery_targets');
  }

  /** True when `deliveryId` is the delivery that sends `notificationId` to `target`. */
  async owns(notificationId: string, target: string, deliveryId: string): Promise<boolean> {
    const _id = `${notificationId}|${target}`;
    if (await insertIfAbsent(this.guards, { _id, deliveryId })) return true;

    const owner = await this.guards.findOne({ _id });
    return owner?.deliveryId === deliveryId;
  }
}
