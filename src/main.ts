import dotenv from 'dotenv';

import { createCocoomApp } from './app';
import { loadConfig } from './shared/config';
import { connectDatabase } from './shared/database';
import { ConfigError } from './shared/errors';
import { createLogger, scrubSecrets } from './shared/logger';

/** Set once a signal asked the process to stop: what start-up was doing then may fail. */
let stopping = false;

/** Starts the app from the environment (and `.env`), and stops it cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);

  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName).catch(
    (cause: unknown) => {
      logger.fatal({ err: cause }, 'cannot reach MongoDB: check MONGODB_URI and that it runs');
      process.exit(1);
    },
  );
  const app = await createCocoomApp({ config, logger, database });

  const shutdown = async (signal: string) => {
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await app.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'could not stop cleanly');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.start();
}

main().catch((error: unknown) => {
  if (stopping) return;
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(78);
  }
  process.stderr.write(`Cocoom for Slack failed to start: ${scrubSecrets(String(error))}\n`);
  process.exit(1);
});
