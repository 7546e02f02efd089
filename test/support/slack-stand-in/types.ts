import type { ShownHome } from './state';

export type { ShownHome };

/** A Slack workspace the stand-in knows, with its members. */
export interface StandInWorkspace {
  teamId: string;
  teamName?: string;
  /** Set when the workspace belongs to an Enterprise organization. */
  enterpriseId?: string;
  enterpriseName?: string;
  users: StandInUser[];
}

/** A member of a stand-in workspace. */
export interface StandInUser {
  id: string;
  email?: string;
  name?: string;
  /** A Slack locale such as `fr-FR`; `en-US` when absent. */
  locale?: string;
  /** An IANA time zone such as `Europe/Paris`; `America/Los_Angeles` when absent. */
  tz?: string;
  /** A deactivated account. */
  deleted?: boolean;
}

/** What the next authorize page and code exchange grant. */
export interface NextInstall {
  teamId?: string;
  enterpriseId?: string;
  /** An organization-wide install: the bot token then works in every workspace of the org. */
  isEnterpriseInstall?: boolean;
  /** The installing user. */
  userId: string;
  /** Defaults to the authorize page's `scope`. */
  botScopes?: string[];
  /** Defaults to the authorize page's `user_scope`; a user token is issued only when not empty. */
  userScopes?: string[];
  /** Whether a bot token is issued; default true. */
  withBot?: boolean;
  /** Issue expiring tokens with a refresh token (`expires_in` 43200). */
  tokenRotation?: boolean;
}

/** Who the next Sign in with Slack is; the rest defaults to the workspace member's profile. */
export interface NextSignIn {
  teamId: string;
  userId: string;
  email?: string;
  /** Default true. */
  emailVerified?: boolean;
  name?: string;
  /** A Slack locale such as `fr-FR`. */
  locale?: string;
}

/** How to spoil the next id_token, to test that it is refused. */
export interface IdTokenTamper {
  /** Claims replaced in it; a claim set to `undefined` is left out. */
  claims?: Record<string, unknown>;
  /**
   * `bad_signature`: signed by a key that is not published, under the current key's id;
   * `unknown_kid`: the same key under its own, unpublished id; `alg_none`: not signed at all.
   */
  signing?: 'bad_signature' | 'unknown_kid' | 'alg_none';
}

/** One request the stand-in received. */
export interface RecordedCall {
  /**
   * The Web API method, or the page's path for pages: `oauth/v2/authorize`,
   * `openid/connect/authorize`, `openid/connect/keys`.
   */
  method: string;
  /** Arguments from the query string and body; form values are strings. */
  args: Record<string, unknown>;
  token?: string;
  /** When it arrived, in epoch milliseconds from the stand-in's clock. */
  at: number;
}

/** A failure to answer in place of the normal answer. */
export interface FailureRule {
  /** A Slack error code, answered as HTTP 200 `{ ok: false, error }`. */
  error?: string;
  /** An HTTP status such as 500, 503 or 429 (429 also carries `Retry-After`). */
  status?: number;
  /** Seconds for the `Retry-After` header; default 1 for a 429. */
  retryAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** How many calls the rule applies to; unlimited when absent. */
  times?: number;
  /** Only calls for which this returns true. */
  when?: (call: RecordedCall) => boolean;
}

/** Rate limits the stand-in enforces on `chat.postMessage`, answering 429 beyond them. */
export interface MessageLimits {
  /** Messages per second per workspace. */
  perWorkspacePerSecond: number;
  /** Answer every n-th call with a 429 (Retry-After 1) whatever the rate. */
  inject429Every?: number;
}

/** A message accepted by `chat.postMessage`. */
export interface PostedMessage {
  teamId: string;
  /** The channel as answered by Slack (a `D...` id for a message sent to a user id). */
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  threadTs?: string;
}

/** The app as registered with the stand-in. */
export interface StandInApp {
  clientId: string;
  clientSecret: string;
  appId: string;
  /** The bot user's name, answered by `auth.test`. */
  botName: string;
}

/** An answer for a method the stand-in has no built-in answer for. */
export type Responder = (call: RecordedCall) => { ok: boolean; [key: string]: unknown };

/** A Slack stand-in listening on 127.0.0.1. */
export interface SlackStandIn {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/api/`, what `WebClient`'s `slackApiUrl` wants. */
  readonly apiUrl: string;
  /** `${url}/oauth/v2/authorize`, the Add to Slack page. */
  readonly authorizeUrl: string;
  readonly calls: RecordedCall[];
  /** Requests that do not match Slack's published methods and arguments. */
  readonly violations: string[];
  readonly clientId: string;
  readonly clientSecret: string;
  readonly appId: string;
  /** Where the authorize page redirects when the request has no `redirect_uri`. */
  defaultRedirectUri?: string;
  /** Calls received for one method, oldest first. */
  callsTo(method: string): RecordedCall[];
  /** Messages accepted by `chat.postMessage`, oldest first. */
  postedMessages(): PostedMessage[];
  /**
   * The Home a user sees now: the view last accepted by `views.publish` (not the last received),
   * with the id and hash a click in it carries.
   */
  homeView(teamId: string, userId: string): ShownHome | undefined;
  /** Sets the app's credentials; fields left out keep their current value. */
  configureApp(app: Partial<StandInApp>): void;
  /** Adds or replaces a workspace. */
  addWorkspace(workspace: StandInWorkspace): void;
  /** Registers a channel id that `chat.postMessage` accepts in that workspace. */
  addChannel(teamId: string, channelId: string): void;
  /** Sets what the next authorize page and code exchange grant. */
  nextInstall(install: NextInstall): void;
  /** `${url}/openid/connect/authorize`, Sign in with Slack's page. */
  readonly openIdAuthorizeUrl: string;
  /** Sets who the next Sign in with Slack page signs in. */
  nextSignIn(signIn: NextSignIn): void;
  /** The next Sign in with Slack page redirects back with this `error` (e.g. `access_denied`). */
  refuseNextSignIn(error: string): void;
  /** Spoils the next id_token `openid.connect.token` issues. */
  tamperNextIdToken(tamper: IdTokenTamper): void;
  /** Signs id_tokens with a new key from now on; the old keys stay published. */
  rotateSigningKey(): Promise<void>;
  /**
   * Enforces one message per second per channel and `limits` on `chat.postMessage` from now on,
   * answering 429 with `Retry-After` beyond them; returns the counts of 429s per workspace.
   */
  limitMessages(limits: MessageLimits): Map<string, { overLimit: number; injected: number }>;
  /** Queues a failure for a method. */
  fail(method: string, rule: FailureRule): void;
  clearFailures(): void;
  /** Issues a token directly, as if installed; rotating when `expiresInSeconds` is given. */
  issueToken(
    kind: 'bot' | 'user',
    teamId: string,
    userId: string,
    opts?: IssueTokenOptions,
  ): { token: string; refreshToken?: string };
  /** Later calls with this token answer `token_revoked`. */
  revokeToken(token: string): void;
  /** Answers a known method that has no built-in answer (for example `openid.connect.token`). */
  respondTo(method: string, responder: Responder): void;
  /**
   * Forgets calls, violations, failures, posted messages, a queued install or sign-in, a queued
   * tamper and unused codes; keeps workspaces, channels, the app, tokens and signing keys.
   */
  reset(): void;
  close(): Promise<void>;
}

/** Options of `issueToken`. */
export interface IssueTokenOptions {
  enterpriseId?: string;
  /** An org-wide token of `enterpriseId`; `teamId` is then ignored. */
  isEnterpriseInstall?: boolean;
  expiresInSeconds?: number;
  scopes?: string[];
}
