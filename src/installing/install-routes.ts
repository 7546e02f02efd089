import type { Installation, InstallProvider } from '@slack/oauth';
import { type Response, Router } from 'express';

import { sendPage } from '../http/html-page';
import { type Locale, type MessageKey, pickLocale, t } from '../i18n';
import type { Logger } from '../shared/logger';

interface InstallRoutesOptions {
  installer: InstallProvider;
  logger: Logger;
  defaultLocale: Locale;
  installPath: string;
  callbackPath: string;
}

/**
 * `GET /slack/install` sends the admin to Slack's authorize page with a fresh single-use state;
 * `GET /slack/oauth_redirect` receives Slack's answer and stores the installation. Every
 * outcome ends on a page in the admin's language.
 */
export function installRoutes(options: InstallRoutesOptions): Router {
  const { installer, logger } = options;
  const router = Router();

  router.get(options.installPath, async (req, res) => {
    await installer.handleInstallPath(req, res);
  });

  router.get(options.callbackPath, async (req, res) => {
    const locale = pickLocale(req.get('accept-language'), options.defaultLocale);
    await installer.handleCallback(req, res, {
      success: (installation) => {
        logger.info(describe(installation), 'installed');
        sendPage(res, 200, successPage(locale, installation));
      },
      failure: (error) => {
        logger.warn({ reason: error.code, err: error }, 'install failed');
        sendFailure(res, locale, error.code, options.installPath);
      },
    });
  });

  return router;
}

function describe(installation: Installation) {
  return {
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
    userId: installation.user.id,
  };
}

function successPage(locale: Locale, installation: Installation) {
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

/** Slack's own error codes for the callback, mapped to what the admin is told. */
const FAILURE_REASONS: Record<string, { status: number; message: MessageKey }> = {
  slack_oauth_installer_authorization_error: { status: 400, message: 'install.failure.cancelled' },
  slack_oauth_missing_state: { status: 400, message: 'install.failure.state' },
  slack_oauth_invalid_state: { status: 400, message: 'install.failure.state' },
  install_state_invalid: { status: 400, message: 'install.failure.state' },
  slack_oauth_missing_code: { status: 400, message: 'install.failure.state' },
};

function sendFailure(res: Response, locale: Locale, code: string, installPath: string) {
  const reason = FAILURE_REASONS[code] ?? { status: 502, message: 'install.failure.slack' };
  sendPage(res, reason.status, {
    lang: locale,
    title: t(locale, 'install.failure.title'),
    paragraphs: [t(locale, reason.message)],
    link: { href: installPath, label: t(locale, 'install.failure.retry') },
  });
}
