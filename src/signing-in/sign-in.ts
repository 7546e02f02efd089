import type { JWTPayload } from 'jose';

import { SLACK_ROUTES } from '../installing/manifest';
import { SIGN_IN_SCOPES } from '../installing/slack-scopes';
import type { Services } from '../services';
import type { AllowedWorkspaces, Allowance } from './allowed-workspaces';
import type { HandOffCodes } from './hand-off-codes';
import { identityOf, verifyIdToken } from './id-token';
import { checkPlatformState, checkReturnTo } from './return-to';
import type { SignInAttempt, SignInAttempts } from './sign-in-attempts';
import type { SignInCookie } from './sign-in-cookie';
import { sameText } from './sign-in-cookie';
import { SignInError } from './sign-in-error';
import { definedFields, type SlackIdentity } from './slack-identity';
import type { SlackSigningKeys } from './slack-signing-keys';
import { exchangeCode } from './token-exchange';

/** The parts a sign-in is made of. */
export interface SignInParts {
  attempts: SignInAttempts;
  handOffs: HandOffCodes;
  keys: SlackSigningKeys;
  allowed: AllowedWorkspaces;
  cookie: SignInCookie;
}

/** What Slack sends back to the callback, one value per parameter. */
export interface CallbackParams {
  state?: string;
  code?: string;
  error?: string;
}

/** Where to send the browser next, and the cookie to set on the way. */
export interface Redirect {
  location: string;
  cookie: string;
}

/** Slack's errors on the callback (https://api.slack.com/authentication/sign-in-with-slack). */
const SLACK_ERRORS: Record<string, 'slack_access_denied' | 'slack_team_refused'> = {
  access_denied: 'slack_access_denied',
  invalid_team_for_non_distributed_app: 'slack_team_refused',
};

/**
 * Sign in with Slack from start to hand-off: sends the browser to Slack with a fresh state and
 * nonce, then checks everything that comes back before it writes the identity link and issues
 * the platform's one-time code. Nothing is written until every check has passed.
 */
export class SignIn {
  private readonly redirectUri: string;

  constructor(
    private readonly services: Services,
    private readonly parts: SignInParts,
  ) {
    this.redirectUri = `${services.config.baseUrl}${SLACK_ROUTES.signInCallback}`;
  }

  /** Starts a sign-in that will lead to `returnTo` on the platform. */
  async start(returnTo: unknown, platformState?: unknown): Promise<Redirect> {
    const { config, clock } = this.services;
    const target = checkReturnTo(returnTo, config.platformUrl);
    const attempt = await this.parts.attempts.start(target, checkPlatformState(platformState));

    const url = new URL(`${config.slack.baseUrl}/openid/connect/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', SIGN_IN_SCOPES.join(' '));
    url.searchParams.set('client_id', config.slack.clientId);
    url.searchParams.set('state', attempt.state);
    url.searchParams.set('nonce', attempt.nonce);
    url.searchParams.set('redirect_uri', this.redirectUri);
    const team = await this.parts.allowed.hint();
    if (team !== undefined) url.searchParams.set('team', team);

    const cookie = this.parts.cookie.issue(attempt.state, clock.now(), attempt.expiresAt);
    return { location: url.href, cookie };
  }

  /** Finishes the sign-in Slack sent back; returns the platform URL carrying a one-time code. */
  async finish(params: CallbackParams, cookieHeader: string | undefined): Promise<string> {
    const attempt = await this.consumeAttempt(params.state, cookieHeader);
    const slackError = params.error;
    if (slackError !== undefined) {
      const known = Object.hasOwn(SLACK_ERRORS, slackError) ? SLACK_ERRORS[slackError] : undefined;
      const name = /^[a-z_]{1,64}$/.test(slackError) ? slackError : 'unnamed';
      throw new SignInError(known ?? 'slack_error', `Slack sent the browser back with ${name}`);
    }
    if (!params.code) throw new SignInError('code_missing', 'Slack sent no code');

    const idToken = await exchangeCode(this.services, params.code, this.redirectUri);
    const claims = await verifyIdToken(idToken, {
      getKey: this.parts.keys.getKey,
      clientId: this.services.config.slack.clientId,
      nonceHash: attempt.nonceHash,
      now: this.services.clock.now(),
    });
    return this.complete(claims, attempt);
  }

  /** The attempt whose state the browser's cookie and Slack's redirect both carry, consumed. */
  private async consumeAttempt(state: string | undefined, cookieHeader: string | undefined) {
    if (!state) throw new SignInError('state_missing', 'The callback carries no state');
    const bound = this.parts.cookie.stateOf(cookieHeader, this.services.clock.now());
    if (bound === undefined || !sameText(bound, state)) {
      throw new SignInError('state_invalid', 'The state is not the one this browser started');
    }

    const attempt = await this.parts.attempts.consume(state);
    if (attempt === null) throw new SignInError('state_invalid', 'Unknown, used or expired state');
    return attempt;
  }

  private async complete(claims: JWTPayload, attempt: SignInAttempt): Promise<string> {
    const verified = identityOf(claims);
    const allowance = await this.parts.allowed.check(verified);
    const identity = await this.withProfile(verified, allowance);

    await this.services.identityLinks.upsert(identity);
    const { returnTo, platformState } = attempt;
    const code = await this.parts.handOffs.issue({ identity, returnTo, platformState });
    this.services.logger.info(
      { teamId: identity.teamId, userId: identity.userId, allowance },
      'signed in',
    );

    const location = new URL(this.services.config.signIn.completeUrl);
    location.searchParams.set('code', code);
    if (platformState !== undefined) location.searchParams.set('state', platformState);
    return location.href;
  }

  /**
   * The user's time zone (which the id_token lacks) from `users.info`, when the app is installed
   * in their workspace. Signing in does not depend on it: trouble is logged and skipped.
   */
  private async withProfile(identity: SlackIdentity, allowance: Allowance) {
    if (allowance !== 'installed') return identity;
    const { teamId, enterpriseId, userId } = identity;
    const { authorize, slackClient, slackUsers, logger } = this.services;
    try {
      const { botToken } = await authorize({ teamId, enterpriseId, isEnterpriseInstall: false });
      const profile = await slackUsers.profile(slackClient(botToken), teamId, userId);
      const locale = identity.locale ?? profile.locale;
      return definedFields({ ...identity, locale, timeZone: profile.timeZone });
    } catch (error) {
      logger.warn({ teamId, userId, err: error }, 'sign-in: Slack profile unavailable');
      return identity;
    }
  }
}
