import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

import type { Locale } from '../i18n';
import type { EventReceipts } from '../shared/event-receipts';
import type { Logger } from '../shared/logger';
import { slackAnswerOf } from '../shared/slack-answer';
import type { HomePublisher, HomeUser } from './home-publisher';
import { buildWelcomeMessage } from './welcome-message';
import type { WelcomeStore } from './welcomes';

/** What the Home's event listener uses. */
export interface HomeEventDependencies {
  publisher: HomePublisher;
  receipts: EventReceipts;
  welcomes: WelcomeStore;
  logger: Logger;
  /** A client that sends the welcome in one attempt, for the given bot token and workspace. */
  welcomeClient: (token: string, teamId: string) => WebClient;
}

/**
 * Publishes the user's Home when they open the app's Home tab (never the Messages tab), and
 * welcomes them once. Bolt has acknowledged the event before this runs. A retried event is
 * recognised by its id and ignored.
 */
export function registerHomeEvents(app: App, deps: HomeEventDependencies): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    // The workspace the Home belongs to, as authorized: where the Home's clicks save too.
    const { teamId } = context;
    // Typed as always there, but only the payload's JSON says so: check it before using it.
    const userId: unknown = event.user;
    const log = deps.logger.child({ teamId, userId, eventId: body.event_id });
    if (event.tab !== 'home') {
      log.debug('app_home_opened on the Messages tab: nothing to publish');
      return;
    }
    if (teamId === undefined || typeof userId !== 'string' || userId === '') {
      log.warn('app_home_opened without a workspace or a user ignored');
      return;
    }
    const user: HomeUser = { teamId, userId };
    if (!(await firstDelivery(deps.receipts, body.event_id, log))) {
      log.info('repeated app_home_opened ignored');
      return;
    }

    const reader = await deps.publisher.reader(client, user);
    await deps.publisher.publish(client, user, reader);
    if (context.botToken === undefined) {
      log.warn('no bot token: welcome not sent');
      return;
    }
    const welcomeClient = deps.welcomeClient(context.botToken, teamId);
    await welcomeOnce(deps, welcomeClient, user, reader.locale, log);
  });
}

/**
 * True unless the event id was already handled. When the database cannot tell, the event is
 * handled: a Home published twice does less harm than none.
 */
async function firstDelivery(receipts: EventReceipts, eventId: string, log: Logger) {
  try {
    return await receipts.claim(eventId);
  } catch (error) {
    log.warn({ err: error }, 'event id could not be checked');
    return true;
  }
}

async function welcomeOnce(
  deps: HomeEventDependencies,
  client: WebClient,
  user: HomeUser,
  locale: Locale,
  log: Logger,
): Promise<void> {
  const first = await deps.welcomes.claim(user.teamId, user.userId).catch((error: unknown) => {
    log.warn({ err: error }, 'welcome could not be checked');
    return false;
  });
  if (!first) {
    log.debug('already welcomed');
    return;
  }

  try {
    await client.chat.postMessage({
      channel: user.userId,
      ...buildWelcomeMessage(locale, user.userId),
    });
    log.info('welcome sent');
  } catch (error) {
    log.error({ slack: slackAnswerOf(error) }, 'welcome not sent');
    await deps.welcomes.release(user.teamId, user.userId);
  }
}
