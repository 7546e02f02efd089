import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createDeliveryContext } from '../../src/notifying/delivery-context';
import { DeliveryWorker } from '../../src/notifying/delivery-worker';
import { createServices } from '../../src/services';
import { ManualClock } from '../../src/shared/clock';
import { connectDatabase, type Database } from '../../src/shared/database';
import { createLogger } from '../../src/shared/logger';
import { testMongoUri } from '../support/database';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import { ACME, person } from '../support/notifying-workspaces';
import { type TestApp, startTestApp } from '../support/test-app';

const PEOPLE = ['U0ADMIN', 'U0ADA', 'U0BOB', 'U0KEN'];

describe('two processes delivering from one database', () => {
  const clock = new ManualClock(new Date());
  let testApp: TestApp;
  let second: Database;

  beforeAll(async () => {
    testApp = await startTestApp({ clock, env: { ...DRIVEN_DELIVERY, DIGEST_THRESHOLD: '0' } });
    await installWorkspace(testApp, ACME);
    second = await connectDatabase(testMongoUri(), testApp.database.name);
  });
  afterAll(async () => {
    await second.close();
    await testApp.close();
  });

  /** A worker with its own connection and services, as another process would have. */
  async function otherProcessWorker(): Promise<DeliveryWorker> {
    const services = await createServices({
      config: testApp.config,
      logger: createLogger('silent'),
      database: second,
      clock,
    });
    return new DeliveryWorker(createDeliveryContext(services), { concurrency: 2, pollMs: 10 });
  }

  it('post every message exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(await accepted(testApp, notification(PEOPLE.map((p) => person(p)))));
    }
    const workers = [deliveryWorker(testApp, 2), await otherProcessWorker()];

    for (let second = 0; second < 12; second += 1) {
      await Promise.all(workers.map((worker) => worker.drainOnce()));
      clock.advance(1000);
    }

    const posted = testApp.standIn.postedMessages();
    expect(posted).toHaveLength(ids.length * PEOPLE.length);
    for (const id of ids) {
      const states = (await statusOf(testApp, id)).map((r) => r.state);
      expect(states).toEqual(PEOPLE.map(() => 'sent'));
    }
  });
});
