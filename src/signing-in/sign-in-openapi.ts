import type { OpenApiPart } from '../internal-api/openapi';

const slackId = (prefix: string, description: string) => ({
  type: 'string',
  pattern: `^${prefix}[A-Z0-9]{2,}$`,
  description,
});

/** The body of `POST /internal/sign-in/exchange`. */
export const exchangeRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: {
    code: {
      type: 'string',
      minLength: 1,
      maxLength: 256,
      description: 'The `code` query parameter the login-completion URL received',
    },
  },
};

/** The body of `POST /internal/identity-links/cocoom-user`. */
export const cocoomUserRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId', 'userId', 'cocoomUserId'],
  properties: {
    teamId: slackId('T', 'The Slack workspace id, as the exchange answered it'),
    userId: slackId('[UW]', 'The Slack user id, as the exchange answered it'),
    cocoomUserId: { type: 'string', minLength: 1, maxLength: 128 },
  },
};

const identitySchema = {
  type: 'object',
  required: ['teamId', 'userId', 'email', 'emailVerified', 'returnTo'],
  properties: {
    teamId: { type: 'string', description: 'Slack workspace id; accounts are keyed by it too' },
    userId: { type: 'string', description: 'Slack user id, unique only within teamId' },
    enterpriseId: { type: 'string', description: 'Enterprise Grid organization, if any' },
    email: { type: 'string', format: 'email' },
    emailVerified: { const: true, description: 'Always true: unverified emails are refused' },
    name: { type: 'string' },
    locale: { type: 'string', description: 'Slack locale such as fr-FR' },
    timeZone: { type: 'string', description: 'IANA time zone such as Europe/Paris' },
    cocoomUserId: { type: 'string', description: 'The Cocoom user already linked, if any' },
    returnTo: { type: 'string', description: 'Where the user asked to go, on the platform' },
    platformState: {
      type: 'string',
      description: 'The platform_state given to /oidc/login, to compare with the browser session',
    },
  },
};

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const jsonBody = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
});

/** Signing in's part of the internal API description. */
export const signInOpenApi: OpenApiPart = {
  schemas: {
    SignInExchangeRequest: exchangeRequestSchema,
    SignInIdentity: identitySchema,
    CocoomUserLinkRequest: cocoomUserRequestSchema,
  },
  paths: {
    '/internal/sign-in/exchange': {
      post: {
        summary: 'Redeem a Sign in with Slack one-time code for the verified identity',
        description:
          'After a successful Sign in with Slack, the browser lands on the login-completion URL ' +
          '(COCOOM_LOGIN_COMPLETE_URL) with `?code=`. The platform posts that code here, server ' +
          'to server, within 60 seconds. A code works once: a second exchange, an unknown code ' +
          'and an expired one all answer 400 `sign_in_code_invalid`.',
        requestBody: jsonBody('SignInExchangeRequest'),
        responses: {
          '200': {
            description: 'The verified Slack identity',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/SignInIdentity' } },
            },
          },
          '400': errorAnswer('`validation_failed` or `sign_in_code_invalid`'),
          '401': errorAnswer('`unauthorized`'),
        },
      },
    },
    '/internal/identity-links/cocoom-user': {
      post: {
        summary: 'Tell which Cocoom user a signed-in Slack account is',
        description:
          'Stores the Cocoom user id in the identity link of (teamId, userId), so notifications ' +
          'and App Home can find the Slack account of a Cocoom user. Repeating it is harmless.',
        requestBody: jsonBody('CocoomUserLinkRequest'),
        responses: {
          '204': { description: 'Stored' },
          '400': errorAnswer('`validation_failed`'),
          '401': errorAnswer('`unauthorized`'),
          '404': errorAnswer('`identity_link_not_found`: that account never signed in'),
        },
      },
    },
  },
};
