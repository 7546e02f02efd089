import type { Collection, Db } from 'mongodb';

import { upsertById } from '../shared/atomic';
import type { Clock } from '../shared/clock';
import {
  DEFAULT_FIELDS,
  FIELD_CHECKS,
  FIELD_NAMES,
  type FieldName,
  type PreferenceFields,
  type Preferences,
  fieldsOf,
  preferencesOf,
} from './preference-fields';

export {
  DEFAULT_PREFERENCES,
  type PreferenceFields,
  type Preferences,
  type QuietHours,
} from './preference-fields';

/**
 * A stored document: one preference field (`_id` `team:user:field`), or, from before fields
 * were saved apart, all of a user's preferences in one (`_id` `team:user`).
 */
interface StoredDocument {
  _id: string;
  teamId: string;
  userId: string;
  updatedAt: Date;
  field: string;
  value: unknown;
}

/**
 * Each Slack user's notification preferences, keyed by (workspace, user). App Home writes them;
 * delivery reads them. Every field lives in its own document: concurrent changes to different
 * fields then never overwrite one another, even where conditional writes are not atomic.
 */
export class PreferencesStore {
  private readonly preferences: Collection<StoredDocument>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.preferences = db.collection('preferences');
  }

  /** The user's preferences, or the defaults when they set none. */
  async get(teamId: string, userId: string): Promise<Preferences> {
    return preferencesOf(await this.fields(teamId, userId));
  }

  /** The fields as the user set them, including a bound of quiet hours chosen alone. */
  async fields(teamId: string, userId: string): Promise<PreferenceFields> {
    const ids = FIELD_NAMES.map((name) => `${keyOf(teamId, userId)}:${name}`);
    const docs = await this.preferences.find({ _id: { $in: ids } }).toArray();

    let fields: PreferenceFields = { ...DEFAULT_FIELDS };
    for (const doc of docs) {
      if (isFieldName(doc.field)) fields = withField(fields, doc.field, doc.value);
    }
    return fields;
  }

  /** Saves the given fields, each on its own; the others stay as they are. */
  async set(teamId: string, userId: string, change: Partial<PreferenceFields>): Promise<void> {
    const names = FIELD_NAMES.filter((name) => change[name] !== undefined);
    await Promise.all(names.map((name) => this.write(teamId, userId, name, change[name])));
  }

  /** Changes some of the user's preferences, keeping the others. */
  async update(teamId: string, userId: string, change: Partial<Preferences>): Promise<Preferences> {
    await this.set(teamId, userId, fieldsOf(change));
    return this.get(teamId, userId);
  }

  private async write(teamId: string, userId: string, field: FieldName, value: unknown) {
    // Two first saves of one field at once: the later write wins, as if they had come in turn.
    await upsertById(this.preferences, `${keyOf(teamId, userId)}:${field}`, {
      $set: { teamId, userId, field, value, updatedAt: this.clock.now() },
    });
  }
}

function keyOf(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}

function isFieldName(value: unknown): value is FieldName {
  return FIELD_NAMES.some((name) => name === value);
}

/** `fields` with `name` set to `value`, or unchanged when the stored value is malformed. */
function withField<K extends FieldName>(
  fields: PreferenceFields,
  name: K,
  value: unknown,
): PreferenceFields {
  const check: (v: unknown) => v is PreferenceFields[K] = FIELD_CHECKS[name];
  return check(value) ? { ...fields, [name]: value } : fields;
}
