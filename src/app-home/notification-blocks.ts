import type { KnownBlock, SectionBlock } from '@slack/types';

import { type Locale, t } from '../i18n';
import type { RecentNotification } from '../notifying/notification-feed';
import { LIMITS, isButtonUrl, mrkdwn, mrkdwnData, plain, urlButton } from './block-text';
import { HOME_ACTIONS } from './home-action-ids';

/** How many notifications the Home lists. */
export const RECENT_NOTIFICATIONS = 10;

/** Longest title shown; longer ones are cut, leaving room for the category and time. */
const TITLE_MAX = 500;

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
  const meta = t(locale, 'home.notifications.meta', {
    category: t(locale, `category.${notification.category}`),
    time: slackDate(notification.at),
  });
  const title = mrkdwnData(notification.title, TITLE_MAX);
  const block: SectionBlock = {
    type: 'section',
    text: mrkdwn(`*${title}*\n${meta}`, LIMITS.section),
  };
  if (!isButtonUrl(notification.link)) return block;

  const open = t(locale, 'home.notifications.open');
  return { ...block, accessory: urlButton(HOME_ACTIONS.openNotification, open, notification.link) };
}

/**
 * A date Slack shows in each reader's own time zone and format
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting), with a UTC fallback.
 */
function slackDate(at: Date): string {
  if (Number.isNaN(at.getTime())) return '';

  const seconds = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}
