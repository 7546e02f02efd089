import type { DeliveryContext } from './delivery-context';
import type { Resolved } from './delivery-queue';
import type { DeliveryDocument } from './outbox-documents';

/**
 * Whether a notification to a person waits for a digest, and until when. Within each window a
 * person gets up to `DIGEST_THRESHOLD` notifications of one category one by one; past that, the
 * rest wait until the window's end and go out together as one message. A notification joins a
 * digest already waiting for the same person and category.
 */
export async function digestHold(
  ctx: DeliveryContext,
  delivery: DeliveryDocument,
  to: Resolved,
): Promise<Date | null> {
  const { digestThreshold } = ctx.settings;
  // A delivery released from a digest goes out now, carrying the digest.
  if (digestThreshold === 0 || delivery.inDigest === true) return null;

  // One reading of the clock: every step must speak of the same window.
  const { digests } = ctx;
  const now = ctx.clock.now();
  const waiting = await digests.digestWaiting(delivery.category, to, now);
  if (waiting) return waiting;
  const alone = await digests.sentAlone(delivery.category, to, digestThreshold, now);
  if (alone < digestThreshold) return null;

  await digests.holdDigest(delivery.category, to, now);
  return digests.windowEnd(now);
}
