import type { Failures } from './failures';
import type { MessageRateLimits } from './rate-limits';
import type { SlackAnswer } from './http-io';
import type { PendingSignIn } from './openid';
import type { SigningKeys } from './signing-keys';
import type { TokenRecord, Tokens } from './tokens';
import type { IdTokenTamper, NextInstall, NextSignIn, PostedMessage, StandInApp } from './types';
import type { Workspaces } from './workspaces';

/** The marker `jsonArg` returns for a value that is not JSON. */
export const UNPARSABLE: unique symbol = Symbol('unparsable');

/** The app settings the stand-in checks requests against. */
export interface AppSettings extends StandInApp {
  defaultRedirectUri?: string;
}

/** An authorization code handed out by the authorize page. */
export interface PendingCode {
  install: NextInstall;
  clientId: string;
  redirectUri?: string;
  scope: string[];
  userScope: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Sign in with Slack's side of the stand-in. */
export interface OpenIdState {
  keys: SigningKeys;
  nextSignIn?: NextSignIn;
  signInError?: string;
  tamper?: IdTokenTamper;
  codes: Map<string, PendingSignIn>;
}

/** Everything the stand-in remembers between requests. */
export interface StandInState {
  app: AppSettings;
  now: () => number;
  workspaces: Workspaces;
  tokens: Tokens;
  failures: Failures;
  nextInstall?: NextInstall;
  codes: Map<string, PendingCode>;
  messages: PostedMessage[];
  /** The Home view last published, with its id and hash, per `teamId/userId`. */
  homeViews: Map<string, ShownHome>;
  lastTs: number;
  openid: OpenIdState;
  /** Rate limits on `chat.postMessage`, when enforced. */
  messageLimits?: MessageRateLimits;
}

/** The Home a user sees: the view last published to them, with the id and hash Slack gave it. */
export interface ShownHome {
  id: string;
  hash: string;
  view: Record<string, unknown>;
}

/** A Web API call whose token has been checked. */
export interface AuthedCall {
  state: StandInState;
  args: Record<string, unknown>;
  owner: TokenRecord;
}

/** Answers an authenticated Web API method. */
export type MethodHandler = (call: AuthedCall) => SlackAnswer;

/** A string argument, whether it came as a form value or as JSON. */
export function stringArg(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A boolean argument; form values arrive as `true`/`false` or `1`/`0`. */
export function booleanArg(args: Record<string, unknown>, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A JSON argument: a form value holds it encoded, a JSON body holds it as is. */
export function jsonArg(args: Record<string, unknown>, name: string): unknown {
  const value = args[name];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return UNPARSABLE;
  }
}
