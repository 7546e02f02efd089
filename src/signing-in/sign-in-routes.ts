import { type Request, type Response, Router } from 'express';

import { sendPage } from '../http/html-page';
import { type Locale, pickLocale } from '../i18n';
import { SLACK_ROUTES } from '../installing/manifest';
import type { Logger } from '../shared/logger';
import type { CallbackParams, SignIn } from './sign-in';
import { SignInError } from './sign-in-error';
import { failurePage, unavailablePage } from './sign-in-pages';

/** The route that starts a sign-in. */
export const LOGIN_PATH = `${SLACK_ROUTES.signInCallback}/login`;

interface SignInRoutesOptions {
  signIn: SignIn;
  logger: Logger;
  defaultLocale: Locale;
  clearCookie: string;
}

/**
 * `GET /oidc/login?return_to=…` sends the browser to Slack; `GET /oidc` receives it back and
 * hands it to the platform. Every refusal ends on a page in the user's language, with a way to
 * try again, and is logged with its reason.
 */
export function signInRoutes(options: SignInRoutesOptions): Router {
  const { signIn } = options;
  const router = Router();

  router.get(LOGIN_PATH, async (req, res) => {
    await answer(options, req, res, async () => {
      const { location, cookie } = await signIn.start(
        req.query.return_to,
        req.query.platform_state,
      );
      res.set('Set-Cookie', cookie);
      return location;
    });
  });

  router.get(SLACK_ROUTES.signInCallback, async (req, res) => {
    res.set('Set-Cookie', options.clearCookie);
    await answer(options, req, res, () => signIn.finish(callbackParams(req), req.get('cookie')));
  });

  return router;
}

async function answer(
  options: SignInRoutesOptions,
  req: Request,
  res: Response,
  work: () => Promise<string>,
): Promise<void> {
  const locale = pickLocale(req.get('accept-language'), options.defaultLocale);
  try {
    const location = await work();
    res.set('Cache-Control', 'no-store');
    res.redirect(302, location);
  } catch (error) {
    if (!(error instanceof SignInError)) {
      options.logger.error({ err: error, path: req.path }, 'sign-in failed unexpectedly');
      return sendPage(res, 503, unavailablePage(locale, LOGIN_PATH));
    }
    // Every SignInError message is the app's own wording (Slack's error name at most): no secret.
    const detail = error.message;
    options.logger.warn({ reason: error.reason, detail, path: req.path }, 'sign-in refused');
    sendPage(res, 400, failurePage(locale, error.reason, LOGIN_PATH));
  }
}

/** One value per parameter: a parameter sent twice is treated as absent. */
function callbackParams(req: Request): CallbackParams {
  const one = (name: string) => {
    const value = req.query[name];
    return typeof value === 'string' ? value : undefined;
  };
  return { state: one('state'), code: one('code'), error: one('error') };
}
