import type { SlackAnswer } from './http-io';
import type { PendingCode, StandInState } from './state';
import { stringArg } from './state';
import { ROTATION_LIFETIME_SECONDS, type Issued } from './tokens';
import type { NextInstall } from './types';
import type { Reachable } from './workspaces';

type Credentials = { clientId: string; clientSecret: string } | undefined;

function failure(error: string): SlackAnswer {
  return { ok: false, error };
}

/** `oauth.v2.access`: exchanges a code, or a refresh token under token rotation. */
export function oauthV2Access(
  state: StandInState,
  args: Record<string, unknown>,
  basic: Credentials,
): SlackAnswer {
  const clientId = stringArg(args, 'client_id') ?? basic?.clientId;
  const clientSecret = stringArg(args, 'client_secret') ?? basic?.clientSecret;
  if (clientId !== state.app.clientId) return failure('invalid_client_id');
  if (clientSecret !== state.app.clientSecret) return failure('bad_client_secret');

  const grantType = stringArg(args, 'grant_type') ?? 'authorization_code';
  if (grantType === 'refresh_token') return refreshGrant(state, args);
  if (grantType !== 'authorization_code') return failure('invalid_grant_type');
  return codeGrant(state, args, clientId);
}

/** A code is spent by its first exchange, whether or not that exchange succeeds. */
function codeGrant(state: StandInState, args: Record<string, unknown>, clientId: string) {
  const code = stringArg(args, 'code') ?? '';
  const pending = state.codes.get(code);
  state.codes.delete(code);
  if (!pending || state.now() >= pending.expiresAt) return failure('invalid_code');
  if (pending.clientId !== clientId) return failure('invalid_client_id');
  const sameRedirect = stringArg(args, 'redirect_uri') === pending.redirectUri;
  if (pending.redirectUri !== undefined && !sameRedirect) return failure('bad_redirect_uri');

  return installAnswer(state, pending);
}

function ownerOf(state: StandInState, install: NextInstall): Reachable {
  if (install.isEnterpriseInstall) {
    return { enterpriseId: install.enterpriseId, isEnterpriseInstall: true };
  }
  const workspace = state.workspaces.get(install.teamId);
  return {
    teamId: install.teamId,
    enterpriseId: workspace?.enterpriseId,
    isEnterpriseInstall: false,
  };
}

function rotation(issued: Issued, lifetime: number | undefined): Record<string, unknown> {
  if (lifetime === undefined) return {};
  return { refresh_token: issued.refreshToken, expires_in: lifetime };
}

/** The code exchange answer (https://api.slack.com/methods/oauth.v2.access). */
function installAnswer(state: StandInState, pending: PendingCode): SlackAnswer {
  const { install } = pending;
  const owner = ownerOf(state, install);
  const lifetime = install.tokenRotation ? ROTATION_LIFETIME_SECONDS : undefined;
  const answer: SlackAnswer = {
    ok: true,
    app_id: state.app.appId,
    authed_user: authedUser(state, owner, install, pending.userScope, lifetime),
    team: state.workspaces.teamRef(owner),
    enterprise: state.workspaces.enterpriseRef(owner),
    is_enterprise_install: owner.isEnterpriseInstall,
  };
  if (install.withBot === false) return answer;

  const scopes = install.botScopes ?? pending.scope;
  const bot = state.tokens.botOf(owner);
  const issued = state.tokens.issue(
    { ...owner, kind: 'bot', userId: bot.userId, botId: bot.botId, scopes },
    lifetime,
  );
  return {
    ...answer,
    scope: scopes.join(','),
    token_type: 'bot',
    access_token: issued.record.token,
    bot_user_id: bot.userId,
    ...rotation(issued, lifetime),
  };
}

function authedUser(
  state: StandInState,
  owner: Reachable,
  install: NextInstall,
  requested: string[],
  lifetime: number | undefined,
): Record<string, unknown> {
  const scopes = install.userScopes ?? requested;
  if (scopes.length === 0) return { id: install.userId };

  const issued = state.tokens.issue(
    { ...owner, kind: 'user', userId: install.userId, scopes },
    lifetime,
  );
  return {
    id: install.userId,
    scope: scopes.join(','),
    access_token: issued.record.token,
    token_type: 'user',
    ...rotation(issued, lifetime),
  };
}

/** The refresh answer (https://api.slack.com/authentication/rotation). */
function refreshGrant(state: StandInState, args: Record<string, unknown>): SlackAnswer {
  const issued = state.tokens.refresh(stringArg(args, 'refresh_token') ?? '');
  if (!issued) return failure('invalid_refresh_token');

  const { record } = issued;
  return {
    ok: true,
    app_id: state.app.appId,
    scope: record.scopes.join(','),
    token_type: record.kind,
    access_token: record.token,
    refresh_token: issued.refreshToken,
    expires_in: ROTATION_LIFETIME_SECONDS,
    ...(record.kind === 'bot' ? { bot_user_id: record.userId } : {}),
    team: state.workspaces.teamRef(record),
    enterprise: state.workspaces.enterpriseRef(record),
    is_enterprise_install: record.isEnterpriseInstall,
  };
}
