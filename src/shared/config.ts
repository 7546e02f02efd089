import Ajv, { type ErrorObject } from 'ajv';
import ConnectionString from 'mongodb-connection-string-url';

import { ConfigError } from './errors';
import { VARIABLES } from './config-variables';

/** One key of the token encryption key ring. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

/** The app's configuration, read once at start. */
export interface Config {
  baseUrl: string;
  /** The Cocoom platform's origin, e.g. `https://acme.cocoom.com`. */
  platformUrl: string;
  port: number;
  host: string;
  logLevel: string;
  defaultLocale: 'fr' | 'en';
  slack: {
    clientId: string;
    clientSecret: string;
    signingSecret: string;
    baseUrl: string;
    apiUrl: string;
    authorizeUrl: string;
  };
  mongodb: { uri: string; dbName: string };
  tokenKeys: TokenKey[];
  /** Bearer tokens accepted on the internal API. */
  internalApiTokens: string[];
  signIn: {
    /** Where a signed-in browser goes next, with a one-time code for the platform. */
    completeUrl: string;
    /** Workspaces allowed to sign in besides those that installed the app. */
    allowedTeams: string[];
  };
  /** How notifications are delivered. */
  delivery: DeliveryConfig;
}

/** How the delivery workers run and when notifications are combined into a digest. */
export interface DeliveryConfig {
  /** Deliveries in progress at once in this process; 0 runs no worker. */
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  maxAttempts: number;
  /** Messages to one workspace per minute, spread evenly; 0 leaves pacing to Slack's 429s. */
  messagesPerMinute: number;
  /** Messages of one category a user gets one by one per window; 0 turns digests off. */
  digestThreshold: number;
  digestWindowMs: number;
}

type Env = Record<string, string | undefined>;
type Values = Record<string, string | number>;

const ajv = new Ajv({ allErrors: true, useDefaults: true });
ajv.addFormat('http-url', isHttpUrl);
ajv.addFormat('mongodb-uri', isMongoUri);
ajv.addKeyword({
  keyword: 'integerText',
  type: 'string',
  schemaType: 'array',
  validate: ([min, max]: [number, number], text: string) =>
    /^(0|[1-9][0-9]{0,8})$/.test(text) && Number(text) >= min && Number(text) <= max,
});

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  const plain = !url.username && !url.password && !url.search && !url.hash && !text.includes('?');
  return (url.protocol === 'http:' || url.protocol === 'https:') && plain;
}

function isMongoUri(text: string): boolean {
  try {
    const hosts = new ConnectionString(text).hosts;
    return hosts.every((host) => /^(\[[^\]]+\]|[^:]+)(:\d{1,5})?$/.test(host));
  } catch {
    return false;
  }
}

const validate = ajv.compile<Values>({
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(VARIABLES).map(([name, spec]) => [name, withDefault(spec.schema, spec.default)]),
  ),
  required: Object.keys(VARIABLES).filter((name) => VARIABLES[name]?.required),
});

function withDefault(schema: Record<string, unknown>, value?: string) {
  return value === undefined ? schema : { ...schema, default: value };
}

/**
 * Reads the configuration from `env`. Every problem is collected and reported together in one
 * {@link ConfigError}, naming each variable and what it expects, never a secret's value.
 */
export function loadConfig(env: Env): Config {
  const values: Values = pickKnown(env);
  const problems = validate(values) ? [] : describeProblems(validate.errors ?? []);
  const tokenKeys = problems.some((p) => p.startsWith('TOKEN_ENCRYPTION_KEYS'))
    ? []
    : parseKeyRing(String(values.TOKEN_ENCRYPTION_KEYS), problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return toConfig(values, tokenKeys);
}

function pickKnown(env: Env): Values {
  const values: Values = {};
  for (const name of Object.keys(VARIABLES)) {
    const raw = env[name]?.trim();
    if (raw !== undefined && raw !== '') values[name] = raw;
  }
  return values;
}

function describeProblems(errors: ErrorObject[]): string[] {
  const named = new Map<string, string>();
  for (const error of errors) {
    const missing = error.keyword === 'required';
    const name = missing ? String(error.params.missingProperty) : error.instancePath.slice(1);
    const spec = VARIABLES[name];
    if (spec === undefined || named.has(name)) continue;
    named.set(name, `${name} is ${missing ? 'missing' : 'invalid'}: expected ${spec.expects}`);
  }
  return [...named.values()];
}

function parseKeyRing(text: string, problems: string[]): TokenKey[] {
  const keys = text.split(',').map((pair) => {
    const [id = '', encoded = ''] = pair.split(':');
    return { id, key: Buffer.from(encoded, 'base64') };
  });
  const expects = VARIABLES.TOKEN_ENCRYPTION_KEYS?.expects ?? '';
  if (keys.some((k) => k.key.length !== 32)) {
    problems.push(`TOKEN_ENCRYPTION_KEYS is invalid: a key is not 32 bytes; expected ${expects}`);
  }
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    problems.push('TOKEN_ENCRYPTION_KEYS is invalid: two keys share one key id');
  }
  return keys;
}

function toConfig(values: Values, tokenKeys: TokenKey[]): Config {
  const text = (name: string) => String(values[name]);
  const slackBase = text('SLACK_BASE_URL').replace(/\/+$/, '');
  const platformUrl = new URL(String(values.COCOOM_PLATFORM_URL ?? values.APP_BASE_URL)).origin;
  return {
    baseUrl: text('APP_BASE_URL').replace(/\/+$/, ''),
    platformUrl,
    port: Number(values.PORT),
    host: text('HOST'),
    logLevel: text('LOG_LEVEL'),
    defaultLocale: text('DEFAULT_LOCALE') === 'en' ? 'en' : 'fr',
    slack: {
      clientId: text('SLACK_CLIENT_ID'),
      clientSecret: text('SLACK_CLIENT_SECRET'),
      signingSecret: text('SLACK_SIGNING_SECRET'),
      baseUrl: slackBase,
      apiUrl: `${slackBase}/api/`,
      authorizeUrl: `${slackBase}/oauth/v2/authorize`,
    },
    mongodb: { uri: text('MONGODB_URI'), dbName: text('MONGODB_DB') },
    tokenKeys,
    internalApiTokens: text('INTERNAL_API_TOKENS').split(','),
    signIn: {
      completeUrl: String(values.COCOOM_LOGIN_COMPLETE_URL ?? `${platformUrl}/auth/slack/complete`),
      allowedTeams: values.SIGN_IN_ALLOWED_TEAMS ? text('SIGN_IN_ALLOWED_TEAMS').split(',') : [],
    },
    delivery: {
      concurrency: Number(values.DELIVERY_CONCURRENCY),
      pollMs: Number(values.DELIVERY_POLL_MS),
      leaseMs: Number(values.DELIVERY_LEASE_SECONDS) * 1000,
      maxAttempts: Number(values.DELIVERY_MAX_ATTEMPTS),
      messagesPerMinute: Number(values.DELIVERY_MESSAGES_PER_MINUTE),
      digestThreshold: Number(values.DIGEST_THRESHOLD),
      digestWindowMs: Number(values.DIGEST_WINDOW_SECONDS) * 1000,
    },
  };
}
