import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { WebClient } from '@slack/web-api';

import { createAuthorize } from '../../src/installing/authorize';
import { InstallationStore } from '../../src/installing/installation-store';
import { TokenRotation } from '../../src/installing/token-rotation';
import { ManualClock } from '../../src/shared/clock';
import { LeaseStore } from '../../src/shared/leases';
import { createLogger } from '../../src/shared/logger';
import { TokenCipher } from '../../src/shared/token-cipher';
import { openTestDatabase } from '../support/database';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in';
import { workspaceInstall } from './installation-store.contract';

describe('token rotation', () => {
  let standIn: SlackStandIn;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = new ManualClock(new Date());
  const cipher = new TokenCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
  const query = { teamId: 'T0ROT', enterpriseId: undefined, isEnterpriseInstall: false };

  beforeAll(async () => {
    standIn = await startSlackStandIn({ clock });
    standIn.addWorkspace({ teamId: 'T0ROT', users: [{ id: 'U0ADMIN' }] });
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    await standIn.close();
  });
  beforeEach(() => standIn.reset());

  /** One process's view: its own store, rotation and authorize on the shared database. */
  function process(keys = cipher) {
    const store = new InstallationStore(database.db, keys, clock);
    const rotation = new TokenRotation({
      slack: new WebClient(undefined, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } }),
      clientId: standIn.clientId,
      clientSecret: standIn.clientSecret,
      cipher: keys,
      clock,
      logger: createLogger('silent'),
      leases: new LeaseStore(database.db, clock),
    });
    return { store, authorize: createAuthorize(store, rotation, keys) };
  }

  async function installExpiringIn(seconds: number) {
    const issued = standIn.issueToken('bot', 'T0ROT', 'U0BOT', { expiresInSeconds: seconds });
    const install = workspaceInstall('T0ROT');
    install.bot = {
      ...install.bot,
      token: issued.token,
      refreshToken: issued.refreshToken,
      expiresAt: Math.floor(clock.now().getTime() / 1000) + seconds,
      scopes: ['chat:write'],
      id: 'B0BOT',
      userId: 'U0BOT',
    };
    await process().store.storeInstallation(install);
    return issued.token;
  }

  const refreshCalls = () =>
    standIn.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');

  it('keeps a token far from expiry without calling Slack', async () => {
    const token = await installExpiringIn(12 * 3600);

    const result = await process().authorize(query);

    expect(result.botToken).toBe(token);
    expect(refreshCalls()).toHaveLength(0);
  });

  it('refreshes a token near expiry once and stores the new one encrypted', async () => {
    const old = await installExpiringIn(600);

    const result = await process().authorize(query);

    expect(result.botToken).not.toBe(old);
    expect(refreshCalls()).toHaveLength(1);
    const auth = await new WebClient(result.botToken, { slackApiUrl: standIn.apiUrl }).auth.test();
    expect(auth.team_id).toBe('T0ROT');
    const stored = await database.db.collection('installations').findOne({ teamId: 'T0ROT' });
    expect(JSON.stringify(stored)).not.toContain(String(result.botToken));
    expect((await process().authorize(query)).botToken).toBe(result.botToken);
  });

  it('refreshes once when many requests in many processes arrive together', async () => {
    await installExpiringIn(600);
    const processes = [process(), process(), process()];

    const results = await Promise.all(
      processes.flatMap((p) => Array.from({ length: 5 }, () => p.authorize(query))),
    );

    expect(refreshCalls()).toHaveLength(1);
    expect(new Set(results.map((r) => r.botToken)).size).toBe(1);
  });

  it('fails with a coded error when Slack refuses the refresh, and frees the lease', async () => {
    await installExpiringIn(600);
    standIn.fail('oauth.v2.access', { error: 'invalid_refresh_token', times: 1 });

    await expect(process().authorize(query)).rejects.toMatchObject({
      code: 'token_refresh_failed',
    });
    const retried = await process().authorize(query);

    expect(retried.botToken).toMatch(/^xoxe/);
    expect(refreshCalls()).toHaveLength(2);
  });

  it('seals a token again with the new first key, without calling Slack', async () => {
    const { token } = standIn.issueToken('bot', 'T0ROT', 'U0BOT');
    const install = workspaceInstall('T0ROT');
    if (install.bot) install.bot.token = token;
    await process().store.storeInstallation(install);
    const rotated = new TokenCipher([{ id: 'k2', key: Buffer.alloc(32, 9) }, ...oldKeys()]);

    const result = await process(rotated).authorize(query);

    expect(result.botToken).toBe(token);
    const stored = await database.db.collection('installations').findOne({ teamId: 'T0ROT' });
    expect(stored?.bot.token).toMatch(/^v1\.k2\./);
    expect(rotated.open(stored?.bot.token, 'T:T0ROT/bot.token')).toBe(token);
    expect(refreshCalls()).toHaveLength(0);
  });

  function oldKeys() {
    return [{ id: 'k1', key: Buffer.alloc(32, 7) }];
  }
});
