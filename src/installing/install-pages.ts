import type { Installation } from '@slack/oauth';

import type { PageContent } from '../http/html-page';
import { type Locale, type MessageKey, t } from '../i18n';

/** The page that tells the admin Cocoom is installed, with a link back into Slack. */
export function successPage(locale: Locale, installation: Installation): PageContent {
  const team = installation.team?.name ?? installation.enterprise?.name ?? 'Slack';
  const teamId = installation.team?.id;
  const href =
    teamId && installation.appId
      ? `slack://app?team=${teamId}&id=${installation.appId}`
      : 'slack://open';
  return {
    lang: locale,
    title: t(locale, 'install.success.title'),
    paragraphs: [t(locale, 'install.success.body', { team })],
    link: { href, label: t(locale, 'install.success.open_slack') },
  };
}

/** Why an install did not finish, as the admin is told it and with its HTTP status. */
export interface FailureReason {
  status: number;
  message: MessageKey;
}

const BY_CODE: Record<string, FailureReason> = {
  slack_oauth_installer_authorization_error: { status: 400, message: 'install.failure.cancelled' },
  slack_oauth_missing_state: { status: 400, message: 'install.failure.state' },
  slack_oauth_invalid_state: { status: 400, message: 'install.failure.state' },
  install_state_invalid: { status: 400, message: 'install.failure.state' },
  slack_oauth_missing_code: { status: 400, message: 'install.failure.state' },
  slack_webapi_platform_error: { status: 502, message: 'install.failure.slack' },
  slack_webapi_request_error: { status: 502, message: 'install.failure.slack' },
  slack_webapi_http_error: { status: 502, message: 'install.failure.slack' },
  slack_webapi_rate_limited_error: { status: 502, message: 'install.failure.slack' },
};

/** The reason for an error code of the OAuth library, Slack's client or ours. */
export function failureReason(code: string): FailureReason {
  return BY_CODE[code] ?? { status: 500, message: 'install.failure.internal' };
}

/** The page for a failed install, with a link to start again. */
export function failurePage(
  locale: Locale,
  reason: FailureReason,
  retryHref: string,
  params: Record<string, string> = {},
): PageContent {
  return {
    lang: locale,
    title: t(locale, 'install.failure.title'),
    paragraphs: [t(locale, reason.message, params)],
    link: { href: retryHref, label: t(locale, 'install.failure.retry') },
  };
}
