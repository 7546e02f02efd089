import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field paths whose values never reach the log, wherever they appear in a log line. */
const REDACTED_PATHS = [
  'token',
  'botToken',
  'userToken',
  'refreshToken',
  'accessToken',
  'clientSecret',
  'oauthCode',
  'state',
  'nonce',
  'cookie',
  'authorization',
  '*.token',
  '*.botToken',
  '*.userToken',
  '*.refreshToken',
  '*.accessToken',
  '*.clientSecret',
  '*.oauthCode',
  '*.state',
  '*.nonce',
  '*.cookie',
  '*.authorization',
  'req.headers',
  'res.headers',
];

/**
 * Slack tokens (xoxb-, xoxp-, xoxe-, xapp-...) and JWTs, wherever they hide in a line (an error
 * message, a URL): a last net under the path-based redaction.
 */
const SECRET_SHAPES = [
  /\bxox[a-z]?[.-][A-Za-z0-9.-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
];

/** OAuth values the Slack SDK's debug lines carry in URLs and in quoted request bodies. */
const SECRET_PARAMS = 'code|state|nonce|client_secret|refresh_token|access_token|token';
const SECRET_IN_URL = new RegExp(`([?&](?:${SECRET_PARAMS})=)[^&\\s"\\\\]+`, 'g');
const SECRET_IN_QUOTED_JSON = new RegExp(`(\\\\"(?:${SECRET_PARAMS})\\\\":\\\\")[^\\\\"]+`, 'g');

/** Replaces every token-, JWT- or OAuth-secret-shaped string in `text` with a marker. */
export function scrubSecrets(text: string): string {
  const shapes = SECRET_SHAPES.reduce((out, shape) => out.replace(shape, '[redacted]'), text);
  return shapes
    .replace(SECRET_IN_URL, '$1[redacted]')
    .replace(SECRET_IN_QUOTED_JSON, '$1[redacted]');
}

/**
 * Creates the app's one logger: JSON lines to stdout (or `destination`), secrets redacted by path
 * and by shape.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'cocoom-slack' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: scrubSecrets },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
