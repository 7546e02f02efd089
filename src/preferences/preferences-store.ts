import type { Collection, Db } from 'mongodb';

import type { Category } from '../notifying/categories';
import type { Clock } from '../shared/clock';

/** Quiet hours in the user's own time zone, as `HH:MM` (the window may cross midnight). */
export interface QuietHours {
  start: string;
  end: string;
}

/** What one Slack user wants to receive. */
export interface Preferences {
  mutedCategories: Category[];
  quietHours: QuietHours | null;
  digest: boolean;
}

/** Preferences of a user who never changed any: everything on, no quiet hours, digest on. */
export const DEFAULT_PREFERENCES: Preferences = {
  mutedCategories: [],
  quietHours: null,
  digest: true,
};

interface PreferencesDocument extends Preferences {
  _id: string;
  teamId: string;
  userId: string;
  updatedAt: Date;
}

/**
 * Each Slack user's notification preferences, keyed by (workspace, user). App Home writes them;
 * delivery reads them.
 */
export class PreferencesStore {
  private readonly preferences: Collection<PreferencesDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.preferences = db.collection('preferences');
  }

  /** The user's preferences, or the defaults when they set none. */
  async get(teamId: string, userId: string): Promise<Preferences> {
    const doc = await this.preferences.findOne({ _id: keyOf(teamId, userId) });
    if (doc === null) return { ...DEFAULT_PREFERENCES };
    return {
      mutedCategories: doc.mutedCategories ?? [],
      quietHours: doc.quietHours ?? null,
      digest: doc.digest ?? DEFAULT_PREFERENCES.digest,
    };
  }

  /** Changes some of the user's preferences, keeping the others. */
  async update(teamId: string, userId: string, change: Partial<Preferences>): Promise<Preferences> {
    const current = await this.get(teamId, userId);
    const next = { ...current, ...change };
    await this.preferences.updateOne(
      { _id: keyOf(teamId, userId) },
      { $set: { ...next, teamId, userId, updatedAt: this.clock.now() } },
      { upsert: true },
    );
    return next;
  }
}

function keyOf(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}
