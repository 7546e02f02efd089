import type { Flow } from '../flow';
import type { Services } from '../services';
import { createDeliveryContext } from './delivery-context';
import { DeliveryWorker } from './delivery-worker';
import { NOTIFY_OPENAPI } from './notify-openapi';
import { notifyRoutes } from './notify-routes';

/**
 * Notifying: the internal notify API, the outbox it writes, and the delivery workers of this
 * process (none when `DELIVERY_CONCURRENCY` is 0).
 */
export function notifyingFlow(services: Services): Flow {
  const ctx = createDeliveryContext(services);
  const { concurrency, pollMs } = services.config.delivery;
  const worker = new DeliveryWorker(ctx, { concurrency, pollMs });
  const routes = notifyRoutes({
    outbox: ctx.outbox,
    idempotencyKeys: ctx.idempotencyKeys,
    installations: services.installations,
    logger: services.logger,
    platformUrl: services.config.platformUrl,
  });

  return {
    internal: { routes, openapi: NOTIFY_OPENAPI },
    start: async () => {
      await ctx.outbox.ensureIndexes();
      worker.start();
    },
    stop: () => worker.stop(),
  };
}
