import type { Services } from '../services';
import { SignInError } from './sign-in-error';

/**
 * Exchanges Slack's code for an id_token with `openid.connect.token`, sending the same
 * `redirect_uri` as the authorize step. Slack reports refusals as HTTP 200 `{ ok: false }`,
 * which the Web API client raises; either way the sign-in fails with `token_exchange_failed`
 * and the operator sees Slack's error code, never the code or the answer's tokens.
 */
export async function exchangeCode(services: Services, code: string, redirectUri: string) {
  const { clientId, clientSecret } = services.config.slack;
  const answer = await services
    .slackClient()
    .openid.connect.token({
      client_id: clientId,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
    })
    .catch((error: unknown) => {
      const slackError = (error as { data?: { error?: unknown } } | null)?.data?.error;
      const said = typeof slackError === 'string' ? slackError : 'no answer';
      throw new SignInError('token_exchange_failed', `openid.connect.token: ${said}`, {
        cause: error,
      });
    });

  if (typeof answer.id_token !== 'string' || answer.id_token === '') {
    throw new SignInError('id_token_missing', 'openid.connect.token answered no id_token');
  }
  return answer.id_token;
}
