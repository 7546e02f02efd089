import { Router } from 'express';

import { jsonBody } from '../internal-api/json-body';
import { compileValidator } from '../internal-api/schema-validator';
import { ApiError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { HandOffCodes } from './hand-off-codes';
import type { IdentityLinkStore } from './identity-links';
import { cocoomUserRequestSchema, exchangeRequestSchema } from './sign-in-openapi';

interface SignInApiOptions {
  handOffs: HandOffCodes;
  identityLinks: IdentityLinkStore;
  logger: Logger;
}

const readExchange = compileValidator<{ code: string }>(exchangeRequestSchema);
const readCocoomUser = compileValidator<{ teamId: string; userId: string; cocoomUserId: string }>(
  cocoomUserRequestSchema,
);

/**
 * The platform's side of the hand-off (mounted under `/internal`, behind the bearer token):
 * redeem a one-time code for the verified identity, then say which Cocoom user it is.
 */
export function signInApi(options: SignInApiOptions): Router {
  const { handOffs, identityLinks, logger } = options;
  const router = Router();

  router.post('/sign-in/exchange', ...jsonBody(), async (req, res) => {
    const { code } = readExchange(req.body);
    const handOff = await handOffs.redeem(code);
    if (handOff === null) {
      logger.warn({ reason: 'sign_in_code_invalid' }, 'sign-in exchange refused');
      throw new ApiError(400, 'sign_in_code_invalid', 'Unknown, used or expired code');
    }

    const { identity, returnTo, platformState } = handOff;
    const link = await identityLinks.findBySlackUser(identity.teamId, identity.userId);
    const cocoomUserId = link?.cocoomUserId ?? undefined;
    logger.info({ teamId: identity.teamId, userId: identity.userId }, 'sign-in handed off');
    res.json({ ...identity, emailVerified: true, cocoomUserId, returnTo, platformState });
  });

  router.post('/identity-links/cocoom-user', ...jsonBody(), async (req, res) => {
    const { teamId, userId, cocoomUserId } = readCocoomUser(req.body);
    const found = await identityLinks.setCocoomUserId(teamId, userId, cocoomUserId);
    if (!found) throw new ApiError(404, 'identity_link_not_found', 'That account never signed in');
    res.status(204).end();
  });

  return router;
}
