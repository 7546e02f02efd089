import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, ExpressReceiver } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import express, { type Application } from 'express';

import { registerHomeEvents } from './app-home/home-events';
import { healthRoutes } from './http/health-routes';
import { requestLogging } from './http/request-logging';
import { createAuthorize } from './installing/authorize';
import { InstallStateStore } from './installing/install-state-store';
import { installRoutes } from './installing/install-routes';
import { InstallationStore } from './installing/installation-store';
import { SLACK_ROUTES, renderManifest } from './installing/manifest';
import { BOT_SCOPES } from './installing/slack-scopes';
import { TokenRotation } from './installing/token-rotation';
import { registerUninstallEvents } from './installing/uninstall-events';
import { toSlackLogger } from './shared/bolt-logger';
import { type Clock, systemClock } from './shared/clock';
import type { Config } from './shared/config';
import type { Database } from './shared/database';
import type { Logger } from './shared/logger';
import { slackClientOptions } from './shared/slack-client';
import { TokenCipher } from './shared/token-cipher';

/** What the app is built from: its configuration, logger, database and clock. */
export interface AppDependencies {
  config: Config;
  logger: Logger;
  database: Database;
  clock?: Clock;
}

/** The running app: one HTTP server for Slack, browsers and the Cocoom platform. */
export interface CocoomApp {
  bolt: App;
  web: Application;
  store: InstallationStore;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  start(): Promise<AddressInfo>;
  /** Stops accepting requests and lets the ones in flight finish. */
  stop(): Promise<void>;
}

/** Wires every flow of the app onto one Bolt app and one HTTP server. */
export async function createCocoomApp(deps: AppDependencies): Promise<CocoomApp> {
  const { config, logger, database } = deps;
  const clock = deps.clock ?? systemClock;
  const cipher = new TokenCipher(config.tokenKeys);
  const store = new InstallationStore(database.db, cipher, clock);
  await store.ensureIndexes();

  const clientOptions = slackClientOptions(config.slack.apiUrl, logger);
  const rotation = new TokenRotation({
    slack: new WebClient(undefined, clientOptions),
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    cipher,
    clock,
    logger,
  });
  const installer = new InstallProvider({
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    stateStore: new InstallStateStore(database.db, clock),
    installationStore: store,
    directInstall: true,
    installUrlOptions: {
      scopes: BOT_SCOPES,
      redirectUri: `${config.baseUrl}${SLACK_ROUTES.installCallback}`,
    },
    authorizationUrl: config.slack.authorizeUrl,
    clientOptions,
    logger: toSlackLogger(logger),
  });

  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', true);
  web.use(requestLogging(logger));
  web.use(healthRoutes(database.ping));
  web.get('/slack/manifest.json', (_req, res) => {
    res.json(renderManifest(config.baseUrl));
  });
  web.use(
    installRoutes({
      installer,
      logger,
      defaultLocale: config.defaultLocale,
      installPath: SLACK_ROUTES.install,
      callbackPath: SLACK_ROUTES.installCallback,
    }),
  );

  const receiver = new ExpressReceiver({
    signingSecret: config.slack.signingSecret,
    app: web,
    endpoints: SLACK_ROUTES.events,
    logger: toSlackLogger(logger),
  });
  web.use((_req, res) => {
    res.status(404).json({ code: 'not_found', message: 'No such route' });
  });

  const bolt = new App({
    receiver,
    authorize: createAuthorize(store, rotation, cipher),
    clientOptions,
    logger: toSlackLogger(logger),
  });
  registerUninstallEvents(bolt, store);
  registerHomeEvents(bolt, config.defaultLocale);

  let server: Server | undefined;
  return {
    bolt,
    web,
    store,
    start: async () => {
      server = await receiver.start({ port: config.port, host: config.host });
      const address = server.address() as AddressInfo; // a TCP server always has one
      logger.info({ port: address.port }, 'started');
      return address;
    },
    stop: async () => {
      if (server === undefined) return;
      await receiver.stop();
      server = undefined;
      logger.info('stopped');
    },
  };
}
