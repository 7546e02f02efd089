import { randomUUID } from 'node:crypto';

import type { Collection, Filter, UpdateFilter } from 'mongodb';

import type { Clock } from '../shared/clock';
import type { Lease as HeldLease, LeaseStore } from '../shared/leases';
import type { Category } from './categories';
import {
  type DeferReason,
  type DeliveryDocument,
  type DeliveryState,
  NO_LEASE,
} from './outbox-documents';

/** A delivery a worker holds, with the leases of any digest members gathered with it. */
export interface Lease {
  leaseId: string;
  delivery: DeliveryDocument;
  /** Ids of every delivery this lease covers: the delivery itself, then digest members. */
  ids: string[];
  /** The exclusive leases held on those deliveries, released once they are settled. */
  held: HeldLease[];
}

/** Where a resolved recipient is. */
export interface Resolved {
  teamId: string;
  userId?: string;
}

const WAITING: DeliveryState[] = ['queued', 'deferred'];
const CANDIDATES_PER_READ = 50;

function dueFilter(now: Date, pausedTeams: string[]): Filter<DeliveryDocument> {
  return {
    state: { $in: WAITING },
    availableAt: { $lte: now },
    leaseUntil: { $lte: now },
    ...(pausedTeams.length > 0 ? { teamId: { $nin: pausedTeams } } : {}),
  };
}

/**
 * The deliveries as work: a worker picks a due one, takes its exclusive lease (a unique insert,
 * so two never hold the same one), then settles it. A worker that dies leaves its lease to
 * expire; another then takes the delivery over.
 */
export class DeliveryQueue {
  /** Ids of due deliveries read ahead, shared by this process's slots. */
  private readonly candidates: string[] = [];

  constructor(
    readonly deliveries: Collection<DeliveryDocument>,
    private readonly clock: Clock,
    private readonly leaseMs: number,
    private readonly leases: LeaseStore,
  ) {}

  /** Claims the delivery due the longest, outside `pausedTeams`; null when none is due. */
  async claim(pausedTeams: string[]): Promise<Lease | null> {
    // Bounded: should every candidate be taken by other workers, the caller tries again later.
    for (let tries = 0; tries < 2 * CANDIDATES_PER_READ; tries += 1) {
      const id = this.candidates.shift() ?? (await this.refill(pausedTeams));
      if (id === undefined) return null;

      const now = this.clock.now();
      const leaseId = randomUUID();
      const delivery = await this.deliveries.findOneAndUpdate(
        { _id: id, ...dueFilter(now, pausedTeams) },
        { $set: { leaseId, leaseUntil: new Date(now.getTime() + this.leaseMs) } },
        { returnDocument: 'after' },
      );
      const held = delivery && (await this.hold(delivery._id));
      if (delivery && held) return { leaseId, delivery, ids: [delivery._id], held: [held] };
    }
    return null;
  }

  /**
   * Takes the exclusive lease of one delivery and checks it still waits. The conditional update
   * above picks candidates, but some MongoDB-compatible servers let two callers win it; only
   * the lease (a unique insert) is exclusive everywhere.
   */
  private async hold(id: string): Promise<HeldLease | null> {
    const held = await this.leases.acquire(`delivery:${id}`, this.leaseMs);
    if (held === null) return null;

    const still = await this.deliveries.findOne({ _id: id, state: { $in: WAITING } });
    if (still !== null) return held;
    await held.release();
    return null;
  }

  /**
   * Reads the ids of the next due deliveries, oldest first, and returns the first. Claiming
   * them one by one by `_id` afterwards keeps each claim cheap, on MongoDB and on servers that
   * only use the `_id` index alike; a candidate another worker took meanwhile is skipped.
   */
  private async refill(pausedTeams: string[]): Promise<string | undefined> {
    const due = await this.deliveries
      .find(dueFilter(this.clock.now(), pausedTeams))
      .sort({ availableAt: 1 })
      .limit(CANDIDATES_PER_READ)
      .project<{ _id: string }>({ _id: 1 })
      .toArray();
    this.candidates.push(...due.map((d) => d._id));
    return this.candidates.shift();
  }

  /**
   * Adds to `lease` up to `max` deliveries of the same category that wait for a digest to the
   * same user and that no other worker holds.
   */
  async gatherDigest(lease: Lease, to: Resolved, max: number): Promise<DeliveryDocument[]> {
    const now = this.clock.now();
    const members: DeliveryDocument[] = [];
    const passed: string[] = [];
    while (members.length < max) {
      const member = await this.deliveries.findOneAndUpdate(
        {
          ...digestGroup(lease.delivery.category, to),
          leaseUntil: { $lte: now },
          _id: { $nin: passed },
        },
        { $set: { leaseId: lease.leaseId, leaseUntil: new Date(now.getTime() + this.leaseMs) } },
        { sort: { createdAt: 1 }, returnDocument: 'after' },
      );
      if (member === null) break;
      const held = await this.hold(member._id);
      if (held === null) {
        passed.push(member._id);
        continue;
      }
      members.push(member);
      lease.ids.push(member._id);
      lease.held.push(held);
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

  /**
   * Records that Slack accepted the message. Written whoever holds the lease now: Slack has
   * the message, so nobody must post it again.
   */
  async markSent(lease: Lease, sent: Resolved & { channel: string; ts: string }, digest: boolean) {
    const now = this.clock.now();
    await this.eachOf(
      lease,
      { state: { $ne: 'sent' } },
      {
        $set: { state: 'sent', ...sent, sentAt: now, digest, leaseUntil: NO_LEASE, updatedAt: now },
        $unset: { reason: '' },
      },
    );
    await release(lease);
  }

  /** Ends the lease with a final state and its reason. */
  async finish(lease: Lease, state: 'failed' | 'skipped', reason: string, to?: Resolved) {
    await this.settle(lease, { state, reason, ...to });
  }

  /** Puts the delivery back to wait until `until`, for `reason`. */
  async defer(lease: Lease, until: Date, reason: DeferReason, to?: Resolved, failed = false) {
    const extra = failed ? { $inc: { attempts: 1 } } : {};
    await this.settle(lease, { state: 'deferred', reason, availableAt: until, ...to }, extra);
  }

  private async settle(lease: Lease, fields: Partial<DeliveryDocument>, extra = {}) {
    // No `leaseId` condition: the held leases make this worker the only writer, while the
    // candidate update's `leaseId` may be another caller's on servers where it is not atomic.
    await this.eachOf(
      lease,
      { state: { $in: WAITING } },
      { $set: { ...fields, leaseUntil: NO_LEASE, updatedAt: this.clock.now() }, ...extra },
    );
    await release(lease);
  }

  /** Updates each delivery of the lease by `_id` (the one index every server uses). */
  private async eachOf(
    lease: Lease,
    filter: Filter<DeliveryDocument>,
    update: UpdateFilter<DeliveryDocument>,
  ) {
    for (const _id of lease.ids) await this.deliveries.updateOne({ _id, ...filter }, update);
  }
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

async function release(lease: Lease): Promise<void> {
  await Promise.all(lease.held.map((held) => held.release()));
}
