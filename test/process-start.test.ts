import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { eventually } from './support/eventually';
import { freePort } from './support/free-port';
import { testMongoUri } from './support/database';

const root = join(__dirname, '..');
const env = (port: number) => ({
  PATH: process.env.PATH ?? '',
  APP_BASE_URL: `http://127.0.0.1:${port}`,
  PORT: String(port),
  HOST: '127.0.0.1',
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef',
  SLACK_SIGNING_SECRET: 'signing-secret-0123456789abcdef',
  MONGODB_URI: testMongoUri(),
  MONGODB_DB: `test_start_${randomBytes(4).toString('hex')}`,
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  INTERNAL_API_TOKENS: 'internal-token-0123456789abcdefghijklmnop',
});

/** Runs the built entry point the way `npm start` does, from a directory without a .env. */
function start(vars: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], { env: vars, cwd: '/' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return Object.assign(child, { output: () => output });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('the app process', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
  }, 60_000);

  it('serves with a complete configuration and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = start(env(port));

    await eventually(async () => {
      const live = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(live.status).toBe(200);
    }, 15_000);
    child.kill('SIGTERM');

    expect(await exitCode(child)).toBe(0);
    expect(child.output()).toContain('"msg":"stopped"');
  });

  it('says what is wrong with a broken configuration and exits non-zero', async () => {
    const broken = { ...env(await freePort()), SLACK_SIGNING_SECRET: '', APP_BASE_URL: 'nope' };
    const child = start(broken);

    expect(await exitCode(child)).toBe(78);
    expect(child.output()).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(child.output()).toMatch(/APP_BASE_URL is invalid/);
    expect(child.output()).not.toContain(broken.TOKEN_ENCRYPTION_KEYS);
  });

  it('says so when MongoDB cannot be reached', async () => {
    const vars = {
      ...env(await freePort()),
      MONGODB_URI: `mongodb://127.0.0.1:${await freePort()}`,
    };
    const child = start(vars);

    expect(await exitCode(child)).toBe(1);
    expect(child.output()).toContain('cannot reach MongoDB');
  }, 20_000);
});
