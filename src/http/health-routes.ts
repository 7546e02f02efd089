import { Router } from 'express';

/**
 * `GET /health/live` answers while the process runs; `GET /health/ready` answers 200 only when
 * the database answers too, so a load balancer sends no traffic to an instance that cannot work.
 */
export function healthRoutes(ping: () => Promise<void>): Router {
  const router = Router();

  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/health/ready', async (_req, res) => {
    try {
      await ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  return router;
}
