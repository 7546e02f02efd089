import type { KnownBlock, SectionBlock } from '@slack/types';

import { type Locale, t } from '../i18n';
import { isCategory } from '../notifying/categories';
import type { RecentNotification } from '../notifying/notification-feed';
import { LIMITS, isButtonUrl, mrkdwn, mrkdwnData, plain, urlButton } from './block-text';
import { HOME_ACTIONS } from './home-action-ids';

/** How many notifications the Home lists. */
export const RECENT_NOTIFICATIONS = 10;

/** Longest title shown; longer ones are cut, leaving room for the category and time. */
const TITLE_MAX = 500;

/** Longest raw category name shown for a category the catalogue does not name. */
const CATEGORY_MAX = 100;

/** The "Latest notifications" part of the Home; `null` means they could not be read. */
export function notificationBlocks(
  locale: Locale,
  notifications: RecentNotification[] | null,
): KnownBlock[] {
  const header: KnownBlock = {
    type: 'header',
    text: plain(t(locale, 'home.notifications.title'), LIMITS.header),
  };
  if (notifications === null) return [header, note(t(locale, 'home.notifications.unavailable'))];
  if (notifications.length === 0) return [header, note(t(locale, 'home.notifications.empty'))];

  const shown = notifications.slice(0, RECENT_NOTIFICATIONS);
  return [header, ...shown.map((notification) => notificationBlock(locale, notification))];
}

function note(text: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(text, LIMITS.context)] };
}

function notificationBlock(locale: Locale, notification: RecentNotification): SectionBlock {
  const title = mrkdwnData(String(notification.title), TITLE_MAX);
  const block: SectionBlock = {
    type: 'section',
    text: mrkdwn(`*${title}*\n${metaLine(locale, notification)}`, LIMITS.section),
  };
  if (!isButtonUrl(notification.link)) return block;

  const open = t(locale, 'home.notifications.open');
  return { ...block, accessory: urlButton(HOME_ACTIONS.openNotification, open, notification.link) };
}

/**
 * The category and time of a notification. Stored data may not match the types (a category
 * added on the platform first, a date read back as a string): the Home shows what it can
 * rather than failing as a whole.
 */
function metaLine(locale: Locale, notification: RecentNotification): string {
  const category = categoryLabel(locale, notification.category);
  const { at } = notification;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return category;
  return t(locale, 'home.notifications.meta', { category, time: slackDate(at) });
}

function categoryLabel(locale: Locale, category: string): string {
  if (isCategory(category)) return t(locale, `category.${category}`);
  return mrkdwnData(String(category), CATEGORY_MAX);
}

/**
 * A date Slack shows in each reader's own time zone and format
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting), with a UTC fallback.
 */
function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}
