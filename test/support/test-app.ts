import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import { type CocoomApp, createCocoomApp } from '../../src/app';
import { type Clock, systemClock } from '../../src/shared/clock';
import { type Config, loadConfig } from '../../src/shared/config';
import { createLogger } from '../../src/shared/logger';
import { openTestDatabase } from './database';
import { freePort } from './free-port';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in';

/** A bearer token the test app accepts on its internal API. */
export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789abcdefghijkl';

/** Environment for a test app; every Slack URL points at the stand-in. */
export function testEnv(standIn: SlackStandIn, overrides: Record<string, string> = {}) {
  return {
    APP_BASE_URL: 'http://127.0.0.1:3000',
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_CLIENT_ID: standIn.clientId,
    SLACK_CLIENT_SECRET: standIn.clientSecret,
    SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
    SLACK_BASE_URL: standIn.url,
    MONGODB_URI: process.env.MONGODB_URI ?? '',
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    INTERNAL_API_TOKENS: TEST_INTERNAL_TOKEN,
    LOG_LEVEL: 'debug',
    DEFAULT_LOCALE: 'fr',
    // Most tests move a manual clock rather than wait: workspace pacing, which waits for real
    // time, is turned on by the tests about it.
    DELIVERY_MESSAGES_PER_MINUTE: '0',
    ...overrides,
  };
}

/** A running app on a free port, its stand-in Slack, its own database and its captured log. */
export interface TestApp {
  app: CocoomApp;
  url: string;
  config: Config;
  standIn: SlackStandIn;
  database: Awaited<ReturnType<typeof openTestDatabase>>;
  /** Every log line the app wrote, as text. */
  logLines: string[];
  /** Stops the app (but keeps the database and stand-in), e.g. to start another on them. */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

interface TestAppOptions {
  env?: Record<string, string>;
  clock?: Clock;
  standIn?: SlackStandIn;
  database?: TestApp['database'];
}

/** Starts the whole app against a Slack stand-in and a fresh database, as production would. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const standIn = options.standIn ?? (await startSlackStandIn());
  const database = options.database ?? (await openTestDatabase());
  const port = await freePort();
  const config = loadConfig({
    ...testEnv(standIn, { APP_BASE_URL: `http://127.0.0.1:${port}`, PORT: String(port) }),
    ...options.env,
    MONGODB_DB: database.name,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const app = await createCocoomApp({
    config,
    logger,
    database,
    clock: options.clock ?? systemClock,
  });
  const address = await app.start();
  const url = `http://127.0.0.1:${address.port}`;
  standIn.defaultRedirectUri = `${url}/slack/oauth_redirect`;

  return {
    app,
    url,
    config,
    standIn,
    database,
    logLines,
    stopApp: () => app.stop(),
    close: async () => {
      await app.stop();
      if (!options.database) await database.drop();
      if (!options.standIn) await standIn.close();
    },
  };
}
