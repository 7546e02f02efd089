import { type Db, MongoClient } from 'mongodb';

/** An open connection to the app's database. */
export interface Database {
  client: MongoClient;
  db: Db;
  /** Resolves when the server answers a ping; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Connects to MongoDB. Fails fast (5 s) when no server answers, so start-up says so clearly. */
export async function connectDatabase(uri: string, dbName: string): Promise<Database> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, appName: 'cocoom-slack' });
  await client.connect();
  const db = client.db(dbName);
  return {
    client,
    db,
    ping: async () => {
      await db.command({ ping: 1 });
    },
    close: () => client.close(),
  };
}
