import { type WebClient, WebAPIPlatformError } from '@slack/web-api';
import type { Collection, Db } from 'mongodb';

import type { Clock } from '../shared/clock';
import { upsertById } from '../shared/atomic';

/** How long an answer of `users.lookupByEmail` is trusted. */
export const EMAIL_FOUND_TTL_MS = 6 * 60 * 60 * 1000;
/** "Not found" is trusted for less: the person may join the workspace soon. */
export const EMAIL_NOT_FOUND_TTL_MS = 15 * 60 * 1000;

interface LookupDocument {
  _id: string;
  userId: string | null;
  expiresAt: Date;
}

/**
 * Finds Slack users by email with `users.lookupByEmail` (Tier 3, about 50 a minute), remembering
 * each answer in MongoDB for a while, "not found" included, so a notification to hundreds of
 * addresses does not spend the workspace's budget twice.
 */
export class EmailLookups {
  private readonly lookups: Collection<LookupDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.lookups = db.collection('slack_email_lookups');
  }

  /** The user id of `email` in `teamId`, or null when Slack has no such (active) user. */
  async userIdOf(client: WebClient, teamId: string, email: string): Promise<string | null> {
    const _id = `${teamId}:${email.toLowerCase()}`;
    const now = this.clock.now();
    const cached = await this.lookups.findOne({ _id });
    if (cached && cached.expiresAt > now) return cached.userId;

    const userId = await lookUp(client, email);
    const ttl = userId === null ? EMAIL_NOT_FOUND_TTL_MS : EMAIL_FOUND_TTL_MS;
    const expiresAt = new Date(now.getTime() + ttl);
    await upsertById(this.lookups, _id, { $set: { userId, expiresAt } });
    return userId;
  }

  /** Forgets expired answers. */
  async purgeExpired(): Promise<void> {
    await this.lookups.deleteMany({ expiresAt: { $lte: this.clock.now() } });
  }
}

async function lookUp(client: WebClient, email: string): Promise<string | null> {
  try {
    const answer = await client.users.lookupByEmail({ email });
    return answer.user?.id ?? null;
  } catch (error) {
    // Slack answers users_not_found for unknown and for deactivated people alike.
    if (error instanceof WebAPIPlatformError && error.data.error === 'users_not_found') return null;
    throw error;
  }
}
