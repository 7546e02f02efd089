/**
 * The kinds of notification the Cocoom platform sends. Users mute or unmute each one in App
 * Home; the internal API accepts only these.
 */
export const CATEGORIES = [
  'new_content', // a new capsule, course or article was published for the user
  'training_due', // a reminder: training assigned, due soon or overdue
  'quiz', // a quiz or challenge to take, or its result
  'comment', // a comment on content the user follows, or a reply
  'mention', // someone mentioned the user
  'achievement', // a badge, certificate or level reached
  'announcement', // news from the platform's administrators
] as const;

/** One notification category. */
export type Category = (typeof CATEGORIES)[number];

/** True when `value` names a category. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
