import type { ErrorRequestHandler } from 'express';

import { type Locale, pickLocale, t } from '../i18n';
import type { Logger } from '../shared/logger';
import { sendPage } from './html-page';

/**
 * The last resort for browser routes: an unexpected failure is logged with its error and the
 * browser gets a plain page in its language, never a stack trace.
 */
export function errorPage(logger: Logger, defaultLocale: Locale): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    logger.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return next(error);

    const locale = pickLocale(req.get('accept-language'), defaultLocale);
    sendPage(res, 500, {
      lang: locale,
      title: t(locale, 'page.error.title'),
      paragraphs: [t(locale, 'page.error.body')],
    });
  };
}
