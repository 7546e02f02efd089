import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';

/** How a failed Slack call is handled. */
export type SlackFailure =
  /** Slack answered 429: wait `retryAfterMs` before calling that workspace again. */
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** Worth retrying later (5xx, network error, timeout). */
  | { kind: 'transient'; reason: string }
  /** Retrying cannot help; `reinstall` when the workspace's token is no longer accepted. */
  | { kind: 'permanent'; reason: string; reinstall: boolean };

/** Slack errors after which the installation must be installed again. */
export const REINSTALL_ERRORS = ['invalid_auth', 'token_revoked'];

/**
 * Slack errors that fail a delivery at once. Any other Slack error code also fails it with that
 * code (retrying the same call cannot change Slack's mind) unless listed as transient below.
 */
export const PERMANENT_ERRORS = [
  'users_not_found',
  'user_not_found',
  'account_inactive',
  'channel_not_found',
  'not_in_channel',
  'missing_scope',
  ...REINSTALL_ERRORS,
];

/** Slack errors that say "try again later" (https://api.slack.com/methods/chat.postMessage). */
const TRANSIENT_ERRORS = [
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
  'token_expired',
];

const BASE_DELAY_MS = 2000;
const MAX_DELAY_MS = 10 * 60 * 1000;

/** Sorts a Web API client error into rate-limited, transient or permanent; null if not one. */
export function classifySlackError(error: unknown): SlackFailure | null {
  if (error instanceof WebAPIRateLimitedError) {
    return { kind: 'rate_limited', retryAfterMs: Math.max(1, error.retryAfter) * 1000 };
  }
  if (error instanceof WebAPIPlatformError) return classifyCode(error.data.error);
  if (error instanceof WebAPIHTTPError) {
    const retry = error.statusCode >= 500 || error.statusCode === 408;
    const reason = `http_${error.statusCode}`;
    return retry ? { kind: 'transient', reason } : { kind: 'permanent', reason, reinstall: false };
  }
  if (error instanceof WebAPIRequestError) {
    const timedOut = ['TimeoutError', 'AbortError'].includes(error.original.name);
    return { kind: 'transient', reason: timedOut ? 'timeout' : 'network_error' };
  }
  return null;
}

function classifyCode(code: string): SlackFailure {
  if (code === 'ratelimited') return { kind: 'rate_limited', retryAfterMs: 1000 };
  if (TRANSIENT_ERRORS.includes(code)) return { kind: 'transient', reason: code };
  return { kind: 'permanent', reason: code, reinstall: REINSTALL_ERRORS.includes(code) };
}

/**
 * The wait before retry number `attempt` (1 for the first retry): exponential from 2 s, capped
 * at 10 minutes, with "equal jitter" (half fixed, half random) so that deliveries that failed
 * together do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
