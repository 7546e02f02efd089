import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { eventEnvelope } from '../support/slack-events';
import { postSignedEvent } from '../support/slack-signature';
import { type TestApp, startTestApp } from '../support/test-app';

describe('when Slack says the app lost access', () => {
  let testApp: TestApp;
  const installations = () => testApp.database.db.collection('installations');
  const userInstallations = () => testApp.database.db.collection('user_installations');
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.standIn.addWorkspace({
      teamId: 'T0ACME',
      users: [{ id: 'U0ADMIN' }, { id: 'U0ANNA' }, { id: 'U0BOB' }],
    });
  });
  afterAll(async () => testApp.close());
  beforeEach(async () => {
    testApp.logLines.length = 0;
    await installations().deleteMany({});
    await userInstallations().deleteMany({});
    testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
    for (const userId of ['U0ANNA', 'U0BOB']) {
      testApp.standIn.nextInstall({
        teamId: 'T0ACME',
        userId,
        withBot: false,
        userScopes: ['openid'],
      });
      expect((await install(testApp)).status).toBe(200);
    }
    expect(await userInstallations().countDocuments()).toBe(2);
  });

  const send = (event: Record<string, unknown>, eventTime = now() + 1) =>
    postSignedEvent(
      `${testApp.url}/slack/events`,
      testApp.config.slack.signingSecret,
      eventEnvelope(event, { teamId: 'T0ACME', eventTime }),
    );
  const uninstalled = { type: 'app_uninstalled' };
  const revoked = (oauth: string[], bot: string[] = []) => ({
    type: 'tokens_revoked',
    tokens: { oauth, bot },
  });
  const botUserId = async () => (await installations().findOne({}))?.bot.userId as string;

  it('app_uninstalled removes the workspace’s installation and every user grant', async () => {
    expect((await send(uninstalled)).status).toBe(200);

    await eventually(async () => {
      expect(await installations().countDocuments()).toBe(0);
      expect(await userInstallations().countDocuments()).toBe(0);
    });
  });

  it('tokens_revoked removes exactly the revoked user grants', async () => {
    expect((await send(revoked(['U0ANNA']))).status).toBe(200);

    await eventually(async () => {
      expect(await userInstallations().countDocuments()).toBe(1);
    });
    expect(await userInstallations().countDocuments({ userId: 'U0BOB' })).toBe(1);
    expect(await installations().countDocuments()).toBe(1);
  });

  it('tokens_revoked for the bot user removes the bot token', async () => {
    await send(revoked([], [await botUserId()]));

    await eventually(async () => expect(await installations().countDocuments()).toBe(0));
    expect(await userInstallations().countDocuments()).toBe(2);
  });

  it('handles both events in either order, and again when Slack retries them', async () => {
    const bot = await botUserId();
    for (const event of [revoked(['U0ANNA', 'U0BOB'], [bot]), uninstalled, uninstalled]) {
      expect((await send(event)).status).toBe(200);
    }
    await send(revoked(['U0ANNA'], [bot]));

    await eventually(async () => {
      expect(await installations().countDocuments()).toBe(0);
      expect(await userInstallations().countDocuments()).toBe(0);
    });
  });

  it('leaves a re-installation alone when an older uninstall event arrives late', async () => {
    const stale = now() - 3600;

    expect((await send(uninstalled, stale)).status).toBe(200);
    await send(revoked(['U0ANNA'], [await botUserId()]), stale);

    await eventually(() => {
      const log = testApp.logLines.join('');
      expect(log).toContain('uninstalled T:T0ACME');
      expect(log).toContain('tokens revoked in T:T0ACME');
    });
    expect(await installations().countDocuments()).toBe(1);
    expect(await userInstallations().countDocuments()).toBe(2);
  });
});
