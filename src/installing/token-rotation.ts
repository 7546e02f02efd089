import type { WebClient } from '@slack/web-api';
import type { Collection, Document } from 'mongodb';

import type { Clock } from '../shared/clock';
import { TokenRefreshError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { LeaseStore } from '../shared/leases';
import type { TokenCipher } from '../shared/token-cipher';
import { type StoredToken, openToken, sealToken } from './installation-documents';

/** A record holding a rotating token, bot side or user installation. */
export type RotatingRecord = Document & { _id: string };

/** Where a rotating token sits: its collection, its record, and the field path inside it. */
export interface TokenPlace {
  /** Untyped: the same code serves both record shapes, told apart by `path`. */
  collection: Collection<RotatingRecord>;
  id: string;
  /** '' for a user installation (token fields at the top), 'bot' for the bot side. */
  path: '' | 'bot';
}

interface RotationOptions {
  slack: WebClient;
  clientId: string;
  clientSecret: string;
  cipher: TokenCipher;
  clock: Clock;
  logger: Logger;
  leases: LeaseStore;
  /** Refresh when the token expires within this many seconds. */
  marginSeconds?: number;
  /** How long one process may hold the refresh of one token. */
  leaseMs?: number;
}

const POLL_MS = 100;

/**
 * Refreshes tokens that Slack rotates (https://api.slack.com/authentication/rotation) shortly
 * before they expire, once per token even under concurrent requests: callers in one process
 * share one refresh, and processes sharing the database take a lease so only one calls Slack
 * while the others wait for its result. Refresh tokens are single-use, so a second refresh
 * would fail and could leave the installation without a valid token.
 */
export class TokenRotation {
  private readonly inflight = new Map<string, Promise<RotatingRecord>>();
  private readonly marginSeconds: number;
  private readonly leaseMs: number;

  constructor(private readonly options: RotationOptions) {
    this.marginSeconds = options.marginSeconds ?? 2 * 60 * 60;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  /**
   * Returns the record at `place` with a token valid beyond the margin, refreshing it if needed,
   * and sealed with the current encryption key, sealing it again if an older key sealed it.
   */
  fresh(place: TokenPlace, record: RotatingRecord): Promise<RotatingRecord> {
    if (!this.needsWork(storedAt(record, place.path))) return Promise.resolve(record);

    const name = `${place.collection.collectionName}:${place.id}:${place.path}`;
    const running = this.inflight.get(name);
    if (running) return running;

    const refresh = this.refreshOnce(place).finally(() => this.inflight.delete(name));
    this.inflight.set(name, refresh);
    return refresh;
  }

  private needsWork(stored: StoredToken | undefined): boolean {
    if (stored === undefined) return false;
    return this.isExpiring(stored) || this.options.cipher.isStale(stored.token);
  }

  private isExpiring(stored: StoredToken | undefined): boolean {
    if (!stored?.refreshToken || typeof stored.expiresAt !== 'number') return false;
    const nowSeconds = this.options.clock.now().getTime() / 1000;
    return stored.expiresAt - nowSeconds <= this.marginSeconds;
  }

  private async refreshOnce(place: TokenPlace): Promise<RotatingRecord> {
    const name = `token-refresh:${place.collection.collectionName}:${place.id}:${place.path}`;
    const deadline = Date.now() + this.leaseMs;
    while (Date.now() < deadline) {
      const lease = await this.options.leases.acquire(name, this.leaseMs);
      // Read after taking the lease: another process may have refreshed just before.
      const record = await this.read(place);
      if (!this.needsWork(storedAt(record, place.path))) {
        await lease?.release();
        return record;
      }
      if (lease) return this.renew(place, record).finally(() => lease.release());

      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new TokenRefreshError(`Timed out waiting for another refresh of ${place.id}`);
  }

  /** Refreshes or re-seals, under the lease: a re-seal never writes back a replaced token. */
  private renew(place: TokenPlace, record: RotatingRecord): Promise<RotatingRecord> {
    if (this.isExpiring(storedAt(record, place.path))) return this.refreshLeased(place, record);
    return this.reseal(place, record);
  }

  /** Seals the same token again with the current key, so older keys can be retired. */
  private async reseal(place: TokenPlace, record: RotatingRecord): Promise<RotatingRecord> {
    const context = place.path ? `${place.id}/${place.path}` : place.id;
    const { cipher } = this.options;
    const current = openToken(cipher, context, storedAt(record, place.path) as StoredToken);
    const saved = await this.save(place, sealToken(cipher, context, current));
    this.options.logger.info({ record: place.id }, 'token sealed with the current key');
    return saved;
  }

  private async read(place: TokenPlace): Promise<RotatingRecord> {
    const record = await place.collection.findOne({ _id: place.id });
    if (record === null) throw new TokenRefreshError(`${place.id} was removed during refresh`);
    return record;
  }

  private async refreshLeased(place: TokenPlace, record: RotatingRecord): Promise<RotatingRecord> {
    const context = place.path ? `${place.id}/${place.path}` : place.id;
    const stored = storedAt(record, place.path);
    const { cipher, clock } = this.options;
    try {
      const current = openToken(cipher, context, stored as StoredToken);
      const answer = await this.options.slack.oauth.v2.access({
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: current.refreshToken ?? '',
      });
      const expiresAt = Math.floor(clock.now().getTime() / 1000) + Number(answer.expires_in ?? 0);
      const sealed = sealToken(cipher, context, {
        token: String(answer.access_token),
        refreshToken: String(answer.refresh_token),
        expiresAt,
        scopes: current.scopes,
      });
      const saved = await this.save(place, sealed);
      this.options.logger.info({ record: place.id }, 'token refreshed');
      return saved;
    } catch (cause) {
      this.options.logger.error({ err: cause, record: place.id }, 'token refresh failed');
      throw new TokenRefreshError(`Slack did not refresh the token of ${place.id}`, { cause });
    }
  }

  private async save(place: TokenPlace, sealed: StoredToken) {
    const prefix = place.path ? `${place.path}.` : '';
    const saved = await place.collection.findOneAndUpdate(
      { _id: place.id },
      {
        $set: {
          [`${prefix}token`]: sealed.token,
          [`${prefix}refreshToken`]: sealed.refreshToken,
          [`${prefix}expiresAt`]: sealed.expiresAt,
          updatedAt: this.options.clock.now(),
        },
      },
      { returnDocument: 'after' },
    );
    if (saved === null) throw new TokenRefreshError(`${place.id} was removed during refresh`);
    return saved;
  }
}

function storedAt(record: Document, path: '' | 'bot'): StoredToken | undefined {
  const stored = path === '' ? record : record[path];
  return stored ?? undefined;
}
