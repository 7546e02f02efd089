import { type Category, isCategory } from '../notifying/categories';

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

/**
 * The preferences as the user set them, one field per control of the Home. Each is saved on
 * its own, so changes to different fields never overwrite one another. A bound of quiet hours
 * may be chosen before the other one.
 */
export interface PreferenceFields {
  mutedCategories: Category[];
  digest: boolean;
  /** The chosen start of quiet hours, `HH:MM`, or null. */
  quietStart: string | null;
  /** The chosen end of quiet hours, `HH:MM`, or null. */
  quietEnd: string | null;
}

/** The name of one saved preference field. */
export type FieldName = keyof PreferenceFields;

/** Every field, in a fixed order. */
export const FIELD_NAMES: readonly FieldName[] = [
  'mutedCategories',
  'digest',
  'quietStart',
  'quietEnd',
];

/** The fields of a user who never changed any. */
export const DEFAULT_FIELDS: PreferenceFields = {
  mutedCategories: [],
  digest: true,
  quietStart: null,
  quietEnd: null,
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a time of day as `HH:MM`, as Slack's time picker gives it. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

type FieldCheck = { [K in FieldName]: (value: unknown) => value is PreferenceFields[K] };

/** What a stored value must look like for each field; anything else reads as the default. */
export const FIELD_CHECKS: FieldCheck = {
  mutedCategories: (value): value is Category[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string' && isCategory(item)),
  digest: (value): value is boolean => typeof value === 'boolean',
  quietStart: (value): value is string | null => value === null || isTimeOfDay(value),
  quietEnd: (value): value is string | null => value === null || isTimeOfDay(value),
};

/**
 * The preferences the fields amount to. Quiet hours apply only once both bounds are chosen and
 * differ: one bound alone, or an empty window, silences nothing.
 */
export function preferencesOf(fields: PreferenceFields): Preferences {
  const { quietStart: start, quietEnd: end } = fields;
  const quietHours = start !== null && end !== null && start !== end ? { start, end } : null;
  return { mutedCategories: fields.mutedCategories, quietHours, digest: fields.digest };
}

/** The fields a change of preferences writes; null quiet hours clear both bounds. */
export function fieldsOf(change: Partial<Preferences>): Partial<PreferenceFields> {
  const { quietHours, ...rest } = change;
  if (quietHours === undefined) return rest;
  return { ...rest, quietStart: quietHours?.start ?? null, quietEnd: quietHours?.end ?? null };
}
