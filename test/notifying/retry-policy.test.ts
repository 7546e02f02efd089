import { describe, expect, it } from '@jest/globals';
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';

import { backoffDelay, classifySlackError } from '../../src/notifying/retry-policy';

const platform = (error: string) => new WebAPIPlatformError({ ok: false, error });

describe('classifySlackError', () => {
  it('reads a 429 as a rate limit for Retry-After seconds', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(7))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
  });

  it('retries 5xx, timeouts and network errors', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');

    expect(classifySlackError(new WebAPIHTTPError(502, 'Bad Gateway', {}))).toEqual({
      kind: 'transient',
      reason: 'http_502',
    });
    expect(classifySlackError(new WebAPIRequestError(timeout))).toEqual({
      kind: 'transient',
      reason: 'timeout',
    });
    expect(classifySlackError(new WebAPIRequestError(new Error('ECONNRESET')))).toEqual({
      kind: 'transient',
      reason: 'network_error',
    });
    expect(classifySlackError(platform('service_unavailable'))).toMatchObject({
      kind: 'transient',
    });
  });

  it('fails Slack error codes at once, asking for a re-install only for dead tokens', () => {
    expect(classifySlackError(platform('channel_not_found'))).toEqual({
      kind: 'permanent',
      reason: 'channel_not_found',
      reinstall: false,
    });
    expect(classifySlackError(platform('token_revoked'))).toMatchObject({ reinstall: true });
    expect(classifySlackError(platform('invalid_auth'))).toMatchObject({ reinstall: true });
  });

  it('does not claim errors that are not Slack’s', () => {
    expect(classifySlackError(new Error('database down'))).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('doubles from 2 s with half of each wait random, capped at 10 minutes', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([2000, 4000, 8000]);
    expect(backoffDelay(30, () => 1)).toBe(600_000);
  });
});
