import type { Button, HomeView, KnownBlock } from '@slack/types';

import { type Locale, t } from '../i18n';
import type { RecentNotification } from '../notifying/notification-feed';
import type { PreferenceFields } from '../preferences/preference-fields';
import { LIMITS, mrkdwn, mrkdwnData, plain, urlButton } from './block-text';
import { HOME_ACTIONS } from './home-action-ids';
import { notificationBlocks } from './notification-blocks';
import { preferenceBlocks } from './preference-blocks';

/** Everything one user's Home shows, gathered beforehand. */
export interface HomeContent {
  locale: Locale;
  userId: string;
  /** The Cocoom account the Slack user signed in as; null when not connected. */
  link: { email: string } | null;
  /** Where "Connect" starts Sign in with Slack. */
  connectUrl: string;
  /** Where "Open Cocoom" leads. */
  platformUrl: string;
  /** Newest first; null when they could not be read. */
  notifications: RecentNotification[] | null;
  /** The preferences as set, a bound of quiet hours chosen alone included. */
  preferences: PreferenceFields;
  /** The user's Slack time zone (IANA), when Slack told it. */
  timeZone?: string;
}

/** Builds a user's Home tab, within Slack's limits whatever the data. Pure: no I/O. */
export function buildHomeView(content: HomeContent): HomeView {
  const blocks: KnownBlock[] = [
    ...accountBlocks(content),
    { type: 'divider' },
    ...notificationBlocks(content.locale, content.notifications),
    { type: 'divider' },
    ...preferenceBlocks(content.locale, content.preferences, content.timeZone),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocks) };
}

/** The Home shown when the real one cannot be built or published: no data, nothing to break. */
export function buildFallbackHomeView(locale: Locale): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain(t(locale, 'home.title'), LIMITS.header) },
      { type: 'section', text: mrkdwn(t(locale, 'home.fallback.body'), LIMITS.section) },
    ],
  };
}

function accountBlocks(content: HomeContent): KnownBlock[] {
  const { locale, link } = content;
  const hello = t(locale, 'home.greeting', { user: content.userId });
  const greeting = `${hello}\n${t(locale, 'home.intro')}`;
  const account = link
    ? t(locale, 'home.linked', { email: mrkdwnData(link.email, 320) })
    : t(locale, 'home.unlinked');
  return [
    { type: 'header', text: plain(t(locale, 'home.title'), LIMITS.header) },
    { type: 'section', text: mrkdwn(greeting, LIMITS.section) },
    { type: 'section', text: mrkdwn(account, LIMITS.section) },
    { type: 'actions', elements: accountButtons(content) },
  ];
}

function accountButtons(content: HomeContent): Button[] {
  const { locale } = content;
  const open = urlButton(
    HOME_ACTIONS.openCocoom,
    t(locale, 'home.open_cocoom'),
    content.platformUrl,
  );
  if (content.link) return [open];

  const connect = urlButton(HOME_ACTIONS.connect, t(locale, 'home.connect'), content.connectUrl);
  return [{ ...connect, style: 'primary' }, open];
}
