import type { StoredNotification } from './outbox';
import type { DeliveryDocument, DeliveryState } from './outbox-documents';

const STATES: DeliveryState[] = ['queued', 'deferred', 'sent', 'failed', 'skipped'];

/** The answer of `GET /internal/notifications/{id}`: each recipient's state, in request order. */
export function notificationStatus(stored: StoredNotification) {
  const { notification, deliveries } = stored;
  const counts = Object.fromEntries(STATES.map((state) => [state, 0]));
  for (const delivery of deliveries) counts[delivery.state] = (counts[delivery.state] ?? 0) + 1;
  return {
    id: notification._id,
    category: notification.category,
    acceptedAt: notification.acceptedAt.toISOString(),
    counts,
    recipients: deliveries.map(recipientStatus),
  };
}

function recipientStatus(delivery: DeliveryDocument) {
  const deferred = delivery.state === 'deferred';
  return {
    recipient: delivery.recipient,
    state: delivery.state,
    ...(delivery.reason && delivery.state !== 'sent' ? { reason: delivery.reason } : {}),
    ...(deferred && delivery.availableAt ? { until: delivery.availableAt.toISOString() } : {}),
    ...(delivery.teamId ? { teamId: delivery.teamId } : {}),
    ...(delivery.channel ? { channel: delivery.channel } : {}),
    ...(delivery.ts ? { ts: delivery.ts } : {}),
    ...(delivery.sentAt ? { sentAt: delivery.sentAt.toISOString() } : {}),
    ...(delivery.digest ? { digest: true } : {}),
    attempts: delivery.attempts,
  };
}
