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
  const tags = (wanted ?? '').toLowerCase().split(',');
  for (const tag of tags) {
    const language = tag.trim().slice(0, 2);
    if (language === 'fr' || language === 'en') return language;
  }
  return fallback;
}

/** The text `key` in `locale`, with each `{name}` replaced by `params.name`. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  const text = catalogues[locale][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Both catalogues, for tests that compare them. */
export const CATALOGUES = catalogues;
