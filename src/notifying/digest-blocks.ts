import type { KnownBlock } from '@slack/types';

import { LIMITS, type SlackMessage, escapeMrkdwn, sections, truncate } from './message-blocks';

/** One notification inside a digest. */
export interface DigestItem {
  title: string;
  link?: string;
}

/** What a digest message says, in the recipient's language. */
export interface DigestContent {
  /** For example "7 new notifications: Reminders". */
  heading: string;
  items: DigestItem[];
}

function line(item: DigestItem): string {
  const title = escapeMrkdwn(truncate(item.title, LIMITS.headerText));
  return item.link ? `• <${item.link}|${title}>` : `• ${title}`;
}

/**
 * Builds the message that combines several notifications of one category: a header, then one
 * line per notification (its title, linked when it has a link), within Slack's limits. Pure.
 */
export function buildDigestMessage(content: DigestContent): SlackMessage {
  const header: KnownBlock = {
    type: 'header',
    text: { type: 'plain_text', text: truncate(content.heading, LIMITS.headerText), emoji: true },
  };
  const list = content.items.map(line).join('\n');
  const body = sections(list, LIMITS.blocksPerMessage - 1);
  return {
    text: escapeMrkdwn(truncate(content.heading, LIMITS.fallbackText)),
    blocks: [header, ...body],
  };
}
