import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import { eventually } from '../support/eventually';
import {
  DRIVEN_DELIVERY,
  accepted,
  deliveryWorker,
  installWorkspace,
  notification,
  statusOf,
} from '../support/notifying';
import { ACME, person } from '../support/notifying-workspaces';
import { type TestApp, startTestApp, testEnv } from '../support/test-app';

const LEASE_SECONDS = 60;

/** Starts the delivery workers in a process of their own, on the test app's database. */
function startWorkerProcess(testApp: TestApp, env: Record<string, string>): ChildProcess {
  const script = resolve(__dirname, '../support/delivery-worker-process.ts');
  const loader = resolve(__dirname, '../support/typescript-require.js');
  return spawn(process.execPath, ['-r', loader, script], {
    env: {
      ...process.env,
      ...testEnv(testApp.standIn, env),
      MONGODB_DB: testApp.database.name,
      DELIVERY_POLL_MS: '20',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('a delivery worker process killed mid-delivery', () => {
  const keys = `k1:${randomBytes(32).toString('base64')}`;
  const env = { ...DRIVEN_DELIVERY, TOKEN_ENCRYPTION_KEYS: keys, DELIVERY_LEASE_SECONDS: '60' };
  const clock = new ManualClock(new Date());
  let testApp: TestApp;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    testApp = await startTestApp({ env, clock });
    await installWorkspace(testApp, ACME);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await testApp.close();
  });

  it('loses nothing: once its lease expires another worker posts the message, once', async () => {
    // Slack holds the first post long enough for the process to die while waiting for it.
    testApp.standIn.fail('chat.postMessage', { delayMs: 15_000, status: 500, times: 1 });
    const id = await accepted(testApp, notification([person('U0ADA')]));
    child = startWorkerProcess(testApp, { TOKEN_ENCRYPTION_KEYS: keys });
    await eventually(
      () => expect(testApp.standIn.callsTo('chat.postMessage')).toHaveLength(1),
      15_000,
    );
    const claim = await testApp.database.db
      .collection<{ _id: string; until: Date }>('delivery_claims')
      .findOne({ _id: `${id}/0#0` });

    child.kill('SIGKILL');
    await once(child, 'exit');
    const survivor = deliveryWorker(testApp);
    const beforeExpiry = await survivor.drainOnce();
    clock.advance((LEASE_SECONDS + 30) * 1000);
    const afterExpiry = await survivor.drainOnce();

    expect(claim?.until.getTime()).toBeGreaterThan(clock.now().getTime() - 90_000);
    expect(beforeExpiry).toBe(0);
    expect(afterExpiry).toBe(1);
    expect(await statusOf(testApp, id)).toMatchObject([{ state: 'sent' }]);
    expect(testApp.standIn.postedMessages()).toHaveLength(1);
    expect(testApp.standIn.callsTo('chat.postMessage')).toHaveLength(2);
  }, 40_000);
});
