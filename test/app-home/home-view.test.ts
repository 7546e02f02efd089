import { describe, expect, it } from '@jest/globals';

import {
  buildFallbackHomeView,
  buildHomeView,
  type HomeContent,
} from '../../src/app-home/home-view';
import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { CATEGORIES } from '../../src/notifying/categories';
import type { RecentNotification } from '../../src/notifying/notification-feed';
import { DEFAULT_FIELDS } from '../../src/preferences/preference-fields';
import { elementsWith, textsOf, tickedValues } from '../support/block-kit';
import { viewProblems } from '../support/slack-stand-in/block-limits';

function content(overrides: Partial<HomeContent> = {}): HomeContent {
  return {
    locale: 'en',
    userId: 'U1',
    link: null,
    connectUrl: 'https://slack-app.example/oidc/login',
    platformUrl: 'https://acme.cocoom.com',
    notifications: [],
    preferences: { ...DEFAULT_FIELDS },
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

function notification(i: number, extra: Partial<RecentNotification> = {}): RecentNotification {
  return {
    category: CATEGORIES[i % CATEGORIES.length] ?? 'quiz',
    title: `Capsule number ${i}`,
    link: `https://acme.cocoom.com/capsules/${i}`,
    at: new Date(Date.UTC(2026, 2, 2, 9, i)),
    ...extra,
  };
}

describe('the Home view', () => {
  it('lists the last ten notifications with category, title, time and link', () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => notification(i));
    const view = buildHomeView(content({ notifications: fifteen }));
    const text = textsOf(view.blocks);

    for (let i = 0; i < 10; i += 1) expect(text).toContain(`*Capsule number ${i}*`);
    expect(text).not.toContain('Capsule number 10');
    expect(text).toContain('New content · <!date^');
    expect(text).toContain('|2026-03-02 09:00 UTC>');
    const links = elementsWith(view.blocks, HOME_ACTIONS.openNotification);
    expect(links.map((button) => button.url)).toEqual(fifteen.slice(0, 10).map((n) => n.link));
  });

  it('names categories and labels in French for a French reader', () => {
    const view = buildHomeView(content({ locale: 'fr', notifications: [notification(2)] }));
    const text = textsOf(view.blocks);

    expect(text).toContain('Dernières notifications');
    expect(text).toContain('Quiz et défis · <!date^');
    expect(text).toContain('Ouvrir');
    expect(text).toContain("Votre compte Slack n'est pas encore connecté à Cocoom");
  });

  it('says when there is nothing yet, and when notifications cannot be read', () => {
    expect(textsOf(buildHomeView(content()).blocks)).toContain('Nothing yet');
    const unavailable = buildHomeView(content({ locale: 'fr', notifications: null }));
    expect(textsOf(unavailable.blocks)).toContain('ne peuvent pas être affichées');
  });

  it('stays within Slack limits with oversized data', () => {
    const huge = 'Très long titre & <script> '.repeat(400);
    const many = Array.from({ length: 500 }, (_, i) =>
      notification(i, { title: huge, link: `https://acme.cocoom.com/${'x'.repeat(4000)}` }),
    );
    const view = buildHomeView(
      content({
        link: { email: `${'a'.repeat(5000)}@acme.test` },
        notifications: many,
        timeZone: 'Z'.repeat(5000),
      }),
    );

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(viewProblems(view as never)).toEqual([]);
    expect(textsOf(view.blocks)).toContain('Très long titre &amp; &lt;script&gt;');
    expect(textsOf(view.blocks)).not.toContain('<script>');
    // A link too long for a button is left out rather than sent broken.
    expect(elementsWith(view.blocks, HOME_ACTIONS.openNotification)).toEqual([]);
  });

  it('offers Connect to a user who is not linked, and shows the account of one who is', () => {
    const unlinked = buildHomeView(content());
    expect(elementsWith(unlinked.blocks, HOME_ACTIONS.connect)[0]?.url).toBe(
      'https://slack-app.example/oidc/login',
    );
    expect(elementsWith(unlinked.blocks, HOME_ACTIONS.openCocoom)[0]?.url).toBe(
      'https://acme.cocoom.com',
    );

    const linked = buildHomeView(content({ link: { email: 'ada@acme.test' } }));
    expect(textsOf(linked.blocks)).toContain('connected to Cocoom as *ada@acme.test*');
    expect(elementsWith(linked.blocks, HOME_ACTIONS.connect)).toEqual([]);
  });

  it('shows the saved preferences in the controls', () => {
    const preferences = {
      mutedCategories: ['quiz' as const, 'comment' as const],
      quietStart: '21:30',
      quietEnd: '07:15',
      digest: false,
    };
    const view = buildHomeView(content({ preferences }));
    const text = textsOf(view.blocks);

    const boxes = elementsWith(view.blocks, HOME_ACTIONS.categories)[0] ?? {};
    expect(tickedValues(boxes)).toEqual(CATEGORIES.filter((c) => c !== 'quiz' && c !== 'comment'));
    expect(elementsWith(view.blocks, HOME_ACTIONS.quietStart)[0]?.initial_time).toBe('21:30');
    expect(elementsWith(view.blocks, HOME_ACTIONS.quietEnd)[0]?.initial_time).toBe('07:15');
    expect(text).toContain('from 21:30 to 07:15');
    expect(text).toContain('Europe/Paris');
    expect(text).toContain('*Digest*: off.');
    expect(elementsWith(view.blocks, HOME_ACTIONS.digest)[0]?.value).toBe('on');
  });
});

