import { WebClient } from '@slack/web-api';

import { createAuthorize } from './installing/authorize';
import { InstallationStore } from './installing/installation-store';
import type { NotificationFeed } from './notifying/notification-feed';
import { SentNotificationFeed } from './notifying/sent-notification-feed';
import { TokenRotation } from './installing/token-rotation';
import { PreferencesStore } from './preferences/preferences-store';
import { IdentityLinkStore } from './signing-in/identity-links';
import { type Clock, systemClock } from './shared/clock';
import type { Config } from './shared/config';
import type { Database } from './shared/database';
import { LeaseStore } from './shared/leases';
import type { Logger } from './shared/logger';
import { slackClientOptions } from './shared/slack-client';
import { SlackUserDirectory } from './shared/slack-users';
import { TokenCipher } from './shared/token-cipher';

/** What the app is built from: its configuration, logger, database and clock. */
export interface AppDependencies {
  config: Config;
  logger: Logger;
  database: Database;
  clock?: Clock;
}

/** The stores and clients every flow shares, built once per process. */
export interface Services {
  config: Config;
  logger: Logger;
  database: Database;
  clock: Clock;
  cipher: TokenCipher;
  installations: InstallationStore;
  /** Exclusive, time-limited leases shared by every process on the database. */
  leases: LeaseStore;
  preferences: PreferencesStore;
  identityLinks: IdentityLinkStore;
  slackUsers: SlackUserDirectory;
  /** What was sent to each person lately, for App Home. */
  notificationFeed: NotificationFeed;
  /** Bolt's authorize: the installation's fresh tokens for a workspace, org or user. */
  authorize: ReturnType<typeof createAuthorize>;
  /** A Web API client with the app's options and `token` (none for token-less methods). */
  slackClient(token?: string): WebClient;
}

/** Builds the shared services and creates the indexes they need. */
export async function createServices(deps: AppDependencies): Promise<Services> {
  const { config, logger, database } = deps;
  const db = database.db;
  const clock = deps.clock ?? systemClock;
  const cipher = new TokenCipher(config.tokenKeys);
  const installations = new InstallationStore(db, cipher, clock);
  const identityLinks = new IdentityLinkStore(db, clock);
  const leases = new LeaseStore(db, clock);
  await installations.ensureIndexes();
  await leases.ensureIndexes();
  await identityLinks.ensureIndexes();

  const clientOptions = slackClientOptions(config.slack.apiUrl, logger);
  const slackClient = (token?: string) => new WebClient(token, clientOptions);
  const rotation = new TokenRotation({
    slack: slackClient(),
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    cipher,
    clock,
    logger,
    leases,
  });

  return {
    ...deps,
    clock,
    cipher,
    installations,
    leases,
    preferences: new PreferencesStore(db, clock),
    identityLinks,
    slackUsers: new SlackUserDirectory(db, clock),
    notificationFeed: new SentNotificationFeed(db),
    authorize: createAuthorize(installations, rotation, cipher),
    slackClient,
  };
}
