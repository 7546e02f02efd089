import { describe, expect, it } from '@jest/globals';

import { CATALOGUES, pickLocale, t } from '../../src/i18n';
import { CATEGORIES } from '../../src/notifying/categories';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the French and English catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(CATALOGUES.fr).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it('use the same placeholders in each text', () => {
    const differing = Object.entries(CATALOGUES.en).filter(
      ([key, text]) =>
        JSON.stringify(placeholders(text)) !==
        JSON.stringify(placeholders(CATALOGUES.fr[key as keyof typeof CATALOGUES.fr])),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('have no empty text, and French texts that differ from English ones', () => {
    const entries = Object.entries(CATALOGUES.fr);
    expect(entries.filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(t('fr', 'home.title')).not.toBe(t('en', 'home.title'));
  });

  it.each(['fr', 'en'] as const)('name exactly the notification categories in %s', (locale) => {
    const named = Object.keys(CATALOGUES[locale]).filter((key) => key.startsWith('category.'));

    expect(named.sort()).toEqual(CATEGORIES.map((category) => `category.${category}`).sort());
  });
});

describe('pickLocale', () => {
  it('follows a French or English Slack locale and falls back otherwise', () => {
    expect(pickLocale('fr-FR', 'en')).toBe('fr');
    expect(pickLocale('en-GB', 'fr')).toBe('en');
    expect(pickLocale('de-DE', 'fr')).toBe('fr');
    expect(pickLocale(undefined, 'en')).toBe('en');
  });
});

describe('pickLocale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['en_GB', 'en'],
    ['fr;q=0, en', 'en'],
    ['en;q=0.1, fr;q=0.9', 'fr'],
    ['de-DE, en;q=0.5', 'en'],
    ['frr', 'en'],
    ['', 'en'],
  ])('reads %j as %s', (wanted, locale) => {
    expect(pickLocale(wanted, 'en')).toBe(locale);
  });
});
