import type { ErrorRequestHandler } from 'express';

import { ApiError } from '../shared/errors';
import type { Logger } from '../shared/logger';

/**
 * Answers every failure on the internal API as `{ code, message, errors? }` with its status;
 * anything unexpected is logged with its error and answered 500 without details.
 */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isUndecodablePath(error)) {
      res.status(404).json({ code: 'not_found', message: 'No such resource' });
      return;
    }
    if (error instanceof ApiError) {
      res
        .status(error.status)
        .json({ code: error.code, message: error.message, errors: error.errors });
      return;
    }
    logger.error({ err: error, path: req.path }, 'internal API request failed');
    res.status(500).json({ code: 'internal_error', message: 'The request failed; it was logged' });
  };
}

/** Express refuses a path parameter that is not valid percent-encoding with a URIError. */
function isUndecodablePath(error: unknown): boolean {
  return error instanceof URIError;
}
