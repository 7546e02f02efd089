import { createLocalJWKSet, errors, type JWTVerifyGetKey } from 'jose';

import type { Clock } from '../shared/clock';
import { SignInError } from './sign-in-error';

type KeySet = ReturnType<typeof createLocalJWKSet>;

/** How long fetched keys are trusted before they are fetched again. */
export const KEYS_MAX_AGE_MS = 10 * 60 * 1000;

/** The least time between two fetches caused by an unknown key id. */
export const KEYS_COOLDOWN_MS = 30 * 1000;

const FETCH_TIMEOUT_MS = 5000;

/**
 * Slack's published signing keys (`/openid/connect/keys`), fetched and cached. An id_token
 * signed with a key id we do not know makes one fetch, in case Slack rotated its keys; another
 * unknown key id within {@link KEYS_COOLDOWN_MS} fetches nothing, so forged key ids cannot make
 * us hammer Slack. jose matches and imports the keys (`createLocalJWKSet`); only the caching is
 * ours, on the injected clock rather than jose's own timer, so that tests need no sleeping.
 */
export class SlackSigningKeys {
  private keySet?: KeySet;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private loading?: Promise<KeySet>;

  constructor(
    private readonly keysUrl: string,
    private readonly clock: Clock,
  ) {}

  /** jose's key lookup for `jwtVerify`. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const current = this.keySet && this.age() < KEYS_MAX_AGE_MS ? this.keySet : await this.load();
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.age() < KEYS_COOLDOWN_MS) {
        throw error;
      }
      return (await this.load())(header, token);
    }
  };

  private age(): number {
    return this.clock.now().getTime() - this.fetchedAt;
  }

  /** Fetches the keys; callers arriving while a fetch runs share it. */
  private load(): Promise<KeySet> {
    this.loading ??= this.fetchKeys().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetchKeys(): Promise<KeySet> {
    const response = await fetch(this.keysUrl, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (response.status !== 200) {
      throw new SignInError('keys_unavailable', `Slack's keys answered HTTP ${response.status}`);
    }

    // createLocalJWKSet checks the key set's shape itself (JWKSInvalid otherwise).
    this.keySet = createLocalJWKSet(
      (await response.json()) as Parameters<typeof createLocalJWKSet>[0],
    );
    this.fetchedAt = this.clock.now().getTime();
    return this.keySet;
  }
}
