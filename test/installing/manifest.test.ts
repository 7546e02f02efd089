import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { createFlows } from '../../src/app';
import { EXAMPLE_BASE_URL, renderManifest } from '../../src/installing/manifest';
import { SLACK_METHOD_SCOPES } from '../../src/installing/slack-scopes';
import { type TestApp, startTestApp } from '../support/test-app';

const reference = join(__dirname, '../fixtures/slack-reference');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const committed = readJson(join(__dirname, '../../manifest.json'));

/** Slack's schema states the colour rule in a non-standard `regex` keyword: enforce it. */
function manifestValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, value: string) => new RegExp(pattern).test(value),
  });
  return ajv.compile(readJson(join(reference, 'manifest-schema/manifest.schema.1.0.0.json')));
}

describe('the app manifest', () => {
  it('is committed as rendered for the example base URL', () => {
    expect(committed).toEqual(renderManifest(EXAMPLE_BASE_URL));
  });

  it('validates against Slack’s manifest schema, colour rule included', () => {
    const validate = manifestValidator();

    expect(validate(committed)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(committed.display_information.background_color).toBe('#175AE4');
  });

  it('would be refused by that validator with a malformed colour (the rule is live)', () => {
    const validate = manifestValidator();
    const broken = structuredClone(committed);
    broken.display_information.background_color = '#175AEZ';

    expect(validate(broken)).toBe(false);
  });

  it('asks for bot scopes covering every Slack method the code calls, and no others', () => {
    const spec = readJson(join(reference, 'api-specs/slack_web_openapi_v2_without_examples.json'));
    const granted = new Set<string>(committed.oauth_config.scopes.bot);

    for (const method of calledMethods()) {
      expect(Object.keys(SLACK_METHOD_SCOPES)).toContain(method);
      const operation = Object.values(spec.paths[`/${method}`] ?? {})[0] as
        { security?: { slackAuth: string[] }[] } | undefined;
      const needs = (operation?.security?.[0]?.slackAuth ?? ['none']).map(modernScope);
      if (needs.includes('none')) continue;
      expect(needs.some((scope) => granted.has(scope))).toBe(true);
    }
    const needed = new Set(Object.values(SLACK_METHOD_SCOPES).flat());
    expect([...granted].sort()).toEqual([...needed].sort());
  });
});

describe('the manifest the running app serves', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => testApp.close());

  it('is rendered for the app’s own base URL', async () => {
    const served = await (await fetch(`${testApp.url}/slack/manifest.json`)).json();

    expect(served).toEqual(renderManifest(testApp.config.baseUrl));
  });

  it('subscribes to exactly the events the app handles', () => {
    const handled: string[] = [];
    const recorder = new Proxy(
      {},
      {
        get: (_target, method) => (name: unknown) => {
          if (method === 'event') handled.push(String(name));
        },
      },
    );
    for (const flow of createFlows(testApp.app.services)) flow.register?.(recorder as never);

    expect([...new Set(handled)].sort()).toEqual(
      [...renderManifest(testApp.url).settings.event_subscriptions.bot_events].sort(),
    );
  });

  it('points every URL at a route the app serves', async () => {
    const manifest = renderManifest(testApp.config.baseUrl);
    const getUrls = manifest.oauth_config.redirect_urls;
    const postUrls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];

    for (const url of getUrls) {
      expect(url.startsWith(testApp.url)).toBe(true);
      expect({ url, status: (await fetch(url, { redirect: 'manual' })).status }).not.toEqual({
        url,
        status: 404,
      });
    }
    for (const url of postUrls) {
      expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    }
  });
});

/** Web API methods called anywhere in src/, as `<client>.<family>.<method>(`. */
function calledMethods(): string[] {
  const families = 'auth|oauth|openid|views|chat|users|conversations|apps|team|reactions|files';
  const call = new RegExp(`\\.((?:${families})(?:\\.[a-zA-Z]+)+)\\(`, 'g');
  const found = new Set<string>();
  for (const file of sourceFiles(join(__dirname, '../../src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) found.add(String(match[1]));
  }
  return [...found];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The 2021 API description names some scopes by their classic names. */
function modernScope(scope: string): string {
  return scope.replace(/^chat:write:(bot|user)$/, 'chat:write');
}
