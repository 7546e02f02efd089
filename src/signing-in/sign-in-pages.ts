import type { PageContent } from '../http/html-page';
import { type Locale, type MessageKey, t } from '../i18n';
import type { SignInReason } from './sign-in-error';

/** What the user is told for each reason; anything about the id_token reads as Slack's fault. */
const MESSAGES: Partial<Record<SignInReason, MessageKey>> = {
  return_to_invalid: 'sign_in.failure.return_to',
  state_missing: 'sign_in.failure.state',
  state_invalid: 'sign_in.failure.state',
  slack_access_denied: 'sign_in.failure.cancelled',
  slack_team_refused: 'sign_in.failure.team',
  team_not_allowed: 'sign_in.failure.team',
  email_unverified: 'sign_in.failure.email',
};

/** The page for a refused sign-in, with a link to start again. */
export function failurePage(locale: Locale, reason: SignInReason, retryHref: string): PageContent {
  return {
    lang: locale,
    title: t(locale, 'sign_in.failure.title'),
    paragraphs: [t(locale, MESSAGES[reason] ?? 'sign_in.failure.slack')],
    link: { href: retryHref, label: t(locale, 'sign_in.failure.retry') },
  };
}

/** The page for a sign-in that failed on our side (the database is down, say). */
export function unavailablePage(locale: Locale, retryHref: string): PageContent {
  return {
    lang: locale,
    title: t(locale, 'sign_in.failure.title'),
    paragraphs: [t(locale, 'sign_in.failure.unavailable')],
    link: { href: retryHref, label: t(locale, 'sign_in.failure.retry') },
  };
}
