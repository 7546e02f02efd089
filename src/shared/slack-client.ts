import { WebClient, type WebClientOptions } from '@slack/web-api';

import { toSlackLogger } from './bolt-logger';
import type { Logger } from './logger';

/**
 * Options for every Web API client the app makes. The SDK's default retries for about 30
 * minutes and pauses all calls on one 429; in a request path we prefer to fail within seconds
 * and say so, so retries are few and short, and rate-limited calls are rejected to the caller.
 */
export function slackClientOptions(apiUrl: string, logger: Logger): WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    logger: toSlackLogger(logger),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000, randomize: true },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}

/**
 * A client for a call that must not be repeated, such as posting a message: after a timeout or
 * a 5xx, Slack may have done the work already, and a retry would do it twice.
 */
export function singleAttemptClient(token: string, options: WebClientOptions): WebClient {
  return new WebClient(token, { ...options, retryConfig: { retries: 0 } });
}
