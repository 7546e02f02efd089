import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { ACME, clickInHome, member, nthViewFor, openHome, viewsFor } from '../support/app-home';
import { openTestDatabase, testMongoUri } from '../support/database';
import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { type LatencyProxy, startLatencyProxy } from '../support/latency-proxy';
import { type TestApp, startTestApp } from '../support/test-app';

describe('App Home while the database answers slowly', () => {
  let proxy: LatencyProxy;
  let testApp: TestApp;

  beforeAll(async () => {
    const target = new URL(testMongoUri());
    proxy = await startLatencyProxy({ host: target.hostname, port: Number(target.port) });
    const database = await openTestDatabase(`mongodb://127.0.0.1:${proxy.port}/`);
    testApp = await startTestApp({ database });
    testApp.standIn.addWorkspace({
      teamId: ACME,
      users: [member('U0SLOW', 'en-US'), member('U0LATE', 'fr-FR')],
    });
    testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0SLOW' });
    expect((await install(testApp)).status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    proxy.delayMs = 0;
    await testApp.close();
    await testApp.database.drop();
    await proxy.close();
  });

  it('acknowledges an event within Slack’s three seconds, then publishes the Home', async () => {
    proxy.delayMs = 2000;
    const started = Date.now();

    await openHome(testApp, 'U0LATE');

    expect(Date.now() - started).toBeLessThan(3000);
    proxy.delayMs = 0;
    const view = await nthViewFor(testApp, 'U0LATE', 1);
    expect(JSON.stringify(view)).toContain('Cocoom');
  }, 30_000);

  it('acknowledges a click within three seconds, then saves it and republishes', async () => {
    proxy.delayMs = 2000;
    const started = Date.now();

    const answer = await clickInHome(testApp, 'U0SLOW', {
      type: 'button',
      action_id: HOME_ACTIONS.digest,
      text: { type: 'plain_text', text: 'x' },
      value: 'off',
    });

    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    proxy.delayMs = 0;
    await eventually(async () => {
      const saved = await testApp.app.services.preferences.get(ACME, 'U0SLOW');
      expect(saved.digest).toBe(false);
      expect(viewsFor(testApp, 'U0SLOW').length).toBeGreaterThan(0);
    }, 15_000);
  }, 30_000);
});
