import { type Router, Router as createRouter } from 'express';

import { jsonBody } from '../internal-api/json-body';
import { compileValidator } from '../internal-api/schema-validator';
import { ApiError } from '../shared/errors';
import { type IntakeDeps, acceptNotification } from './intake';
import { NOTIFY_REQUEST_SCHEMA, type NotifyRequest } from './notification-schema';
import { notificationStatus } from './notification-status';

const validateNotify = compileValidator<NotifyRequest>(NOTIFY_REQUEST_SCHEMA);

/**
 * `POST /internal/notify` and `GET /internal/notifications/{id}` (mounted under `/internal`,
 * behind the bearer token): validate, then hand off to intake and the outbox.
 */
export function notifyRoutes(deps: IntakeDeps): Router {
  const router = createRouter();

  router.post('/notify', ...jsonBody(), async (req, res) => {
    const request = validateNotify(req.body);
    const answer = await acceptNotification(deps, request, req.get('idempotency-key'));
    const id = String(answer.body.id);
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.status).location(`/internal/notifications/${id}`).json(answer.body);
  });

  router.get('/notifications/:id', async (req, res) => {
    const stored = await deps.outbox.find(req.params.id);
    if (stored === null) throw new ApiError(404, 'not_found', 'No such notification');
    res.json(notificationStatus(stored));
  });
  return router;
}
