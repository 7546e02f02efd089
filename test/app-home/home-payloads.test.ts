import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { HOME_ACTIONS } from '../../src/app-home/home-action-ids';
import { ACME, logged, member, nthViewFor, openHome } from '../support/app-home';
import { textsOf } from '../support/block-kit';
import { eventually } from '../support/eventually';
import { install } from '../support/install-flow';
import { homeBlockActions } from '../support/slack-actions';
import { eventEnvelope } from '../support/slack-events';
import { postSignedAction, postSignedEvent } from '../support/slack-signature';
import { type TestApp, startTestApp } from '../support/test-app';

describe('Home payloads Slack may send', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    const users = [member('U0ADMIN', 'en-US'), member('U0MAX', 'en-US')];
    testApp.standIn.addWorkspace({ teamId: ACME, teamName: 'Acme', users });
    testApp.standIn.nextInstall({ teamId: ACME, userId: 'U0ADMIN' });
    expect((await install(testApp)).status).toBe(200);
  });
  afterAll(async () => testApp.close());

  it('saves a click in the Home’s workspace, not in the user’s own team', async () => {
    // A member from another workspace of the organization (Enterprise Grid, shared workspace):
    // Slack sends their own team as user.team_id, and the Home's workspace as team.id.
    const digestOff = { type: 'button', action_id: HOME_ACTIONS.digest, value: 'off' };
    const payload = homeBlockActions({ teamId: ACME, userId: 'U0MAX' }, digestOff);
    payload.user.team_id = 'T0ELSEWHERE';
    const secret = testApp.config.slack.signingSecret;

    const answer = await postSignedAction(`${testApp.url}/slack/events`, secret, payload);

    expect(answer.status).toBe(200);
    expect(textsOf((await nthViewFor(testApp, 'U0MAX', 1)).blocks)).toContain('*Digest*: off.');
    const { preferences } = testApp.app.services;
    expect((await preferences.get(ACME, 'U0MAX')).digest).toBe(false);
    expect((await preferences.get('T0ELSEWHERE', 'U0MAX')).digest).toBe(true);
    await openHome(testApp, 'U0MAX');
    expect(textsOf((await nthViewFor(testApp, 'U0MAX', 2)).blocks)).toContain('*Digest*: off.');
    // The first opening also welcomes the member: let it land before the next test counts calls.
    await eventually(() => {
      const welcomes = testApp.standIn.callsTo('chat.postMessage');
      expect(welcomes.some((call) => call.args.channel === 'U0MAX')).toBe(true);
    });
  });

  it('ignores an app_home_opened without a user: nothing published, nothing sent', async () => {
    const before = testApp.standIn.calls.length;
    const event = { type: 'app_home_opened', channel: 'D0HOME', tab: 'home' };
    const envelope = eventEnvelope(event, { teamId: ACME, eventId: 'EvNOUSER01' });
    const secret = testApp.config.slack.signingSecret;

    const answer = await postSignedEvent(`${testApp.url}/slack/events`, secret, envelope);

    expect(answer.status).toBe(200);
    await logged(testApp, 'without a workspace or a user ignored', 'EvNOUSER01');
    const methods = testApp.standIn.calls.slice(before).map((call) => call.method);
    expect(methods.filter((method) => method !== 'auth.test')).toEqual([]);
    expect(testApp.standIn.violations).toEqual([]);
  });
});
