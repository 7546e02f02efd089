import type { InstallProvider, Installation, StateStore } from '@slack/oauth';
import { type Request, type Response, Router } from 'express';

import { sendPage } from '../http/html-page';
import { type Locale, pickLocale } from '../i18n';
import type { Logger } from '../shared/logger';
import { failurePage, failureReason, successPage } from './install-pages';

interface InstallRoutesOptions {
  installer: InstallProvider;
  stateStore: StateStore;
  logger: Logger;
  defaultLocale: Locale;
  installPath: string;
  callbackPath: string;
}

/** The cookie in which `@slack/oauth` binds the state to the browser. */
const STATE_COOKIE = 'slack-app-oauth-state';

/**
 * `GET /slack/install` sends the admin to Slack's authorize page with a fresh single-use state;
 * `GET /slack/oauth_redirect` receives Slack's answer and stores the installation. Every
 * outcome ends on a page in the admin's language, never on a stack trace.
 */
export function installRoutes(options: InstallRoutesOptions): Router {
  const { installer, logger } = options;
  const router = Router();

  router.get(options.installPath, async (req, res) => {
    try {
      await installer.handleInstallPath(req, res);
    } catch (error) {
      logger.error({ err: error }, 'install could not start');
      fail(req, res, options, 'internal');
    }
  });

  router.get(options.callbackPath, async (req, res) => {
    if (typeof req.query.error === 'string') return refusedBySlack(req, res, options);

    const locale = localeOf(req, options);
    await installer.handleCallback(req, res, {
      success: (installation) => {
        logger.info(describe(installation), 'installed');
        sendPage(res, 200, successPage(locale, installation));
      },
      failure: (error) => {
        logger.warn({ reason: error.code, err: error }, 'install failed');
        fail(req, res, options, error.code);
      },
    });
  });

  return router;
}

/**
 * Slack sent the admin back with `error` instead of a code: they cancelled, or Slack refused.
 * The state is used up and its cookie cleared, so the link cannot be replayed.
 */
async function refusedBySlack(req: Request, res: Response, options: InstallRoutesOptions) {
  const error = String(req.query.error).slice(0, 100);
  const state = typeof req.query.state === 'string' ? req.query.state : '';
  if (state) await options.stateStore.verifyStateParam(new Date(), state).catch(() => undefined);

  options.logger.warn({ reason: error }, 'install refused in Slack');
  res.setHeader('Set-Cookie', `${STATE_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure`);
  const message =
    error === 'access_denied' ? 'install.failure.cancelled' : 'install.failure.slack_error';
  const page = failurePage(localeOf(req, options), { status: 400, message }, options.installPath, {
    error,
  });
  sendPage(res, 400, page);
}

function fail(req: Request, res: Response, options: InstallRoutesOptions, code: string) {
  const reason = failureReason(code);
  sendPage(res, reason.status, failurePage(localeOf(req, options), reason, options.installPath));
}

function localeOf(req: Request, options: InstallRoutesOptions): Locale {
  return pickLocale(req.get('accept-language'), options.defaultLocale);
}

function describe(installation: Installation) {
  return {
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
    userId: installation.user.id,
  };
}
