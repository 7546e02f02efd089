/** How one environment variable is read: its JSON Schema and what an operator should put there. */
export interface VariableSpec {
  /** What the variable expects, said to the operator when it is missing or wrong. */
  expects: string;
  schema: Record<string, unknown>;
  required?: boolean;
  default?: string;
  /** A secret's value is never printed, not even in errors. */
  secret?: boolean;
}

/**
 * Checked in config.ts: the `http-url` format (http(s), no credentials, query or fragment) and
 * the `integerText` keyword (whole numbers written in decimal, within a range).
 */
const httpUrl = { type: 'string', format: 'http-url' };
const secret = (min: number) => ({ type: 'string', minLength: min });
const keyRing =
  '^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,})*$';

/**
 * Every variable the app reads. `.env.example` lists each of them; a test keeps the two in step.
 */
export const VARIABLES: Record<string, VariableSpec> = {
  APP_BASE_URL: {
    expects:
      'the public http(s) URL where Slack and browsers reach this app (https in production), ' +
      'without credentials, query or fragment',
    schema: httpUrl,
    required: true,
  },
  COCOOM_PLATFORM_URL: {
    expects:
      "the Cocoom platform's own https URL (e.g. https://acme.cocoom.com); " +
      "APP_BASE_URL's origin when unset",
    schema: httpUrl,
  },
  PORT: {
    expects: 'a TCP port from 0 to 65535',
    schema: { type: 'string', integerText: [0, 65535] },
    default: '3000',
  },
  HOST: {
    expects: 'the address to listen on',
    schema: { type: 'string', minLength: 1 },
    default: '0.0.0.0',
  },
  SLACK_CLIENT_ID: {
    expects: "the Client ID from the Slack app's Basic Information page (digits and dots)",
    schema: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' },
    required: true,
  },
  SLACK_CLIENT_SECRET: {
    expects: "the Client Secret from the Slack app's Basic Information page (32 characters)",
    schema: secret(20),
    required: true,
    secret: true,
  },
  SLACK_SIGNING_SECRET: {
    expects: "the Signing Secret from the Slack app's Basic Information page (32 characters)",
    schema: secret(20),
    required: true,
    secret: true,
  },
  SLACK_BASE_URL: {
    expects: "Slack's base URL; change it only to point at a local Slack stand-in",
    schema: httpUrl,
    default: 'https://slack.com',
  },
  MONGODB_URI: {
    expects: 'a MongoDB connection string (mongodb:// or mongodb+srv://)',
    schema: { type: 'string', format: 'mongodb-uri' },
    required: true,
    secret: true,
  },
  MONGODB_DB: {
    expects: 'the database name (letters, digits, _ and -)',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,63}$' },
    default: 'cocoom_slack',
  },
  TOKEN_ENCRYPTION_KEYS: {
    expects:
      'comma-separated keyId:key pairs, each key 32 random bytes in base64 ' +
      '(`openssl rand -base64 32`); the first encrypts, all decrypt',
    schema: { type: 'string', pattern: keyRing },
    required: true,
    secret: true,
  },
  INTERNAL_API_TOKENS: {
    expects:
      'comma-separated bearer tokens the Cocoom platform uses on /internal (each at least 32 ' +
      'characters, e.g. `openssl rand -base64 32`); several at once so they can be rotated',
    schema: { type: 'string', pattern: '^[^\\s,]{32,}(,[^\\s,]{32,})*$' },
    required: true,
    secret: true,
  },
  COCOOM_LOGIN_COMPLETE_URL: {
    expects:
      'the platform URL that finishes a Sign in with Slack (it receives `?code=`, a one-time ' +
      'code to exchange at /internal/sign-in/exchange); COCOOM_PLATFORM_URL/auth/slack/complete ' +
      'when unset',
    schema: httpUrl,
  },
  SIGN_IN_ALLOWED_TEAMS: {
    expects:
      'comma-separated Slack workspace ids (T...) whose members may sign in even though the ' +
      'app is not installed there; workspaces that installed the app are always allowed',
    schema: { type: 'string', pattern: '^T[A-Z0-9]{2,}(,T[A-Z0-9]{2,})*$' },
  },
  LOG_LEVEL: {
    expects: 'one of fatal, error, warn, info, debug, trace, silent',
    schema: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    default: 'info',
  },
  DEFAULT_LOCALE: {
    expects: 'fr or en: the language for users whose Slack locale is neither',
    schema: { enum: ['fr', 'en'] },
    default: 'fr',
  },
  DELIVERY_CONCURRENCY: {
    expects:
      'how many notifications this process delivers at once (0 to 64); 0 runs no delivery ' +
      'workers here, e.g. in a process that only serves the API',
    schema: { type: 'string', integerText: [0, 64] },
    default: '16',
  },
  DELIVERY_POLL_MS: {
    expects: 'milliseconds an idle delivery worker waits before looking for work (10 to 3600000)',
    schema: { type: 'string', integerText: [10, 3_600_000] },
    default: '250',
  },
  DELIVERY_LEASE_SECONDS: {
    expects:
      'seconds a worker holds a delivery before another may take it over (15 to 3600); keep it ' +
      'well above the 10 s Slack request timeout',
    schema: { type: 'string', integerText: [15, 3600] },
    default: '60',
  },
  DELIVERY_MAX_ATTEMPTS: {
    expects: 'how many times a delivery is tried on transient Slack failures (1 to 20)',
    schema: { type: 'string', integerText: [1, 20] },
    default: '6',
  },
  DELIVERY_MESSAGES_PER_MINUTE: {
    expects:
      'messages per minute sent to one workspace, spread evenly (0 to 6000); 0 sends as fast ' +
      "as the workers go and leaves pacing to Slack's 429 answers",
    schema: { type: 'string', integerText: [0, 6000] },
    default: '300',
  },
  DIGEST_THRESHOLD: {
    expects:
      'how many notifications of one category a user gets one by one within the digest window ' +
      'before the rest are combined into one message (0 turns digests off)',
    schema: { type: 'string', integerText: [0, 1000] },
    default: '5',
  },
  DIGEST_WINDOW_SECONDS: {
    expects: 'the digest window in seconds (10 to 86400)',
    schema: { type: 'string', integerText: [10, 86_400] },
    default: '600',
  },
};
