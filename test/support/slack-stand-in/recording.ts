import type { DecodedRequest } from './http-io';
import type { Router } from './server';
import { stringArg } from './state';
import type { RecordedCall } from './types';

/** Records a call to the stand-in. */
export function record(router: Router, method: string, request: DecodedRequest): RecordedCall {
  const token = request.bearer ?? stringArg(request.args, 'token');
  const call: RecordedCall = { method, args: request.args, token, at: router.state.now() };
  router.calls.push(call);
  return call;
}
