import { createHash, randomBytes } from 'node:crypto';

/** A fresh random secret (256 bits, base64url) for a state, a nonce or a one-time code. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a secret: its SHA-256, so that reading the database gives nothing a browser
 * or the platform could present. A fast hash is enough for 256 random bits.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
