import type { WebClient } from '@slack/web-api';
import type { Collection, Db } from 'mongodb';

import { upsertById } from './atomic';
import type { Clock } from './clock';

/** What the app needs to know of a Slack user to speak to them. */
export interface SlackUserProfile {
  teamId: string;
  userId: string;
  /** Slack locale such as `fr-FR`, when Slack told it. */
  locale?: string;
  /** IANA time zone such as `Europe/Paris`. */
  timeZone?: string;
  email?: string;
  name?: string;
  deleted: boolean;
}

interface ProfileDocument extends SlackUserProfile {
  _id: string;
  expiresAt: Date;
}

/**
 * Looks Slack users up with `users.info` (with their locale) and remembers each answer for a
 * while in MongoDB, so App Home and delivery do not call Slack for every message.
 */
export class SlackUserDirectory {
  private readonly profiles: Collection<ProfileDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ttlMs = 6 * 60 * 60 * 1000,
  ) {
    this.profiles = db.collection('slack_users');
  }

  /** The profile of `userId` in `teamId`, from the cache or from Slack through `client`. */
  async profile(client: WebClient, teamId: string, userId: string): Promise<SlackUserProfile> {
    const now = this.clock.now();
    const cached = await this.profiles.findOne({ _id: `${teamId}:${userId}` });
    if (cached && cached.expiresAt > now) return withoutCacheFields(cached);

    const answer = await client.users.info({ user: userId, include_locale: true });
    const user = answer.user ?? {};
    const profile: SlackUserProfile = {
      teamId,
      userId,
      locale: user.locale ?? undefined,
      timeZone: user.tz ?? undefined,
      email: user.profile?.email ?? undefined,
      name: user.real_name ?? user.name ?? undefined,
      deleted: user.deleted === true,
    };
    await upsertById(this.profiles, `${teamId}:${userId}`, {
      $set: { ...profile, expiresAt: new Date(now.getTime() + this.ttlMs) },
    });
    return profile;
  }
}

function withoutCacheFields(doc: ProfileDocument): SlackUserProfile {
  return {
    teamId: doc.teamId,
    userId: doc.userId,
    locale: doc.locale ?? undefined,
    timeZone: doc.timeZone ?? undefined,
    email: doc.email ?? undefined,
    name: doc.name ?? undefined,
    deleted: doc.deleted === true,
  };
}
