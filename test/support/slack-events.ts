import { randomBytes } from 'node:crypto';

interface EnvelopeOptions {
  teamId: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  eventTime?: number;
  eventId?: string;
}

/** Wraps `event` in the Events API envelope Slack sends (`event_callback`). */
export function eventEnvelope(event: Record<string, unknown>, options: EnvelopeOptions) {
  return {
    token: 'legacy-verification-token',
    team_id: options.teamId,
    enterprise_id: options.enterpriseId,
    api_app_id: 'A0COCOOM',
    event: { event_ts: `${Math.floor(Date.now() / 1000)}.000100`, ...event },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomBytes(6).toString('hex').toUpperCase()}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: options.enterpriseId ?? null,
        team_id: options.isEnterpriseInstall ? null : options.teamId,
        user_id: 'UBOT',
        is_bot: true,
        is_enterprise_install: options.isEnterpriseInstall === true,
      },
    ],
  };
}

/** An `app_home_opened` event for `user`, on the Home tab unless told otherwise. */
export function appHomeOpened(user: string, tab: 'home' | 'messages' = 'home') {
  return { type: 'app_home_opened', user, channel: 'D0HOME', tab };
}
