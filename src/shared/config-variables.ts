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

const httpUrl = { type: 'string', pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$' };
const secret = (min: number) => ({ type: 'string', minLength: min });
const keyRing =
  '^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,})*$';

/**
 * Every variable the app reads. `.env.example` lists each of them; a test keeps the two in step.
 */
export const VARIABLES: Record<string, VariableSpec> = {
  APP_BASE_URL: {
    expects: 'the public http(s) URL where Slack and browsers reach this app, no query',
    schema: httpUrl,
    required: true,
  },
  COCOOM_PLATFORM_URL: {
    expects:
      "the Cocoom platform's own https URL (e.g. https://acme.cocoom.com); APP_BASE_URL's origin when unset",
    schema: httpUrl,
  },
  PORT: {
    expects: 'a TCP port from 0 to 65535',
    schema: { type: 'integer', minimum: 0, maximum: 65535 },
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
    schema: { type: 'string', pattern: '^mongodb(\\+srv)?://\\S+$' },
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
    schema: { type: 'integer', minimum: 0, maximum: 64 },
    default: '4',
  },
  DELIVERY_POLL_MS: {
    expects: 'milliseconds an idle delivery worker waits before looking for work (10 to 3600000)',
    schema: { type: 'integer', minimum: 10, maximum: 3_600_000 },
    default: '250',
  },
  DELIVERY_LEASE_SECONDS: {
    expects:
      'seconds a worker holds a delivery before another may take it over (15 to 3600); keep it ' +
      'well above the 10 s Slack request timeout',
    schema: { type: 'integer', minimum: 15, maximum: 3600 },
    default: '60',
  },
  DELIVERY_MAX_ATTEMPTS: {
    expects: 'how many times a delivery is tried on transient Slack failures (1 to 20)',
    schema: { type: 'integer', minimum: 1, maximum: 20 },
    default: '6',
  },
  DIGEST_THRESHOLD: {
    expects:
      'how many notifications of one category a user gets one by one within the digest window ' +
      'before the rest are combined into one message (0 turns digests off)',
    schema: { type: 'integer', minimum: 0, maximum: 1000 },
    default: '5',
  },
  DIGEST_WINDOW_SECONDS: {
    expects: 'the digest window in seconds (10 to 86400)',
    schema: { type: 'integer', minimum: 10, maximum: 86_400 },
    default: '600',
  },
};
