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
      await withTimeout(ping(), 1000);
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  return router;
}

/** Probes give up after a second or so: answer before they do. */
function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
