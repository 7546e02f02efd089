import { setTimeout as sleep } from 'node:timers/promises';

import type { WebClient } from '@slack/web-api';

import { type Locale, pickLocale } from '../i18n';
import { type DeliveryContext, SLACK_TIMEOUT_MS } from './delivery-context';
import { NeedsReinstall, SentNotRecorded, handleFailure, type Progress } from './delivery-failures';
import { digestMessage, notificationMessage } from './delivery-messages';
import type { Lease } from './delivery-queue';
import { digestHold } from './digest';
import type { SlackMessage } from './message-blocks';
import { quietHoursEnd } from './quiet-hours';
import { type Target, resolveRecipient } from './recipients';

/** The most notifications one digest message lists. */
export const MAX_DIGEST_ITEMS = 40;

/**
 * Delivers the delivery `lease` holds, or settles why not (skipped, deferred, failed). Every
 * outcome is written before returning; a failure is sorted by the retry policy.
 */
export async function processDelivery(ctx: DeliveryContext, lease: Lease): Promise<void> {
  const progress: Progress = {};
  try {
    await attempt(ctx, lease, progress);
  } catch (error) {
    await handleFailure(ctx, lease, progress, error);
  }
}

async function attempt(ctx: DeliveryContext, lease: Lease, progress: Progress): Promise<void> {
  const { queue } = ctx;
  const delivery = lease.delivery;
  if (!(await isAccepted(ctx, lease))) return;
  if (await pausedNow(ctx, lease, delivery.teamId)) return;

  const clientFor = async (teamId: string) => {
    progress.teamId = teamId;
    return client(ctx, teamId, progress);
  };
  const target = await resolveRecipient({ ...ctx.recipients, clientFor }, delivery.recipient);
  if ('unreachable' in target) return queue.finish(lease, 'failed', target.unreachable);
  progress.to = { teamId: target.teamId, ...userOf(target) };
  progress.teamId = target.teamId;
  const where = `${target.teamId}/${target.userId ?? target.channel}`;
  if (!(await ctx.recipientGuard.owns(delivery.notificationId, where, delivery._id))) {
    return queue.finish(lease, 'skipped', 'duplicate_recipient', progress.to);
  }
  if (await pausedNow(ctx, lease, target.teamId)) return;

  const slack = await client(ctx, target.teamId, progress);
  const locale = target.userId ? await personal(ctx, lease, slack, target) : ctx.defaultLocale;
  if (locale === null) return;

  const rendered = await render(ctx, lease, target, locale);
  if ((await paced(ctx, lease, target, progress)) === null) return;
  await post(ctx, lease, slack, target, rendered);
}

/**
 * Takes the workspace's next sending slot and the channel's, then waits for the slot. Returns
 * null when the delivery was deferred instead, or when its claim ran out and another worker
 * took it over (checked before waiting, so that nothing slow sits between the slot and the post).
 */
async function paced(ctx: DeliveryContext, lease: Lease, target: Target, progress: Progress) {
  const { queue, clock } = ctx;
  // A slot too far ahead (a slow pace) is not waited for while holding the delivery: the claim
  // must outlast the wait with room to post, or another worker could take over and post too.
  const now = clock.now().getTime();
  const claimEnds = claimsEnd(lease);
  const maxAhead = Math.max(0, Math.min(MAX_SLOT_WAIT_MS, claimEnds - POST_MARGIN_MS - now));
  const { at, reserved } = await ctx.workspacePacing.reserve(target.teamId, maxAhead);
  if (!reserved) return settled(queue.defer(lease, at, 'rate_limited', progress.to));
  const channelWait = await ctx.pacing.reserve(target.teamId, target.channel, at);
  if (channelWait) return settled(queue.defer(lease, channelWait, 'rate_limited', progress.to));
  if (!(await queue.holds(lease))) return null;

  const ms = at.getTime() - clock.now().getTime();
  if (ms > 0) await sleep(ms);
  // Slack may have paused the workspace (a 429) while this message waited for its slot.
  if (await pausedNow(ctx, lease, target.teamId)) return null;
  return at;
}

/** When the first of the lease's claims runs out (epoch ms). */
function claimsEnd(lease: Lease): number {
  return Math.min(...lease.claims.map((c) => c.until.getTime()));
}

/** The longest a worker waits for a sending slot; a later one defers the delivery to it. */
const MAX_SLOT_WAIT_MS = 5000;
/** What a claim must have left at the slot to post and record the answer (Slack's timeout). */
const POST_MARGIN_MS = SLACK_TIMEOUT_MS + 1000;

/**
 * How long a delivery whose notification is still being accepted waits before looking again: a
 * tenth of its age, from 5 s to 10 minutes, so a request that died does not keep workers busy.
 */
const acceptanceWait = (ageMs: number) => Math.min(10 * 60_000, Math.max(5000, ageMs / 10));
/** Past this, the request that wrote it is long gone and no retry can finish it any more. */
const ACCEPTANCE_ABANDONED_MS = 25 * 60 * 60 * 1000;

/**
 * Whether the delivery's notification was accepted (the API answered 202). One that is still
 * being written waits; one abandoned half-written (the process died, no retry came within the
 * idempotency key's 24 hours) is failed, never sent.
 */
