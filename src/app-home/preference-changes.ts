import type { BlockElementAction } from '@slack/bolt';

import { CATEGORIES } from '../notifying/categories';
import type { Preferences, QuietHours } from '../preferences/preferences-store';

/** Turns a Home action into a change of preferences; undefined when it changes nothing. */
export type PreferenceChange = (
  action: BlockElementAction,
  current: Preferences,
) => Partial<Preferences> | undefined;

/** The other end of quiet hours when a user sets only one of the two. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Ticked categories are received; every other one is muted. Unknown values are ignored. */
export const changeCategories: PreferenceChange = (action) => {
  if (action.type !== 'checkboxes') return undefined;

  const received = new Set(action.selected_options.map((option) => option.value));
  return { mutedCategories: CATEGORIES.filter((category) => !received.has(category)) };
};

/** A new start of quiet hours, keeping the end (or the default end when there were none). */
export const changeQuietStart: PreferenceChange = (action, current) => {
  const time = pickedTime(action);
  if (time === undefined) return undefined;
  return { quietHours: { start: time, end: current.quietHours?.end ?? DEFAULT_QUIET_HOURS.end } };
};

/** A new end of quiet hours, keeping the start (or the default start when there were none). */
export const changeQuietEnd: PreferenceChange = (action, current) => {
  const time = pickedTime(action);
  if (time === undefined) return undefined;
  const start = current.quietHours?.start ?? DEFAULT_QUIET_HOURS.start;
  return { quietHours: { start, end: time } };
};

/** No quiet hours any more. */
export const clearQuietHours: PreferenceChange = () => ({ quietHours: null });

/** The digest button carries the state it switches to. */
export const changeDigest: PreferenceChange = (action) => {
  if (action.type !== 'button') return undefined;
  if (action.value !== 'on' && action.value !== 'off') return undefined;
  return { digest: action.value === 'on' };
};

function pickedTime(action: BlockElementAction): string | undefined {
  if (action.type !== 'timepicker' || action.selected_time === null) return undefined;
  return TIME.test(action.selected_time) ? action.selected_time : undefined;
}
