import { expect } from '@jest/globals';

import { TEST_INTERNAL_TOKEN, type TestApp } from './test-app';

/** What a browser holds once Slack sends it back to `/oidc`. */
export interface SignInRedirect {
  /** The app's callback URL with Slack's query (code or error, and state). */
  callbackUrl: string;
  /** The sign-in cookie, as `name=value`, to send back. */
  cookie: string;
}

/** Opens `/oidc/login`, as a browser would. */
export function openLogin(testApp: TestApp, returnTo?: string): Promise<Response> {
  const query = returnTo === undefined ? '' : `?${new URLSearchParams({ return_to: returnTo })}`;
  return fetch(`${testApp.url}/oidc/login${query}`, { redirect: 'manual' });
}

/** Opens the login route and Slack's page for the sign-in queued at the stand-in. */
export async function signInAtSlack(testApp: TestApp, returnTo?: string): Promise<SignInRedirect> {
  const login = await openLogin(testApp, returnTo);
  expect(login.status).toBe(302);
  const authorizeUrl = login.headers.get('location') ?? '';
  expect(authorizeUrl.startsWith(testApp.standIn.openIdAuthorizeUrl)).toBe(true);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  return { callbackUrl: authorize.headers.get('location') ?? '', cookie };
}

/** Follows Slack's redirect back to `/oidc`, with the cookie unless told otherwise. */
export function finishSignIn(redirect: SignInRedirect, cookie = redirect.cookie) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return fetch(redirect.callbackUrl, { redirect: 'manual', headers });
}

/** The whole sign-in for the identity queued at the stand-in. */
export async function signIn(testApp: TestApp, returnTo?: string): Promise<Response> {
  return finishSignIn(await signInAtSlack(testApp, returnTo));
}

/** The one-time code in the redirect to the platform. */
export function handOffCode(response: Response): string {
  const location = new URL(response.headers.get('location') ?? '');
  return location.searchParams.get('code') ?? '';
}

/** Posts JSON to the internal API with the platform's bearer token. */
export function postInternal(testApp: TestApp, path: string, body: unknown): Promise<Response> {
  return fetch(`${testApp.url}/internal${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_INTERNAL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Redeems a one-time code at `/internal/sign-in/exchange`. */
export function exchangeCode(testApp: TestApp, code: string): Promise<Response> {
  return postInternal(testApp, '/sign-in/exchange', { code });
}
