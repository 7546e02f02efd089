import { cpus } from 'node:os';

import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { installForBench } from './install';
import { startTestApp } from '../test/support/test-app';
import { SCENARIO, benchDelivery } from './delivery';
import { benchIngest } from './ingest';

// Default delivery settings (a pace of 300 a minute, digests past 5 per category and window),
// with workers started by the delivery run itself.
const quiet = {
  DELIVERY_CONCURRENCY: '0',
  DELIVERY_MESSAGES_PER_MINUTE: '300',
  LOG_LEVEL: 'warn',
};
const fixed = (n: number, digits = 1) => n.toFixed(digits);

async function ingest(): Promise<void> {
  const testApp = await startTestApp({ env: quiet });
  try {
    await installForBench(testApp, { teamId: 'T0INGEST', users: [{ id: 'U0INGEST' }] });
    const rows = await benchIngest(testApp, { slackUserId: 'U0INGEST', teamId: 'T0INGEST' });
    console.log(
      '\nIngest: POST /internal/notify (1 recipient) vs driver inserts of the same documents',
    );
    console.log(
      'clients | API req/s | p50 ms | p99 ms | driver inserts/s | p50 ms | p99 ms | ratio',
    );
    for (const { concurrency, api, driver } of rows) {
      const cells = [concurrency, fixed(api.perSecond), fixed(api.p50Ms), fixed(api.p99Ms)];
      cells.push(fixed(driver.perSecond), fixed(driver.p50Ms), fixed(driver.p99Ms));
      console.log(`${cells.join(' | ')} | ${fixed(api.perSecond / driver.perSecond, 2)}`);
    }
  } finally {
    await testApp.close();
  }
}

async function delivery(): Promise<void> {
  const testApp = await startTestApp({ env: quiet });
  try {
    const result = await benchDelivery(testApp);
    const { notifications, users, workspaces, perWorkspacePerSecond, inject429Every } = SCENARIO;
    console.log(
      `\nDelivery: ${notifications} notifications to ${users} users in ${workspaces} workspaces`,
    );
    console.log(
      `limits: 1 msg/s per channel, ${perWorkspacePerSecond} msg/s per workspace, ` +
        `every ${inject429Every}th call a 429`,
    );
    console.log(
      `took ${fixed(result.seconds)} s; delivered ${fixed(result.deliveredPerSecond)} msg/s`,
    );
    console.log(`allowed ${fixed(result.allowedPerSecond)} msg/s; ratio ${fixed(result.ratio, 3)}`);
    console.log(
      `429s: ${result.refused.overLimit} over a limit, ${result.refused.injected} injected`,
    );
    console.log(
      `lost ${result.lost}, duplicated ${result.duplicated}, still queued ${result.pending}`,
    );
    if (process.argv.includes('--timeline')) {
      console.log('messages per workspace in each 5 s of the run:');
      for (const [teamId, counts] of result.timeline) console.log(`${teamId} ${counts.join(' ')}`);
    }
  } finally {
    await testApp.close();
  }
}

/** `npm run bench`: ingest and delivery figures, against 127.0.0.1 only. */
async function main(): Promise<void> {
  await globalSetup();
  // Stops the database this run started, should the run be interrupted.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void globalTeardown().then(() => process.exit(130)));
  }
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  try {
    if (!process.argv.includes('--delivery-only')) await ingest();
    if (!process.argv.includes('--ingest-only')) await delivery();
  } finally {
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
