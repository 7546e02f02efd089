import type { WebClientOptions } from '@slack/web-api';

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
