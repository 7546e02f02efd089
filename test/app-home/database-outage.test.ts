import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { ACME, clickInHome, logged, member, nthViewFor, openHome } from '../support/app-home';
import { install } from '../support/install-flow';
import { type TestApp, startTestApp } from '../support/test-app';

describe('a Home click while the database does not answer', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.standIn.addWorkspace({ teamId: ACME, users: [member('U0ADA', 'fr-FR')] });
    testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0ADA' });
    expect((await install(testApp)).status).toBe(200);
  });
  afterAll(async () => testApp.close());

  it('is still acknowledged at once, and the failure to save is logged', async () => {
    await openHome(testApp, 'U0ADA');
    await nthViewFor(testApp, 'U0ADA', 1);
    await testApp.database.client.close();

    try {
      const started = Date.now();
      const answer = await clickInHome(testApp, 'U0ADA', {
        type: 'button',
        action_id: HOME_ACTIONS.digest,
        text: { type: 'plain_text', text: 'x' },
        value: 'off',
      });

      expect(answer.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1500);
      await logged(testApp, '"level":50');
    } finally {
      await testApp.database.client.connect();
    }
  });
});
