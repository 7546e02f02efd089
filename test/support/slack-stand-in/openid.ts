import { createHash } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { SlackAnswer } from './http-io';
import { opaque } from './ids';
import type { StandInState } from './state';
import { stringArg } from './state';
import type { AuthorizeOutcome } from './authorize';
import type { IdTokenTamper, NextSignIn } from './types';

/** The issuer Slack's id_tokens name, whatever host serves the stand-in. */
export const SLACK_ISSUER = 'https://slack.com';

/** Sign in with Slack's authorize arguments (api.slack.com/authentication/sign-in-with-slack). */
export const OPENID_AUTHORIZE_ARGUMENTS = [
  'response_type',
  'scope',
  'client_id',
  'state',
  'team',
  'nonce',
  'redirect_uri',
];

/** Slack's id_tokens live five minutes. */
const ID_TOKEN_LIFETIME_S = 300;
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** A code handed out by the OpenID authorize page. */
export interface PendingSignIn {
  signIn: NextSignIn;
  clientId: string;
  redirectUri?: string;
  nonce?: string;
  expiresAt: number;
}

/** The discovery document (`/.well-known/openid-configuration`), pointing at `baseUrl`. */
export function discovery(baseUrl: string) {
  return {
    issuer: SLACK_ISSUER,
    authorization_endpoint: `${baseUrl}/openid/connect/authorize`,
    token_endpoint: `${baseUrl}/api/openid.connect.token`,
    userinfo_endpoint: `${baseUrl}/api/openid.connect.userInfo`,
    jwks_uri: `${baseUrl}/openid/connect/keys`,
    scopes_supported: ['openid', 'profile', 'email'],
    response_types_supported: ['code'],
    response_modes_supported: ['form_post'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'auth_time', 'iss'],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: true,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
  };
}

/** Throws when a queued sign-in names a workspace or user the stand-in does not know. */
export function checkSignIn(state: StandInState, signIn: NextSignIn): void {
  const workspace = state.workspaces.get(signIn.teamId);
  if (!workspace) throw new RangeError(`nextSignIn: unknown workspace ${signIn.teamId}`);
  if (!state.workspaces.findUser([workspace], signIn.userId)) {
    throw new RangeError(`nextSignIn: user ${signIn.userId} is not in ${signIn.teamId}`);
  }
}

function authorizeProblem(state: StandInState, args: Record<string, unknown>) {
  if (stringArg(args, 'client_id') !== state.app.clientId) return 'invalid_client_id';
  if (stringArg(args, 'response_type') !== 'code') return 'invalid_response_type';
  const scopes = (stringArg(args, 'scope') ?? '').split(/[ ,]+/);
  if (!scopes.includes('openid')) return 'invalid_scope';
  if (!stringArg(args, 'redirect_uri') && !state.app.defaultRedirectUri) return 'bad_redirect_uri';
  return undefined;
}

/** The Sign in with Slack page: back with a code for the queued sign-in, or with an error. */
export function openIdAuthorize(
  state: StandInState,
  args: Record<string, unknown>,
): AuthorizeOutcome {
  const problem = authorizeProblem(state, args);
  if (problem) return { problem };
  const redirectUri = stringArg(args, 'redirect_uri');
  const location = new URL(redirectUri ?? state.app.defaultRedirectUri ?? '');

  const { nextSignIn: signIn, signInError } = state.openid;
  state.openid.nextSignIn = undefined;
  state.openid.signInError = undefined;
  if (signIn && !signInError) {
    const code = opaque();
    const nonce = stringArg(args, 'nonce');
    const expiresAt = state.now() + CODE_LIFETIME_MS;
    state.openid.codes.set(code, {
      signIn,
      clientId: state.app.clientId,
      redirectUri,
      nonce,
      expiresAt,
    });
    location.searchParams.set('code', code);
  } else {
    location.searchParams.set('error', signInError ?? 'access_denied');
  }
  const stateParam = stringArg(args, 'state');
  if (stateParam !== undefined) location.searchParams.set('state', stateParam);
  return { location: location.toString() };
}

type Credentials = { clientId: string; clientSecret: string } | undefined;

/** `openid.connect.token` (https://api.slack.com/methods/openid.connect.token). */
export async function openIdConnectToken(
  state: StandInState,
  args: Record<string, unknown>,
  basic: Credentials,
): Promise<SlackAnswer> {
  const clientId = stringArg(args, 'client_id') ?? basic?.clientId;
  const clientSecret = stringArg(args, 'client_secret') ?? basic?.clientSecret;
  if (clientId !== state.app.clientId) return { ok: false, error: 'invalid_client_id' };
  if (clientSecret !== state.app.clientSecret) return { ok: false, error: 'bad_client_secret' };

  const code = stringArg(args, 'code') ?? '';
  const pending = state.openid.codes.get(code);
  state.openid.codes.delete(code);
  if (!pending || state.now() >= pending.expiresAt) return { ok: false, error: 'invalid_code' };
  if (pending.redirectUri !== stringArg(args, 'redirect_uri')) {
    return { ok: false, error: 'bad_redirect_uri' };
  }

  const { signIn } = pending;
  const scopes = ['openid', 'email', 'profile'];
  const owner = { teamId: signIn.teamId, isEnterpriseInstall: false, kind: 'user' as const };
  const issued = state.tokens.issue({ ...owner, userId: signIn.userId, scopes });
  const accessToken = issued.record.token;
  const idToken = await signIdToken(state, claimsOf(state, pending, accessToken));
  return { ok: true, access_token: accessToken, token_type: 'Bearer', id_token: idToken };
}

function claimsOf(state: StandInState, pending: PendingSignIn, accessToken: string) {
  const { signIn } = pending;
  const workspace = state.workspaces.get(signIn.teamId);
  const user = workspace?.users.find((u) => u.id === signIn.userId);
  const now = Math.floor(state.now() / 1000);
  const atHash = createHash('sha256').update(accessToken).digest().subarray(0, 16);
  return {
    iss: SLACK_ISSUER,
    sub: signIn.userId,
    aud: pending.clientId,
    exp: now + ID_TOKEN_LIFETIME_S,
    iat: now,
    auth_time: now,
    nonce: pending.nonce ?? '',
    at_hash: atHash.toString('base64url'),
    'https://slack.com/team_id': signIn.teamId,
    'https://slack.com/user_id': signIn.userId,
    ...(workspace?.enterpriseId
      ? { 'https://slack.com/enterprise_id': workspace.enterpriseId }
      : {}),
    email: signIn.email ?? user?.email ?? `${signIn.userId.toLowerCase()}@example.test`,
    email_verified: signIn.emailVerified ?? true,
    name: signIn.name ?? user?.name ?? signIn.userId,
    locale: signIn.locale ?? user?.locale ?? 'en-US',
    'https://slack.com/team_name': workspace?.teamName ?? signIn.teamId,
  };
}

/** Signs the claims, as Slack would or as a queued tamper says. */
async function signIdToken(state: StandInState, claims: Record<string, unknown>) {
  const tamper: IdTokenTamper = state.openid.tamper ?? {};
  state.openid.tamper = undefined;
  const payload = { ...claims, ...tamper.claims };
  if (tamper.signing === 'alg_none') return new UnsecuredJWT(payload).encode();

  const keys = state.openid.keys;
  const current = await keys.current();
  const stranger = await keys.stranger();
  const key = tamper.signing ? stranger.privateKey : current.privateKey;
  const kid = tamper.signing === 'unknown_kid' ? stranger.kid : current.kid;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}
