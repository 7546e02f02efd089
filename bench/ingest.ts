import { randomUUID } from 'node:crypto';

import type { Db } from 'mongodb';

import { notification, notify } from '../test/support/notify-client';
import type { TestApp } from '../test/support/test-app';
import { type RunFigures, runClients } from './stats';

const DURATION_MS = 8000;
const MAX_CALLS = 20_000;

/** Ingest figures at one level of concurrency. */
export interface IngestFigures {
  concurrency: number;
  api: RunFigures;
  driver: RunFigures;
}

/**
 * `POST /internal/notify` with one recipient from 1, 10 and 100 clients, beside the MongoDB
 * driver inserting the same two documents (a notification and its delivery) directly.
 */
export async function benchIngest(testApp: TestApp, recipient: unknown): Promise<IngestFigures[]> {
  const body = JSON.stringify(notification([recipient]));
  const figures: IngestFigures[] = [];
  for (const concurrency of [1, 10, 100]) {
    const api = await runClients(concurrency, DURATION_MS, MAX_CALLS, async () => {
      const answer = await notify(testApp, body);
      await answer.arrayBuffer();
      if (answer.status !== 202) throw new Error(`notify answered ${answer.status}`);
    });
    const db = testApp.database.db;
    const driver = await runClients(concurrency, DURATION_MS, MAX_CALLS, () => rawInsert(db, body));
    figures.push({ concurrency, api, driver });
  }
  return figures;
}

async function rawInsert(db: Db, body: string): Promise<void> {
  const request = JSON.parse(body) as { category: string; content: unknown; recipients: unknown[] };
  const id = randomUUID();
  const now = new Date();
  await db.collection('raw_notifications').insertOne({
    _id: id as never,
    category: request.category,
    content: request.content,
    recipientCount: 1,
    createdAt: now,
    acceptedAt: now,
  });
  await db.collection('raw_deliveries').insertOne({
    _id: `${id}/0` as never,
    notificationId: id,
    index: 0,
    category: request.category,
    recipient: request.recipients[0],
    state: 'queued',
    availableAt: now,
    claims: 0,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
}
