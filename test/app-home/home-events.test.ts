import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { CATEGORIES } from '../../src/notifying/categories';
import {
  ACME,
  logged,
  member,
  nthViewFor,
  openHome,
  sameKeys,
  viewsFor,
} from '../support/app-home';
import { elementsWith, textsOf, tickedValues } from '../support/block-kit';
import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { viewProblems } from '../support/slack-stand-in/block-limits';
import { type TestApp, startTestApp } from '../support/test-app';

const USERS = [
  member('U0ADMIN', 'en-US'),
  member('U0ADA', 'fr-FR'),
  member('U0BOB', 'en-US'),
  member('U0CHLOE', 'fr-FR'),
  member('U0DAN', 'en-US'),
  member('U0EVE', 'fr-FR'),
  member('U0FRED', 'en-US'),
  member('U0GUS', 'en-US'),
  member('U0HAL', 'en-US'),
  member('U0IVY', 'en-US'),
];

async function installedApp(): Promise<TestApp> {
  const testApp = await startTestApp();
  testApp.standIn.addWorkspace({ teamId: ACME, teamName: 'Acme', users: USERS });
  testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0ADMIN' });
  expect((await install(testApp)).status).toBe(200);
  return testApp;
}

const dmsTo = (testApp: TestApp, userId: string) =>
  testApp.standIn
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === userId)
    .map((call) => ({
      text: String(call.args.text),
      blocks: textsOf(JSON.parse(String(call.args.blocks))),
    }));

