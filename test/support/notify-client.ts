import { TEST_INTERNAL_TOKEN, type TestApp } from './test-app';

/** POSTs `body` to `/internal/notify` as the Cocoom platform does. */
export async function notify(
  testApp: TestApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${testApp.url}/internal/notify`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${TEST_INTERNAL_TOKEN}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A notification body with sensible defaults. */
export function notification(recipients: unknown[], extra: Record<string, unknown> = {}) {
  return {
    category: 'new_content',
    content: {
      fr: { title: 'Nouvelle capsule', body: 'Une capsule sur la sécurité vous attend.' },
      en: { title: 'New capsule', body: 'A capsule about safety is waiting for you.' },
    },
    recipients,
    ...extra,
  };
}
