import type { Collection, Db } from 'mongodb';

import { takeOnce } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import { hashSecret, newSecret } from './one-time-secret';

/** How long a browser has between the login route and Slack's redirect back. */
export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;

/** A sign-in under way: what the callback needs once Slack sends the browser back. */
export interface SignInAttempt {
  /** The SHA-256 of the nonce sent to Slack; the id_token must carry the nonce itself. */
  nonceHash: string;
  /** Where the platform should take the user once signed in (on its own origin). */
  returnTo: string;
  /** The platform's anti-forgery value, echoed back on the hand-off. */
  platformState?: string;
  expiresAt: Date;
}

/** The secrets of a new attempt, handed to the browser and to Slack, never stored as such. */
export interface StartedAttempt {
  state: string;
  nonce: string;
  expiresAt: Date;
}

interface AttemptDocument extends SignInAttempt {
  _id: string;
}

/**
 * Sign-in attempts in MongoDB, keyed by the hash of their `state`. Each is consumed by its
 * first callback, so a state (and the nonce that goes with it) never works twice. Expired ones
 * are swept by a query on `expiresAt`, which works without TTL indexes.
 */
export class SignInAttempts {
  private readonly attempts: Collection<AttemptDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.attempts = db.collection('sign_in_attempts');
  }

  /** Records a new attempt that will lead to `returnTo`. */
  async start(returnTo: string, platformState?: string): Promise<StartedAttempt> {
    const now = this.clock.now();
    const attempt = { state: newSecret(), nonce: newSecret() };
    const expiresAt = new Date(now.getTime() + ATTEMPT_LIFETIME_MS);
    await this.attempts.deleteMany({ expiresAt: { $lt: now } });
    await this.attempts.insertOne({
      _id: hashSecret(attempt.state),
      nonceHash: hashSecret(attempt.nonce),
      returnTo,
      ...(platformState === undefined ? {} : { platformState }),
      expiresAt,
    });
    return { ...attempt, expiresAt };
  }

  /** Consumes the attempt of `state`: null when unknown, already used or expired. */
  async consume(state: string): Promise<SignInAttempt | null> {
    const found = await takeOnce(this.attempts, hashSecret(state));
    if (found === null || found.expiresAt <= this.clock.now()) return null;
    const { nonceHash, returnTo, platformState, expiresAt } = found;
    return { nonceHash, returnTo, platformState: platformState ?? undefined, expiresAt };
  }
}
