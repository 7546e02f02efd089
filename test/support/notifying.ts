import { expect } from '@jest/globals';

import { createDeliveryContext } from '../../src/notifying/delivery-context';
import { DeliveryWorker } from '../../src/notifying/delivery-worker';
import type { DeliveryDocument } from '../../src/notifying/outbox-documents';
import type { ManualClock } from '../../src/shared/clock';
import { install } from './install-flow';
import type { StandInWorkspace } from './slack-stand-in';
import { notify } from './notify-client';
import { TEST_INTERNAL_TOKEN, type TestApp } from './test-app';

export { notification, notify } from './notify-client';

/** Adds `workspace` to the stand-in and installs the app there through the real OAuth flow. */
export async function installWorkspace(testApp: TestApp, workspace: StandInWorkspace) {
  testApp.standIn.addWorkspace(workspace);
  const installer = workspace.users[0]?.id ?? 'U0ADMIN';
  testApp.standIn.nextInstall({ teamId: workspace.teamId, userId: installer });
  const answer = await install(testApp);
  expect(answer.status).toBe(200);
}

/** Notifies and expects a 202; returns the notification id. */
export async function accepted(testApp: TestApp, body: unknown): Promise<string> {
  const answer = await notify(testApp, body);
  const json = (await answer.json()) as { id: string };
  expect(answer.status).toBe(202);
  return json.id;
}

/** Each recipient's status as `GET /internal/notifications/{id}` gives it. */
export interface RecipientStatus {
  state: string;
  reason?: string;
  until?: string;
  channel?: string;
  ts?: string;
  teamId?: string;
  attempts: number;
  digest?: boolean;
}

/** `GET /internal/notifications/{id}`'s recipients. */
export async function statusOf(testApp: TestApp, id: string): Promise<RecipientStatus[]> {
  const answer = await fetch(`${testApp.url}/internal/notifications/${id}`, {
    headers: { Authorization: `Bearer ${TEST_INTERNAL_TOKEN}` },
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { recipients: RecipientStatus[] }).recipients;
}

/** A delivery worker over the test app's services, driven by the test. */
export function deliveryWorker(testApp: TestApp, concurrency = 1): DeliveryWorker {
  const ctx = createDeliveryContext(testApp.app.services);
  return new DeliveryWorker(ctx, { concurrency, pollMs: 10 });
}

/** Drains due deliveries, then moves the clock a second, `seconds` times. */
export async function deliverFor(worker: DeliveryWorker, clock: ManualClock, seconds: number) {
  for (let i = 0; i < seconds; i += 1) {
    await worker.drainOnce();
    clock.advance(1000);
  }
  await worker.drainOnce();
}

/** The deliveries still waiting, in the test app's database. */
export function deliveries(testApp: TestApp) {
  return testApp.database.db.collection<DeliveryDocument>('deliveries');
}

/** The deliveries settled for good (sent, failed, skipped), in the test app's database. */
export function deliveryResults(testApp: TestApp) {
  return testApp.database.db.collection<DeliveryDocument>('delivery_results');
}

/** Env for a test app whose in-process workers stay idle: the test drives delivery. */
export const DRIVEN_DELIVERY = { DELIVERY_CONCURRENCY: '0' };