describe('opening the Home tab', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await installedApp();
  });
  afterAll(async () => testApp.close());

  it('publishes a French Home to a French speaker, with Connect and Open Cocoom', async () => {
    await openHome(testApp, 'U0ADA');

    const view = await nthViewFor(testApp, 'U0ADA', 1);
    const text = textsOf(view.blocks);
    expect(text).toContain('Bienvenue sur Cocoom, <@U0ADA> !');
    expect(text).toContain("Votre compte Slack n'est pas encore connecté à Cocoom");
    expect(text).toContain("Rien pour l'instant");
    expect(text).toContain('Heures dans votre fuseau horaire Slack (Europe/Paris).');
    expect(text).toContain('*Récapitulatif* : activé.');
    expect(elementsWith(view.blocks, HOME_ACTIONS.connect)[0]?.url).toBe(
      `${testApp.config.baseUrl}/oidc/login`,
    );
    expect(elementsWith(view.blocks, HOME_ACTIONS.openCocoom)[0]?.url).toBe(
      testApp.config.platformUrl,
    );
    const boxes = elementsWith(view.blocks, HOME_ACTIONS.categories)[0] ?? {};
    expect(tickedValues(boxes)).toEqual([...CATEGORIES]);
    expect(testApp.standIn.violations).toEqual([]);
  });

  it('publishes an English Home to an English-speaking user', async () => {
    await openHome(testApp, 'U0BOB');

    const text = textsOf((await nthViewFor(testApp, 'U0BOB', 1)).blocks);
    expect(text).toContain('Welcome to Cocoom, <@U0BOB>!');
    expect(text).toContain('Your Slack account is not connected to Cocoom yet.');
    expect(text).toContain('Times are in your Slack time zone (America/New_York).');
    expect(text).toContain('Quizzes and challenges');
  });

  it('shows the Cocoom account of a user who signed in, without a Connect button', async () => {
    await testApp.app.services.identityLinks.upsert({
      teamId: ACME,
      userId: 'U0CHLOE',
      email: 'chloe@acme.test',
    });

    await openHome(testApp, 'U0CHLOE');

    const view = await nthViewFor(testApp, 'U0CHLOE', 1);
    expect(textsOf(view.blocks)).toContain(
      'Votre compte Slack est connecté à Cocoom en tant que *chloe@acme.test*.',
    );
    expect(elementsWith(view.blocks, HOME_ACTIONS.connect)).toEqual([]);
  });

  it('ignores the Messages tab: no Home, no welcome', async () => {
    await openHome(testApp, 'U0DAN', { tab: 'messages', eventId: 'EvMESSAGES1' });

    await logged(testApp, 'Messages tab', 'EvMESSAGES1');
    expect(viewsFor(testApp, 'U0DAN')).toEqual([]);
    expect(dmsTo(testApp, 'U0DAN')).toEqual([]);
  });

  it('welcomes a user once, in their language, on their first visit only', async () => {
    await openHome(testApp, 'U0EVE');
    await nthViewFor(testApp, 'U0EVE', 1);
    const [welcome] = await eventually(() => {
      const dms = dmsTo(testApp, 'U0EVE');
      expect(dms).toHaveLength(1);
      return dms;
    });
    expect(welcome?.text).toBe('Bienvenue sur Cocoom ! Votre micro-learning arrive dans Slack.');
    expect(welcome?.blocks).toContain("Ouvrez l'onglet *Accueil*");

    await openHome(testApp, 'U0EVE');
    await nthViewFor(testApp, 'U0EVE', 2);
    await logged(testApp, 'U0EVE', 'already welcomed');
    expect(dmsTo(testApp, 'U0EVE')).toHaveLength(1);
  });

  it('posts a welcome failed with a 503 once, and again on the next visit', async () => {
    // A 5xx may come after Slack posted the message: a retry could welcome the user twice.
    testApp.standIn.fail('chat.postMessage', {
      status: 503,
      times: 1,
      when: (call) => call.args.channel === 'U0IVY',
    });
    const posts = () =>
      testApp.standIn.callsTo('chat.postMessage').filter((call) => call.args.channel === 'U0IVY');

    await openHome(testApp, 'U0IVY');
    await logged(testApp, 'U0IVY', 'welcome not sent');
    expect(posts()).toHaveLength(1);

    await openHome(testApp, 'U0IVY');
    await logged(testApp, 'U0IVY', 'welcome sent');
    await openHome(testApp, 'U0IVY');
    await nthViewFor(testApp, 'U0IVY', 3);
    await logged(testApp, 'U0IVY', 'already welcomed');
    expect(posts()).toHaveLength(2);
  });

  it('keeps the Home within Slack limits with oversized account data', async () => {
    const email = `${'très-long-'.repeat(600)}@acme.test`;
    await testApp.app.services.identityLinks.upsert({ teamId: ACME, userId: 'U0FRED', email });

    await openHome(testApp, 'U0FRED');

    const view = await nthViewFor(testApp, 'U0FRED', 1);
    expect(viewProblems(view)).toEqual([]);
    expect(textsOf(view.blocks)).toMatch(/connected to Cocoom as \*(très-long-)+[^*]*…\*\./);
    expect(textsOf(view.blocks)).not.toContain('cannot be shown');
  });

  it('falls back to the default language when Slack cannot say the user’s locale', async () => {
    testApp.standIn.fail('users.info', { error: 'ratelimited', times: 1 });

    await openHome(testApp, 'U0HAL');

    const text = textsOf((await nthViewFor(testApp, 'U0HAL', 1)).blocks);
    expect(text).toContain('Bienvenue sur Cocoom, <@U0HAL> !');
    expect(text).toContain('Heures dans votre fuseau horaire Slack.');
    await logged(testApp, 'U0HAL', 'user profile unavailable', 'ratelimited');
  });

  it.each([
    ['U0GUS', 'cannot be shown right now'],
    ['U0ADA', "ne peut pas s'afficher"],
  ])(
    'publishes a fallback Home to %s when Slack refuses the Home, and logs Slack’s answer',
    async (userId, fallback) => {
      const before = viewsFor(testApp, userId).length;
      testApp.standIn.fail('views.publish', {
        error: 'invalid_blocks',
        times: 1,
        when: (call) => call.args.user_id === userId,
      });

      await openHome(testApp, userId);

      const view = await nthViewFor(testApp, userId, before + 2);
      expect(textsOf(view.blocks)).toContain(fallback);
      await logged(testApp, userId, 'home view refused by Slack', 'invalid_blocks');
    },
  );
});

describe('Slack retrying an event', () => {
  it('neither republishes nor re-welcomes for one event id, even after a restart', async () => {
    const first = await installedApp();
    const retry = (n: number) => ({
      'X-Slack-Retry-Num': String(n),
      'X-Slack-Retry-Reason': 'http_timeout',
    });

    await openHome(first, 'U0ADA', { eventId: 'EvONCE0001' });
    await nthViewFor(first, 'U0ADA', 1);
    await eventually(() => expect(dmsTo(first, 'U0ADA')).toHaveLength(1));
    await openHome(first, 'U0ADA', { eventId: 'EvONCE0001', headers: retry(1) });
    await logged(first, 'repeated app_home_opened ignored', 'EvONCE0001');
    await first.stopApp();

    const second = await startTestApp({
      database: first.database,
      standIn: first.standIn,
      env: sameKeys(first),
    });
    await openHome(second, 'U0ADA', { eventId: 'EvONCE0001', headers: retry(2) });
    await logged(second, 'repeated app_home_opened ignored', 'EvONCE0001');

    expect(viewsFor(second, 'U0ADA')).toHaveLength(1);
    expect(dmsTo(second, 'U0ADA')).toHaveLength(1);
    await second.close();
    await first.close();
  });
});
