import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { ManualClock } from '../../src/shared/clock';
import { startSlackStandIn, type NextInstall, type SlackStandIn } from './slack-stand-in';

const REDIRECT_URI = 'https://app.example/slack/oauth_redirect';
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let standIn: SlackStandIn;

function client(token?: string, extra: { rejectRateLimitedCalls?: boolean } = {}): WebClient {
  const options = { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 }, ...extra };
  return new WebClient(token, { ...options, logLevel: LogLevel.ERROR });
}

/** The Slack error code a call was rejected with. */
async function slackError(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.catch((e: unknown) => e);
  const data = (error as { data?: { error?: string } } | undefined)?.data;
  if (!data?.error) throw new Error(`expected a Slack error, got ${String(error)}`);
  return data.error;
}

/** Opens the authorize page and returns the query of the redirect. */
async function authorizeApp(query: Record<string, string>): Promise<URLSearchParams> {
  const url = `${standIn.authorizeUrl}?${new URLSearchParams(query)}`;
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '').searchParams;
}

async function installCode(install: NextInstall): Promise<string> {
  standIn.nextInstall(install);
  const query = { client_id: standIn.clientId, scope: 'chat:write', state: 's1' };
  const back = await authorizeApp({ ...query, redirect_uri: REDIRECT_URI });
  return back.get('code') ?? '';
}

function credentials() {
  return { client_id: standIn.clientId, client_secret: standIn.clientSecret };
}

function exchange(code: string, overrides: Record<string, string> = {}) {
  const args = { ...credentials(), code, redirect_uri: REDIRECT_URI, ...overrides };
  return client().oauth.v2.access(args);
}

function botToken(): string {
  return standIn.issueToken('bot', 'T1', 'UBOT1').token;
}

beforeAll(async () => {
  standIn = await startSlackStandIn({ clock });
  standIn.addWorkspace({
    teamId: 'T1',
    teamName: 'Acme',
    users: [
      { id: 'U1', email: 'ada@acme.test', name: 'ada', locale: 'fr-FR', tz: 'Europe/Paris' },
      { id: 'U2', email: 'gone@acme.test', deleted: true },
    ],
  });
  standIn.addWorkspace({
    teamId: 'T2',
    teamName: 'Grid East',
    enterpriseId: 'E1',
    enterpriseName: 'Grid',
    users: [{ id: 'W1', email: 'eve@grid.test' }],
  });
  standIn.addWorkspace({ teamId: 'T3', enterpriseId: 'E1', users: [{ id: 'W2' }] });
});

afterEach(() => {
  const violations = [...standIn.violations];
  standIn.reset();
  expect(violations).toEqual([]);
});

afterAll(() => standIn.close());

describe('checking requests against Slack’s description', () => {
  it('records an unknown method as a violation and answers unknown_method', async () => {
    const error = await slackError(client(botToken()).apiCall('chat.postMessages', {}));

    expect(error).toBe('unknown_method');
    expect(standIn.violations).toEqual(['unknown method chat.postMessages']);
    standIn.reset();
  });

  it('records an unknown argument as a violation and answers invalid_arguments', async () => {
    const call = client(botToken()).apiCall('users.info', { user: 'U1', colour: 'red' });

    expect(await slackError(call)).toBe('invalid_arguments');
    expect(standIn.violations).toEqual(['users.info: unknown argument colour']);
    standIn.reset();
  });

  it('reads a JSON body sent with a bearer token', async () => {
    const response = await fetch(`${standIn.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${botToken()}` },
      body: JSON.stringify({ channel: 'U1', blocks: [{ type: 'divider' }] }),
    });

    expect(await response.json()).toMatchObject({ ok: true, message: { blocks: [{}] } });
  });
});

