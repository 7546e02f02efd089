import type { HomeView } from '@slack/types';

import { type Locale, t } from '../i18n';

/** What the Home tab shows one user. */
export interface HomeContent {
  locale: Locale;
  userId: string;
}

/** Builds a user's Home tab. Pure: no I/O. */
export function buildHomeView(content: HomeContent): HomeView {
  const { locale } = content;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Cocoom' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: t(locale, 'home.greeting', { user: content.userId }) },
      },
      { type: 'section', text: { type: 'mrkdwn', text: t(locale, 'home.intro') } },
    ],
  };
}