async function isAccepted(ctx: DeliveryContext, lease: Lease): Promise<boolean> {
  if (await ctx.notification(lease.delivery.notificationId)) return true;

  const now = ctx.clock.now().getTime();
  if (now - lease.delivery.createdAt.getTime() > ACCEPTANCE_ABANDONED_MS) {
    await ctx.queue.finish(lease, 'failed', 'not_accepted');
    return false;
  }
  const age = now - lease.delivery.createdAt.getTime();
  await ctx.queue.defer(lease, new Date(now + acceptanceWait(age)), 'retrying');
  return false;
}

async function client(ctx: DeliveryContext, teamId: string, progress: Progress) {
  const access = await ctx.tokens.access(teamId);
  progress.installation = access.key;
  if (access.needsReinstall) throw new NeedsReinstall();
  return ctx.slackClient(access.token);
}

async function pausedNow(ctx: DeliveryContext, lease: Lease, teamId?: string) {
  if (teamId === undefined) return false;
  const until = await ctx.pauses.pausedUntil(teamId);
  if (until === null) return false;
  await ctx.queue.defer(lease, until, 'rate_limited');
  return true;
}

/**
 * Applies a person's profile and preferences: muted categories are skipped, quiet hours and
 * digests defer. Returns the person's language, or null when the delivery was settled here.
 */
async function personal(
  ctx: DeliveryContext,
  lease: Lease,
  slack: WebClient,
  target: Target,
): Promise<Locale | null> {
  const { queue, clock } = ctx;
  const to = { teamId: target.teamId, userId: target.userId };
  const userId = target.userId ?? '';
  const profile = await ctx.slackUsers.profile(slack, target.teamId, userId);
  if (profile.deleted) return settled(queue.finish(lease, 'failed', 'account_inactive', to));
  const preferences = await ctx.preferences.get(target.teamId, userId);
  if (preferences.mutedCategories.includes(lease.delivery.category)) {
    return settled(queue.finish(lease, 'skipped', 'muted', to));
  }

  const quiet = preferences.quietHours;
  const end = quiet ? quietHoursEnd(clock.now(), quiet, profile.timeZone ?? 'UTC') : null;
  if (end) return settled(queue.defer(lease, end, 'quiet_hours', to));
  const hold = preferences.digest ? await digestHold(ctx, lease.delivery, to) : null;
  if (hold) return settled(queue.defer(lease, hold, 'digest', to));
  return pickLocale(profile.locale, ctx.defaultLocale);
}

function userOf(target: Target): { userId?: string } {
  return target.userId ? { userId: target.userId } : {};
}

async function settled(done: Promise<void>): Promise<null> {
  await done;
  return null;
}

async function render(ctx: DeliveryContext, lease: Lease, target: Target, locale: Locale) {
  const own = await ctx.notification(lease.delivery.notificationId);
  if (own === null) throw new Error(`notification ${lease.delivery.notificationId} is missing`);
  const releasedDigest = lease.delivery.inDigest === true && target.userId !== undefined;
  const members = releasedDigest
    ? await ctx.queue.gatherDigest(lease, { ...target }, MAX_DIGEST_ITEMS - 1)
    : [];
  if (members.length === 0) return { message: notificationMessage(own, locale), digest: false };

  const others = await Promise.all(members.map((m) => ctx.notification(m.notificationId)));
  const all = [own, ...others.filter((n) => n !== null)];
  return { message: digestMessage(all, locale), digest: true };
}

async function post(
  ctx: DeliveryContext,
  lease: Lease,
  slack: WebClient,
  target: Target,
  rendered: { message: SlackMessage; digest: boolean },
): Promise<void> {
  const { message, digest } = rendered;
  const answer = await slack.chat.postMessage({
    channel: target.channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  // Written first, before logging or anything else: between Slack's answer and this write, a
  // crash would make another worker post the message again.
  const sent = { channel: answer.channel ?? target.channel, ts: answer.ts ?? '' };
  await recordSent(ctx, lease, { teamId: target.teamId, ...sent, ...userOf(target) }, digest);
  ctx.logger.info(
    {
      notificationId: lease.delivery.notificationId,
      deliveries: lease.ids,
      teamId: target.teamId,
      ...sent,
      digest,
    },
    'notification sent',
  );
  if (!digest && target.userId) await countAlone(ctx, lease, { ...target });
}

/** Counts a message sent alone towards the person's digest threshold. */
async function countAlone(ctx: DeliveryContext, lease: Lease, to: Target): Promise<void> {
  if (ctx.settings.digestThreshold === 0) return;
  try {
    await ctx.digests.recordAlone(lease.delivery.category, to, ctx.settings.digestThreshold);
  } catch (error) {
    // The message went out and is recorded; a missed count only delays a digest.
    ctx.logger.warn({ err: error, deliveryId: lease.delivery._id }, 'message not counted');
  }
}

/** Waits between tries to record a sent message: growing, at most 2 s. */
const RECORD_RETRY_MS = 250;
const RECORD_RETRY_MAX_MS = 2000;

/**
 * Records that Slack accepted the message, trying again on failure for as long as the claim
 * lasts: going through the retry policy instead would post the message a second time.
 */
async function recordSent(
  ctx: DeliveryContext,
  lease: Lease,
  sent: Parameters<DeliveryContext['queue']['markSent']>[1],
  digest: boolean,
): Promise<void> {
  const claimEnds = claimsEnd(lease);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.queue.markSent(lease, sent, digest);
    } catch (error) {
      const wait = Math.min(RECORD_RETRY_MS * attempt, RECORD_RETRY_MAX_MS);
      if (ctx.clock.now().getTime() + wait >= claimEnds) {
        throw new SentNotRecorded('not recorded', { cause: error });
      }
      await sleep(wait);
    }
  }
}
