import type { Collection, Db } from 'mongodb';

import type { Clock } from '../shared/clock';
import { upsertById } from '../shared/atomic';

interface PauseDocument {
  _id: string;
  until: Date;
}

/** How long a worker trusts its copy of the pause list before reading it again. */
const REFRESH_MS = 200;

/**
 * Workspaces Slack told us to leave alone for a while (a 429 and its `Retry-After`). Only that
 * workspace waits; the others keep flowing. Shared through MongoDB so every process honours it.
 */
export class WorkspacePauses {
  private readonly pauses: Collection<PauseDocument>;
  private cached: { readAt: number; until: Map<string, Date> } | undefined;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.pauses = db.collection('workspace_pauses');
  }

  /**
   * Pauses `teamId` until `until` (a later pause already recorded wins; on servers whose updates
   * are not atomic, simultaneous pauses may keep a slightly earlier end, and a call refused
   * again simply pauses the workspace anew).
   */
  async pause(teamId: string, until: Date): Promise<void> {
    await upsertById(this.pauses, teamId, { $max: { until } });
    this.cached?.until.set(teamId, until);
  }

  /** The workspaces paused now. */
  async pausedTeams(): Promise<string[]> {
    const until = await this.current();
    const now = this.clock.now();
    return [...until].filter(([, end]) => end > now).map(([teamId]) => teamId);
  }

  /** When the pause of `teamId` ends, or null when it is not paused. */
  async pausedUntil(teamId: string): Promise<Date | null> {
    const end = (await this.current()).get(teamId);
    return end !== undefined && end > this.clock.now() ? end : null;
  }

  private async current(): Promise<Map<string, Date>> {
    const now = this.clock.now();
    const fresh = this.cached && Math.abs(Date.now() - this.cached.readAt) < REFRESH_MS;
    if (fresh && this.cached) return this.cached.until;

    const docs = await this.pauses.find({ until: { $gt: now } }).toArray();
    this.cached = { readAt: Date.now(), until: new Map(docs.map((d) => [d._id, d.until])) };
    return this.cached.until;
  }
}
