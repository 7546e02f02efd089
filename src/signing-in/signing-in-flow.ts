import type { Flow } from '../flow';
import type { Services } from '../services';
import { AllowedWorkspaces } from './allowed-workspaces';
import { HandOffCodes } from './hand-off-codes';
import { SignIn } from './sign-in';
import { signInApi } from './sign-in-api';
import { SignInAttempts } from './sign-in-attempts';
import { SignInCookie } from './sign-in-cookie';
import { signInOpenApi } from './sign-in-openapi';
import { signInRoutes } from './sign-in-routes';
import { SlackSigningKeys } from './slack-signing-keys';

/**
 * Signing in: Sign in with Slack (OpenID Connect) at `/oidc`, identity links, and the hand-off
 * of each verified sign-in to the Cocoom platform.
 */
export function signingInFlow(services: Services): Flow {
  const { config, database, clock, logger, identityLinks } = services;
  const cookie = new SignInCookie(config.tokenKeys, config.baseUrl.startsWith('https:'));
  const handOffs = new HandOffCodes(database.db, clock);
  const signIn = new SignIn(services, {
    attempts: new SignInAttempts(database.db, clock),
    handOffs,
    keys: new SlackSigningKeys(`${config.slack.baseUrl}/openid/connect/keys`, clock),
    allowed: new AllowedWorkspaces(services.installations, config.signIn.allowedTeams),
    cookie,
  });

  return {
    routes: signInRoutes({
      signIn,
      logger,
      defaultLocale: config.defaultLocale,
      clearCookie: cookie.clear(),
    }),
    internal: {
      routes: signInApi({ handOffs, identityLinks, logger }),
      openapi: signInOpenApi,
    },
  };
}
