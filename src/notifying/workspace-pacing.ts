import type { Collection, Db } from 'mongodb';

import { insertIfAbsent } from '../shared/atomic';
import type { Clock } from '../shared/clock';

interface SlotDocument {
  /** `${teamId}@${start}`: the workspace's sending slot starting at `start` (epoch ms). */
  _id: string;
  at: Date;
}

/** How many slots one reservation tries before giving up for now. */
const MAX_STEPS = 10;

/**
 * Spreads the messages to one workspace evenly, `messagesPerMinute` at most, across every worker
 * and process. Slack keeps a workspace-wide limit on `chat.postMessage` besides the per-channel
 * one (https://api.slack.com/docs/rate-limits) without publishing its figure; staying under a
 * configured pace avoids 429s, which would stop the whole workspace for their `Retry-After`.
 *
 * Time is cut into slots of `60 s / messagesPerMinute`, aligned on the epoch, one message each;
 * a slot is taken by inserting its `_id`, so exactly one sender gets it on any server. A slot
 * already half gone is left for the next one, so each message goes out early in its slot.
 */
export class WorkspacePacing {
  private readonly slots: Collection<SlotDocument>;
  private readonly intervalMs: number;
  /** Per workspace, the first slot this process does not know to be taken. */
  private readonly nextSlot = new Map<string, number>();

  constructor(
    db: Db,
    private readonly clock: Clock,
    messagesPerMinute: number,
  ) {
    this.slots = db.collection('workspace_pacing');
    this.intervalMs = messagesPerMinute > 0 ? 60_000 / messagesPerMinute : 0;
  }

  /**
   * Takes the next free slot of `teamId` that starts within `maxAheadMs`, and says when to post:
   * now, or at the slot's start. When none does, reserves nothing and says when to ask again.
   */
  async reserve(teamId: string, maxAheadMs: number): Promise<{ at: Date; reserved: boolean }> {
    const now = this.clock.now().getTime();
    if (this.intervalMs === 0) return { at: new Date(now), reserved: true };

    let slot = Math.max(this.firstUsable(now), this.nextSlot.get(teamId) ?? 0);
    for (let step = 0; step < MAX_STEPS; step += 1, slot += 1) {
      const start = Math.round(slot * this.intervalMs);
      if (start > now + maxAheadMs) break;
      if (await insertIfAbsent(this.slots, { _id: `${teamId}@${start}`, at: new Date(start) })) {
        this.nextSlot.set(teamId, slot + 1);
        return { at: new Date(Math.max(now, start)), reserved: true };
      }
    }
    this.nextSlot.set(teamId, slot);
    return { at: new Date(Math.max(now, Math.round(slot * this.intervalMs))), reserved: false };
  }

  /** Workspaces whose next free slot is over `horizonMs` away, as far as this process knows. */
  busyTeams(horizonMs: number): string[] {
    if (this.intervalMs === 0) return [];

    const until = this.clock.now().getTime() + horizonMs;
    return [...this.nextSlot]
      .filter(([, slot]) => slot * this.intervalMs > until)
      .map(([teamId]) => teamId);
  }

  /** Forgets slots long past. */
  async purgeBefore(before: Date): Promise<void> {
    await this.slots.deleteMany({ at: { $lt: before } });
    const first = before.getTime() / Math.max(this.intervalMs, 1);
    for (const [teamId, slot] of this.nextSlot) if (slot < first) this.nextSlot.delete(teamId);
  }

  private firstUsable(now: number): number {
    const slot = Math.floor(now / this.intervalMs);
    return now - slot * this.intervalMs > this.intervalMs / 2 ? slot + 1 : slot;
  }
}
