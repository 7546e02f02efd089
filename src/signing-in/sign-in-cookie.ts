import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

import type { TokenKey } from '../shared/config';

const NAME = 'cocoom_sign_in';

/** Where the browser sends the cookie back: the login route and the callback, nowhere else. */
const PATH = '/oidc';

/**
 * The cookie that binds a sign-in's `state` to the browser that started it (OAuth 2.0 Security
 * BCP, RFC 9700 §4.7): HttpOnly, SameSite=Lax (so Slack's top-level redirect back carries it),
 * short-lived, and signed so that nobody can plant a state of their own.
 *
 * The signing keys are derived (HKDF) from TOKEN_ENCRYPTION_KEYS: the first key signs, every key
 * verifies, so rotating that ring only cuts short the sign-ins under way.
 */
export class SignInCookie {
  private readonly keys: Buffer[];
  private readonly signingKey: Buffer;

  constructor(
    tokenKeys: TokenKey[],
    private readonly secure: boolean,
  ) {
    this.keys = tokenKeys.map((k) =>
      Buffer.from(hkdfSync('sha256', k.key, 'cocoom-slack', 'sign-in cookie v1', 32)),
    );
    const [first] = this.keys;
    if (first === undefined) throw new RangeError('SignInCookie needs at least one key');
    this.signingKey = first;
  }

  /** A `Set-Cookie` value carrying `state` until `expiresAt`. */
  issue(state: string, now: Date, expiresAt: Date): string {
    const value = `${state}.${Math.floor(expiresAt.getTime() / 1000)}`;
    const maxAge = Math.ceil((expiresAt.getTime() - now.getTime()) / 1000);
    return this.serialize(`${value}.${this.mac(this.signingKey, value)}`, maxAge);
  }

  /** A `Set-Cookie` value that removes the cookie. */
  clear(): string {
    return this.serialize('', 0);
  }

  /** The state in the request's cookie, when its signature holds and it has not expired. */
  stateOf(cookieHeader: string | undefined, now: Date): string | undefined {
    const [state, expires, mac] = readCookie(cookieHeader)?.split('.') ?? [];
    if (state === undefined || expires === undefined || mac === undefined) return undefined;
    if (!this.keys.some((key) => sameText(this.mac(key, `${state}.${expires}`), mac))) {
      return undefined;
    }
    return Number(expires) * 1000 > now.getTime() ? state : undefined;
  }

  private mac(key: Buffer, value: string): string {
    return createHmac('sha256', key).update(value).digest('base64url');
  }

  private serialize(value: string, maxAge: number): string {
    const secure = this.secure ? '; Secure' : '';
    return `${NAME}=${value}; Path=${PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
  }
}

function readCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === NAME) return value.join('=');
  }
  return undefined;
}

/** Compares two strings in constant time (their lengths aside). */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
