import { type Locale, t } from '../i18n';
import { buildDigestMessage } from './digest-blocks';
import { type SlackMessage, buildNotificationMessage } from './message-blocks';
import type { LocalizedText } from './notification-schema';
import type { NotificationDocument } from './outbox-documents';

/** The notification's text in `locale`, or in the other language when it has only that one. */
export function textIn(notification: NotificationDocument, locale: Locale): LocalizedText {
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const text = notification.content[locale] ?? notification.content[other];
  return text ?? { title: notification.category, body: notification.category };
}

/** One notification's message in the recipient's language. */
export function notificationMessage(
  notification: NotificationDocument,
  locale: Locale,
): SlackMessage {
  const text = textIn(notification, locale);
  const link = notification.link
    ? { url: notification.link, text: t(locale, 'notification.open') }
    : undefined;
  return buildNotificationMessage({ ...text, link, buttons: text.buttons });
}

/** The message combining several notifications of one category, oldest first. */
export function digestMessage(notifications: NotificationDocument[], locale: Locale): SlackMessage {
  const category = notifications[0]?.category ?? 'announcement';
  const heading = t(locale, 'notification.digest.heading', {
    count: String(notifications.length),
    category: t(locale, `notification.category.${category}`),
  });
  const items = notifications.map((n) => ({ title: textIn(n, locale).title, link: n.link }));
  return buildDigestMessage({ heading, items });
}
