import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';

import { freePort } from './free-port';

declare global {
  // eslint-disable-next-line no-var
  var __FERRETDB__: ChildProcess | undefined;
}

/**
 * Points the tests at a MongoDB-wire server: `MONGODB_URI` when set (a real mongod, or the
 * FerretDB that `.ci/run` started), else a FerretDB started here on a free 127.0.0.1 port.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.MONGODB_URI) {
    const port = await freePort();
    globalThis.__FERRETDB__ = startFerretDb(port);
    process.env.MONGODB_URI = `mongodb://127.0.0.1:${port}/`;
  }
  await waitForServer(process.env.MONGODB_URI);
}

function startFerretDb(port: number): ChildProcess {
  const dir = mkdtempSync(join(tmpdir(), 'cocoom-ferretdb-'));
  const child = spawn(
    process.env.FERRETDB_BIN ?? 'ferretdb',
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--state-dir=-',
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: 'ignore' },
  );
  child.on('error', (error) => {
    process.stderr.write(
      `Cannot start ferretdb (${error.message}): set MONGODB_URI or install it\n`,
    );
  });
  return child;
}

async function waitForServer(uri: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      await client.close();
    }
  }
}
