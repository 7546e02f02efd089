import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { CATEGORIES } from '../../src/notifying/categories';
import {
  ACME,
  clickInHome,
  member,
  nthViewFor,
  openHome,
  sameKeys,
  viewsFor,
} from '../support/app-home';
import { elementsWith, textsOf, tickedValues } from '../support/block-kit';
import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { type TestApp, startTestApp } from '../support/test-app';

const USERS = [
  member('U0ADMIN', 'en-US'),
  member('U0ADA', 'fr-FR'),
  member('U0BOB', 'en-US'),
  member('U0CHLOE', 'fr-FR'),
  member('U0DAN', 'en-US'),
];

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
const timepicker = (actionId: string, time: string) => ({
  type: 'timepicker',
  action_id: actionId,
  selected_time: time,
});
const button = (actionId: string, value?: string) => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: 'x' },
  ...(value === undefined ? {} : { value }),
});

describe('changing preferences in the Home', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.standIn.addWorkspace({ teamId: ACME, teamName: 'Acme', users: USERS });
    testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
  });
  /** Closes the first app's database and stand-in once the restarted app is closed. */
  let closeLast: () => Promise<void> = async () => {};
  afterAll(async () => {
    await testApp.close();
    await closeLast();
  });

  async function click(userId: string, action: Record<string, unknown>, views: number) {
    const answer = await clickInHome(testApp, userId, action);
    expect(answer.status).toBe(200);
    return nthViewFor(testApp, userId, views);
  }

  it('mutes an unticked category, republishes the Home, and keeps it after a restart', async () => {
    await openHome(testApp, 'U0ADA');
    await nthViewFor(testApp, 'U0ADA', 1);
    const received = CATEGORIES.filter((c) => c !== 'quiz' && c !== 'mention');
    const checkboxes = {
      type: 'checkboxes',
      action_id: HOME_ACTIONS.categories,
      selected_options: [...received.map(option), option('not_a_category')],
    };

    const view = await click('U0ADA', checkboxes, 2);

    const boxes = elementsWith(view.blocks, HOME_ACTIONS.categories)[0] ?? {};
    expect(tickedValues(boxes)).toEqual(received);
    expect(textsOf(view.blocks)).toContain('Bienvenue sur Cocoom');
    const saved = await testApp.app.services.preferences.get(ACME, 'U0ADA');
    expect(saved.mutedCategories).toEqual(['quiz', 'mention']);

    await testApp.stopApp();
    const restarted = await startTestApp({
      database: testApp.database,
      standIn: testApp.standIn,
      env: sameKeys(testApp),
    });
    const first = testApp;
    testApp = restarted;
    await openHome(restarted, 'U0ADA');
    const after = await nthViewFor(restarted, 'U0ADA', 3);
    expect(tickedValues(elementsWith(after.blocks, HOME_ACTIONS.categories)[0] ?? {})).toEqual(
      received,
    );
    closeLast = () => first.close();
  });

  it('sets quiet hours in the user’s time zone, then turns them off', async () => {
    const start = await click('U0BOB', timepicker(HOME_ACTIONS.quietStart, '21:30'), 1);
    // A start alone silences nothing: the Home keeps it and asks for the end.
    expect(textsOf(start.blocks)).toContain(
      '*Quiet hours*: not on yet. They start at 21:30: pick an end to turn them on.',
    );
    expect(textsOf(start.blocks)).toContain('(America/New_York)');
    expect(elementsWith(start.blocks, HOME_ACTIONS.quietStart)[0]?.initial_time).toBe('21:30');
    expect((await testApp.app.services.preferences.get(ACME, 'U0BOB')).quietHours).toBeNull();

    const end = await click('U0BOB', timepicker(HOME_ACTIONS.quietEnd, '06:45'), 2);
    expect(textsOf(end.blocks)).toContain('from 21:30 to 06:45');
    expect(await testApp.app.services.preferences.get(ACME, 'U0BOB')).toMatchObject({
      quietHours: { start: '21:30', end: '06:45' },
    });

    const off = await click('U0BOB', button(HOME_ACTIONS.quietClear), 3);
    expect(textsOf(off.blocks)).toContain('*Quiet hours*: off.');
    expect(elementsWith(off.blocks, HOME_ACTIONS.quietClear)).toEqual([]);
    expect((await testApp.app.services.preferences.get(ACME, 'U0BOB')).quietHours).toBeNull();
  });

  it('ignores a time that is not HH:MM and shows what is saved', async () => {
    const view = await click('U0DAN', timepicker(HOME_ACTIONS.quietStart, '25:99'), 1);

    expect(textsOf(view.blocks)).toContain('*Quiet hours*: off.');
    expect((await testApp.app.services.preferences.get(ACME, 'U0DAN')).quietHours).toBeNull();
  });

  it('turns the digest off and on again, in French', async () => {
    const off = await click('U0CHLOE', button(HOME_ACTIONS.digest, 'off'), 1);
    expect(textsOf(off.blocks)).toContain('*Récapitulatif* : désactivé.');
    expect(elementsWith(off.blocks, HOME_ACTIONS.digest)[0]).toMatchObject({
      value: 'on',
      text: { text: 'Activer' },
    });
    const saved = await testApp.app.services.preferences.get(ACME, 'U0CHLOE');
    expect(saved.digest).toBe(false);

    const on = await click('U0CHLOE', button(HOME_ACTIONS.digest, 'on'), 2);
    expect(textsOf(on.blocks)).toContain('*Récapitulatif* : activé.');
  });

  it('acknowledges at once, before the slow work of saving and republishing', async () => {
    testApp.standIn.fail('views.publish', {
      delayMs: 3500,
      times: 1,
      when: (call) => call.args.user_id === 'U0DAN',
    });
    const published = () =>
      testApp.logLines.filter((l) => l.includes('U0DAN') && l.includes('home published'));
    const before = published().length;

    const started = Date.now();
    const answer = await clickInHome(testApp, 'U0DAN', button(HOME_ACTIONS.digest, 'off'));
    const acknowledgedAfter = Date.now() - started;

    expect(answer.status).toBe(200);
    expect(acknowledgedAfter).toBeLessThan(1500);
    await eventually(() => expect(published()).toHaveLength(before + 1), 8000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    expect((await testApp.app.services.preferences.get(ACME, 'U0DAN')).digest).toBe(false);
  });

  it('only acknowledges a click on a link button', async () => {
    const before = viewsFor(testApp, 'U0DAN').length;
    const started = Date.now();
    const answer = await clickInHome(testApp, 'U0DAN', button(HOME_ACTIONS.openCocoom));

    // Unacknowledged, Bolt would answer only after its 3-second wait, and not with a 200.
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(viewsFor(testApp, 'U0DAN').length).toBe(before);
  });
});
