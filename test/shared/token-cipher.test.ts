import { randomBytes } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { TokenCipher } from '../../src/shared/token-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('TokenCipher', () => {
  it('opens what it sealed, and the sealed text names its key but not the token', () => {
    const cipher = new TokenCipher([key('k1')]);

    const sealed = cipher.seal('xoxb-1234-secret', 'T1/bot.token');

    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('xoxb');
    expect(cipher.open(sealed, 'T1/bot.token')).toBe('xoxb-1234-secret');
  });

  it('seals the same token differently each time', () => {
    const cipher = new TokenCipher([key('k1')]);

    expect(cipher.seal('xoxb-a', 'c')).not.toBe(cipher.seal('xoxb-a', 'c'));
  });

  it('refuses a value moved to another record', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal('xoxb-a', 'T1/bot.token');

    expect(() => cipher.open(sealed, 'T2/bot.token')).toThrow(
      expect.objectContaining({ code: 'token_decryption_failed' }),
    );
  });

  it('refuses a tampered value', () => {
    const cipher = new TokenCipher([key('k1')]);
    const sealed = cipher.seal('xoxb-a', 'c');
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;

    expect(() => cipher.open(flipped, 'c')).toThrow(
      expect.objectContaining({ code: 'token_decryption_failed' }),
    );
  });

  it('keeps reading values of an older key after a new key is put first', () => {
    const old = key('2025');
    const sealed = new TokenCipher([old]).seal('xoxb-a', 'c');
    const rotated = new TokenCipher([key('2026'), old]);

    expect(rotated.open(sealed, 'c')).toBe('xoxb-a');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.seal('xoxb-a', 'c')).toMatch(/^v1\.2026\./);
  });

  it('says which key is missing when an old key was dropped too early', () => {
    const sealed = new TokenCipher([key('gone')]).seal('xoxb-a', 'c');

    expect(() => new TokenCipher([key('k2')]).open(sealed, 'c')).toThrow(/"gone"/);
  });
});
