import type { BlockElementAction } from '@slack/bolt';

import { CATEGORIES } from '../notifying/categories';
import { type PreferenceFields, isTimeOfDay } from '../preferences/preference-fields';

/**
 * Turns a Home action into the fields it sets; undefined when it changes nothing. A change
 * never reads the saved preferences: writing a value read earlier could undo a change made
 * meanwhile by another click.
 */
export type PreferenceChange = (
  action: BlockElementAction,
) => Partial<PreferenceFields> | undefined;

/** Ticked categories are received; every other one is muted. Unknown values are ignored. */
export const changeCategories: PreferenceChange = (action) => {
  if (action.type !== 'checkboxes' || !Array.isArray(action.selected_options)) return undefined;

  // The payload is Slack's JSON as received, unchecked: tolerate holes in the list.
  const received = new Set(action.selected_options.map((option) => option?.value));
  return { mutedCategories: CATEGORIES.filter((category) => !received.has(category)) };
};

/** A new start of quiet hours; the end stays whatever it is, chosen or not. */
export const changeQuietStart: PreferenceChange = (action) => {
  const time = pickedTime(action);
  return time === undefined ? undefined : { quietStart: time };
};

/** A new end of quiet hours; the start stays whatever it is, chosen or not. */
export const changeQuietEnd: PreferenceChange = (action) => {
  const time = pickedTime(action);
  return time === undefined ? undefined : { quietEnd: time };
};

/** No quiet hours any more: both bounds forgotten. */
export const clearQuietHours: PreferenceChange = () => ({ quietStart: null, quietEnd: null });

/** The digest button carries the state it switches to. */
export const changeDigest: PreferenceChange = (action) => {
  if (action.type !== 'button') return undefined;
  if (action.value !== 'on' && action.value !== 'off') return undefined;
  return { digest: action.value === 'on' };
};

function pickedTime(action: BlockElementAction): string | undefined {
  if (action.type !== 'timepicker') return undefined;
  return isTimeOfDay(action.selected_time) ? action.selected_time : undefined;
}
