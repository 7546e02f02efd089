import { setTimeout as sleep } from 'node:timers/promises';

import type { Collection, Filter } from 'mongodb';

import { insertAllIfAbsent } from '../shared/atomic';

import type { Clock } from '../shared/clock';
import type { Category } from './categories';
import type { Claim, DeliveryClaims } from './delivery-claims';
import { type Candidate, DeliveryCandidates } from './delivery-candidates';
import type { Outbox } from './outbox';
import type { DeferReason, DeliveryDocument, DeliveryState } from './outbox-documents';

/** A delivery a worker holds, with the claims of any digest members gathered with it. */
export interface Lease {
  delivery: DeliveryDocument;
  /** Ids of every delivery this lease covers: the delivery itself, then digest members. */
  ids: string[];
  /** Those deliveries as claimed, in the same order. */
  documents: DeliveryDocument[];
  /** The claims held on them, in the same order. */
  claims: Claim[];
}

/** Where a resolved recipient is. */
export interface Resolved {
  teamId: string;
  userId?: string;
}

const WAITING: DeliveryState[] = ['queued', 'deferred'];
/** How long a digest's lead waits before asking again for members another worker held. */
const GATHER_AGAIN_MS = 300;

/**
 * The deliveries as work: a worker picks a due one, claims it (a unique insert, so two never
 * hold the same one), then settles it by `_id`. A delivery put back to wait records where the
 * next claim starts; one settled for good moves to the results (an insert, then a delete), so
 * the waiting deliveries stay few however many were ever sent. A worker that dies leaves its
 * claim to run out; another then takes the delivery over.
 */
export class DeliveryQueue {
  readonly deliveries: Collection<DeliveryDocument>;
  private readonly results: Collection<DeliveryDocument>;
  private readonly candidates: DeliveryCandidates;
  /** Deliveries this process is working on now. */
  private readonly held = new Set<string>();

  constructor(
    outbox: Outbox,
    private readonly clock: Clock,
    private readonly leaseMs: number,
    readonly claims: DeliveryClaims,
  ) {
    this.deliveries = outbox.deliveries;
    this.results = outbox.results;
    this.candidates = new DeliveryCandidates(outbox.deliveries, clock);
  }

  /**
   * Claims a due delivery whose workspace is not in `skipTeams`; null when none is. Reads the
   * due deliveries at most once per call, and passes over those this process holds already.
   */
  async claim(skipTeams: ReadonlySet<string>): Promise<Lease | null> {
    for (let tries = 0; tries < 20; tries += 1) {
      const candidate = await this.candidates.next(skipTeams, tries === 0);
      if (candidate === undefined) return null;
      if (this.held.has(candidate._id)) continue;
      // Another worker is sending the digest this delivery belongs to: it gathers this one too.
      if (candidate.inDigest && (await this.claims.isHeld(digestKey(candidate)))) continue;

      const claim = await this.claims.take(candidate._id, candidate.claims ?? 0, this.leaseMs);
      if (claim === null) continue;
      const delivery = await this.waiting(candidate._id);
      const due = delivery && isDue(delivery, this.clock.now(), skipTeams);
      if (delivery && due && (await this.leadsDigest(delivery))) {
        this.held.add(delivery._id);
        return { delivery, ids: [delivery._id], documents: [delivery], claims: [claim] };
      }
      if (delivery) await this.passOn(claim);
    }
    return null;
  }

  /**
   * The delivery `id` if it still waits. One whose result is written already (its worker
   * stopped between writing the result and removing it from the waiting ones) is removed now.
   */
  private async waiting(id: string): Promise<DeliveryDocument | null> {
    const delivery = await this.deliveries.findOne({ _id: id });
    if (delivery === null || (await this.results.findOne({ _id: id })) === null) return delivery;

    await this.deliveries.deleteOne({ _id: id });
    return null;
  }

  /**
   * Whether this worker may send the digest `delivery` belongs to: one worker at a time per
   * person, category and release time, so that one worker gathers it all into one message
   * rather than several workers sending its parts alone. Not a digest: always.
   */
  private async leadsDigest(delivery: DeliveryDocument): Promise<boolean> {
    if (delivery.inDigest !== true) return true;

    return (await this.claims.take(digestKey(delivery), 0, this.leaseMs)) !== null;
  }

  /** Lets the next worker start after `claim`, which this worker does not use. */
  private async passOn(claim: Claim): Promise<void> {
    await this.deliveries.updateOne({ _id: claim.deliveryId }, { $max: { claims: claim.seq + 1 } });
  }

