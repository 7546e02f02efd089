import { createHash, timingSafeEqual } from 'node:crypto';

import type { RequestHandler } from 'express';

import { ApiError } from '../shared/errors';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Accepts a request carrying `Authorization: Bearer <token>` with one of `tokens`. Every token
 * is compared, in constant time, whatever matches first; a missing and a wrong token get the
 * same answer, so nothing in it helps guessing.
 */
export function bearerAuth(tokens: string[]): RequestHandler {
  const accepted = tokens.map(digest);
  return (req, res, next) => {
    // The scheme name is case-insensitive (RFC 9110, section 11.1).
    const match = /^Bearer ([^\s]+)$/i.exec(req.get('authorization') ?? '');
    const presented = digest(match?.[1] ?? '');
    const valid = accepted.reduce((ok, token) => timingSafeEqual(token, presented) || ok, false);
    if (match && valid) return next();

    res.set('WWW-Authenticate', 'Bearer realm="cocoom-slack-internal"');
    return next(new ApiError(401, 'unauthorized', 'A valid bearer token is required'));
  };
}
