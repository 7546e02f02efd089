import type { Collection, Filter, UpdateFilter } from 'mongodb';

import type { Clock } from '../shared/clock';
import type { Category } from './categories';
import type { Claim, DeliveryClaims } from './delivery-claims';
import { DeliveryCandidates } from './delivery-candidates';
import type { DeferReason, DeliveryDocument, DeliveryState } from './outbox-documents';

/** A delivery a worker holds, with the claims of any digest members gathered with it. */
export interface Lease {
  delivery: DeliveryDocument;
  /** Ids of every delivery this lease covers: the delivery itself, then digest members. */
  ids: string[];
  /** The claims held on those deliveries, in the same order. */
  claims: Claim[];
}

/** Where a resolved recipient is. */
export interface Resolved {
  teamId: string;
  userId?: string;
}

const WAITING: DeliveryState[] = ['queued', 'deferred'];

/**
 * The deliveries as work: a worker picks a due one, claims it (a unique insert, so two never
 * hold the same one), then settles it by `_id`, recording where the next claim starts. A worker
 * that dies leaves its claim to run out; another then takes the delivery over.
 */
export class DeliveryQueue {
  private readonly candidates: DeliveryCandidates;

  constructor(
    readonly deliveries: Collection<DeliveryDocument>,
    private readonly clock: Clock,
    private readonly leaseMs: number,
    readonly claims: DeliveryClaims,
  ) {
    this.candidates = new DeliveryCandidates(deliveries, clock);
  }

  /** Claims a due delivery whose workspace is not in `skipTeams`; null when none is. */
  async claim(skipTeams: ReadonlySet<string>): Promise<Lease | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const candidate = await this.candidates.next(skipTeams);
      if (candidate === undefined) return null;

      const claim = await this.claims.take(candidate._id, candidate.claims ?? 0, this.leaseMs);
      if (claim === null) continue;
      const delivery = await this.deliveries.findOne({ _id: candidate._id });
      if (delivery && isDue(delivery, this.clock.now(), skipTeams)) {
        return { delivery, ids: [delivery._id], claims: [claim] };
      }
      if (delivery) await this.passOn(claim);
    }
    return null;
  }

  /** Lets the next worker start after `claim`, which this worker does not use. */
  private async passOn(claim: Claim): Promise<void> {
    await this.deliveries.updateOne({ _id: claim.deliveryId }, { $max: { claims: claim.seq + 1 } });
  }

  /**
   * Adds to `lease` up to `max` deliveries of the same category that wait for a digest to the
   * same user and that no other worker holds.
   */
  async gatherDigest(lease: Lease, to: Resolved, max: number): Promise<DeliveryDocument[]> {
    const group = digestGroup(lease.delivery.category, to);
    const waiting = await this.deliveries.find(group).sort({ createdAt: 1 }).limit(max).toArray();
    const members: DeliveryDocument[] = [];
    for (const candidate of waiting) {
      if (lease.ids.includes(candidate._id)) continue;
      const claim = await this.claims.take(candidate._id, candidate.claims ?? 0, this.leaseMs);
      if (claim === null) continue;
      const member = await this.deliveries.findOne({ _id: candidate._id });
      if (member === null || !waitsForDigest(member, lease.delivery.category, to)) {
        if (member) await this.passOn(claim);
        continue;
      }
      members.push(member);
      lease.ids.push(member._id);
      lease.claims.push(claim);
    }
    return members;
  }

  /** When the digest already waiting for this user and category goes out, if one waits. */
  async pendingDigest(category: Category, to: Resolved): Promise<Date | null> {
    const waiting = await this.deliveries.findOne(digestGroup(category, to));
    return waiting?.availableAt ?? null;
  }

  /** Messages of `category` sent one by one to the user since `since`. */
  async sentAlone(category: Category, to: Resolved, since: Date): Promise<number> {
    return this.deliveries.countDocuments({
      teamId: to.teamId,
      userId: to.userId,
      category,
      state: 'sent',
      digest: { $ne: true },
      sentAt: { $gt: since },
    });
  }

  /** Whether every claim of `lease` is still this worker's; checked before posting. */
  async holds(lease: Lease): Promise<boolean> {
    for (const claim of lease.claims) if (!(await this.claims.holds(claim))) return false;
    return true;
  }

  /**
   * Records that Slack accepted the message. Written whoever holds the delivery now: Slack has
   * the message, so nobody must post it again.
   */
  async markSent(lease: Lease, sent: Resolved & { channel: string; ts: string }, digest: boolean) {
    const now = this.clock.now();
    await this.eachOf(lease, (claim) => ({
      $set: { state: 'sent', ...sent, sentAt: now, digest, claims: claim.seq + 1, updatedAt: now },
      $unset: { reason: '' },
    }));
  }

  /** Settles the lease with a final state and its reason. */
  async finish(lease: Lease, state: 'failed' | 'skipped', reason: string, to?: Resolved) {
    await this.settle(lease, { state, reason, ...to });
  }

  /** Puts the delivery back to wait until `until`, for `reason`. */
  async defer(lease: Lease, until: Date, reason: DeferReason, to?: Resolved, failed = false) {
    const extra = failed ? { $inc: { attempts: 1 } } : {};
    await this.settle(lease, { state: 'deferred', reason, availableAt: until, ...to }, extra);
  }

  /**
   * Writes the outcome, unless a claim ran out and another worker took the delivery over: the
   * outcome is then that worker's to write.
   */
  private async settle(lease: Lease, fields: Partial<DeliveryDocument>, extra = {}) {
    if (!(await this.holds(lease))) return;

    const now = this.clock.now();
    await this.eachOf(lease, (claim) => ({
      $set: { ...fields, claims: claim.seq + 1, updatedAt: now },
      ...extra,
    }));
  }

  /** Updates each delivery of the lease by `_id` alone, the one filter every server indexes. */
  private async eachOf(lease: Lease, update: (claim: Claim) => UpdateFilter<DeliveryDocument>) {
    for (const claim of lease.claims) {
      await this.deliveries.updateOne({ _id: claim.deliveryId }, update(claim));
    }
  }
}

function isDue(delivery: DeliveryDocument, now: Date, skipTeams: ReadonlySet<string>): boolean {
  if (!WAITING.includes(delivery.state) || delivery.availableAt > now) return false;
  return delivery.teamId === undefined || !skipTeams.has(delivery.teamId);
}

function waitsForDigest(delivery: DeliveryDocument, category: Category, to: Resolved): boolean {
  const { teamId, userId, state, reason } = delivery;
  const same = teamId === to.teamId && userId === to.userId && delivery.category === category;
  return same && state === 'deferred' && reason === 'digest';
}

function digestGroup(category: Category, to: Resolved): Filter<DeliveryDocument> {
  return {
    teamId: to.teamId,
    userId: to.userId,
    category,
    state: 'deferred',
    reason: 'digest',
  };
}
