import { setTimeout as sleep } from 'node:timers/promises';

import { createDeliveryContext } from '../src/notifying/delivery-context';
import { DeliveryWorker } from '../src/notifying/delivery-worker';
import { notification, notify } from '../test/support/notify-client';
import { installForBench } from './install';
import type { PostedMessage, StandInUser } from '../test/support/slack-stand-in';
import type { TestApp } from '../test/support/test-app';
import { runClients } from './stats';

/** The delivery scenario: how many, to whom, and Slack's limits. */
export const SCENARIO = {
  notifications: 2000,
  users: 500,
  workspaces: 3,
  // Slack speaks of "several hundred messages per minute" per workspace: 300 a minute here.
  perWorkspacePerSecond: 5,
  inject429Every: 200,
  // Most slots wait for their workspace's next sending slot (300 a minute by default, the cap
  // above): 3 workspaces at 5 a second keep about 15 in flight.
  workerConcurrency: 16,
  timeoutMs: 300_000,
};

/** What the delivery run measured. */
export interface DeliveryFigures {
  seconds: number;
  deliveredPerSecond: number;
  allowedPerSecond: number;
  ratio: number;
  lost: number;
  /** Deliveries still queued or deferred when the time bound ended (not lost). */
  pending: number;
  duplicated: number;
  /** Messages posted per workspace in each 5-second stretch of the run. */
  timeline: Map<string, number[]>;
  refused: { overLimit: number; injected: number };
}

function teamOf(user: number): string {
  return `T0BENCH${user % SCENARIO.workspaces}`;
}

async function setUp(testApp: TestApp): Promise<void> {
  for (let w = 0; w < SCENARIO.workspaces; w += 1) {
    const users: StandInUser[] = [];
    for (let u = w; u < SCENARIO.users; u += SCENARIO.workspaces) {
      users.push({ id: `U0B${u}`, locale: u % 2 ? 'en-US' : 'fr-FR', tz: 'Europe/Paris' });
    }
    await installForBench(testApp, { teamId: teamOf(w), users });
  }
  const accept = await runClients(10, SCENARIO.timeoutMs, SCENARIO.notifications, async (n) => {
    const user = n % SCENARIO.users;
    const recipient = { slackUserId: `U0B${user}`, teamId: teamOf(user) };
    const content = { en: { title: `Bench ${n}`, body: 'Delivery benchmark' } };
    const answer = await notify(testApp, notification([recipient], { content }));
    if (answer.status !== 202) throw new Error(`notify answered ${answer.status}`);
  });
  if (accept.count !== SCENARIO.notifications) {
    throw new Error(`only ${accept.count} notifications accepted`);
  }
}

/**
 * Delivers 2,000 notifications to 500 users in 3 workspaces through a Slack stand-in that allows
 * one message per second per channel and a cap per workspace, and injects extra 429s.
 */
export async function benchDelivery(testApp: TestApp): Promise<DeliveryFigures> {
  await setUp(testApp);
  const refused = testApp.standIn.limitMessages({
    perWorkspacePerSecond: SCENARIO.perWorkspacePerSecond,
    inject429Every: SCENARIO.inject429Every,
  });
  const ctx = createDeliveryContext(testApp.app.services);
  const worker = new DeliveryWorker(ctx, { concurrency: SCENARIO.workerConcurrency, pollMs: 20 });

  const start = Date.now();
  worker.start();
  // Watches the stand-in, and reads the outbox only now and then: counting it is a scan that
  // would compete with the workers for the database.
  let lastCheck = start;
  while (Date.now() - start < SCENARIO.timeoutMs) {
    await sleep(100);
    const allPosted = testApp.standIn.postedMessages().length >= SCENARIO.notifications;
    if (!allPosted && Date.now() - lastCheck < 30_000) continue;
    lastCheck = Date.now();
    if (await settled(testApp)) break;
  }
  await worker.stop();
  const pending = await testApp.database.db
    .collection('deliveries')
    .countDocuments({ state: { $in: ['queued', 'deferred'] } });
  return figures(testApp, start, refused, pending);
}

async function settled(testApp: TestApp): Promise<boolean> {
  const waiting = await testApp.database.db
    .collection('deliveries')
    .countDocuments({ state: { $in: ['queued', 'deferred'] } });
  return waiting === 0;
}

function figures(
  testApp: TestApp,
  start: number,
  refusedByTeam: Map<string, { overLimit: number; injected: number }>,
  pending: number,
): DeliveryFigures {
  const messages = testApp.standIn.postedMessages();
  const lastTs = Math.max(...messages.map((m) => Number(m.ts) * 1000));
  const seconds = (lastTs - start) / 1000;
  const titles = new Map<string, number>();
  for (const m of messages) titles.set(m.text ?? '', (titles.get(m.text ?? '') ?? 0) + 1);
  const refused = { overLimit: 0, injected: 0 };
  let allowedSeconds = 0;
  for (let w = 0; w < SCENARIO.workspaces; w += 1) {
    const counts = refusedByTeam.get(teamOf(w)) ?? { overLimit: 0, injected: 0 };
    refused.overLimit += counts.overLimit;
    refused.injected += counts.injected;
    const share = messages.filter((m) => m.teamId === teamOf(w)).length;
    // Each injected 429 asked for a one-second wait that the caps alone would not.
    allowedSeconds = Math.max(
      allowedSeconds,
      share / SCENARIO.perWorkspacePerSecond + counts.injected,
    );
  }
  const deliveredPerSecond = messages.length / seconds;
  const allowedPerSecond = messages.length / allowedSeconds;
  return {
    seconds,
    deliveredPerSecond,
    allowedPerSecond,
    ratio: deliveredPerSecond / allowedPerSecond,
    // Lost: neither posted nor still waiting in the outbox when the time bound ended.
    lost: SCENARIO.notifications - titles.size - pending,
    duplicated: messages.length - titles.size,
    pending,
    refused,
    timeline: timeline(messages, start),
  };
}

function timeline(messages: PostedMessage[], start: number): Map<string, number[]> {
  const byTeam = new Map<string, number[]>();
  for (const m of messages) {
    const stretch = Math.floor((Number(m.ts) * 1000 - start) / 5000);
    const counts = byTeam.get(m.teamId) ?? [];
    counts[stretch] = (counts[stretch] ?? 0) + 1;
    byTeam.set(m.teamId, counts);
  }
  // Stretches without a message are holes in the arrays: count them as zero.
  return new Map(
    [...byTeam].map(([teamId, counts]) => [teamId, Array.from(counts, (c) => c ?? 0)]),
  );
}
