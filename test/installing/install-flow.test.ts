import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { TokenCipher } from '../../src/shared/token-cipher';
import { eventually } from '../support/eventually';
import { finishInstall, install, startInstall } from '../support/install-flow';
import { appHomeOpened, eventEnvelope } from '../support/slack-events';
import { postSignedEvent } from '../support/slack-signature';
import { type TestApp, startTestApp } from '../support/test-app';

describe('installing from "Add to Slack"', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.standIn.addWorkspace({
      teamId: 'T0ACME',
      teamName: 'Acme',
      users: [{ id: 'U0ADMIN' }],
    });
    testApp.standIn.addWorkspace({
      teamId: 'T0GLOBEX',
      teamName: 'Globex',
      users: [{ id: 'U0BOSS' }],
    });
  });
  afterAll(async () => testApp.close());
  beforeEach(() => testApp.standIn.reset());

  const installations = () => testApp.database.db.collection('installations');
  const openBotToken = (doc: { _id: unknown; bot: { token: string } }) =>
    new TokenCipher(testApp.config.tokenKeys).open(doc.bot.token, `${doc._id}/bot.token`);

  it('stores the installation encrypted and serves Home events with its token', async () => {
    testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });

    const done = await install(testApp);

    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Acme');
    const stored = await installations().findOne({ teamId: 'T0ACME' });
    expect(stored?._id).toBe('T:T0ACME');
    expect(stored?.bot.token).toMatch(/^v1\.k1\./);
    expect(JSON.stringify(stored)).not.toMatch(/xox[bpe]/);
    const botToken = openBotToken(stored as never);
    expect(botToken).toMatch(/^xox/);

    const answer = await postSignedEvent(
      `${testApp.url}/slack/events`,
      testApp.config.slack.signingSecret,
      eventEnvelope(appHomeOpened('U0ADMIN'), { teamId: 'T0ACME' }),
    );

    expect(answer.status).toBe(200);
    const [publish] = await eventually(() => {
      const calls = testApp.standIn.callsTo('views.publish');
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(publish?.token).toBe(botToken);
    expect(publish?.args.user_id).toBe('U0ADMIN');
    expect(testApp.standIn.violations).toEqual([]);
  });

  it('keeps two workspaces installed side by side, each with its own token', async () => {
    testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
    testApp.standIn.nextInstall({ teamId: 'T0GLOBEX', userId: 'U0BOSS' });
    expect((await install(testApp)).status).toBe(200);

    for (const [teamId, user] of [
      ['T0ACME', 'U0ADMIN'],
      ['T0GLOBEX', 'U0BOSS'],
    ] as const) {
      await postSignedEvent(
        `${testApp.url}/slack/events`,
        testApp.config.slack.signingSecret,
        eventEnvelope(appHomeOpened(user), { teamId }),
      );
    }

    const calls = await eventually(() => {
      const found = testApp.standIn.callsTo('views.publish');
      expect(found).toHaveLength(2);
      return found;
    });
    const acme = openBotToken((await installations().findOne({ teamId: 'T0ACME' })) as never);
    const globex = openBotToken((await installations().findOne({ teamId: 'T0GLOBEX' })) as never);
    expect(acme).not.toBe(globex);
    const tokenFor = (user: string) => calls.find((c) => c.args.user_id === user)?.token;
    expect(tokenFor('U0ADMIN')).toBe(acme);
    expect(tokenFor('U0BOSS')).toBe(globex);
    expect(await installations().countDocuments()).toBe(2);
  });

  it('installs org-wide on Enterprise Grid and serves every workspace of the org', async () => {
    testApp.standIn.addWorkspace({
      teamId: 'T0GRIDA',
      enterpriseId: 'E0GRID',
      enterpriseName: 'Grid Corp',
      users: [{ id: 'W0ORGADMIN' }],
    });
    testApp.standIn.nextInstall({
      enterpriseId: 'E0GRID',
      isEnterpriseInstall: true,
      userId: 'W0ORGADMIN',
    });

    expect((await install(testApp)).status).toBe(200);
    const stored = await installations().findOne({ _id: 'E:E0GRID' as never });
    expect(stored?.isEnterpriseInstall).toBe(true);
    await postSignedEvent(
      `${testApp.url}/slack/events`,
      testApp.config.slack.signingSecret,
      eventEnvelope(appHomeOpened('W0ORGADMIN'), {
        teamId: 'T0GRIDA',
        enterpriseId: 'E0GRID',
        isEnterpriseInstall: true,
      }),
    );

    const [publish] = await eventually(() => {
      const calls = testApp.standIn.callsTo('views.publish');
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(publish?.token).toBe(openBotToken(stored as never));
  });

  describe('refuses a callback whose state is not this browser’s fresh one', () => {
    beforeEach(async () => {
      await installations().deleteMany({});
      testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    });

    it('without the state cookie', async () => {
      const redirect = await startInstall(testApp);
      const answer = await finishInstall({ ...redirect, cookie: '' });
      await expectRefused(answer);
    });

    it('with a state that is not the one in the cookie', async () => {
      const redirect = await startInstall(testApp);
      const wrong = redirect.callbackUrl.replace(/state=[^&]+/, 'state=forged');
      await expectRefused(await finishInstall({ ...redirect, callbackUrl: wrong }));
    });

    it('without any state', async () => {
      const redirect = await startInstall(testApp);
      const none = redirect.callbackUrl.replace(/&?state=[^&]+/, '');
      await expectRefused(await finishInstall({ ...redirect, callbackUrl: none }));
    });

    it('with a state already used once (replayed callback)', async () => {
      const redirect = await startInstall(testApp);
      expect((await finishInstall(redirect)).status).toBe(200);
      await installations().deleteMany({});

      await expectRefused(await finishInstall(redirect));
    });

    it('when the admin cancelled on Slack’s page', async () => {
      const redirect = await startInstall(testApp);
      const cancelled = redirect.callbackUrl.replace(/code=[^&]+/, 'error=access_denied');
      const answer = await finishInstall({ ...redirect, callbackUrl: cancelled });
      await expectRefused(answer);
    });

    async function expectRefused(answer: Response) {
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('text/html');
      const page = await answer.text();
      expect(page).toContain('/slack/install');
      expect(page).not.toMatch(/at \w+ \(|Error:/);
      expect(await installations().countDocuments()).toBe(0);
    }
  });

  it('explains a refusal from Slack other than a cancel, and uses up the state', async () => {
    await installations().deleteMany({});
    testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    const redirect = await startInstall(testApp);
    const refused = redirect.callbackUrl.replace(/code=[^&]+/, 'error=invalid_scope');

    const answer = await finishInstall({ ...redirect, callbackUrl: refused });

    expect(answer.status).toBe(400);
    expect(answer.headers.get('set-cookie')).toMatch(/slack-app-oauth-state=;.*Max-Age=0/);
    expect(await answer.text()).toContain('invalid_scope');
    expect((await finishInstall(redirect)).status).toBe(400);
    expect(await installations().countDocuments()).toBe(0);
  });

  it('ends on a plain page, not a stack trace, when the database is down', async () => {
    await testApp.database.client.close();
    try {
      const answer = await fetch(`${testApp.url}/slack/install`, { redirect: 'manual' });

      expect(answer.status).toBe(500);
      const page = await answer.text();
      expect(page).toContain('/slack/install');
      expect(page).not.toMatch(/Error|node_modules|ECONNREFUSED/);
    } finally {
      await testApp.database.client.connect();
    }
  });

  it('tells the admin in English when the browser asks for English', async () => {
    testApp.standIn.nextInstall({ teamId: 'T0ACME', userId: 'U0ADMIN' });
    const redirect = await startInstall(testApp);
    const answer = await fetch(redirect.callbackUrl.replace(/state=[^&]+/, 'state=forged'), {
      headers: { cookie: redirect.cookie, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(await answer.text()).toContain('Start the installation again');
  });
});
