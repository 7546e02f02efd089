import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { type TestApp, startTestApp } from '../support/test-app';

describe('health routes', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => testApp.close());

  it('report live and ready while the database answers', async () => {
    const live = await fetch(`${testApp.url}/health/live`);
    const ready = await fetch(`${testApp.url}/health/ready`);

    expect(live.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answer unknown routes with a JSON 404', async () => {
    const answer = await fetch(`${testApp.url}/nowhere`);

    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'not_found' });
  });

  it('report not ready, still live, once the database is gone', async () => {
    await testApp.database.client.close();

    expect((await fetch(`${testApp.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${testApp.url}/health/live`)).status).toBe(200);
    await testApp.database.client.connect();
  });
});
