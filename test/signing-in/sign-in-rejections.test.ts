import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { ManualClock } from '../../src/shared/clock';
import {
  finishSignIn,
  handOffCode,
  openLogin,
  signIn,
  signInAtSlack,
} from '../support/sign-in-flow';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in';
import { type TestApp, startTestApp } from '../support/test-app';

const ADA = { teamId: 'T0ACME', userId: 'U0ADA' };

describe('Sign in with Slack refuses', () => {
  const clock = new ManualClock();
  let standIn: SlackStandIn;
  let testApp: TestApp;

  beforeAll(async () => {
    standIn = await startSlackStandIn({ clock });
    standIn.addWorkspace({
      teamId: 'T0ACME',
      teamName: 'Acme',
      users: [{ id: 'U0ADA', email: 'ada@acme.test', name: 'Ada', locale: 'fr-FR' }],
    });
    standIn.addWorkspace({ teamId: 'T0OTHER', users: [{ id: 'U0EVE', email: 'eve@other.test' }] });
    testApp = await startTestApp({
      clock,
      standIn,
      env: { SIGN_IN_ALLOWED_TEAMS: 'T0ACME', COCOOM_PLATFORM_URL: 'https://acme.cocoom.test' },
    });
  });
  afterAll(async () => {
    await testApp.close();
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.reset();
    await forgetSignIns();
  });

  const collection = (name: string) => testApp.database.db.collection(name);
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  async function forgetSignIns() {
    await collection('identity_links').deleteMany({});
    await collection('sign_in_hand_offs').deleteMany({});
    testApp.logLines.length = 0;
  }

  function refusals(): string[] {
    const entries = testApp.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    return entries.filter((e) => e.msg === 'sign-in refused').map((e) => String(e.reason));
  }

  /** The sign-in ended on a page, with nothing written and nothing handed to the platform. */
  async function expectRefused(response: Response, reason: string) {
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const page = await response.text();
    expect(page).toContain('href="/oidc/login"');
    expect(page).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(await collection('identity_links').countDocuments()).toBe(0);
    expect(await collection('sign_in_hand_offs').countDocuments()).toBe(0);
    expect(refusals()).toEqual([reason]);
    expect(standIn.violations).toEqual([]);
  }

  /** A sign-in that gets through, to spend or learn something before the refused one. */
  async function signInOnce(): Promise<Response> {
    standIn.nextSignIn(ADA);
    const done = await signIn(testApp);
    expect(done.status).toBe(302);
    expect(handOffCode(done)).not.toBe('');
    await forgetSignIns();
    return done;
  }

  function withTamper(claims: Record<string, unknown>) {
    standIn.nextSignIn(ADA);
    standIn.tamperNextIdToken({ claims });
    return signIn(testApp);
  }

  it('a callback without a state', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp);
    const url = new URL(redirect.callbackUrl);
    url.searchParams.delete('state');

    await expectRefused(
      await finishSignIn({ ...redirect, callbackUrl: url.href }),
      'state_missing',
    );
  });

  it('a state other than the one this browser started', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp);
    const url = new URL(redirect.callbackUrl);
    url.searchParams.set('state', 'a-state-this-browser-never-had');

    await expectRefused(
      await finishSignIn({ ...redirect, callbackUrl: url.href }),
      'state_invalid',
    );
  });

  it('a callback without the sign-in cookie (another browser)', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp);

    await expectRefused(await finishSignIn(redirect, ''), 'state_invalid');
  });

  it('a replayed state', async () => {
    standIn.nextSignIn(ADA);
    const redirect = await signInAtSlack(testApp);
    expect((await finishSignIn(redirect)).status).toBe(302);
    await forgetSignIns();

    await expectRefused(await finishSignIn(redirect), 'state_invalid');
  });

  it('a replayed code', async () => {
    standIn.nextSignIn(ADA);
    const first = await signInAtSlack(testApp);
    expect((await finishSignIn(first)).status).toBe(302);
    await forgetSignIns();
    const spentCode = new URL(first.callbackUrl).searchParams.get('code') ?? '';

    const login = await openLogin(testApp);
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const callbackUrl = `${testApp.url}/oidc?${new URLSearchParams({ code: spentCode, state })}`;

    await expectRefused(await finishSignIn({ callbackUrl, cookie }), 'token_exchange_failed');
  });

  it('an id_token for another client', async () => {
    await expectRefused(await withTamper({ aud: '111.222' }), 'id_token_audience');
  });

  it('an id_token from another issuer', async () => {
    await expectRefused(await withTamper({ iss: 'https://slack.example' }), 'id_token_issuer');
  });

  it('an expired id_token', async () => {
    const now = nowSeconds();
    await expectRefused(await withTamper({ iat: now - 90, exp: now - 45 }), 'id_token_expired');
  });

  it('an id_token issued in the future', async () => {
    const now = nowSeconds();
    await expectRefused(
      await withTamper({ iat: now + 3600, exp: now + 3900 }),
      'id_token_issued_in_future',
    );
  });

  it('an id_token with a bad signature', async () => {
    standIn.nextSignIn(ADA);
    standIn.tamperNextIdToken({ signing: 'bad_signature' });

    await expectRefused(await signIn(testApp), 'id_token_signature');
  });

  it('an unsigned id_token (alg none)', async () => {
    standIn.nextSignIn(ADA);
    standIn.tamperNextIdToken({ signing: 'alg_none' });

    await expectRefused(await signIn(testApp), 'id_token_algorithm');
  });

  it('an id_token with an unknown key id, after exactly one refresh of the keys', async () => {
    await signInOnce();
    clock.advance(31_000);
    const fetchesBefore = standIn.callsTo('openid/connect/keys').length;

    standIn.nextSignIn(ADA);
    standIn.tamperNextIdToken({ signing: 'unknown_kid' });
    await expectRefused(await signIn(testApp), 'id_token_unknown_key');
    expect(standIn.callsTo('openid/connect/keys')).toHaveLength(fetchesBefore + 1);

    await forgetSignIns();
    standIn.nextSignIn(ADA);
    standIn.tamperNextIdToken({ signing: 'unknown_kid' });
    await expectRefused(await signIn(testApp), 'id_token_unknown_key');
    expect(standIn.callsTo('openid/connect/keys')).toHaveLength(fetchesBefore + 1);
  });

  it('an id_token without a nonce', async () => {
    await expectRefused(await withTamper({ nonce: undefined }), 'nonce_missing');
  });

  it('an id_token with an empty nonce', async () => {
    await expectRefused(await withTamper({ nonce: '' }), 'nonce_mismatch');
  });

  it('an id_token with a nonce other than ours', async () => {
    await expectRefused(await withTamper({ nonce: 'not-the-nonce-we-sent' }), 'nonce_mismatch');
  });

  it('an id_token replaying the nonce of an earlier sign-in', async () => {
    await signInOnce();
    const [earlier] = standIn.callsTo('openid/connect/authorize');
    const spentNonce = String(earlier?.args.nonce);
    expect(spentNonce.length).toBeGreaterThan(20);

    await expectRefused(await withTamper({ nonce: spentNonce }), 'nonce_mismatch');
  });

  it('a member whose email Slack has not verified', async () => {
    standIn.nextSignIn({ ...ADA, emailVerified: false });

    await expectRefused(await signIn(testApp), 'email_unverified');
  });

  it('a member of a workspace that neither installed the app nor is listed', async () => {
    standIn.nextSignIn({ teamId: 'T0OTHER', userId: 'U0EVE' });

    await expectRefused(await signIn(testApp), 'team_not_allowed');
  });

  it('a return_to on another origin, before anything is sent to Slack', async () => {
    const attemptsBefore = await collection('sign_in_attempts').countDocuments({});
    for (const returnTo of [
      'https://evil.example/x',
      '//evil.example/x',
      'http://acme.cocoom.test/',
      'https://evil.example@acme.cocoom.test/',
      `/${'x'.repeat(2100)}`,
    ]) {
      testApp.logLines.length = 0;
      const login = await openLogin(testApp, returnTo);

      expect(login.headers.get('set-cookie')).toBeNull();
      await expectRefused(login, 'return_to_invalid');
    }
    expect(standIn.callsTo('openid/connect/authorize')).toEqual([]);
    expect(await collection('sign_in_attempts').countDocuments({})).toBe(attemptsBefore);
  });

  it('a sign-in the member cancelled at Slack, in their language', async () => {
    standIn.refuseNextSignIn('access_denied');
    const redirect = await signInAtSlack(testApp);
    const answer = await fetch(redirect.callbackUrl, {
      redirect: 'manual',
      headers: { cookie: redirect.cookie, 'accept-language': 'en-GB,en;q=0.8' },
    });

    const page = await answer.clone().text();
    expect(page).toContain('lang="en"');
    expect(page).toContain('cancelled');
    await expectRefused(answer, 'slack_access_denied');
  });

  it('a workspace Slack refuses for an app that is not distributed', async () => {
    standIn.refuseNextSignIn('invalid_team_for_non_distributed_app');

    const answer = await signIn(testApp);

    expect(await answer.clone().text()).toContain('lang="fr"');
    await expectRefused(answer, 'slack_team_refused');
  });

  it('a code Slack will not exchange (HTTP 200, ok: false)', async () => {
    standIn.nextSignIn(ADA);
    standIn.fail('openid.connect.token', { error: 'invalid_code', times: 1 });

    await expectRefused(await signIn(testApp), 'token_exchange_failed');
  });

  it.each([
    ['a team id that is not a string', { 'https://slack.com/team_id': ['T0ACME'] }],
    ['a user id that is not a string', { 'https://slack.com/user_id': { id: 'U0ADA' } }],
    ['a subject other than the user id', { sub: 'U0BOB' }],
    ['an email that is no address', { email: 'not an email <b>' }],
    ['an enterprise id that is not a string', { 'https://slack.com/enterprise_id': 5 }],
  ])('an id_token with %s', async (_label, claims) => {
    await expectRefused(await withTamper(claims), 'id_token_claims');
  });

  it('a platform_state that is not a short URL-safe value', async () => {
    const login = await fetch(`${testApp.url}/oidc/login?platform_state=${'%3C'.repeat(3)}`, {
      redirect: 'manual',
    });

    await expectRefused(login, 'return_to_invalid');
  });

  it('a Slack error it does not know, logging its name for the operator', async () => {
    standIn.refuseNextSignIn('invalid_scope');

    await expectRefused(await signIn(testApp), 'slack_error');
    expect(testApp.logLines.join('')).toContain('invalid_scope');
  });
});
