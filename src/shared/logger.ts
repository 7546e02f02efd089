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
  'code',
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
  '*.code',
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

/** Replaces every token- or JWT-shaped string in `text` with a marker. */
export function scrubSecrets(text: string): string {
  return SECRET_SHAPES.reduce((out, shape) => out.replace(shape, '[redacted]'), text);
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
