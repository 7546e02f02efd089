import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';

import { type Locale, pickLocale } from '../i18n';
import type { NotificationFeed, RecentNotification } from '../notifying/notification-feed';
import type { PreferencesStore } from '../preferences/preferences-store';
import type { IdentityLinkStore } from '../signing-in/identity-links';
import type { Config } from '../shared/config';
import type { Logger } from '../shared/logger';
import { slackAnswerOf } from '../shared/slack-answer';
import type { SlackUserDirectory } from '../shared/slack-users';
import { type HomeContent, buildFallbackHomeView, buildHomeView } from './home-view';
import { RECENT_NOTIFICATIONS } from './notification-blocks';

/** What the Home is built from. */
export interface HomeDependencies {
  config: Pick<Config, 'baseUrl' | 'platformUrl' | 'defaultLocale'>;
  logger: Logger;
  preferences: PreferencesStore;
  identityLinks: IdentityLinkStore;
  slackUsers: SlackUserDirectory;
  feed: NotificationFeed;
}

/** The Slack user a Home is for. */
export interface HomeUser {
  teamId: string;
  userId: string;
}

/** How the user reads: their language and Slack time zone. */
export interface Reader {
  locale: Locale;
  timeZone?: string;
}

/**
 * Gathers what a user's Home shows and publishes it with `views.publish`. Whatever fails, the
 * user gets a Home: a minimal fallback one when the real one cannot be built or is refused.
 */
export class HomePublisher {
  constructor(private readonly deps: HomeDependencies) {}

  /** The user's language and time zone from Slack, or the default language if Slack fails. */
  async reader(client: WebClient, user: HomeUser): Promise<Reader> {
    const fallback = this.deps.config.defaultLocale;
    try {
      const profile = await this.deps.slackUsers.profile(client, user.teamId, user.userId);
      return { locale: pickLocale(profile.locale, fallback), timeZone: profile.timeZone };
    } catch (error) {
      this.log(user).warn({ slack: slackAnswerOf(error) }, 'user profile unavailable');
      return { locale: fallback };
    }
  }

  /**
   * Publishes the user's Home, or the fallback Home when that fails. With the `hash` of the view
   * the user acted in, Slack refuses the Home if another was published since
   * (https://api.slack.com/methods/views.publish): it is then rebuilt from what is saved now and
   * published without a hash, so the latest saved state is what the user sees.
   */
  async publish(client: WebClient, user: HomeUser, reader: Reader, hash?: string): Promise<void> {
    const log = this.log(user);
    let view: HomeView;
    try {
      view = buildHomeView(await this.content(user, reader));
    } catch (error) {
      log.error({ err: error }, 'home view could not be built');
      return this.publishFallback(client, user, reader.locale);
    }

    try {
      await client.views.publish({ user_id: user.userId, view, ...(hash ? { hash } : {}) });
      log.debug({ blocks: view.blocks.length }, 'home published');
    } catch (error) {
      if (hash && slackAnswerOf(error).error === 'hash_conflict') {
        log.info('home changed meanwhile: publishing it again from what is saved');
        return this.publish(client, user, reader);
      }
      log.error({ slack: slackAnswerOf(error) }, 'home view refused by Slack');
      await this.publishFallback(client, user, reader.locale);
    }
  }

  private async publishFallback(client: WebClient, user: HomeUser, locale: Locale) {
    const view = buildFallbackHomeView(locale);
    try {
      await client.views.publish({ user_id: user.userId, view });
      this.log(user).warn('fallback home published');
    } catch (error) {
      this.log(user).error({ slack: slackAnswerOf(error) }, 'fallback home refused by Slack');
    }
  }

  private async content(user: HomeUser, reader: Reader): Promise<HomeContent> {
    const { config, identityLinks, preferences } = this.deps;
    const [link, prefs, notifications] = await Promise.all([
      identityLinks.findBySlackUser(user.teamId, user.userId),
      preferences.fields(user.teamId, user.userId),
      this.notifications(user, reader.locale),
    ]);
    return {
      locale: reader.locale,
      userId: user.userId,
      link: link === null ? null : { email: link.email },
      connectUrl: `${config.baseUrl}/oidc/login`,
      platformUrl: config.platformUrl,
      notifications,
      preferences: prefs,
      timeZone: reader.timeZone,
    };
  }

  /** The latest notifications, or null when the feed fails: the rest of the Home still shows. */
  private async notifications(
    user: HomeUser,
    locale: Locale,
  ): Promise<RecentNotification[] | null> {
    const { feed } = this.deps;
    try {
      return await feed.recentFor(user.teamId, user.userId, locale, RECENT_NOTIFICATIONS);
    } catch (error) {
      this.log(user).warn({ err: error }, 'notification feed unavailable');
      return null;
    }
  }

  private log(user: HomeUser): Logger {
    return this.deps.logger.child({ teamId: user.teamId, userId: user.userId });
  }
}
