import type { Button, MrkdwnElement, PlainTextElement } from '@slack/types';

/**
 * Slack's limits for the Block Kit pieces the Home uses
 * (https://api.slack.com/reference/block-kit/blocks and .../block-elements).
 */
export const LIMITS = {
  blocks: 100,
  header: 150,
  section: 3000,
  context: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  optionText: 75,
  placeholder: 150,
} as const;

/** `text` cut to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;

  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji, say) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Escapes `&`, `<` and `>` so data shows as typed
 * (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain text object of at most `max` characters. */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A mrkdwn text object of at most `max` characters. */
export function mrkdwn(text: string, max: number): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/**
 * Data made safe for mrkdwn and cut to `max` characters, never cutting an escape in half
 * (a dangling `&am` would show as typed).
 */
export function mrkdwnData(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  return `${truncate(escaped, max)
    .slice(0, -1)
    .replace(/&[a-z]*$/, '')}…`;
}

/** True for an http(s) URL Slack can open from a button, within Slack's length. */
export function isButtonUrl(url: string | undefined): url is string {
  if (url === undefined || url.length > LIMITS.buttonUrl) return false;
  return /^https?:\/\/\S+$/i.test(url);
}

/** A button that opens `url` in the browser; `url` must pass {@link isButtonUrl}. */
export function urlButton(actionId: string, text: string, url: string): Button {
  return { type: 'button', action_id: actionId, text: plain(text, LIMITS.buttonText), url };
}
