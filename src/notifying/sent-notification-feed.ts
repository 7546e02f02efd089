import type { Collection, Db } from 'mongodb';

import type { Locale } from '../i18n';
import { textIn } from './delivery-messages';
import type { NotificationFeed, RecentNotification } from './notification-feed';
import type { DeliveryDocument, NotificationDocument } from './outbox-documents';

/** The notification feed over the outbox: what was sent to a person, newest first. */
export class SentNotificationFeed implements NotificationFeed {
  private readonly notifications: Collection<NotificationDocument>;
  private readonly results: Collection<DeliveryDocument>;

  constructor(db: Db) {
    this.notifications = db.collection('notifications');
    this.results = db.collection('delivery_results');
  }

  /** The last `limit` notifications sent to the person, titled in `locale`. */
  async recentFor(
    teamId: string,
    userId: string,
    locale: Locale,
    limit: number,
  ): Promise<RecentNotification[]> {
    const sent = await this.results
      .find({ teamId, userId, state: 'sent' })
      .sort({ sentAt: -1 })
      .limit(limit)
      .toArray();
    const ids = [...new Set(sent.map((d) => d.notificationId))];
    const found = await this.notifications.find({ _id: { $in: ids } }).toArray();
    const byId = new Map(found.map((n) => [n._id, n]));
    return sent.flatMap((delivery) => {
      const notification = byId.get(delivery.notificationId);
      if (!notification) return [];
      const item: RecentNotification = {
        category: notification.category,
        title: textIn(notification, locale).title,
        at: delivery.sentAt ?? delivery.updatedAt,
      };
      return [notification.link ? { ...item, link: notification.link } : item];
    });
  }
}
