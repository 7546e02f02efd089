import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';
import type { Clock } from '../shared/clock';

interface ClaimDocument {
  /** `${deliveryId}#${seq}`: the delivery's claim number `seq`. */
  _id: string;
  until: Date;
}

/** One worker's exclusive hold on one delivery. */
export interface Claim {
  deliveryId: string;
  seq: number;
  until: Date;
}

/** How many claim numbers one attempt walks past before giving up for now. */
const MAX_STEPS = 20;

/**
 * Exclusive, time-limited claims on deliveries, shared by every process on one database. The
 * claims of a delivery are numbered: taking claim `seq` is inserting `${id}#${seq}`, which exactly
 * one caller can do, on MongoDB and on servers whose conditional updates are not atomic alike.
 * Settling a delivery records `seq + 1` on it as where the next claim starts; a worker that dies
 * leaves its claim to run out, and the next taker steps past it.
 *
 * Only inserts and reads by `_id`: on servers that scan a collection for every update or delete,
 * claiming costs the same however many claims were ever taken.
 */
export class DeliveryClaims {
  private readonly claims: Collection<ClaimDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.claims = db.collection('delivery_claims');
  }

  /**
   * Takes a claim on `deliveryId` for `ms` milliseconds, starting the search at claim `from`;
   * null while another worker holds one.
   */
  async take(deliveryId: string, from: number, ms: number): Promise<Claim | null> {
    for (let seq = from; seq < from + MAX_STEPS; seq += 1) {
      const until = new Date(this.clock.now().getTime() + ms);
      if (await insertIfAbsent(this.claims, { _id: `${deliveryId}#${seq}`, until })) {
        return { deliveryId, seq, until };
      }
      const taken = await this.claims.findOne({ _id: `${deliveryId}#${seq}` });
      if (taken !== null && taken.until > this.clock.now()) return null;
    }
    return null;
  }

  /** Whether someone holds a claim on `id` now, looking from claim `from` on. */
  async isHeld(id: string, from = 0): Promise<boolean> {
    for (let seq = from; seq < from + MAX_STEPS; seq += 1) {
      const taken = await this.claims.findOne({ _id: `${id}#${seq}` });
      if (taken === null) return false;
      if (taken.until > this.clock.now()) return true;
    }
    return false;
  }

  /**
   * Whether `claim` is still this worker's: it has not run out and nobody took the next one.
   * Checked before anything that must not happen twice.
   */
  async holds(claim: Claim): Promise<boolean> {
    if (claim.until <= this.clock.now()) return false;

    const next = await this.claims.findOne({ _id: `${claim.deliveryId}#${claim.seq + 1}` });
    return next === null;
  }

  /** Forgets claims that ran out before `before`; they can no longer matter to anyone. */
  async purgeBefore(before: Date): Promise<void> {
    await this.claims.deleteMany({ until: { $lt: before } });
  }
}
