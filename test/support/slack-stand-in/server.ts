import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authorize, AUTHORIZE_ARGUMENTS } from './authorize';
import { decodeRequest, redirect, sendJson, sendText } from './http-io';
import type { DecodedRequest, SlackAnswer } from './http-io';
import { CLIENT_AUTHENTICATED, METHODS, ownerProblem } from './methods';
import { oauthV2Access } from './oauth';
import { record } from './recording';
import { openIdPage, openIdConnectToken } from './openid-pages';
import { checkCall } from './openapi-check';
import type { StandInState } from './state';
import type { FailureRule, RecordedCall, Responder } from './types';

/** What request handling reads and writes. */
export interface Router {
  state: StandInState;
  calls: RecordedCall[];
  violations: string[];
  responders: Map<string, Responder>;
  /** Aborted when the stand-in closes, so delayed answers stop waiting. */
  closing: AbortController;
}

function failure(error: string): SlackAnswer {
  return { ok: false, error };
}

function authorizePage(router: Router, request: DecodedRequest, res: ServerResponse): void {
  record(router, 'oauth/v2/authorize', request);
  for (const name of Object.keys(request.args)) {
    if (!AUTHORIZE_ARGUMENTS.includes(name)) {
      router.violations.push(`oauth/v2/authorize: unknown argument ${name}`);
    }
  }

  const outcome = authorize(router.state, request.args);
  if ('problem' in outcome) return sendText(res, 400, outcome.problem);
  redirect(res, outcome.location);
}

function notAnswered(router: Router, call: RecordedCall): SlackAnswer {
  router.violations.push(`${call.method}: the stand-in has no answer for it (see respondTo)`);
  return failure('not_implemented');
}

function answer(
  router: Router,
  call: RecordedCall,
  request: DecodedRequest,
): SlackAnswer | Promise<SlackAnswer> {
  if (call.method === 'oauth.v2.access') {
    return oauthV2Access(router.state, call.args, request.basic);
  }
  const responder = router.responders.get(call.method);
  if (responder && CLIENT_AUTHENTICATED.has(call.method)) return responder(call);
  if (call.method === 'openid.connect.token') {
    return openIdConnectToken(router.state, call.args, request.basic);
  }
  if (CLIENT_AUTHENTICATED.has(call.method)) return notAnswered(router, call);

  const checked = router.state.tokens.check(call.token);
  if ('error' in checked) return failure(checked.error);
  const problem = ownerProblem(router.state, checked.record);
  if (problem) return failure(problem);
  if (responder) return responder(call);

  const handler = METHODS[call.method];
  if (!handler) return notAnswered(router, call);
  return handler({ state: router.state, args: call.args, owner: checked.record });
}

/** A queued failure's HTTP status; a 429 says when to retry, as Slack's do. */
function sendStatus(res: ServerResponse, rule: FailureRule & { status: number }): void {
  if (rule.status === 429) {
    const retryAfter = String(rule.retryAfter ?? 1);
    return sendJson(res, 429, failure('ratelimited'), { 'Retry-After': retryAfter });
  }
  if (rule.retryAfter !== undefined) res.setHeader('Retry-After', String(rule.retryAfter));
  sendText(res, rule.status, STATUS_CODES[rule.status] ?? 'Error');
}

async function apiCall(router: Router, request: DecodedRequest, res: ServerResponse) {
  const call = record(router, request.path.slice('/api/'.length), request);
  if (request.bodyProblem) {
    router.violations.push(`${call.method}: ${request.bodyProblem}`);
    return sendJson(res, 200, failure('invalid_form_data'));
  }
  const checked = checkCall(call.method, call.args);
  if (checked) {
    router.violations.push(...checked.violations);
    return sendJson(res, 200, failure(checked.error));
  }

  const rule = router.state.failures.take(call);
  if (rule?.delayMs) {
    const closed = await sleep(rule.delayMs, false, { signal: router.closing.signal }).catch(
      () => true,
    );
    if (closed) return;
  }
  if (rule?.status !== undefined) return sendStatus(res, { ...rule, status: rule.status });
  if (rule?.error !== undefined) return sendJson(res, 200, failure(rule.error));
  const answered = await answer(router, call, request);
  // A rate limit the stand-in enforces is answered as Slack does: HTTP 429 with Retry-After.
  if (answered.error === 'ratelimited' && typeof answered.retryAfter === 'number') {
    return sendStatus(res, { status: 429, retryAfter: answered.retryAfter });
  }
  sendJson(res, 200, answered);
}

/** Handles one request: the authorize page, a Web API method, or a 404 for anything else. */
export async function route(router: Router, req: IncomingMessage, res: ServerResponse) {
  const request = await decodeRequest(req);
  if (req.method === 'GET' && request.path === '/oauth/v2/authorize') {
    return authorizePage(router, request, res);
  }
  if (request.path.startsWith('/api/')) return apiCall(router, request, res);
  if (req.method === 'GET' && (await openIdPage(router, request, req, res))) return;

  router.violations.push(`no such page: ${req.method} ${request.path}`);
  sendText(res, 404, 'Not Found');
}
