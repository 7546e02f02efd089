import type { Collection, Db } from 'mongodb';

import type { Clock } from '../shared/clock';
import type { SlackIdentity } from './slack-identity';

/** A Slack account that signed in to Cocoom with Sign in with Slack. */
export interface IdentityLink extends SlackIdentity {
  /** Set once the Cocoom platform tells us which of its users this is. */
  cocoomUserId?: string;
  linkedAt: Date;
  updatedAt: Date;
}

interface IdentityLinkDocument extends IdentityLink {
  _id: string;
}

/**
 * Links between Slack accounts and Cocoom users, keyed by (workspace, user): a Slack user id
 * alone is not unique across workspaces.
 */
export class IdentityLinkStore {
  private readonly links: Collection<IdentityLinkDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.links = db.collection('identity_links');
  }

  /** Creates the indexes the lookups use. */
  async ensureIndexes(): Promise<void> {
    await this.links.createIndex({ cocoomUserId: 1 });
  }

  /** Records (or refreshes) a verified sign-in. */
  async upsert(link: SlackIdentity): Promise<void> {
    const now = this.clock.now();
    await this.links.updateOne(
      { _id: keyOf(link.teamId, link.userId) },
      { $set: { ...link, updatedAt: now }, $setOnInsert: { linkedAt: now } },
      { upsert: true },
    );
  }

  /** Stores the Cocoom user id the platform gave for this Slack account; false if none. */
  async setCocoomUserId(teamId: string, userId: string, cocoomUserId: string): Promise<boolean> {
    const result = await this.links.updateOne(
      { _id: keyOf(teamId, userId) },
      { $set: { cocoomUserId, updatedAt: this.clock.now() } },
    );
    return result.matchedCount === 1;
  }

  /** The link of one Slack account, if it signed in. */
  async findBySlackUser(teamId: string, userId: string): Promise<IdentityLink | null> {
    return strip(await this.links.findOne({ _id: keyOf(teamId, userId) }));
  }

  /** Every Slack account linked to one Cocoom user (one per workspace at most). */
  async findByCocoomUser(cocoomUserId: string): Promise<IdentityLink[]> {
    const docs = await this.links.find({ cocoomUserId }).toArray();
    return docs.map((doc) => strip(doc) as IdentityLink);
  }
}

function keyOf(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}

function strip(doc: IdentityLinkDocument | null): IdentityLink | null {
  if (doc === null) return null;
  const { _id, ...link } = doc;
  return link;
}
