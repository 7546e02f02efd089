import type { SlackAnswer } from './http-io';
import type { AuthedCall } from './state';
import { booleanArg, stringArg } from './state';
import type { StandInUser, StandInWorkspace } from './types';

/** Slack's time zone for a user who has not chosen one. */
const DEFAULT_TZ = 'America/Los_Angeles';

function zonePart(tz: string, at: number, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    timeZoneName: style,
  }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Seconds east of UTC at the given instant, as Slack's `tz_offset`. */
export function zoneOffset(tz: string, at: number): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zonePart(tz, at, 'longOffset'));
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

/** The user's handle: `name`, else the email's local part, else the id in lower case. */
export function userName(user: StandInUser): string {
  return user.name ?? user.email?.split('@')[0] ?? user.id.toLowerCase();
}

/** A user object as `users.info` documents it (https://api.slack.com/types/user). */
export function userObject(
  workspace: StandInWorkspace,
  user: StandInUser,
  at: number,
  includeLocale: boolean,
): Record<string, unknown> {
  const name = userName(user);
  const tz = user.tz ?? DEFAULT_TZ;
  const email = user.email === undefined ? {} : { email: user.email };
  return {
    id: user.id,
    team_id: workspace.teamId,
    name,
    deleted: user.deleted ?? false,
    real_name: name,
    tz,
    tz_label: zonePart(tz, at, 'long'),
    tz_offset: zoneOffset(tz, at),
    is_bot: false,
    is_app_user: false,
    ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
    profile: { real_name: name, display_name: name, ...email, team: workspace.teamId },
  };
}

/** `users.info` (https://api.slack.com/methods/users.info). */
export function usersInfo({ state, args, owner }: AuthedCall): SlackAnswer {
  const teams = state.workspaces.reach(owner, stringArg(args, 'team_id'));
  const member = state.workspaces.findUser(teams, stringArg(args, 'user') ?? '');
  if (!member) return { ok: false, error: 'user_not_found' };

  const includeLocale = booleanArg(args, 'include_locale');
  return { ok: true, user: userObject(member.workspace, member.user, state.now(), includeLocale) };
}

/**
 * `users.lookupByEmail`; deactivated users are not found
 * (https://api.slack.com/methods/users.lookupByEmail).
 */
export function usersLookupByEmail({ state, args, owner }: AuthedCall): SlackAnswer {
  const teams = state.workspaces.reach(owner, stringArg(args, 'team_id'));
  const member = state.workspaces.findByEmail(teams, stringArg(args, 'email') ?? '');
  if (!member || member.user.deleted) return { ok: false, error: 'users_not_found' };

  return { ok: true, user: userObject(member.workspace, member.user, state.now(), false) };
}
