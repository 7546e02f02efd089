import type { Flow } from '../flow';
import type { Services } from '../services';
import { EventReceipts } from '../shared/event-receipts';
import { singleAttemptClient, slackClientOptions } from '../shared/slack-client';
import { registerHomeActions } from './home-actions';
import { registerHomeEvents } from './home-events';
import { HomePublisher } from './home-publisher';
import { WelcomeStore } from './welcomes';

/** How often forgotten event ids are purged. */
const PURGE_EVERY_MS = 15 * 60 * 1000;

/** App Home: each user's Cocoom home inside Slack, with their preferences. */
export function appHomeFlow(services: Services): Flow {
  const { config, logger, database, clock } = services;
  const publisher = new HomePublisher({
    config,
    logger,
    preferences: services.preferences,
    identityLinks: services.identityLinks,
    slackUsers: services.slackUsers,
    feed: services.notificationFeed,
  });
  const receipts = new EventReceipts(database.db, clock);
  const welcomes = new WelcomeStore(database.db, clock);
  let purging: NodeJS.Timeout | undefined;
  const purge = () =>
    receipts.purgeExpired().catch((error: unknown) => logger.warn({ err: error }, 'purge failed'));

  return {
    register: (bolt) => {
      const options = slackClientOptions(config.slack.apiUrl, logger);
      const welcomeClient = (token: string, teamId: string) =>
        singleAttemptClient(token, { ...options, teamId });
      registerHomeEvents(bolt, { publisher, receipts, welcomes, logger, welcomeClient });
      registerHomeActions(bolt, { publisher, preferences: services.preferences, logger });
    },
    start: async () => {
      await purge();
      purging = setInterval(purge, PURGE_EVERY_MS);
      purging.unref();
    },
    stop: async () => {
      clearInterval(purging);
    },
  };
}
