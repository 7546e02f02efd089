import type { SlackAnswer } from './http-io';
import { chatPostMessage, conversationsOpen } from './messages';
import type { AuthedCall, MethodHandler, StandInState } from './state';
import type { TokenRecord } from './tokens';
import { userName, usersInfo, usersLookupByEmail } from './users';
import { viewsPublish } from './views';

/** Methods that authenticate the app by client id and secret, not by token. */
export const CLIENT_AUTHENTICATED = new Set(['oauth.v2.access', 'openid.connect.token']);

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'workspace'
  );
}

/**
 * Why a valid token no longer reaches anyone: its workspace or org is gone (`invalid_auth`),
 * or its user was deactivated (`account_inactive`).
 */
export function ownerProblem(state: StandInState, owner: TokenRecord): string | undefined {
  const teams = state.workspaces.reach(owner);
  if (teams.length === 0) return 'invalid_auth';
  if (owner.kind === 'bot') return undefined;

  const member = state.workspaces.findUser(teams, owner.userId);
  if (!member) return 'invalid_auth';
  return member.user.deleted ? 'account_inactive' : undefined;
}

/** `auth.test` (https://api.slack.com/methods/auth.test). */
function authTest({ state, owner }: AuthedCall): SlackAnswer {
  const enterprise = state.workspaces.enterpriseRef(owner);
  const workspace = state.workspaces.get(owner.teamId);
  const org = owner.isEnterpriseInstall && enterprise;
  const team = org ? enterprise : state.workspaces.teamRef(owner);
  const host = org ? `${slug(enterprise.name)}.enterprise` : slug(team?.name ?? '');
  const member = state.workspaces.findUser(state.workspaces.reach(owner), owner.userId);
  const expiresIn = state.tokens.secondsLeft(owner);
  return {
    ok: true,
    url: `https://${host}.slack.com/`,
    team: team?.name ?? workspace?.teamId,
    user: member ? userName(member.user) : state.app.botName,
    team_id: team?.id,
    user_id: owner.userId,
    ...(owner.botId ? { bot_id: owner.botId } : {}),
    ...(enterprise ? { enterprise_id: enterprise.id } : {}),
    is_enterprise_install: owner.isEnterpriseInstall,
    ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
  };
}

/** The Web API methods the stand-in answers, by name. */
export const METHODS: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'chat.postMessage': chatPostMessage,
  'conversations.open': conversationsOpen,
  'users.info': usersInfo,
  'users.lookupByEmail': usersLookupByEmail,
  'views.publish': viewsPublish,
};
