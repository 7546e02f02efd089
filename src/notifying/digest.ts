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
  const { digestThreshold, digestWindowMs } = ctx.settings;
  // A delivery released from a digest goes out now, carrying the digest.
  if (digestThreshold === 0 || delivery.inDigest === true) return null;

  const pending = await ctx.queue.pendingDigest(delivery.category, to);
  if (pending) return pending;
  const now = ctx.clock.now().getTime();
  const alone = await ctx.queue.sentAlone(delivery.category, to, new Date(now - digestWindowMs));
  return alone >= digestThreshold ? new Date(now + digestWindowMs) : null;
}