  /**
   * Adds to `lease` up to `max` deliveries of the same category that wait for a digest to the
   * same user. Members another worker holds at that moment (it just claimed one, and is about
   * to let it go since this worker leads the digest) are asked for once more a moment later.
   */
  async gatherDigest(lease: Lease, to: Resolved, max: number): Promise<DeliveryDocument[]> {
    const members: DeliveryDocument[] = [];
    for (let round = 0; round < 2 && members.length < max; round += 1) {
      if (round > 0) await sleep(GATHER_AGAIN_MS);
      const busy = await this.gatherOnce(lease, to, max, members);
      if (!busy) break;
    }
    return members;
  }

  /** One pass of `gatherDigest`; true when some member was held by another worker. */
  private async gatherOnce(lease: Lease, to: Resolved, max: number, members: DeliveryDocument[]) {
    // One more than `max`: the lead delivery itself is in the group too.
    const waiting = await this.deliveries
      .find(digestGroup(lease.delivery.category, to))
      .sort({ createdAt: 1 })
      .limit(max + 1)
      .toArray();
    let busy = false;
    for (const candidate of waiting) {
      if (members.length >= max) break;
      if (lease.ids.includes(candidate._id)) continue;
      const claim = await this.claims.take(candidate._id, candidate.claims ?? 0, this.leaseMs);
      busy ||= claim === null;
      if (claim === null) continue;
      const member = await this.waiting(candidate._id);
      if (member === null || !waitsForDigest(member, lease.delivery.category, to)) {
        if (member) await this.passOn(claim);
        continue;
      }
      members.push(member);
      this.held.add(member._id);
      lease.ids.push(member._id);
      lease.documents.push(member);
      lease.claims.push(claim);
    }
    return busy;
  }

  /** Forgets that this process works on the lease's deliveries, once it is done with them. */
  done(lease: Lease): void {
    for (const id of lease.ids) this.held.delete(id);
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
    await this.settleForGood(lease, { state: 'sent', ...sent, sentAt: now, digest });
  }

  /** Settles the lease with a final state and its reason. */
  async finish(lease: Lease, state: 'failed' | 'skipped', reason: string, to?: Resolved) {
    if (!(await this.holds(lease))) return;
    await this.settleForGood(lease, { state, reason, ...to });
  }

  /** Puts the delivery back to wait until `until`, for `reason`. */
  async defer(lease: Lease, until: Date, reason: DeferReason, to?: Resolved, failed = false) {
    // Unless a claim ran out and another worker took the delivery over: it is theirs to settle.
    if (!(await this.holds(lease))) return;

    const updatedAt = this.clock.now();
    const waits = { state: 'deferred' as const, reason, availableAt: until, ...to, updatedAt };
    // A digest put back for another reason still goes out as one message later.
    const inDigest = reason === 'digest' || lease.delivery.inDigest === true;
    const extra = failed ? { $inc: { attempts: 1 } } : {};
    for (const claim of lease.claims) {
      const update = { $set: { ...waits, claims: claim.seq + 1, inDigest }, ...extra };
      await this.deliveries.updateOne({ _id: claim.deliveryId }, update);
    }
  }

  /**
   * Writes the results of every delivery of the lease at once, then removes them from the
   * waiting ones. Results are inserts, so a second writer (a worker that lost its claim) keeps
   * the first result, and writing them again after a failure is safe.
   */
  private async settleForGood(lease: Lease, fields: Partial<DeliveryDocument>) {
    const updatedAt = this.clock.now();
    const results = lease.claims.map((claim, i) => {
      const { reason: _reason, ...waited } = lease.documents[i] ?? lease.delivery;
      return { ...waited, ...fields, claims: claim.seq + 1, updatedAt };
    });
    await insertAllIfAbsent(this.results, results);
    for (const claim of lease.claims) await this.deliveries.deleteOne({ _id: claim.deliveryId });
  }
}

function isDue(delivery: DeliveryDocument, now: Date, skipTeams: ReadonlySet<string>): boolean {
  if (!WAITING.includes(delivery.state) || delivery.availableAt > now) return false;
  return delivery.teamId === undefined || !skipTeams.has(delivery.teamId);
}

/** What names one digest: the person, the category and when it is released. */
function digestKey(delivery: Candidate): string {
  const { teamId, userId, category, availableAt } = delivery;
  return `digest:${teamId}:${userId}:${category}:${availableAt.getTime()}`;
}

function waitsForDigest(delivery: DeliveryDocument, category: Category, to: Resolved): boolean {
  const { teamId, userId, state } = delivery;
  const same = teamId === to.teamId && userId === to.userId && delivery.category === category;
  return same && state === 'deferred' && delivery.inDigest === true;
}

function digestGroup(category: Category, to: Resolved): Filter<DeliveryDocument> {
  return {
    teamId: to.teamId,
    userId: to.userId,
    category,
    state: 'deferred',
    inDigest: true,
  };
}
