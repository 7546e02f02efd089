import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import { nthViewFor, openHome } from '../support/app-home';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliverFor,
  deliveryWorker,
  installWorkspace,
  notification,
} from '../support/notifying';
import { ACME, person } from '../support/notifying-workspaces';
import { type TestApp, startTestApp } from '../support/test-app';

describe('the Home lists what Cocoom sent', () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '0' }, clock });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => testApp.close());

  it('shows a notification sent through the notify API, in the person’s language', async () => {
    const link = `${testApp.config.platformUrl}/capsules/7`;
    await accepted(testApp, notification([person('U0ADA'), person('U0BOB')], { link }));
    await deliverFor(deliveryWorker(testApp), clock, 2);
    expect(testApp.standIn.postedMessages()).toHaveLength(2);

    await openHome(testApp, 'U0ADA');
    await openHome(testApp, 'U0BOB');

    const french = JSON.stringify(await nthViewFor(testApp, 'U0ADA', 1));
    const english = JSON.stringify(await nthViewFor(testApp, 'U0BOB', 1));
    expect(french).toContain('Nouvelle capsule');
    expect(french).toContain('/capsules/7');
    expect(english).toContain('New capsule');
    expect(english).not.toContain('Nouvelle capsule');
  });
});
