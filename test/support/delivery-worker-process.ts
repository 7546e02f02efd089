import { createDeliveryContext } from '../../src/notifying/delivery-context';
import { DeliveryWorker } from '../../src/notifying/delivery-worker';
import { createServices } from '../../src/services';
import { loadConfig } from '../../src/shared/config';
import { connectDatabase } from '../../src/shared/database';
import { createLogger } from '../../src/shared/logger';

/**
 * A second process running only delivery workers against the database and Slack named in its
 * environment, as another instance of the app would. Prints `ready` once it works.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger('silent');
  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName);
  const services = await createServices({ config, logger, database });
  const worker = new DeliveryWorker(createDeliveryContext(services), {
    concurrency: 1,
    pollMs: config.delivery.pollMs,
  });
  worker.start();
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`delivery worker process failed: ${String(error)}\n`);
  process.exit(1);
});
