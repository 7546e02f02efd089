import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createLogger, scrubSecrets } from '../../src/shared/logger';
import { install } from '../support/install-flow';
import { appHomeOpened, eventEnvelope } from '../support/slack-events';
import { postSignedEvent } from '../support/slack-signature';
import { type TestApp, startTestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

/** Slack token and JWT shapes: none of these may ever reach the log. */
const SECRET_SHAPES = [/xox[a-z]?[.-][A-Za-z0-9]/, /xapp-[A-Za-z0-9]/, /eyJ[\w-]+\.eyJ[\w-]+\./];

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

describe('the log', () => {
  it('redacts secret fields by name', () => {
    const { logger, lines } = capture();

    logger.info({ token: 'abc', refreshToken: 'def', oauthCode: 'c0de', state: 's', code: 'kept' });

    expect(lines.join('')).not.toMatch(/abc|def|c0de|"s"/);
    expect(lines.join('')).toContain('"code":"kept"');
  });

  it('scrubs token- and JWT-shaped strings wherever they hide', () => {
    const { logger, lines } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMSJ9.c2lnbmF0dXJl';

    logger.error({ err: new Error(`Slack refused xoxb-123-456-abc and ${jwt}`) }, 'failed');
    logger.info(`called with xoxe.xoxp-1-abcdef and xapp-1-A1-abc`);

    for (const shape of SECRET_SHAPES) expect(lines.join('')).not.toMatch(shape);
    expect(scrubSecrets('Bearer xoxp-1-2')).toBe('Bearer [redacted]');
    expect(scrubSecrets('https://x/authorize?scope=a&state=s3cr3t&client_id=1')).toBe(
      'https://x/authorize?scope=a&state=[redacted]&client_id=1',
    );
    expect(scrubSecrets('{"msg":"body: {\\"code\\":\\"abc123\\",\\"client_id\\":\\"1\\"}"}')).toBe(
      '{"msg":"body: {\\"code\\":\\"[redacted]\\",\\"client_id\\":\\"1\\"}"}',
    );
  });

  describe('of a whole install and event, at debug level', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await startTestApp();
      testApp.standIn.addWorkspace({ teamId: 'T0LOG', users: [{ id: 'U0LOG' }] });
    });
    afterAll(async () => testApp.close());

    it('holds no token, JWT, OAuth code or state', async () => {
      testApp.standIn.nextInstall({ teamId: 'T0LOG', userId: 'U0LOG', tokenRotation: true });
      const done = await install(testApp);
      expect(done.status).toBe(200);
      await postSignedEvent(
        `${testApp.url}/slack/events`,
        testApp.config.slack.signingSecret,
        eventEnvelope(appHomeOpened('U0LOG'), { teamId: 'T0LOG' }),
      );
      await eventually(() => expect(testApp.standIn.callsTo('views.publish')).toHaveLength(1));

      const log = testApp.logLines.join('');
      expect(log).toContain('"msg":"installed"');
      for (const shape of SECRET_SHAPES) expect(log).not.toMatch(shape);
      const authorize = testApp.standIn.callsTo('oauth/v2/authorize')[0];
      expect(log).not.toContain(String(authorize?.args.state));
      const exchange = testApp.standIn.callsTo('oauth.v2.access')[0];
      expect(log).not.toContain(String(exchange?.args.code));
      expect(log).not.toContain(testApp.config.slack.clientSecret);
    });
  });
});
