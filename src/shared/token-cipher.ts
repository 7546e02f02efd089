import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { TokenKey } from './config';
import { TokenDecryptionError } from './errors';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts tokens at rest with AES-256-GCM. Each sealed value names the key that sealed it, so
 * the key ring can grow a new first key while older values stay readable. The associated data
 * binds a value to where it is stored: a ciphertext moved to another record does not open.
 */
export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: TokenKey;

  constructor(keys: TokenKey[]) {
    const [current] = keys;
    if (current === undefined) throw new TypeError('TokenCipher needs at least one key');
    this.current = current;
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** Seals `plaintext` for the record place named by `context` (e.g. `T123/bot.token`). */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return [FORMAT, this.current.id, iv.toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  /** Opens a value sealed by {@link seal} with the same `context`. */
  open(sealed: string, context: string): string {
    const [format, keyId = '', iv = '', body = ''] = sealed.split('.');
    const key = this.keys.get(keyId);
    if (format !== FORMAT || key === undefined) {
      throw new TokenDecryptionError(`No key "${keyId}" in TOKEN_ENCRYPTION_KEYS opens ${context}`);
    }

    const data = Buffer.from(body, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(data.subarray(0, -TAG_BYTES)),
        decipher.final(),
      ]).toString();
    } catch (cause) {
      throw new TokenDecryptionError(`The stored value of ${context} does not authenticate`, {
        cause,
      });
    }
  }

  /** True when `sealed` was sealed with an older key and should be sealed again. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}