describe('quiet hours in the Home', () => {
  const quiet = (quietStart: string | null, quietEnd: string | null) =>
    buildHomeView(content({ preferences: { ...DEFAULT_FIELDS, quietStart, quietEnd } }));

  it('shows a start chosen alone, asks for the end, and offers to forget it', () => {
    const view = quiet('08:00', null);

    expect(textsOf(view.blocks)).toContain('They start at 08:00: pick an end to turn them on.');
    expect(textsOf(view.blocks)).not.toContain('from 08:00');
    expect(elementsWith(view.blocks, HOME_ACTIONS.quietStart)[0]?.initial_time).toBe('08:00');
    expect(elementsWith(view.blocks, HOME_ACTIONS.quietEnd)[0]?.initial_time).toBeUndefined();
    expect(elementsWith(view.blocks, HOME_ACTIONS.quietClear)).toHaveLength(1);
  });

  it('shows an end chosen alone and asks for the start, in French', () => {
    const view = buildHomeView(
      content({ locale: 'fr', preferences: { ...DEFAULT_FIELDS, quietEnd: '07:00' } }),
    );

    expect(textsOf(view.blocks)).toContain('Elles finissent à 07:00 : choisissez un début');
  });

  it('says that a window starting and ending at the same time silences nothing', () => {
    const text = textsOf(quiet('08:00', '08:00').blocks);

    expect(text).toContain('not on, as they start and end at 08:00');
    expect(text).not.toContain('from 08:00 to 08:00');
  });
});

describe('notifications as stored, whatever their shape', () => {
  it('labels a category the catalogue lacks with its raw name, escaped', () => {
    const odd = notification(0, { category: 'webinar<b>' as never, title: 'New webinar' });
    const view = buildHomeView(content({ notifications: [odd, notification(2)] }));
    const text = textsOf(view.blocks);

    expect(text).toContain('webinar&lt;b&gt; · <!date^');
    expect(text).toContain('Quizzes and challenges · <!date^');
    expect(viewProblems(view as never)).toEqual([]);
  });

  it.each([
    ['a string', '2026-03-02T09:00:00Z'],
    ['nothing', undefined],
    ['an invalid date', new Date('not a date')],
  ])('shows a notification whose time is %s without a time', (_name, at) => {
    const view = buildHomeView(
      content({ notifications: [notification(0, { at: at as never }), notification(1)] }),
    );
    const text = textsOf(view.blocks);

    expect(text).toContain('*Capsule number 0*\nNew content\n');
    expect(text).toContain('*Capsule number 1*\nTraining reminders · <!date^');
  });
});

describe('the fallback Home', () => {
  it('says in the reader’s language that the Home will be back', () => {
    expect(textsOf(buildFallbackHomeView('fr').blocks)).toContain('ne peut pas s');
    expect(textsOf(buildFallbackHomeView('en').blocks)).toContain('cannot be shown right now');
  });
});
