import { CocoomError } from '../shared/errors';

/**
 * Why a sign-in was refused: the closed list of reasons logged for operators (never with the
 * code, state, nonce or token involved) and asserted by tests.
 */
export const SIGN_IN_REASONS = [
  'return_to_invalid',
  'state_missing',
  'state_invalid',
  'slack_access_denied',
  'slack_team_refused',
  'slack_error',
  'code_missing',
  'token_exchange_failed',
  'keys_unavailable',
  'id_token_missing',
  'id_token_malformed',
  'id_token_algorithm',
  'id_token_unknown_key',
  'id_token_signature',
  'id_token_issuer',
  'id_token_audience',
  'id_token_expired',
  'id_token_issued_in_future',
  'id_token_claims',
  'nonce_missing',
  'nonce_mismatch',
  'email_unverified',
  'team_not_allowed',
] as const;

/** One of {@link SIGN_IN_REASONS}. */
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

/** A sign-in refused on purpose; the user sees a page saying why, in their language. */
export class SignInError extends CocoomError {
  readonly reason: SignInReason;

  constructor(reason: SignInReason, message: string, options?: { cause?: unknown }) {
    super('sign_in_failed', message, options);
    this.reason = reason;
  }
}
