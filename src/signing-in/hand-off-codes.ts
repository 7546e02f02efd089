import type { Collection, Db } from 'mongodb';

import { takeOnce } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import { hashSecret, newSecret } from './one-time-secret';
import type { SlackIdentity } from './slack-identity';

/** How long the platform has to exchange a one-time code. */
export const HAND_OFF_LIFETIME_MS = 60 * 1000;

/** What the platform receives for a one-time code. */
export interface HandOff {
  identity: SlackIdentity;
  /** Where the user asked to go on the platform. */
  returnTo: string;
  /** The platform's `platform_state` from the login route, if it sent one. */
  platformState?: string;
}

interface HandOffDocument extends HandOff {
  _id: string;
  expiresAt: Date;
}

/**
 * One-time codes that hand a verified sign-in over to the Cocoom platform. Only the code's hash
 * is stored; the first exchange deletes it, and it is refused after {@link HAND_OFF_LIFETIME_MS}.
 */
export class HandOffCodes {
  private readonly codes: Collection<HandOffDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.codes = db.collection('sign_in_hand_offs');
  }

  /** Stores `handOff` and returns the code that redeems it, once. */
  async issue(handOff: HandOff): Promise<string> {
    const now = this.clock.now();
    const code = newSecret();
    await this.codes.deleteMany({ expiresAt: { $lt: now } });
    await this.codes.insertOne({
      _id: hashSecret(code),
      ...handOff,
      expiresAt: new Date(now.getTime() + HAND_OFF_LIFETIME_MS),
    });
    return code;
  }

  /** Redeems `code`: null when unknown, already redeemed or expired. */
  async redeem(code: string): Promise<HandOff | null> {
    const found = await takeOnce(this.codes, hashSecret(code));
    if (found === null || found.expiresAt <= this.clock.now()) return null;
    const { identity, returnTo, platformState } = found;
    return { identity, returnTo, platformState: platformState ?? undefined };
  }
}
