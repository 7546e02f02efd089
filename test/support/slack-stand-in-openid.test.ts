import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { WebClient } from '@slack/web-api';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';

import { ManualClock } from '../../src/shared/clock';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in';

const REDIRECT_URI = 'https://app.example/oidc';
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  standIn.addWorkspace({
    teamId: 'T1',
    teamName: 'Acme',
    users: [{ id: 'U1', email: 'ada@acme.test', name: 'Ada', locale: 'fr-FR' }],
  });
});
afterAll(() => standIn.close());

async function codeFor(nonce: string): Promise<string> {
  const query = {
    response_type: 'code',
    scope: 'openid email profile',
    client_id: standIn.clientId,
    state: 's1',
    nonce,
    redirect_uri: REDIRECT_URI,
  };
  const page = await fetch(`${standIn.openIdAuthorizeUrl}?${new URLSearchParams(query)}`, {
    redirect: 'manual',
  });
  const back = new URL(page.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('s1');
  return back.searchParams.get('code') ?? '';
}

function exchange(code: string) {
  const client = new WebClient(undefined, {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
  });
  const credentials = { client_id: standIn.clientId, client_secret: standIn.clientSecret };
  return client.openid.connect.token({ ...credentials, code, redirect_uri: REDIRECT_URI });
}

it('publishes a discovery document: issuer https://slack.com, its own endpoints', async () => {
  const document = await (await fetch(`${standIn.url}/.well-known/openid-configuration`)).json();

  expect(document).toMatchObject({
    issuer: 'https://slack.com',
    jwks_uri: `${standIn.url}/openid/connect/keys`,
    authorization_endpoint: standIn.openIdAuthorizeUrl,
    id_token_signing_alg_values_supported: ['RS256'],
  });
});

it('issues an id_token signed by a published RS256 key, with Slack claims and nonce', async () => {
  standIn.nextSignIn({ teamId: 'T1', userId: 'U1' });
  const answer = await exchange(await codeFor('n-123'));
  const keys = (await (await fetch(`${standIn.url}/openid/connect/keys`)).json()) as JSONWebKeySet;

  const { payload, protectedHeader } = await jwtVerify(
    String(answer.id_token),
    createLocalJWKSet(keys),
    {
      issuer: 'https://slack.com',
      audience: standIn.clientId,
      currentDate: clock.now(),
    },
  );
  expect(protectedHeader.alg).toBe('RS256');
  expect(payload).toMatchObject({
    sub: 'U1',
    nonce: 'n-123',
    email: 'ada@acme.test',
    email_verified: true,
    locale: 'fr-FR',
    'https://slack.com/team_id': 'T1',
    'https://slack.com/user_id': 'U1',
  });
  expect(standIn.violations).toEqual([]);
});

it('spends a code on its first exchange', async () => {
  standIn.nextSignIn({ teamId: 'T1', userId: 'U1' });
  const code = await codeFor('n');
  await exchange(code);

  await expect(exchange(code)).rejects.toMatchObject({ data: { error: 'invalid_code' } });
});

it('redirects back with access_denied when no sign-in is queued', async () => {
  const query = {
    response_type: 'code',
    scope: 'openid',
    client_id: standIn.clientId,
    state: 's',
    redirect_uri: REDIRECT_URI,
  };
  const page = await fetch(`${standIn.openIdAuthorizeUrl}?${new URLSearchParams(query)}`, {
    redirect: 'manual',
  });

  expect(new URL(page.headers.get('location') ?? '').searchParams.get('error')).toBe(
    'access_denied',
  );
});
