import { type MessageKey, en } from './en';
import { fr } from './fr';

export type { MessageKey } from './en';

/** The languages Cocoom speaks in Slack and on its pages. */
export type Locale = 'fr' | 'en';

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

/**
 * Picks the language for a Slack locale (`fr-FR`, `en-GB`) or an `Accept-Language` header,
 * falling back to `fallback` when neither French nor English is asked for.
 */
export function pickLocale(wanted: string | undefined | null, fallback: Locale): Locale {
  const ranked = (wanted ?? '')
    .toLowerCase()
    .split(',')
    .map(parseTag)
    .filter((tag) => tag.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { language } of ranked) {
    if (language === 'fr' || language === 'en') return language;
  }
  return fallback;
}

/** `fr-FR;q=0.8` → French at 0.8; Slack's `fr-FR` and `fr_FR` read as French at 1. */
function parseTag(tag: string): { language: string; quality: number } {
  const [range = '', ...params] = tag.trim().split(';');
  const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
  const quality = q === undefined ? 1 : Number(q);
  return { language: range.split(/[-_]/)[0] ?? '', quality: Number.isNaN(quality) ? 0 : quality };
}

/** The text `key` in `locale`, with each `{name}` replaced by `params.name`. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  const text = catalogues[locale][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Both catalogues, for tests that compare them. */
export const CATALOGUES = catalogues;