describe('installing', () => {
  it('redirects with access_denied when no install is queued', async () => {
    const back = await authorizeApp({ client_id: standIn.clientId, redirect_uri: REDIRECT_URI });

    expect(back.get('error')).toBe('access_denied');
    expect(standIn.callsTo('oauth/v2/authorize')).toHaveLength(1);
  });

  it('exchanges a code once, in oauth.v2.access’s documented shape', async () => {
    const code = await installCode({ teamId: 'T1', userId: 'U1', userScopes: ['identify'] });

    const answer = await exchange(code);

    expect(answer).toMatchObject({
      ok: true,
      app_id: standIn.appId,
      token_type: 'bot',
      scope: 'chat:write',
      team: { id: 'T1', name: 'Acme' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U1', scope: 'identify', token_type: 'user' },
    });
    expect(answer.access_token).toMatch(/^xoxb-/);
    expect(answer.authed_user?.access_token).toMatch(/^xoxp-/);
    expect(await slackError(exchange(code))).toBe('invalid_code');
  });

  it('rejects a code exchanged with another redirect_uri', async () => {
    const code = await installCode({ teamId: 'T1', userId: 'U1' });

    const elsewhere = exchange(code, { redirect_uri: 'https://elsewhere.example/cb' });

    expect(await slackError(elsewhere)).toBe('bad_redirect_uri');
  });

  it('rejects a wrong client secret', async () => {
    const code = await installCode({ teamId: 'T1', userId: 'U1' });

    expect(await slackError(exchange(code, { client_secret: 'no' }))).toBe('bad_client_secret');
  });

  it('gives an org-wide bot token that works in every workspace of the org', async () => {
    const install = { enterpriseId: 'E1', isEnterpriseInstall: true, userId: 'W1' };
    const answer = await exchange(await installCode(install));
    const org = client(answer.access_token);

    expect(answer).toMatchObject({ team: null, enterprise: { id: 'E1', name: 'Grid' } });
    await expect(org.users.info({ user: 'W2' })).resolves.toMatchObject({ ok: true });
    const orgOwner = { team_id: 'E1', enterprise_id: 'E1', is_enterprise_install: true };
    await expect(org.auth.test()).resolves.toMatchObject(orgOwner);
  });
});

describe('token rotation', () => {
  it('refreshes once, revokes the old token and lets the new one expire', async () => {
    const code = await installCode({ teamId: 'T1', userId: 'U1', tokenRotation: true });
    const installed = await exchange(code);
    const grant = { grant_type: 'refresh_token' as const, refresh_token: installed.refresh_token };
    const refresh = () => client().oauth.v2.access({ ...credentials(), ...grant });

    const refreshed = await refresh();

    expect(installed).toMatchObject({ expires_in: 43200 });
    expect(installed.access_token).toMatch(/^xoxe\.xoxb-1-/);
    expect(installed.refresh_token).toMatch(/^xoxe-1-/);
    expect(refreshed).toMatchObject({ ok: true, token_type: 'bot', expires_in: 43200 });
    expect(refreshed.refresh_token).not.toBe(installed.refresh_token);
    expect(await slackError(refresh())).toBe('invalid_refresh_token');
    expect(await slackError(client(installed.access_token).auth.test())).toBe('token_revoked');
    await expect(client(refreshed.access_token).auth.test()).resolves.toMatchObject({ ok: true });
    clock.advance(43200 * 1000);
    expect(await slackError(client(refreshed.access_token).auth.test())).toBe('token_expired');
  });
});

describe('auth.test', () => {
  it('tells the bot token’s owner', async () => {
    const answer = await client(botToken()).auth.test();

    expect(answer).toMatchObject({
      ok: true,
      url: 'https://acme.slack.com/',
      team: 'Acme',
      team_id: 'T1',
      user_id: 'UBOT1',
      is_enterprise_install: false,
    });
    expect(answer.bot_id).toMatch(/^B/);
  });

  it('answers not_authed, invalid_auth and token_revoked', async () => {
    const revoked = botToken();
    standIn.revokeToken(revoked);

    expect(await slackError(client().auth.test())).toBe('not_authed');
    expect(await slackError(client('xoxb-1-2-nope').auth.test())).toBe('invalid_auth');
    expect(await slackError(client(revoked).auth.test())).toBe('token_revoked');
  });
});

describe('failures', () => {
  it('answers a queued 429 with Retry-After', async () => {
    standIn.fail('chat.postMessage', { status: 429, retryAfter: 7, times: 1 });
    const limited = client(botToken(), { rejectRateLimitedCalls: true });

    const error = await limited.chat.postMessage({ channel: 'U1', text: 'hi' }).catch((e) => e);

    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    await expect(limited.chat.postMessage({ channel: 'U1', text: 'hi' })).resolves.toBeTruthy();
  });

  it('sends the 429 as Slack does on the wire', async () => {
    standIn.fail('auth.test', { status: 429, retryAfter: 3 });

    const response = await fetch(`${standIn.apiUrl}auth.test`, { method: 'POST' });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('answers a queued Slack error only for matching calls', async () => {
    const when = (call: { args: Record<string, unknown> }) => call.args.user === 'U2';
    standIn.fail('users.info', { error: 'fatal_error', when });
    const bot = client(botToken());

    expect(await slackError(bot.users.info({ user: 'U2' }))).toBe('fatal_error');
    await expect(bot.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
  });
});

describe('chat.postMessage', () => {
  it('sends a DM to a user id on a stable D channel', async () => {
    const bot = client(botToken());

    const first = await bot.chat.postMessage({ channel: 'U1', text: 'one' });
    const second = await bot.chat.postMessage({ channel: 'U1', text: 'two' });

    expect(first.channel).toMatch(/^D/);
    expect(second.channel).toBe(first.channel);
    expect(second.ts).not.toBe(first.ts);
    expect(first.message).toMatchObject({ text: 'one', user: 'UBOT1' });
    expect(standIn.postedMessages().map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('rejects an unknown channel and more than 50 blocks', async () => {
    const post = client(botToken()).chat.postMessage;
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));

    expect(await slackError(post({ channel: 'C404', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(post({ channel: 'U1', text: 'x', blocks }))).toBe('invalid_blocks');
  });
});

describe('users', () => {
  it('answers users_not_found for unknown and deactivated emails', async () => {
    const lookup = (email: string) => client(botToken()).users.lookupByEmail({ email });

    expect(await slackError(lookup('nobody@acme.test'))).toBe('users_not_found');
    expect(await slackError(lookup('gone@acme.test'))).toBe('users_not_found');
    await expect(lookup('ADA@acme.test')).resolves.toMatchObject({
      user: { id: 'U1', profile: { email: 'ada@acme.test' } },
    });
  });

  it('gives locale only when asked, with tz and tz_offset', async () => {
    const bot = client(botToken());

    const withLocale = await bot.users.info({ user: 'U1', include_locale: true });
    const without = await bot.users.info({ user: 'U1' });

    expect(withLocale.user).toMatchObject({ locale: 'fr-FR', tz: 'Europe/Paris', tz_offset: 3600 });
    expect(without.user).not.toHaveProperty('locale');
  });
});

describe('views.publish', () => {
  it('publishes a Home view and rejects one over 100 blocks', async () => {
    const bot = client(botToken());
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }];
    const tooMany = Array.from({ length: 101 }, () => ({ type: 'divider' }));

    const answer = await bot.views.publish({ user_id: 'U1', view: { type: 'home', blocks } });

    expect(answer.view).toMatchObject({ team_id: 'T1', type: 'home', blocks });
    const call = bot.views.publish({ user_id: 'U1', view: { type: 'home', blocks: tooMany } });
    expect(await slackError(call)).toBe('invalid_arguments');
  });
});
