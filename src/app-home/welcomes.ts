import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';
import type { Clock } from '../shared/clock';

interface WelcomeDocument {
  _id: string;
  teamId: string;
  userId: string;
  welcomedAt: Date;
}

/** Which Slack users were already sent the welcome message, keyed by (workspace, user). */
export class WelcomeStore {
  private readonly welcomes: Collection<WelcomeDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.welcomes = db.collection('home_welcomes');
  }

  /**
   * True when this call is the first to claim the user's welcome. The unique `_id` makes the
   * claim atomic, so two Home openings at once send one welcome.
   */
  async claim(teamId: string, userId: string): Promise<boolean> {
    const doc = { _id: keyOf(teamId, userId), teamId, userId, welcomedAt: this.clock.now() };
    return insertIfAbsent(this.welcomes, doc);
  }

  /** Gives a claim back after the welcome could not be sent, so a later visit sends it. */
  async release(teamId: string, userId: string): Promise<void> {
    await this.welcomes.deleteOne({ _id: keyOf(teamId, userId) });
  }
}

function keyOf(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}
