import type { ActionsBlock, Button, KnownBlock } from '@slack/types';

import type { LinkButton } from './notification-schema';

/** Slack's limits (https://api.slack.com/reference/block-kit/blocks). */
export const LIMITS = {
  headerText: 150,
  sectionText: 3000,
  buttonText: 75,
  blocksPerMessage: 50,
  /** Kept short: `text` is what desktop and mobile notifications show. */
  fallbackText: 300,
};

const ELLIPSIS = '…';

/** What one notification message says, in the recipient's language. */
export interface MessageContent {
  title: string;
  body: string;
  /** The link into the Cocoom platform, shown as the first button. */
  link?: { url: string; text: string };
  buttons?: LinkButton[];
}

/** A message for `chat.postMessage`. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis, never inside a pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Escapes the three characters Slack's mrkdwn reserves
 * (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Splits escaped mrkdwn into pieces of at most `max` characters, at a line break or space when
 * one is near, never inside an `&…;` escape or a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  let cut = breakAt > max * 0.7 ? breakAt : max;
  const amp = window.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 5 && !window.slice(amp, cut).includes(';')) cut = amp;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  return cut;
}

/** Sections holding `mrkdwn`, at most `maxBlocks` of them; the last one ends in "…" if cut. */
export function sections(mrkdwn: string, maxBlocks: number): KnownBlock[] {
  const pieces = splitText(mrkdwn, LIMITS.sectionText);
  const kept = pieces.slice(0, maxBlocks);
  const last = kept.length - 1;
  if (pieces.length > kept.length && last >= 0) {
    // Says the text goes on; cut again if the marker would not fit.
    kept[last] = truncate(`${kept[last] ?? ''} ${ELLIPSIS}`, LIMITS.sectionText);
  }
  return kept.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function button(text: string, url: string, primary: boolean): Button {
  const plain = { type: 'plain_text' as const, text: truncate(text, LIMITS.buttonText) };
  return { type: 'button', text: plain, url, ...(primary ? { style: 'primary' as const } : {}) };
}

function actions(content: MessageContent): ActionsBlock[] {
  const elements = [
    ...(content.link ? [button(content.link.text, content.link.url, true)] : []),
    ...(content.buttons ?? []).map((b) => button(b.text, b.url, false)),
  ];
  return elements.length === 0 ? [] : [{ type: 'actions', elements }];
}

/**
 * Builds one notification's message within Slack's limits whatever the input: the title as a
 * header, the body over as many sections as fit, and the link buttons. Pure: no I/O.
 */
export function buildNotificationMessage(content: MessageContent): SlackMessage {
  const header: KnownBlock = {
    type: 'header',
    text: { type: 'plain_text', text: truncate(content.title, LIMITS.headerText), emoji: true },
  };
  const buttons = actions(content);
  const room = LIMITS.blocksPerMessage - 1 - buttons.length;
  const body = sections(escapeMrkdwn(content.body), room);
  const text = truncate(`${content.title}: ${content.body}`, LIMITS.fallbackText);
  return { text: escapeMrkdwn(text), blocks: [header, ...body, ...buttons] };
}
