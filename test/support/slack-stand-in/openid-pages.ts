import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect, sendJson, sendText, type DecodedRequest } from './http-io';
import { discovery, openIdAuthorize, OPENID_AUTHORIZE_ARGUMENTS } from './openid';
import { record } from './recording';
import type { Router } from './server';

export { openIdConnectToken } from './openid';

function authorizePage(router: Router, request: DecodedRequest, res: ServerResponse): void {
  record(router, 'openid/connect/authorize', request);
  for (const name of Object.keys(request.args)) {
    if (!OPENID_AUTHORIZE_ARGUMENTS.includes(name)) {
      router.violations.push(`openid/connect/authorize: unknown argument ${name}`);
    }
  }
  const outcome = openIdAuthorize(router.state, request.args);
  if ('problem' in outcome) return sendText(res, 400, outcome.problem);
  redirect(res, outcome.location);
}

/**
 * Sign in with Slack's pages: the discovery document, the published keys and the authorize
 * page. Returns false for any other path.
 */
export async function openIdPage(
  router: Router,
  request: DecodedRequest,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (request.path === '/.well-known/openid-configuration') {
    sendJson(res, 200, discovery(`http://${req.headers.host ?? '127.0.0.1'}`));
    return true;
  }
  if (request.path === '/openid/connect/keys') {
    record(router, 'openid/connect/keys', request);
    sendJson(res, 200, await router.state.openid.keys.jwks());
    return true;
  }
  if (request.path === '/openid/connect/authorize') {
    authorizePage(router, request, res);
    return true;
  }
  return false;
}
