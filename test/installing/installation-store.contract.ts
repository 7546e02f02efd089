import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Installation } from '@slack/oauth';

import type { InstallationStore } from '../../src/installing/installation-store';
import type { ManualClock } from '../../src/shared/clock';

/** What the contract needs from a store under test. */
export interface StoreUnderTest {
  store: InstallationStore;
  clock: ManualClock;
  /** Empties the store between tests. */
  clear(): Promise<void>;
  /** The raw stored documents, to prove what is (not) kept in clear. */
  rawDump(): Promise<string>;
  close(): Promise<void>;
}

/** A workspace installation as Slack's OAuth v2 callback produces it. */
export function workspaceInstall(teamId: string, overrides: Partial<Installation> = {}) {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    isEnterpriseInstall: false,
    appId: 'A0COCOOM',
    authVersion: 'v2',
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${teamId}-bot`,
      scopes: ['chat:write'],
      id: 'B0BOT',
      userId: 'U0BOT',
    },
    ...overrides,
  } as Installation; // the SDK's conditional types do not narrow on literals
}

/** An org-wide installation on Enterprise Grid. */
export function orgInstall(enterpriseId: string) {
  return {
    ...workspaceInstall('unused'),
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid' },
    isEnterpriseInstall: true,
    bot: {
      token: `xoxb-${enterpriseId}-bot`,
      scopes: ['chat:write'],
      id: 'B0ORG',
      userId: 'U0ORG',
    },
  } as Installation; // as above
}

/** A user who granted user scopes only: no bot in the installation. */
export function userGrant(teamId: string, userId: string, token: string) {
  return {
    ...workspaceInstall(teamId),
    bot: undefined,
    user: { id: userId, token, scopes: ['openid'] },
  } as Installation; // as above
}

/**
 * The installation store's contract: every implementation must pass it.
 */
export function installationStoreContract(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`${name} keeps the installation store contract`, () => {
    let subject: StoreUnderTest;
    const q = (teamId: string, extra: Record<string, unknown> = {}) =>
      ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false, ...extra }) as never;

    beforeEach(async () => {
      subject ??= await open();
      await subject.clear();
    });
    afterAll(async () => subject?.close());

    it('returns a stored workspace installation with its bot token', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));

      const found = await subject.store.fetchInstallation(q('T1'));

      expect(found.bot?.token).toBe('xoxb-T1-bot');
      expect(found.team?.id).toBe('T1');
    });

    it('never keeps a token in clear', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.storeInstallation(userGrant('T1', 'U1', 'xoxp-secret-user'));

      const raw = await subject.rawDump();

      expect(raw).not.toContain('xoxb-T1-bot');
      expect(raw).not.toContain('xoxp-secret-user');
    });

    it('fails clearly for a workspace that never installed', async () => {
      await expect(subject.store.fetchInstallation(q('T404'))).rejects.toMatchObject({
        code: 'installation_not_found',
      });
    });

    it('serves a workspace of an org from the org-wide installation', async () => {
      await subject.store.storeInstallation(orgInstall('E1'));

      const found = await subject.store.fetchInstallation(q('T7', { enterpriseId: 'E1' }));

      expect(found.bot?.token).toBe('xoxb-E1-bot');
      expect(found.isEnterpriseInstall).toBe(true);
    });

    it('prefers a workspace’s own installation over its org’s', async () => {
      await subject.store.storeInstallation(orgInstall('E1'));
      await subject.store.storeInstallation(
        workspaceInstall('T7', { enterprise: { id: 'E1', name: 'Grid' } }),
      );

      const found = await subject.store.fetchInstallation(q('T7', { enterpriseId: 'E1' }));

      expect(found.bot?.token).toBe('xoxb-T7-bot');
    });

    it('keeps the bot token when a user grants only user scopes', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.storeInstallation(userGrant('T1', 'U1', 'xoxp-u1'));

      const found = await subject.store.fetchInstallation(q('T1', { userId: 'U1' }));

      expect(found.bot?.token).toBe('xoxb-T1-bot');
      expect(found.user.token).toBe('xoxp-u1');
    });

    it('never hands a user another user’s token', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.storeInstallation(userGrant('T1', 'U1', 'xoxp-u1'));

      const other = await subject.store.fetchInstallation(q('T1', { userId: 'U2' }));
      const anonymous = await subject.store.fetchInstallation(q('T1'));

      expect(other.user.token).toBeUndefined();
      expect(other.user.id).toBe('U2');
      expect(anonymous.user.token).toBeUndefined();
    });

    it('updates a re-installation in place', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      const again = workspaceInstall('T1');
      if (again.bot) again.bot.token = 'xoxb-T1-new';
      await subject.store.storeInstallation(again);

      const found = await subject.store.fetchInstallation(q('T1'));

      expect(found.bot?.token).toBe('xoxb-T1-new');
      expect(await subject.store.installations.countDocuments({ teamId: 'T1' })).toBe(1);
    });

    it('keeps one record when the same workspace installs many times at once', async () => {
      const attempts = Array.from({ length: 5 }, (_, i) => {
        const again = workspaceInstall('T1');
        if (again.bot) again.bot.token = `xoxb-T1-${i}`;
        return subject.store.storeInstallation(again).catch(() => 'lost the race');
      });
      await Promise.all(attempts);

      expect(await subject.store.installations.countDocuments({ teamId: 'T1' })).toBe(1);
      const found = await subject.store.fetchInstallation(q('T1'));
      expect(found.bot?.token).toMatch(/^xoxb-T1-[0-4]$/);
    });

    it('reads MongoDB nulls as absent fields', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.installations.updateOne(
        { teamId: 'T1' },
        {
          $set: {
            enterpriseId: null,
            appId: null,
            'bot.refreshToken': null,
            'bot.expiresAt': null,
          },
        },
      );

      const found = await subject.store.fetchInstallation(q('T1'));

      expect(found.enterprise).toBeUndefined();
      expect(found.appId).toBeUndefined();
      expect(found.bot?.refreshToken).toBeUndefined();
      expect(found.bot?.expiresAt).toBeUndefined();
    });

    it('removes the installation and its users’ grants on uninstall, idempotently', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.storeInstallation(userGrant('T1', 'U1', 'xoxp-u1'));
      subject.clock.advance(1000);

      await subject.store.removeInstallation('T:T1', subject.clock.now());
      await subject.store.removeInstallation('T:T1', subject.clock.now());

      await expect(subject.store.fetchInstallation(q('T1'))).rejects.toMatchObject({
        code: 'installation_not_found',
      });
      expect(await subject.store.userInstallations.countDocuments()).toBe(0);
    });

    it('spares an installation newer than the uninstall event', async () => {
      const eventTime = subject.clock.now();
      subject.clock.advance(60_000);
      await subject.store.storeInstallation(workspaceInstall('T1'));

      await subject.store.removeInstallation('T:T1', eventTime);

      expect((await subject.store.fetchInstallation(q('T1'))).bot?.token).toBe('xoxb-T1-bot');
    });

    it('removes exactly the revoked users’ grants', async () => {
      await subject.store.storeInstallation(workspaceInstall('T1'));
      await subject.store.storeInstallation(userGrant('T1', 'U1', 'xoxp-u1'));
      await subject.store.storeInstallation(userGrant('T1', 'U2', 'xoxp-u2'));
      subject.clock.advance(1000);

      await subject.store.removeUsers('T:T1', ['U1'], subject.clock.now());

      expect((await subject.store.fetchInstallation(q('T1', { userId: 'U1' }))).user.token).toBe(
        undefined,
      );
      const u2 = await subject.store.fetchInstallation(q('T1', { userId: 'U2' }));
      expect(u2.user.token).toBe('xoxp-u2');
      expect(u2.bot?.token).toBe('xoxb-T1-bot');
    });
  });
}
