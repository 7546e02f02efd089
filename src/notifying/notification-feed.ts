import type { Locale } from '../i18n';
import type { Category } from './categories';

/** A notification as App Home lists it. */
export interface RecentNotification {
  category: Category;
  title: string;
  link?: string;
  /** When it was sent to the user. */
  at: Date;
}

/** Reads what Cocoom told a user lately, newest first, in the user's language. */
export interface NotificationFeed {
  recentFor(
    teamId: string,
    userId: string,
    locale: Locale,
    limit: number,
  ): Promise<RecentNotification[]>;
}
