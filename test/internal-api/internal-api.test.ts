import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { TEST_INTERNAL_TOKEN, type TestApp, startTestApp } from '../support/test-app';

describe('the internal API', () => {
  let testApp: TestApp;
  const exchange = (headers: Record<string, string>, body: string | Buffer = '{"code":"x"}') =>
    fetch(`${testApp.url}/internal/sign-in/exchange`, { method: 'POST', headers, body });
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => testApp.close());

  it('refuses a request without a bearer token, saying how to authenticate', async () => {
    const answer = await exchange(json);

    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await answer.json()).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a wrong token exactly as a missing one', async () => {
    const wrong = await exchange({ ...json, authorization: `Bearer ${TEST_INTERNAL_TOKEN}x` });

    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ code: 'unauthorized', message: expect.any(String) });
  });

  it('reads the Bearer scheme name in any case', async () => {
    const answer = await exchange({ ...json, authorization: `bearer ${TEST_INTERNAL_TOKEN}` });

    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'sign_in_code_invalid' });
  });

  it('refuses another content type with 415', async () => {
    const answer = await exchange({
      authorization: `Bearer ${TEST_INTERNAL_TOKEN}`,
      'content-type': 'text/plain',
    });

    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a body it cannot read (a bad gzip stream) with 400, not 500', async () => {
    const answer = await exchange({
      ...json,
      authorization: `Bearer ${TEST_INTERNAL_TOKEN}`,
      'content-encoding': 'gzip',
    });

    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('refuses malformed JSON with 400 and a body over 256 KiB with 413', async () => {
    const auth = { ...json, authorization: `Bearer ${TEST_INTERNAL_TOKEN}` };

    expect((await exchange(auth, '{"code":')).status).toBe(400);
    const huge = await exchange(auth, JSON.stringify({ code: 'x'.repeat(300 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('serves its OpenAPI description without a token', async () => {
    const answer = await fetch(`${testApp.url}/internal/openapi.json`);

    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
