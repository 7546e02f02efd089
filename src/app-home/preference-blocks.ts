import type { ActionsBlockElement, KnownBlock, PlainTextOption } from '@slack/types';

import { type Locale, t } from '../i18n';
import { CATEGORIES, type Category } from '../notifying/categories';
import type { PreferenceFields } from '../preferences/preference-fields';
import { LIMITS, mrkdwn, mrkdwnData, plain } from './block-text';
import { HOME_ACTIONS } from './home-action-ids';

/** The "Your preferences" part of the Home: categories, quiet hours, digest. */
export function preferenceBlocks(
  locale: Locale,
  preferences: PreferenceFields,
  timeZone: string | undefined,
): KnownBlock[] {
  // Slack keeps what a user last picked in an element whose block_id did not change, even when
  // the published view says otherwise; a block_id that follows the values shows the saved ones.
  const version = versionOf(preferences);
  return [
    { type: 'header', text: plain(t(locale, 'home.preferences.title'), LIMITS.header) },
    categoriesBlock(locale, preferences.mutedCategories, version),
    quietHoursText(locale, preferences),
    {
      type: 'actions',
      block_id: `home.quiet.${version}`,
      elements: quietHoursElements(locale, preferences),
    },
    { type: 'context', elements: [mrkdwn(timeZoneText(locale, timeZone), LIMITS.context)] },
    digestBlock(locale, preferences.digest),
  ];
}

function categoriesBlock(locale: Locale, muted: Category[], version: string): KnownBlock {
  const options = CATEGORIES.map((category) => categoryOption(locale, category));
  const received = options.filter((option) => !muted.includes(option.value as Category));
  return {
    type: 'section',
    block_id: `home.categories.${version}`,
    text: mrkdwn(t(locale, 'home.preferences.categories'), LIMITS.section),
    accessory: {
      type: 'checkboxes',
      action_id: HOME_ACTIONS.categories,
      options,
      // Slack refuses an empty initial_options: leave it out when every category is muted.
      ...(received.length > 0 ? { initial_options: received } : {}),
    },
  };
}

function categoryOption(locale: Locale, category: Category): PlainTextOption {
  return { text: plain(t(locale, `category.${category}`), LIMITS.optionText), value: category };
}

/** Says whether quiet hours apply; with one bound chosen, shows it and asks for the other. */
function quietHoursText(locale: Locale, preferences: PreferenceFields): KnownBlock {
  return { type: 'section', text: mrkdwn(quietHoursSentence(locale, preferences), LIMITS.section) };
}

function quietHoursSentence(locale: Locale, preferences: PreferenceFields): string {
  const { quietStart: start, quietEnd: end } = preferences;
  if (start === null) {
    if (end === null) return t(locale, 'home.preferences.quiet_off');
    return t(locale, 'home.preferences.quiet_need_start', { end });
  }
  if (end === null) return t(locale, 'home.preferences.quiet_need_end', { start });
  if (start === end) return t(locale, 'home.preferences.quiet_same', { time: start });
  return t(locale, 'home.preferences.quiet_on', { start, end });
}

function quietHoursElements(locale: Locale, preferences: PreferenceFields): ActionsBlockElement[] {
  const { quietStart, quietEnd } = preferences;
  const picker = (actionId: string, placeholder: string, time: string | null) => ({
    type: 'timepicker' as const,
    action_id: actionId,
    placeholder: plain(placeholder, LIMITS.placeholder),
    ...(time === null ? {} : { initial_time: time }),
  });
  const elements: ActionsBlockElement[] = [
    picker(HOME_ACTIONS.quietStart, t(locale, 'home.preferences.quiet_start'), quietStart),
    picker(HOME_ACTIONS.quietEnd, t(locale, 'home.preferences.quiet_end'), quietEnd),
  ];
  if (quietStart === null && quietEnd === null) return elements;

  const clear = plain(t(locale, 'home.preferences.quiet_clear'), LIMITS.buttonText);
  return [...elements, { type: 'button', action_id: HOME_ACTIONS.quietClear, text: clear }];
}

function timeZoneText(locale: Locale, timeZone: string | undefined): string {
  if (timeZone === undefined) return t(locale, 'home.preferences.time_zone_unknown');
  return t(locale, 'home.preferences.time_zone', { zone: mrkdwnData(timeZone, 100) });
}

function digestBlock(locale: Locale, digest: boolean): KnownBlock {
  const text = t(locale, digest ? 'home.preferences.digest_on' : 'home.preferences.digest_off');
  const label = t(
    locale,
    digest ? 'home.preferences.digest_turn_off' : 'home.preferences.digest_turn_on',
  );
  return {
    type: 'section',
    text: mrkdwn(text, LIMITS.section),
    accessory: {
      type: 'button',
      action_id: HOME_ACTIONS.digest,
      text: plain(label, LIMITS.buttonText),
      value: digest ? 'off' : 'on',
    },
  };
}

/** A short, stable digest of the preferences, for block ids. */
function versionOf(preferences: PreferenceFields): string {
  const text = JSON.stringify(preferences);
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}
