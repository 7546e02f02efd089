import { randomBytes } from 'node:crypto';

import { InstallationStore } from '../../src/installing/installation-store';
import { ManualClock } from '../../src/shared/clock';
import { TokenCipher } from '../../src/shared/token-cipher';
import { openTestDatabase } from '../support/database';
import { installationStoreContract } from './installation-store.contract';

installationStoreContract('the MongoDB installation store', async () => {
  const database = await openTestDatabase();
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const cipher = new TokenCipher([{ id: 'k1', key: randomBytes(32) }]);
  const store = new InstallationStore(database.db, cipher, clock);
  await store.ensureIndexes();
  return {
    store,
    clock,
    clear: async () => {
      await store.installations.deleteMany({});
      await store.userInstallations.deleteMany({});
    },
    rawDump: async () =>
      JSON.stringify([
        await store.installations.find().toArray(),
        await store.userInstallations.find().toArray(),
      ]),
    close: () => database.drop(),
  };
});
