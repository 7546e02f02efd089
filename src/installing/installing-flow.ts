import { InstallProvider } from '@slack/oauth';
import { Router } from 'express';

import type { Flow } from '../flow';
import type { Services } from '../services';
import { toSlackLogger } from '../shared/bolt-logger';
import { slackClientOptions } from '../shared/slack-client';
import { InstallStateStore } from './install-state-store';
import { installRoutes } from './install-routes';
import { SLACK_ROUTES, renderManifest } from './manifest';
import { BOT_SCOPES } from './slack-scopes';
import { registerUninstallEvents } from './uninstall-events';

/** Installing: the manifest, "Add to Slack", and clean-up when Slack says the app lost access. */
export function installingFlow(services: Services): Flow {
  const { config, logger, database, clock } = services;
  const stateStore = new InstallStateStore(database.db, clock);
  const installer = new InstallProvider({
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    stateStore,
    installationStore: services.installations,
    directInstall: true,
    installUrlOptions: {
      scopes: BOT_SCOPES,
      redirectUri: `${config.baseUrl}${SLACK_ROUTES.installCallback}`,
    },
    authorizationUrl: config.slack.authorizeUrl,
    // An OAuth code is single-use: retrying its exchange after a 5xx can only fail again.
    clientOptions: {
      ...slackClientOptions(config.slack.apiUrl, logger),
      retryConfig: { retries: 0 },
    },
    logger: toSlackLogger(logger),
  });

  const routes = Router();
  routes.get('/slack/manifest.json', (_req, res) => {
    res.json(renderManifest(config.baseUrl));
  });
  routes.use(
    installRoutes({
      installer,
      stateStore,
      logger,
      defaultLocale: config.defaultLocale,
      installPath: SLACK_ROUTES.install,
      callbackPath: SLACK_ROUTES.installCallback,
    }),
  );

  return {
    routes,
    register: (bolt) => registerUninstallEvents(bolt, services.installations),
    start: () => stateStore.ensureIndexes(),
  };
}
