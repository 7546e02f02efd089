import type { App } from '@slack/bolt';

import type { InstallationKey } from './installation-keys';
import type { InstallationStore } from './installation-store';

/** The parts of Slack's event envelope that say which installation an event concerns. */
interface Envelope {
  team_id?: string;
  enterprise_id?: string;
  event_time?: number;
  authorizations?: { is_enterprise_install?: boolean }[];
}

/**
 * Cleans up when Slack says the app lost access. `app_uninstalled` removes the whole
 * installation; `tokens_revoked` removes exactly the revoked grants (Slack lists user ids, and
 * the bot user's id for the bot token). Both are idempotent and safe in either order, and both
 * spare anything installed after the event happened.
 */
export function registerUninstallEvents(app: App, store: InstallationStore): void {
  app.event('app_uninstalled', async ({ body, logger }) => {
    const key = keyOfEnvelope(body);
    if (key === undefined) return;

    await store.removeInstallation(key, eventTime(body));
    logger.info(`uninstalled ${key}`);
  });

  app.event('tokens_revoked', async ({ event, body, logger }) => {
    const key = keyOfEnvelope(body);
    if (key === undefined) return;

    const before = eventTime(body);
    await store.removeUsers(key, event.tokens.oauth ?? [], before);
    if ((event.tokens.bot ?? []).length > 0) await store.removeBot(key, before);
    logger.info(`tokens revoked in ${key}`);
  });
}

function keyOfEnvelope(body: Envelope): InstallationKey | undefined {
  const orgWide = body.authorizations?.[0]?.is_enterprise_install === true;
  if (orgWide && body.enterprise_id) return `E:${body.enterprise_id}`;
  if (body.team_id) return `T:${body.team_id}`;
  return undefined;
}

/**
 * The end of the second in which Slack says the event happened (`event_time` is whole seconds):
 * whatever was installed by then is what the event is about.
 */
function eventTime(body: Envelope): Date {
  const seconds = typeof body.event_time === 'number' ? body.event_time : Date.now() / 1000;
  return new Date((Math.floor(seconds) + 1) * 1000 - 1);
}
