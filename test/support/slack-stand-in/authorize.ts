import { opaque } from './ids';
import type { StandInState } from './state';
import { stringArg } from './state';
import type { NextInstall } from './types';
import type { Workspaces } from './workspaces';

/** Authorize page arguments (https://api.slack.com/authentication/oauth-v2#asking). */
export const AUTHORIZE_ARGUMENTS = [
  'client_id',
  'scope',
  'user_scope',
  'redirect_uri',
  'state',
  'team',
];

/** Slack's codes are short-lived; ten minutes (https://api.slack.com/authentication/oauth-v2). */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Where the authorize page sends the browser, or why it shows an error page instead. */
export type AuthorizeOutcome = { location: string } | { problem: string };

function scopeList(value: string | undefined): string[] {
  return (value ?? '').split(',').filter((s) => s !== '');
}

/** Throws when a queued install names a team, org or user the stand-in does not know. */
export function checkInstall(workspaces: Workspaces, install: NextInstall): void {
  const teams = install.isEnterpriseInstall
    ? workspaces.inEnterprise(install.enterpriseId)
    : [workspaces.get(install.teamId)].filter((w) => w !== undefined);
  if (teams.length === 0) throw new RangeError('nextInstall names no known workspace or org');
  if (!workspaces.findUser(teams, install.userId)) {
    throw new RangeError(`nextInstall: user ${install.userId} is not in that workspace or org`);
  }
}

/** The Add to Slack page: redirects back with a fresh code, or with `access_denied`. */
export function authorize(state: StandInState, args: Record<string, unknown>): AuthorizeOutcome {
  const clientId = stringArg(args, 'client_id');
  if (clientId !== state.app.clientId) return { problem: 'invalid_client_id' };
  const redirectUri = stringArg(args, 'redirect_uri');
  const target = redirectUri ?? state.app.defaultRedirectUri;
  if (!target) return { problem: 'bad_redirect_uri' };

  const location = new URL(target);
  const install = state.nextInstall;
  state.nextInstall = undefined;
  if (install) {
    const code = opaque();
    state.codes.set(code, {
      install,
      clientId,
      redirectUri,
      scope: scopeList(stringArg(args, 'scope')),
      userScope: scopeList(stringArg(args, 'user_scope')),
      expiresAt: state.now() + CODE_LIFETIME_MS,
    });
    location.searchParams.set('code', code);
  } else {
    location.searchParams.set('error', 'access_denied');
  }

  const stateParam = stringArg(args, 'state');
  if (stateParam !== undefined) location.searchParams.set('state', stateParam);
  return { location: location.toString() };
}
