import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

import { ApiError } from '../shared/errors';

/** The largest JSON body the internal API reads. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON body: other content types are refused with 415, bodies over
 * {@link MAX_BODY_BYTES} with 413, and malformed JSON or JSON that is not an object or array
 * (`null`, a string) with 400, each before anything is stored.
 */
export function jsonBody(): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (req.is('application/json')) return next();
    return next(new ApiError(415, 'unsupported_media_type', 'Send the body as application/json'));
  };
  return [requireJson, express.json({ limit: MAX_BODY_BYTES, strict: true })];
}

/** Turns body-parser's failures into the internal API's error answers. */
export const bodyErrors: ErrorRequestHandler = (
  error: { type?: string; status?: number; expose?: boolean },
  _req,
  _res,
  next,
) => {
  if (error.type === 'entity.too.large') {
    return next(new ApiError(413, 'payload_too_large', `The body exceeds ${MAX_BODY_BYTES} bytes`));
  }
  if (error.type === 'entity.parse.failed') {
    return next(new ApiError(400, 'invalid_json', 'The body must be a well-formed JSON object'));
  }
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return next(new ApiError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON'));
  }
  // Other body-parser refusals (a broken gzip stream, say) carry their 4xx and `expose`.
  const unreadable = typeof error.status === 'number' && error.status >= 400 && error.status < 500;
  if (error.expose === true && unreadable && !(error instanceof URIError)) {
    return next(new ApiError(400, 'invalid_json', 'The body cannot be read as JSON'));
  }
  return next(error);
};
