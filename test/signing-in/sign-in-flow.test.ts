import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import { install } from '../support/install-flow';
import {
  exchangeCode,
  handOffCode,
  postInternal,
  signIn,
  signInAtSlack,
  finishSignIn,
} from '../support/sign-in-flow';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in';
import { type TestApp, startTestApp } from '../support/test-app';

const PLATFORM = 'https://acme.cocoom.test';
const ADA = { teamId: 'T0ACME', userId: 'U0ADA' };

describe('Sign in with Slack, from the login route to the platform', () => {
  const clock = new ManualClock();
  let standIn: SlackStandIn;
  let testApp: TestApp;

  beforeAll(async () => {
    standIn = await startSlackStandIn({ clock });
    standIn.addWorkspace({
      teamId: 'T0ACME',
      teamName: 'Acme',
      users: [
        { id: 'U0ADA', email: 'ada@acme.test', name: 'Ada', locale: 'fr-FR', tz: 'Europe/Paris' },
        { id: 'U0ADMIN', email: 'admin@acme.test' },
      ],
    });
    standIn.addWorkspace({
      teamId: 'T0GLOBEX',
      users: [{ id: 'U0HANK', email: 'hank@globex.test' }],
    });
    testApp = await startTestApp({ clock, standIn, env: { COCOOM_PLATFORM_URL: PLATFORM } });
    standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
  });
  afterAll(async () => {
    await testApp.close();
    await standIn.close();
  });
  beforeEach(() => standIn.reset());

  const links = () => testApp.database.db.collection('identity_links');

  async function signedInCode(): Promise<string> {
    standIn.nextSignIn(ADA);
    const done = await signIn(testApp);
    expect(done.status).toBe(302);
    return handOffCode(done);
  }

  it('sends the browser to Slack with scope, state, nonce, redirect URI, team hint', async () => {
    const login = await fetch(`${testApp.url}/oidc/login?return_to=%2Fcourses%2F12`, {
      redirect: 'manual',
    });

    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(standIn.openIdAuthorizeUrl);
    const query = Object.fromEntries(authorize.searchParams);
    expect(query).toMatchObject({
      response_type: 'code',
      scope: 'openid email profile',
      client_id: standIn.clientId,
      redirect_uri: `${testApp.url}/oidc`,
      team: 'T0ACME',
    });
    expect(query.state).toMatch(/^[\w-]{43}$/);
    expect(query.nonce).toMatch(/^[\w-]{43}$/);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^cocoom_sign_in=[\w.-]+; Path=\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    expect(cookie).toContain(query.state);
  });

  it('signs a member in end to end and hands the verified identity to the platform', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp, `${PLATFORM}/courses/12`);
    const done = await finishSignIn(redirect);

    expect(done.status).toBe(302);
    const location = new URL(done.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${PLATFORM}/auth/slack/complete`);
    expect(done.headers.get('set-cookie')).toMatch(/^cocoom_sign_in=; .*Max-Age=0/);
    const code = handOffCode(done);
    expect(code).toMatch(/^[\w-]{43}$/);

    const exchanged = await exchangeCode(testApp, code);
    expect(exchanged.status).toBe(200);
    expect(await exchanged.json()).toEqual({
      teamId: 'T0ACME',
      userId: 'U0ADA',
      email: 'ada@acme.test',
      emailVerified: true,
      name: 'Ada',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      returnTo: `${PLATFORM}/courses/12`,
    });
    const link = await links().findOne({ _id: 'T0ACME:U0ADA' as never });
    expect(link).toMatchObject({
      teamId: 'T0ACME',
      userId: 'U0ADA',
      email: 'ada@acme.test',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
    });
    expect(standIn.violations).toEqual([]);
  });

  it('stores the code hashed and keeps codes, state, nonce and tokens out of the log', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp);
    const code = handOffCode(await finishSignIn(redirect));
    const [authorize] = standIn.callsTo('openid/connect/authorize');

    const stored = await testApp.database.db.collection('sign_in_hand_offs').find().toArray();
    expect(JSON.stringify(stored)).not.toContain(code);
    const log = testApp.logLines.join('\n');
    expect(log).toContain('"msg":"signed in"');
    for (const secret of [code, authorize?.args.state, authorize?.args.nonce]) {
      expect(log).not.toContain(String(secret));
    }
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(log).not.toMatch(/xox[bpe]-/);
  });

  it('echoes the platform’s own state on the hand-off, against login forgery', async () => {
    standIn.nextSignIn(ADA);
    const login = await fetch(`${testApp.url}/oidc/login?platform_state=session-42.ab_C~`, {
      redirect: 'manual',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const authorize = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
    const done = await fetch(authorize.headers.get('location') ?? '', {
      redirect: 'manual',
      headers: { cookie },
    });

    const location = new URL(done.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('session-42.ab_C~');
    const exchanged = await exchangeCode(testApp, location.searchParams.get('code') ?? '');
    expect(await exchanged.json()).toMatchObject({ platformState: 'session-42.ab_C~' });
  });

  it('leaves the state out of the hand-off when the platform sent none', async () => {
    standIn.nextSignIn(ADA);
    const done = await signIn(testApp);

    const location = new URL(done.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).not.toBeNull();
    expect(location.searchParams.has('state')).toBe(false);
  });

  it('redeems a one-time code once only', async () => {
    const code = await signedInCode();

    expect((await exchangeCode(testApp, code)).status).toBe(200);
    const again = await exchangeCode(testApp, code);

    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'sign_in_code_invalid' });
  });

  it('refuses a one-time code after 60 seconds', async () => {
    const early = await signedInCode();
    const late = await signedInCode();

    clock.advance(59_000);
    expect((await exchangeCode(testApp, early)).status).toBe(200);
    clock.advance(2_000);
    const expired = await exchangeCode(testApp, late);

    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: 'sign_in_code_invalid' });
  });

  it('refuses a code nobody issued', async () => {
    const answer = await exchangeCode(testApp, 'never-issued');

    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'sign_in_code_invalid' });
  });

  it('stores the Cocoom user id the platform sends, and gives it on later sign-ins', async () => {
    await exchangeCode(testApp, await signedInCode());
    const linked = await postInternal(testApp, '/identity-links/cocoom-user', {
      ...ADA,
      cocoomUserId: 'cocoom-42',
    });

    expect(linked.status).toBe(204);
    expect(await links().findOne({ _id: 'T0ACME:U0ADA' as never })).toMatchObject({
      cocoomUserId: 'cocoom-42',
    });
    const next = await exchangeCode(testApp, await signedInCode());
    expect(await next.json()).toMatchObject({ ...ADA, cocoomUserId: 'cocoom-42' });
  });

  it('refuses to link a Cocoom user to a Slack account that never signed in', async () => {
    const answer = await postInternal(testApp, '/identity-links/cocoom-user', {
      teamId: 'T0GLOBEX',
      userId: 'U0HANK',
      cocoomUserId: 'cocoom-7',
    });

    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'identity_link_not_found' });
  });

  it('checks hand-off bodies against the published schema, behind the bearer token', async () => {
    const invalid = await postInternal(testApp, '/sign-in/exchange', { code: 12, extra: true });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'validation_failed' });

    const anonymous = await fetch(`${testApp.url}/internal/sign-in/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x' }),
    });
    expect(anonymous.status).toBe(401);

    const openapi = (await (await fetch(`${testApp.url}/internal/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/internal/sign-in/exchange',
        '/internal/identity-links/cocoom-user',
      ]),
    );
    expect(openapi.components.schemas.SignInIdentity).toBeDefined();
  });

  it('follows a rotation of Slack signing keys with one fetch of the keys', async () => {
    await signedInCode();
    await standIn.rotateSigningKey();
    clock.advance(31_000);
    const before = standIn.callsTo('openid/connect/keys').length;

    expect(await signedInCode()).not.toBe('');
    expect(standIn.callsTo('openid/connect/keys')).toHaveLength(before + 1);
  });

  it('accepts a workspace listed in SIGN_IN_ALLOWED_TEAMS without an installation', async () => {
    const listed = await startTestApp({
      clock,
      standIn,
      env: { COCOOM_PLATFORM_URL: PLATFORM, SIGN_IN_ALLOWED_TEAMS: 'T0GLOBEX' },
    });
    try {
      standIn.nextSignIn({ teamId: 'T0GLOBEX', userId: 'U0HANK' });
      const redirect = await signInAtSlack(listed);
      expect(new URL(redirect.callbackUrl).searchParams.get('code')).not.toBeNull();
      const [authorize] = standIn.callsTo('openid/connect/authorize');
      expect(authorize?.args.team).toBe('T0GLOBEX');

      const done = await finishSignIn(redirect);
      const identity = await (await exchangeCode(listed, handOffCode(done))).json();
      expect(identity).toMatchObject({
        teamId: 'T0GLOBEX',
        userId: 'U0HANK',
        returnTo: `${PLATFORM}/`,
      });
    } finally {
      await listed.close();
    }
  });

  it('gives no workspace hint once two workspaces are installed', async () => {
    standIn.nextInstall({ teamId: 'T0GLOBEX', userId: 'U0HANK' });
    expect((await install(testApp)).status).toBe(200);

    const login = await fetch(`${testApp.url}/oidc/login`, { redirect: 'manual' });

    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.searchParams.has('team')).toBe(false);
  });
});
