import { createHash, randomBytes } from 'node:crypto';

import type { InstallURLOptions, StateStore } from '@slack/oauth';
import type { Collection, Db } from 'mongodb';

import { takeOnce } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import { InstallStateError } from '../shared/errors';

interface StateDocument {
  _id: string;
  installOptions: InstallURLOptions;
  expiresAt: Date;
}

/**
 * The OAuth `state` of each install attempt, kept in MongoDB and usable once. Only a hash of the
 * state is stored; the browser holds the state itself in a cookie that the callback compares.
 */
export class InstallStateStore implements StateStore {
  private readonly states: Collection<StateDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ttlSeconds = 600,
  ) {
    this.states = db.collection('install_states');
  }

  /** Indexes the expiry that each new state's clean-up queries. */
  async ensureIndexes(): Promise<void> {
    await this.states.createIndex({ expiresAt: 1 });
  }

  /** Creates a fresh state for an install attempt. */
  async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.states.deleteMany({ expiresAt: { $lt: now } });
    await this.states.insertOne({
      _id: hashState(state),
      installOptions,
      expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000),
    });
    return state;
  }

  /** Consumes `state`: it must exist and be unexpired, and it never verifies twice. */
  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const found = await takeOnce(this.states, hashState(state));
    if (found === null) throw new InstallStateError('Unknown or already used install state');
    if (found.expiresAt <= this.clock.now()) throw new InstallStateError('Expired install state');
    return found.installOptions;
  }
}

function hashState(state: string): string {
  return createHash('sha256').update(state).digest('base64url');
}
