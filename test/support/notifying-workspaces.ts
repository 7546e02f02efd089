import type { StandInWorkspace } from './slack-stand-in';

/** A workspace with people in several languages and time zones, and a deactivated account. */
export const ACME: StandInWorkspace = {
  teamId: 'T0ACME',
  teamName: 'Acme',
  users: [
    { id: 'U0ADMIN', email: 'admin@acme.test', locale: 'en-GB', tz: 'Europe/London' },
    { id: 'U0ADA', email: 'ada@acme.test', locale: 'fr-FR', tz: 'Europe/Paris' },
    { id: 'U0BOB', email: 'bob@acme.test', locale: 'en-US', tz: 'America/New_York' },
    { id: 'U0KEN', email: 'ken@acme.test', locale: 'ja-JP', tz: 'Asia/Tokyo' },
    { id: 'U0GONE', email: 'gone@acme.test', deleted: true },
  ],
};

/** A second workspace. */
export const GLOBEX: StandInWorkspace = {
  teamId: 'T0GLOBEX',
  teamName: 'Globex',
  users: [
    { id: 'U0BOSS', email: 'boss@globex.test', locale: 'en-US', tz: 'Europe/Berlin' },
    { id: 'U0GIL', email: 'gil@globex.test', locale: 'fr-CA', tz: 'America/Montreal' },
    { id: 'U0HAL', email: 'hal@globex.test', locale: 'en-US', tz: 'UTC' },
  ],
};

/** A Slack user recipient of ACME or GLOBEX. */
export const person = (userId: string, teamId = 'T0ACME') => ({ slackUserId: userId, teamId });
