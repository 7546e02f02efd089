import type { RequestHandler } from 'express';

const FIVE_MINUTES = 5 * 60;

/**
 * Refuses Slack requests whose timestamp is more than five minutes away from our clock, in
 * either direction (https://api.slack.com/authentication/verifying-requests-from-slack). Bolt
 * refuses old ones; a timestamp in the future would otherwise stay replayable for as long.
 * Wall-clock time, as Slack's timestamps are: not the app's injected clock.
 */
export function slackTimestampGuard(now: () => Date): RequestHandler {
  return (req, res, next) => {
    const timestamp = Number(req.get('x-slack-request-timestamp'));
    const skew = Math.abs(now().getTime() / 1000 - timestamp);
    if (Number.isFinite(timestamp) && skew <= FIVE_MINUTES) return next();

    res.status(401).send();
  };
}
