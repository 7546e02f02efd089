import { randomBytes } from 'node:crypto';

import { connectDatabase, type Database } from '../../src/shared/database';

/** The MongoDB-wire server the tests run against (see global-setup.ts). */
export function testMongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global setup did not run');
  return uri;
}

/** A fresh database with a unique name for one test file; `drop()` removes it. */
export async function openTestDatabase(
  uri = testMongoUri(),
): Promise<Database & { name: string; drop(): Promise<void> }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const database = await connectDatabase(uri, name);
  return {
    ...database,
    name,
    drop: async () => {
      await database.db.dropDatabase();
      await database.close();
    },
  };
}
