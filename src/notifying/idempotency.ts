import { createHash, randomUUID } from 'node:crypto';

import { MongoServerError, type Collection, type Db } from 'mongodb';

import type { Clock } from '../shared/clock';
import type { LeaseStore } from '../shared/leases';
import { ApiError } from '../shared/errors';

/** The longest `Idempotency-Key` accepted, as Stripe defines it. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * How long a first request may stay in progress before a retry with the same key may take it
 * over: the first one then crashed or lost its database, and the retry finishes its work.
 */
export const IN_PROGRESS_TAKEOVER_MS = 30_000;

/** A stored answer, replayed for the same key and body. */
export interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
}

interface KeyDocument {
  _id: string;
  bodyHash: string;
  /** The notification id this key accepts, chosen once so a takeover reuses it. */
  notificationId: string;
  state: 'in_progress' | 'done';
  answer?: StoredAnswer;
  lockedAt: Date;
  expiresAt: Date;
}

/** What to do with a request: do the work for `notificationId`, or replay an answer. */
export type Reservation = { notificationId: string } | { replay: StoredAnswer };

/**
 * `Idempotency-Key` as Stripe defines it: the same key with the same body gets the first
 * answer; with another body, 422; while the first is still being accepted, 409. Keys live 24
 * hours (an explicit expiry, checked on read and purged by the workers).
 */
export class IdempotencyKeys {
  private readonly keys: Collection<KeyDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly leases: LeaseStore,
  ) {
    this.keys = db.collection('idempotency_keys');
  }

  /** Reserves `key` for a body, or says why not (throws 409 or 422), or gives the answer. */
  async reserve(key: string, body: unknown): Promise<Reservation> {
    checkKey(key);
    const bodyHash = hashBody(body);
    for (let round = 0; round < 3; round += 1) {
      const inserted = await this.tryInsert(key, bodyHash);
      if (inserted) return { notificationId: inserted };

      const found = await this.keys.findOne({ _id: key });
      if (found === null) continue;
      if (found.expiresAt <= this.clock.now()) {
        await this.keys.deleteOne({ _id: key, expiresAt: found.expiresAt });
        continue;
      }
      return this.existing(found, bodyHash);
    }
    throw new ApiError(409, 'idempotency_key_in_use', 'This Idempotency-Key is in use; retry');
  }

  /**
   * The answer already given for `key` and this body, if any; throws 422 when the key was used
   * with another body. Asked before anything else is checked, so a replay gets the first
   * answer even when the request would not be accepted today (its workspace uninstalled since).
   */
  async answered(key: string, body: unknown): Promise<StoredAnswer | null> {
    checkKey(key);
    const found = await this.keys.findOne({ _id: key });
    if (found === null || found.expiresAt <= this.clock.now()) return null;

    return this.existingIfDone(found, hashBody(body))?.replay ?? null;
  }

  /** Remembers the answer given for `key`. */
  async complete(key: string, answer: StoredAnswer): Promise<void> {
    await this.keys.updateOne({ _id: key }, { $set: { state: 'done', answer } });
  }

  /** Forgets expired keys. */
  async purgeExpired(): Promise<void> {
    await this.keys.deleteMany({ expiresAt: { $lte: this.clock.now() } });
  }

  private async tryInsert(key: string, bodyHash: string): Promise<string | null> {
    const now = this.clock.now();
    const notificationId = randomUUID();
    try {
      await this.keys.insertOne({
        _id: key,
        bodyHash,
        notificationId,
        state: 'in_progress',
        lockedAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_LIFETIME_MS),
      });
      return notificationId;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return null;
      throw error;
    }
  }

  /** The replay of a finished key; null while it is in progress; 422 for another body. */
  private existingIfDone(found: KeyDocument, bodyHash: string): { replay: StoredAnswer } | null {
    if (found.bodyHash !== bodyHash) {
      const message = 'This Idempotency-Key was used with another body';
      throw new ApiError(422, 'idempotency_key_reused', message);
    }
    return found.state === 'done' && found.answer ? { replay: found.answer } : null;
  }

  private async existing(found: KeyDocument, bodyHash: string): Promise<Reservation> {
    const done = this.existingIfDone(found, bodyHash);
    if (done) return done;

    // A request that stalled or died lets a retry finish its notification; the lease (a unique
    // insert) makes sure only one retry at a time does, on every MongoDB-compatible server.
    const stale = new Date(this.clock.now().getTime() - IN_PROGRESS_TAKEOVER_MS);
    const taken =
      found.state === 'in_progress' &&
      found.lockedAt <= stale &&
      (await this.leases.acquire(`idempotency:${found._id}`, IN_PROGRESS_TAKEOVER_MS));
    if (taken) return { notificationId: found.notificationId };
    const message = 'A request with this Idempotency-Key is still being accepted; retry later';
    throw new ApiError(409, 'idempotency_key_in_use', message);
  }
}

function checkKey(key: string): void {
  if (key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return;
  const message = `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
  throw new ApiError(400, 'idempotency_key_invalid', message);
}

/** A hash of the body that ignores key order and whitespace: the same JSON, the same hash. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
