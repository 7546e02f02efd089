import type { InstallationKey } from '../installing/installation-keys';
import { InstallationNotFoundError } from '../shared/errors';
import type { DeliveryContext } from './delivery-context';
import type { Lease, Resolved } from './delivery-queue';
import { backoffDelay, classifySlackError, type SlackFailure } from './retry-policy';

/** What a delivery had learnt when it failed. */
export interface Progress {
  /** The workspace being called when it failed. */
  teamId?: string;
  installation?: InstallationKey;
  to?: Resolved;
}

/** Thrown when the workspace's installation is known to need a re-install. */
export class NeedsReinstall extends Error {}

/** Thrown when Slack accepted a message but recording it failed, even after a few tries. */
export class SentNotRecorded extends Error {}

/** Settles a delivery whose attempt threw: fail it, retry it later, or pause its workspace. */
export async function handleFailure(
  ctx: DeliveryContext,
  lease: Lease,
  progress: Progress,
  error: unknown,
): Promise<void> {
  if (error instanceof InstallationNotFoundError) {
    return failed(ctx, lease, progress, 'installation_not_found');
  }
  if (error instanceof NeedsReinstall) {
    return failed(ctx, lease, progress, 'installation_needs_reinstall');
  }
  if (error instanceof SentNotRecorded) {
    // Never retried here: Slack has the message. Only once the claim runs out may another
    // worker post it again (the window the README describes).
    const { deliveryId } = lease.claims[0] ?? { deliveryId: lease.delivery._id };
    ctx.logger.error({ err: error.cause, deliveryId }, 'message sent but not recorded');
    return;
  }
  const failure = classifySlackError(error);
  if (failure === null) {
    ctx.logger.error(
      { err: error, deliveryId: lease.delivery._id },
      'delivery failed unexpectedly',
    );
    return retry(ctx, lease, progress, 'internal_error');
  }
  return handleSlackFailure(ctx, lease, progress, failure);
}

async function handleSlackFailure(
  ctx: DeliveryContext,
  lease: Lease,
  progress: Progress,
  failure: SlackFailure,
): Promise<void> {
  if (failure.kind === 'transient') return retry(ctx, lease, progress, failure.reason);
  if (failure.kind === 'permanent') {
    if (failure.reinstall && progress.teamId && progress.installation) {
      await ctx.tokens.revoked(progress.teamId, progress.installation);
      ctx.logger.warn({ teamId: progress.teamId }, 'installation needs a re-install');
    }
    return failed(ctx, lease, progress, failure.reason);
  }

  const teamId = progress.teamId ?? lease.delivery.teamId;
  const until = new Date(ctx.clock.now().getTime() + failure.retryAfterMs);
  if (teamId) await ctx.pauses.pause(teamId, until);
  ctx.logger.warn({ teamId, retryAfterMs: failure.retryAfterMs }, 'Slack rate-limited a workspace');
  await ctx.queue.defer(lease, until, 'rate_limited', progress.to);
}

async function retry(ctx: DeliveryContext, lease: Lease, progress: Progress, reason: string) {
  const attempts = lease.delivery.attempts + 1;
  if (attempts >= ctx.settings.maxAttempts) return failed(ctx, lease, progress, reason);

  const until = new Date(ctx.clock.now().getTime() + backoffDelay(attempts));
  ctx.logger.warn({ deliveryId: lease.delivery._id, reason, attempts }, 'delivery will be retried');
  await ctx.queue.defer(lease, until, 'retrying', progress.to, true);
}

async function failed(ctx: DeliveryContext, lease: Lease, progress: Progress, reason: string) {
  await ctx.queue.finish(lease, 'failed', reason, progress.to);
  const { notificationId } = lease.delivery;
  ctx.logger.info({ notificationId, deliveries: lease.ids, reason }, 'notification failed');
}
