import type { KnownBlock } from '@slack/types';

import { type Locale, t } from '../i18n';
import { LIMITS, mrkdwn } from './block-text';

/** The welcome direct message: its notification `text` and its blocks. */
export interface WelcomeMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Builds the message a user receives the first time they open the Home. Pure: no I/O. */
export function buildWelcomeMessage(locale: Locale, userId: string): WelcomeMessage {
  const body = t(locale, 'welcome.body', { user: userId });
  return {
    text: t(locale, 'welcome.text'),
    blocks: [
      { type: 'section', text: mrkdwn(`*${t(locale, 'welcome.text')}*`, LIMITS.section) },
      { type: 'section', text: mrkdwn(body, LIMITS.section) },
      { type: 'section', text: mrkdwn(t(locale, 'welcome.home'), LIMITS.section) },
    ],
  };
}
