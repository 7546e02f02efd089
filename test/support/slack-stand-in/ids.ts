import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function digits(length: number): string {
  return pick('0123456789', length);
}

/** A Slack-looking object id: a prefix letter (`T`, `U`, `B`, `A`, `V`, `D`...) and 10 more. */
export function slackId(prefix: string): string {
  return `${prefix}${pick(UPPER_ALNUM, 10)}`;
}

/** A random opaque string for OAuth codes and view hashes. */
export function opaque(bytes = 24): string {
  return randomBytes(bytes).toString('hex');
}

/** A token of the given kind, in the shape Slack issues it (rotating tokens start `xoxe.`). */
export function tokenString(kind: 'bot' | 'user', rotating: boolean): string {
  const prefix = kind === 'bot' ? 'xoxb' : 'xoxp';
  if (rotating) return `xoxe.${prefix}-1-${pick(ALNUM, 140)}`;
  if (kind === 'bot') return `xoxb-${digits(12)}-${digits(13)}-${pick(ALNUM, 24)}`;
  return `xoxp-${digits(12)}-${digits(12)}-${digits(13)}-${opaque(16)}`;
}

/** A refresh token under token rotation (https://api.slack.com/authentication/rotation). */
export function refreshTokenString(): string {
  return `xoxe-1-${pick(ALNUM, 140)}`;
}
