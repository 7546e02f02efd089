import type { RequestHandler, Response } from 'express';

/**
 * Answers Slack `200 OK` if the app has not answered within `afterMs`, then lets the request's
 * work go on. Slack wants every event and interaction acknowledged within three seconds
 * (https://api.slack.com/apis/events-api#responding), but Bolt can only acknowledge after it has
 * looked the installation up: a slow database would otherwise turn a click into an error and an
 * event into a retry. Whatever Bolt writes afterwards is dropped, so no listener may rely on
 * a response body (none of ours does: no modal submissions, no slash commands).
 */
export function earlyAck(afterMs = 2000): RequestHandler {
  return (req, res, next) => {
    let timer: NodeJS.Timeout | undefined;
    // Counted from the end of the body: a request is signed-checked as soon as it has arrived.
    req.once('end', () => {
      timer = setTimeout(() => acknowledge(res), afterMs);
    });
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

function acknowledge(res: Response): void {
  if (res.headersSent) return;

  res.status(200).end();
  const ignore = () => res;
  Object.assign(res, { setHeader: ignore, writeHead: ignore, write: () => true, end: ignore });
}
