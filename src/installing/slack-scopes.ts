/**
 * Each Slack Web API method the app calls, with the bot scopes it needs. The manifest's bot
 * scopes are exactly these; a test checks the list against Slack's API description and against
 * the methods the code calls.
 */
export const SLACK_METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'oauth.v2.access': [],
  'openid.connect.token': [],
  'views.publish': [],
  'chat.postMessage': ['chat:write'],
  'users.info': ['users:read'],
  // https://api.slack.com/scopes/users:read.email: granted only together with users:read.
  'users.lookupByEmail': ['users:read', 'users:read.email'],
};

/** The bot scopes the app asks for when installed. */
export const BOT_SCOPES: string[] = [...new Set(Object.values(SLACK_METHOD_SCOPES).flat())].sort();

/**
 * The user scopes of Sign in with Slack
 * (https://api.slack.com/authentication/sign-in-with-slack).
 */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'];
