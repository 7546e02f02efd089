import { createHmac } from 'node:crypto';

/**
 * Signs a request body exactly as Slack does
 * (https://api.slack.com/authentication/verifying-requests-from-slack): `v0=` and the hex
 * HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret.
 */
export function slackSignatureHeaders(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': `v0=${signature}`,
  };
}

/** POSTs a signed Events API envelope to `url` as Slack would. */
export async function postSignedEvent(
  url: string,
  secret: string,
  envelope: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const body = JSON.stringify(envelope);
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...slackSignatureHeaders(secret, body),
      ...extraHeaders,
    },
    body,
  });
}

/** POSTs a signed interactivity payload (`payload=<json>`, form-encoded) as Slack would. */
export async function postSignedAction(url: string, secret: string, payload: unknown) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...slackSignatureHeaders(secret, body),
    },
    body,
  });
}
