import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import {
  DRIVEN_DELIVERY,
  deliveries,
  installWorkspace,
  notification,
  notify,
} from '../support/notifying';
import { type TestApp, startTestApp } from '../support/test-app';

const ADA = { slackUserId: 'U0ADA', teamId: 'T0ACME' };
const HOUR = 60 * 60 * 1000;

describe('Idempotency-Key on POST /internal/notify', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: DRIVEN_DELIVERY, clock });
    await installWorkspace(testApp, { teamId: 'T0ACME', users: [{ id: 'U0ADA' }] });
  });
  afterAll(async () => testApp.close());

  const send = (key: string, body: unknown) => notify(testApp, body, { 'Idempotency-Key': key });
  const notificationsWith = (id: string) =>
    testApp.database.db.collection('notifications').countDocuments({ _id: id as never });

  it('answers a replay with the first answer and stores nothing more', async () => {
    const key = randomUUID();
    const first = await send(key, notification([ADA]));
    const firstBody = await first.json();

    const again = await send(key, JSON.parse(JSON.stringify(notification([ADA]))));

    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(firstBody);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const id = (firstBody as { id: string }).id;
    expect(await deliveries(testApp).countDocuments({ notificationId: id })).toBe(1);
  });

  it('treats the same JSON with its keys in another order as the same body', async () => {
    const key = randomUUID();
    const body = notification([ADA]);
    const reordered = {
      recipients: body.recipients,
      content: body.content,
      category: body.category,
    };

    const first = (await (await send(key, body)).json()) as { id: string };
    const again = await send(key, reordered);

    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(first);
  });

  it('refuses the same key with another body with 422', async () => {
    const key = randomUUID();
    await send(key, notification([ADA]));

    const other = await send(key, notification([ADA], { category: 'quiz' }));

    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('accepts concurrent requests with one key once; the others hear it is in use', async () => {
    const key = randomUUID();
    const many = Array.from({ length: 300 }, (_, i) => ({ email: `person${i}@acme.test` }));
    const body = notification(many);

    const answers = await Promise.all(Array.from({ length: 8 }, () => send(key, body)));

    const statuses = answers.map((a) => a.status);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as {
      id?: string;
      code?: string;
    }[];
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    expect(statuses).toContain(409);
    const ids = new Set(bodies.flatMap((b) => (b.id ? [b.id] : [])));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await deliveries(testApp).countDocuments({ notificationId: id })).toBe(300);
    expect(bodies.filter((b) => b.code !== undefined).map((b) => b.code)).toEqual(
      statuses.filter((s) => s === 409).map(() => 'idempotency_key_in_use'),
    );
  });

  it('keeps a key for 24 hours, then treats it as new', async () => {
    const key = randomUUID();
    const first = (await (await send(key, notification([ADA]))).json()) as { id: string };

    clock.advance(23 * HOUR);
    const within = await send(key, notification([ADA], { category: 'quiz' }));
    clock.advance(1 * HOUR + 1000);
    const after = await send(key, notification([ADA], { category: 'quiz' }));

    expect(within.status).toBe(422);
    expect(after.status).toBe(202);
    const second = (await after.json()) as { id: string };
    expect(second.id).not.toBe(first.id);
    expect(await notificationsWith(second.id)).toBe(1);
  });

  it('refuses a key longer than 255 characters, storing nothing', async () => {
    const before = await deliveries(testApp).countDocuments();

    const answer = await send('k'.repeat(256), notification([ADA]));

    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'idempotency_key_invalid' });
    expect(await deliveries(testApp).countDocuments()).toBe(before);
    expect((await send('k'.repeat(255), notification([ADA]))).status).toBe(202);
  });

  it('does not remember a request refused by validation', async () => {
    const key = randomUUID();
    const refused = await send(key, notification([ADA], { category: 'gossip' }));

    const fixed = await send(key, notification([ADA]));

    expect(refused.status).toBe(400);
    expect(fixed.status).toBe(202);
  });

  it('replays the first answer even once the workspace has uninstalled the app', async () => {
    await installWorkspace(testApp, { teamId: 'T0GONE', users: [{ id: 'U0LAST' }] });
    const body = notification([{ slackUserId: 'U0LAST', teamId: 'T0GONE' }]);
    const key = randomUUID();
    const first = await send(key, body);
    const firstBody = await first.json();
    await testApp.app.services.installations.deleteInstallation({
      teamId: 'T0GONE',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });

    const again = await send(key, body);
    const fresh = await send(randomUUID(), body);

    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(firstBody);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(fresh.status).toBe(422);
  });
});
