import type { Locale } from '../i18n';
import type { Category } from './categories';
import type { LocalizedText, Recipient } from './notification-schema';

/** Where a delivery stands, as `GET /internal/notifications/{id}` reports it. */
export type DeliveryState = 'queued' | 'deferred' | 'sent' | 'failed' | 'skipped';

/** Why a delivery waits: the user's quiet hours, Slack's rate limit, a digest, or a retry. */
export type DeferReason = 'quiet_hours' | 'rate_limited' | 'digest' | 'retrying';

/** A notification the platform asked for, stored once for all its recipients. */
export interface NotificationDocument {
  _id: string;
  category: Category;
  content: Partial<Record<Locale, LocalizedText>>;
  link?: string;
  recipientCount: number;
  /** Written last, after every delivery: a notification that exists was accepted. */
  acceptedAt: Date;
}

/** One recipient's copy of a notification, and the unit of work of the delivery workers. */
export interface DeliveryDocument {
  /** `${notificationId}/${index}`: writing the same request twice cannot make two copies. */
  _id: string;
  notificationId: string;
  index: number;
  category: Category;
  recipient: Recipient;
  state: DeliveryState;
  /** Why it failed, was skipped, or waits. */
  reason?: string;
  /** When a worker may take it. */
  availableAt: Date;
  /** The number of the next claim a worker takes on it (see `DeliveryClaims`). */
  claims?: number;
  /** Transient failures so far. */
  attempts: number;
  /** The workspace, known from the request or once the recipient is resolved. */
  teamId?: string;
  /** The Slack user, for a recipient who is a person, once resolved. */
  userId?: string;
  channel?: string;
  ts?: string;
  sentAt?: Date;
  /** Sent inside a digest message with other notifications. */
  digest?: boolean;
  /** Waits to go out in a digest; kept when the digest is put back (a 429, a retry). */
  inDigest?: boolean;
  createdAt: Date;
  updatedAt: Date;
}
