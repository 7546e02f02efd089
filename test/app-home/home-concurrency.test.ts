import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { CATEGORIES } from '../../src/notifying/categories';
import { ACME, clickInHome, member, nthViewFor, openHome, viewsFor } from '../support/app-home';
import { textsOf } from '../support/block-kit';
import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { type TestApp, startTestApp } from '../support/test-app';

const USERS = ['U0ADMIN', 'U0IDA', 'U0JO', 'U0KIM', 'U0LEA'].map((id) => member(id, 'en-US'));

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
const digest = (value: 'on' | 'off') => ({
  type: 'button',
  action_id: HOME_ACTIONS.digest,
  text: { type: 'plain_text', text: 'x' },
  value,
});
const timepicker = (actionId: string, time: string) => ({
  type: 'timepicker',
  action_id: actionId,
  selected_time: time,
});

describe('clicks in the Home close together', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.standIn.addWorkspace({ teamId: ACME, teamName: 'Acme', users: USERS });
    testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
  });
  afterAll(async () => testApp.close());

  const saved = (userId: string) => testApp.app.services.preferences.get(ACME, userId);

  it('keep both changes when the digest and the categories are changed at once', async () => {
    const categories = {
      type: 'checkboxes',
      action_id: HOME_ACTIONS.categories,
      selected_options: CATEGORIES.filter((c) => c !== 'quiz').map(option),
    };
    const lost: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      await testApp.app.services.preferences.update(ACME, 'U0IDA', {
        digest: true,
        mutedCategories: [],
      });
      const before = viewsFor(testApp, 'U0IDA').length;

      await Promise.all([
        clickInHome(testApp, 'U0IDA', digest('off')),
        clickInHome(testApp, 'U0IDA', categories),
      ]);
      await eventually(() => expect(viewsFor(testApp, 'U0IDA').length).toBeGreaterThan(before + 1));

      const now = await saved('U0IDA');
      if (now.digest || now.mutedCategories.join() !== 'quiz') lost.push(JSON.stringify(now));
    }

    expect(lost).toEqual([]);
  });

  it('keep both bounds when the start and end of quiet hours are picked at once', async () => {
    await Promise.all([
      clickInHome(testApp, 'U0JO', timepicker(HOME_ACTIONS.quietStart, '20:00')),
      clickInHome(testApp, 'U0JO', timepicker(HOME_ACTIONS.quietEnd, '07:00')),
    ]);
    await eventually(() => expect(viewsFor(testApp, 'U0JO').length).toBeGreaterThanOrEqual(2));

    expect((await saved('U0JO')).quietHours).toEqual({ start: '20:00', end: '07:00' });
  });

  it('never leave an older Home shown on top of a newer one', async () => {
    await openHome(testApp, 'U0KIM');
    await nthViewFor(testApp, 'U0KIM', 1);
    // The Home saying "off" reaches Slack late, after the one saying "on".
    testApp.standIn.fail('views.publish', {
      delayMs: 1500,
      times: 1,
      when: (call) => call.args.user_id === 'U0KIM',
    });

    await clickInHome(testApp, 'U0KIM', digest('off'));
    await eventually(() => expect(viewsFor(testApp, 'U0KIM')).toHaveLength(2));
    await clickInHome(testApp, 'U0KIM', digest('on'));

    // Slack refuses the late Home (its hash is stale); it is rebuilt from what is saved.
    const last = await nthViewFor(testApp, 'U0KIM', 4);
    expect(textsOf(last.blocks)).toContain('*Digest*: on.');
    expect((await saved('U0KIM')).digest).toBe(true);
    const shown = testApp.standIn.homeView(ACME, 'U0KIM')?.view;
    expect(textsOf(shown)).toContain('*Digest*: on.');
    const calls = testApp.standIn.callsTo('views.publish');
    const hashes = calls.filter((call) => call.args.user_id === 'U0KIM').map((c) => c.args.hash);
    expect(hashes.map((hash) => typeof hash)).toEqual([
      'undefined',
      'string',
      'string',
      'undefined',
    ]);
  });

  it('keep a quiet-hours start picked alone without silencing anything', async () => {
    await clickInHome(testApp, 'U0LEA', timepicker(HOME_ACTIONS.quietStart, '08:00'));
    const view = await nthViewFor(testApp, 'U0LEA', 1);

    expect(textsOf(view.blocks)).toContain('They start at 08:00: pick an end to turn them on.');
    expect(textsOf(view.blocks)).not.toContain('from 08:00 to 08:00');
    expect((await saved('U0LEA')).quietHours).toBeNull();
  });
});
