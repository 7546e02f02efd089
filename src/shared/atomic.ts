import type { Collection, Document, Filter, MongoServerError, UpdateFilter } from 'mongodb';

/**
 * Write primitives that are atomic on MongoDB and on MongoDB-compatible servers that implement
 * conditional writes as read-then-write (FerretDB 1.x: two concurrent `findOneAndUpdate` or
 * `findOneAndDelete` calls can both "win"). Only two operations are relied upon there: inserting
 * a unique `_id`, and the `deletedCount` of deleting one `_id`.
 */

/** True for MongoDB's duplicate key error. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as MongoServerError | undefined)?.code === 11000;
}

/** Inserts `doc`; false when its `_id` already exists (someone else claimed it first). */
export async function insertIfAbsent<T extends Document>(
  collection: Collection<T>,
  doc: T,
): Promise<boolean> {
  try {
    await collection.insertOne(doc as never); // the caller's documents carry their own _id
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** True when every write of a failed insert failed only because its `_id` exists. */
export function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  if (writeErrors === undefined) return isDuplicateKey(error);
  // The driver gives one write error alone, or several as a list; a bulk write that failed for
  // another reason (a connection cut) has an empty list, and must not pass for duplicates.
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return list.length > 0 && list.every(isDuplicateKey);
}

/** Inserts every document whose `_id` is not there yet, in one round trip; keeps the others. */
export async function insertAllIfAbsent<T extends Document>(
  collection: Collection<T>,
  docs: T[],
): Promise<void> {
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}

/**
 * Reads and deletes the document `_id`, for exactly one caller: concurrent callers all may read
 * it, but only the one whose delete removed it gets it back.
 */
export async function takeOnce<T extends Document & { _id: string }>(
  collection: Collection<T>,
  id: string,
): Promise<T | null> {
  const found = await collection.findOne({ _id: id } as never);
  if (found === null) return null;

  const removed = await collection.deleteOne({ _id: id } as never);
  return removed.deletedCount === 1 ? (found as T) : null;
}

/**
 * Updates the document `_id`, creating it when missing. Two callers creating it at once make one
 * of them fail with a duplicate key on some servers (FerretDB 1.x, and MongoDB in some cases);
 * the document exists by then, so that caller simply updates it.
 */
export async function upsertById<T extends Document & { _id: string }>(
  collection: Collection<T>,
  id: string,
  update: UpdateFilter<T>,
): Promise<void> {
  const filter = { _id: id } as Filter<T>;
  try {
    await collection.updateOne(filter, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.updateOne(filter, update);
  }
}
