import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { loadConfig } from '../../src/shared/config';
import { VARIABLES } from '../../src/shared/config-variables';
import { ConfigError } from '../../src/shared/errors';

const key = Buffer.alloc(32, 1).toString('base64');
const valid = {
  APP_BASE_URL: 'https://acme.cocoom.com',
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef',
  SLACK_SIGNING_SECRET: 'signing-secret-0123456789abcdef',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  TOKEN_ENCRYPTION_KEYS: `k1:${key}`,
  INTERNAL_API_TOKENS: 'internal-token-0123456789abcdefghijklmnop',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('reads a complete environment, with defaults for the optional variables', () => {
    const config = loadConfig(valid);

    expect(config.port).toBe(3000);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.authorizeUrl).toBe('https://slack.com/oauth/v2/authorize');
    expect(config.platformUrl).toBe('https://acme.cocoom.com');
    expect(config.defaultLocale).toBe('fr');
    expect(config.tokenKeys[0]?.key).toHaveLength(32);
  });

  it('points every Slack URL at a configured base URL', () => {
    const config = loadConfig({ ...valid, SLACK_BASE_URL: 'http://127.0.0.1:9999/' });

    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.slack.authorizeUrl).toBe('http://127.0.0.1:9999/oauth/v2/authorize');
  });

  it('reports every problem at once, naming each variable and what it expects', () => {
    const problems = problemsOf({
      ...valid,
      SLACK_CLIENT_SECRET: undefined as never,
      APP_BASE_URL: 'acme.cocoom.com',
      SLACK_SIGNING_SECRET: 'short',
      PORT: 'eighty',
    });

    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/SLACK_CLIENT_SECRET is missing: expected .+Client Secret/);
    expect(problems.join('\n')).toMatch(/APP_BASE_URL is invalid: expected .+http\(s\) URL/);
    expect(problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET is invalid/);
    expect(problems.join('\n')).toMatch(/PORT is invalid: expected a TCP port/);
  });

  it.each([
    ['APP_BASE_URL', 'http://[bad'],
    ['APP_BASE_URL', 'http://acme.cocoom.com:99999'],
    ['APP_BASE_URL', 'https://admin:hunter2@acme.cocoom.com'],
    ['APP_BASE_URL', 'https://acme.cocoom.com/?next=1'],
    ['APP_BASE_URL', 'ftp://acme.cocoom.com'],
    ['SLACK_BASE_URL', 'http://[x'],
    ['COCOOM_PLATFORM_URL', 'http://[x'],
    ['PORT', '0x10'],
    ['PORT', '1e3'],
    ['PORT', '65536'],
    ['MONGODB_URI', 'mongodb://127.0.0.1:notaport/'],
    ['MONGODB_URI', 'postgres://127.0.0.1/db'],
  ])('names %s when it is %j', (name, value) => {
    const problems = problemsOf({ ...valid, [name]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} is invalid`));
    expect(problems[0]).not.toContain('hunter2');
  });

  it('never prints a secret’s value in its report', () => {
    const secretish = 'tooshort-secret';
    const error = (() => {
      try {
        return loadConfig({
          ...valid,
          SLACK_CLIENT_SECRET: secretish,
          TOKEN_ENCRYPTION_KEYS: 'k1:abc',
        });
      } catch (caught) {
        return caught as Error;
      }
    })();

    expect(String(error)).toContain('SLACK_CLIENT_SECRET');
    expect(String(error)).not.toContain(secretish);
    expect(String(error)).not.toContain('k1:abc');
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    const short = Buffer.alloc(31, 1).toString('base64');

    expect(problemsOf({ ...valid, TOKEN_ENCRYPTION_KEYS: `k1:${short}` })[0]).toMatch(
      /TOKEN_ENCRYPTION_KEYS is invalid: a key is not 32 bytes/,
    );
  });

  it('refuses two keys with one id', () => {
    expect(problemsOf({ ...valid, TOKEN_ENCRYPTION_KEYS: `k1:${key},k1:${key}` })[0]).toMatch(
      /share one key id/,
    );
  });

  it('is documented variable by variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);

    expect(listed.sort()).toEqual(Object.keys(VARIABLES).sort());
  });
});
