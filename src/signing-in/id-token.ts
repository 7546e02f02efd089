import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import { hashSecret } from './one-time-secret';
import { SignInError, type SignInReason } from './sign-in-error';
import { sameText } from './sign-in-cookie';
import { definedFields, type SlackIdentity } from './slack-identity';

/**
 * Slack's issuer, whichever host serves its endpoints
 * (https://api.slack.com/authentication/sign-in-with-slack).
 */
export const SLACK_ISSUER = 'https://slack.com';

const TEAM_ID = 'https://slack.com/team_id';
const USER_ID = 'https://slack.com/user_id';
const ENTERPRISE_ID = 'https://slack.com/enterprise_id';

/** Clock skew tolerated on `exp` and `iat`. */
const CLOCK_TOLERANCE_S = 30;

/** An id_token is used right after it is issued; an older `iat` is suspect. */
const MAX_TOKEN_AGE_S = 5 * 60;

/** What an id_token is checked against. */
export interface IdTokenExpectations {
  getKey: JWTVerifyGetKey;
  clientId: string;
  /** The SHA-256 of the nonce this sign-in sent to Slack. */
  nonceHash: string;
  now: Date;
}

/**
 * Verifies an id_token completely with jose (OpenID Connect Core §3.1.3.7): an RS256 signature
 * by one of Slack's keys, `iss`, `aud`, `exp` and `iat` with a small skew, then our nonce. Every
 * failure is a {@link SignInError} naming what failed.
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations) {
  const claims = await jwtVerify(idToken, expected.getKey, {
    algorithms: ['RS256'],
    issuer: SLACK_ISSUER,
    audience: expected.clientId,
    clockTolerance: CLOCK_TOLERANCE_S,
    maxTokenAge: MAX_TOKEN_AGE_S,
    currentDate: expected.now,
    requiredClaims: ['exp', 'sub', 'nonce', TEAM_ID, USER_ID],
  }).then(
    (verified) => verified.payload,
    (error: unknown) => {
      throw new SignInError(reasonOf(error), 'The id_token did not verify', { cause: error });
    },
  );

  checkNonce(claims.nonce, expected.nonceHash);
  return claims;
}

function checkNonce(nonce: unknown, nonceHash: string): void {
  if (typeof nonce !== 'string') throw new SignInError('nonce_missing', 'The nonce is not text');
  if (!sameText(hashSecret(nonce), nonceHash)) {
    throw new SignInError('nonce_mismatch', 'The nonce is not the one this sign-in sent');
  }
}

/** The Slack account an id_token's claims describe, once `email_verified` holds. */
export function identityOf(claims: JWTPayload): SlackIdentity {
  const text = (name: string) => (typeof claims[name] === 'string' ? claims[name] : undefined);
  const email = text('email');
  if (email === undefined || claims.email_verified !== true) {
    throw new SignInError('email_unverified', 'Slack did not vouch for the email address');
  }

  const teamId = text(TEAM_ID);
  const userId = text(USER_ID);
  const enterpriseId = text(ENTERPRISE_ID);
  if (!teamId || !/^T[A-Z0-9]+$/.test(teamId) || !userId || !/^[UW][A-Z0-9]+$/.test(userId)) {
    throw new SignInError('id_token_claims', 'The id_token names no well-formed team and user');
  }
  const enterpriseClaim = claims[ENTERPRISE_ID];
  const badEnterprise = enterpriseClaim !== undefined && !/^E[A-Z0-9]+$/.test(String(enterpriseId));
  if (claims.sub !== userId || badEnterprise) {
    throw new SignInError('id_token_claims', 'The id_token contradicts itself about the user');
  }
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email)) {
    throw new SignInError('id_token_claims', 'The id_token carries no email address');
  }

  return definedFields({
    teamId,
    userId,
    enterpriseId,
    email,
    name: text('name'),
    locale: text('locale'),
  });
}

function reasonOf(error: unknown): SignInReason {
  if (error instanceof SignInError) return error.reason;
  if (error instanceof errors.JWTClaimValidationFailed)
    return claimReason(error.claim, error.reason);
  if (error instanceof errors.JWTExpired) return 'id_token_expired';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'id_token_algorithm';
  if (error instanceof errors.JWKSNoMatchingKey) return 'id_token_unknown_key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'id_token_signature';
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JWKSTimeout) {
    return 'keys_unavailable';
  }
  if (error instanceof errors.JOSEError) return 'id_token_malformed';
  return 'keys_unavailable';
}

function claimReason(claim: string, reason: string): SignInReason {
  if (claim === 'iss') return 'id_token_issuer';
  if (claim === 'aud') return 'id_token_audience';
  if (claim === 'iat' && reason === 'check_failed') return 'id_token_issued_in_future';
  if (claim === 'nonce') return 'nonce_missing';
  return 'id_token_claims';
}
