import { type Router, Router as createRouter } from 'express';

import { ApiError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { bearerAuth } from './bearer-auth';
import { apiErrorHandler } from './error-handler';
import { bodyErrors } from './json-body';
import { buildOpenApiDocument, type OpenApiPart } from './openapi';

interface InternalApiOptions {
  tokens: string[];
  logger: Logger;
  /** Each flow's routes (mounted under `/internal`) and its part of the OpenAPI description. */
  parts: { routes: Router; openapi: OpenApiPart }[];
}

/**
 * The internal API under `/internal`: its OpenAPI description at `/internal/openapi.json`
 * (public), everything else behind the bearer token, and every error as `{ code, message }`.
 */
export function internalApi(options: InternalApiOptions): Router {
  const document = buildOpenApiDocument(options.parts.map((p) => p.openapi));
  const router = createRouter();

  router.get('/internal/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/internal', bearerAuth(options.tokens));
  for (const part of options.parts) router.use('/internal', part.routes);
  router.use('/internal', (_req, _res, next) => {
    next(new ApiError(404, 'not_found', 'No such internal route'));
  });
  router.use('/internal', bodyErrors, apiErrorHandler(options.logger));
  return router;
}
