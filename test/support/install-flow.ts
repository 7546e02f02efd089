import { expect } from '@jest/globals';

import type { TestApp } from './test-app';

/** What a browser holds after following the install flow up to Slack's redirect back. */
export interface InstallRedirect {
  callbackUrl: string;
  cookie: string;
}

/** Opens `/slack/install` and Slack's authorize page, as a browser would, without the callback. */
export async function startInstall(testApp: TestApp): Promise<InstallRedirect> {
  const install = await fetch(`${testApp.url}/slack/install`, { redirect: 'manual' });
  expect(install.status).toBe(302);
  const authorizeUrl = install.headers.get('location') ?? '';
  expect(authorizeUrl.startsWith(testApp.standIn.authorizeUrl)).toBe(true);
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  return { callbackUrl: authorize.headers.get('location') ?? '', cookie };
}

/** Follows Slack's redirect back to the app, sending the state cookie as a browser would. */
export async function finishInstall(redirect: InstallRedirect): Promise<Response> {
  return fetch(redirect.callbackUrl, { redirect: 'manual', headers: { cookie: redirect.cookie } });
}

/** The whole install flow for the install queued at the stand-in. */
export async function install(testApp: TestApp): Promise<Response> {
  return finishInstall(await startInstall(testApp));
}
