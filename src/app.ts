import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, ExpressReceiver } from '@slack/bolt';
import express, { type Application } from 'express';

import { appHomeFlow } from './app-home/app-home-flow';
import type { Flow } from './flow';
import { earlyAck } from './http/early-ack';
import { errorPage } from './http/error-page';
import { healthRoutes } from './http/health-routes';
import { requestLogging } from './http/request-logging';
import { slackTimestampGuard } from './http/slack-timestamp-guard';
import { internalApi } from './internal-api/internal-routes';
import { installingFlow } from './installing/installing-flow';
import { SLACK_ROUTES } from './installing/manifest';
import { notifyingFlow } from './notifying/notifying-flow';
import { type AppDependencies, type Services, createServices } from './services';
import { signingInFlow } from './signing-in/signing-in-flow';
import { toSlackLogger } from './shared/bolt-logger';
import { slackClientOptions } from './shared/slack-client';

export type { AppDependencies } from './services';

/** The running app: one HTTP server for Slack, browsers and the Cocoom platform. */
export interface CocoomApp {
  bolt: App;
  web: Application;
  services: Services;
  /** Starts listening and the flows' background work; resolves with the bound address. */
  start(): Promise<AddressInfo>;
  /** Stops accepting requests, lets the ones in flight finish, and stops background work. */
  stop(): Promise<void>;
}

/** Every product flow, in the order their routes are served. */
export function createFlows(services: Services): Flow[] {
  return [
    installingFlow(services),
    appHomeFlow(services),
    signingInFlow(services),
    notifyingFlow(services),
  ];
}

/** Wires every flow of the app onto one Bolt app and one HTTP server. */
export async function createCocoomApp(deps: AppDependencies): Promise<CocoomApp> {
  const services = await createServices(deps);
  const { config, logger, database } = services;
  const flows = createFlows(services);

  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', true);
  web.use(requestLogging(logger));
  web.use(healthRoutes(database.ping));
  const internal = flows.flatMap((flow) => (flow.internal ? [flow.internal] : []));
  web.use(internalApi({ tokens: config.internalApiTokens, logger, parts: internal }));
  for (const flow of flows) if (flow.routes) web.use(flow.routes);
  web.post(
    SLACK_ROUTES.events,
    slackTimestampGuard(() => new Date()),
    earlyAck(),
  );

  const slackLogger = toSlackLogger(logger);
  const receiver = new ExpressReceiver({
    signingSecret: config.slack.signingSecret,
    app: web,
    endpoints: SLACK_ROUTES.events,
    logger: slackLogger,
  });
  web.use((_req, res) => {
    res.status(404).json({ code: 'not_found', message: 'No such route' });
  });
  web.use(errorPage(logger, config.defaultLocale));

  const bolt = new App({
    receiver,
    authorize: services.authorize,
    clientOptions: slackClientOptions(config.slack.apiUrl, logger),
    logger: slackLogger,
  });
  for (const flow of flows) flow.register?.(bolt);

  let server: Server | undefined;
  return {
    bolt,
    web,
    services,
    start: async () => {
      server = await receiver.start({ port: config.port, host: config.host });
      for (const flow of flows) await flow.start?.();
      const address = server.address() as AddressInfo; // a TCP server always has one
      logger.info({ port: address.port }, 'started');
      return address;
    },
    stop: async () => {
      if (server === undefined) return;
      server = undefined;
      await receiver.stop();
      for (const flow of flows) await flow.stop?.();
      logger.info('stopped');
    },
  };
}
