import type { App } from '@slack/bolt';

import type { Locale } from '../i18n';
import { buildHomeView } from './home-view';

/** Publishes the user's Home when they open the app's Home tab (never the Messages tab). */
export function registerHomeEvents(app: App, defaultLocale: Locale): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;

    const view = buildHomeView({ locale: defaultLocale, userId: event.user });
    await client.views.publish({ user_id: event.user, view });
  });
}
