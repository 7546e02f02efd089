import { WebClient } from '@slack/web-api';

import type { Locale } from '../i18n';
import type { PreferencesStore } from '../preferences/preferences-store';
import type { Services } from '../services';
import { RecipientGuard } from './recipient-guard';
import type { Clock } from '../shared/clock';
import type { DeliveryConfig } from '../shared/config';
import type { Logger } from '../shared/logger';
import { toSlackLogger } from '../shared/bolt-logger';
import type { SlackUserDirectory } from '../shared/slack-users';
import { ChannelPacing } from './channel-pacing';
import { DeliveryClaims } from './delivery-claims';
import { DeliveryQueue } from './delivery-queue';
import { EmailLookups } from './email-lookups';
import { IdempotencyKeys } from './idempotency';
import { Outbox } from './outbox';
import type { NotificationDocument } from './outbox-documents';
import type { RecipientDeps } from './recipients';
import { DigestWindows } from './digest-windows';
import { WorkspacePacing } from './workspace-pacing';
import { WorkspacePauses } from './workspace-pauses';
import { WorkspaceTokens } from './workspace-tokens';

/** A Slack request that has not answered by then is abandoned and retried later. */
export const SLACK_TIMEOUT_MS = 10_000;

/** Everything a delivery worker works with. */
export interface DeliveryContext {
  outbox: Outbox;
  queue: DeliveryQueue;
  idempotencyKeys: IdempotencyKeys;
  pauses: WorkspacePauses;
  pacing: ChannelPacing;
  workspacePacing: WorkspacePacing;
  /** What each person got in the current digest window. */
  digests: DigestWindows;
  tokens: WorkspaceTokens;
  emailLookups: EmailLookups;
  recipients: Omit<RecipientDeps, 'clientFor'>;
  preferences: PreferencesStore;
  /** Makes sure one notification reaches each person or channel once. */
  recipientGuard: RecipientGuard;
  slackUsers: SlackUserDirectory;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  settings: DeliveryConfig;
  /** A Web API client that never retries and never waits on a 429 itself: the worker decides. */
  slackClient(token: string): WebClient;
  /** The notification `id` (read once per worker; notifications never change). */
  notification(id: string): Promise<NotificationDocument | null>;
}

/** Builds the delivery context from the app's services. */
export function createDeliveryContext(services: Services): DeliveryContext {
  const { database, clock, config, logger } = services;
  const db = database.db;
  const outbox = new Outbox(db, clock);
  const emailLookups = new EmailLookups(db, clock);
  const slackLogger = toSlackLogger(logger);
  return {
    outbox,
    queue: new DeliveryQueue(outbox, clock, config.delivery.leaseMs, new DeliveryClaims(db, clock)),
    idempotencyKeys: new IdempotencyKeys(db, clock, services.leases),
    recipientGuard: new RecipientGuard(db),
    pauses: new WorkspacePauses(db, clock),
    pacing: new ChannelPacing(db),
    workspacePacing: new WorkspacePacing(db, clock, config.delivery.messagesPerMinute),
    digests: new DigestWindows(db, clock, config.delivery.digestWindowMs),
    tokens: new WorkspaceTokens(services.installations, services.authorize, clock),
    emailLookups,
    recipients: {
      emailLookups,
      identityLinks: services.identityLinks,
      installations: services.installations.installations,
    },
    preferences: services.preferences,
    slackUsers: services.slackUsers,
    clock,
    logger,
    defaultLocale: config.defaultLocale,
    settings: config.delivery,
    slackClient: (token) =>
      new WebClient(token, {
        slackApiUrl: config.slack.apiUrl,
        logger: slackLogger,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: SLACK_TIMEOUT_MS,
      }),
    notification: notificationCache(outbox),
  };
}

function notificationCache(outbox: Outbox) {
  const cache = new Map<string, NotificationDocument>();
  return async (id: string) => {
    const known = cache.get(id);
    if (known) return known;

    const found = await outbox.notifications.findOne({ _id: id });
    // Not there yet means not accepted yet: the worker asks again later.
    if (found === null) return null;
    // A small cache is enough: deliveries of one notification are claimed close together.
    if (cache.size >= 500) cache.delete(cache.keys().next().value ?? '');
    cache.set(id, found);
    return found;
  };
}
