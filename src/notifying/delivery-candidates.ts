import type { Collection } from 'mongodb';

import type { Clock } from '../shared/clock';
import type { DeliveryDocument } from './outbox-documents';

/** What a worker knows of a due delivery before claiming it. */
export type Candidate = Pick<
  DeliveryDocument,
  '_id' | 'teamId' | 'claims' | 'userId' | 'category' | 'availableAt' | 'inDigest'
>;

const PER_READ = 300;
/** Past this age a list may hide deliveries that became due since, or other workspaces' ones. */
const STALE_MS = 5000;
/** How soon a list that only lists skipped workspaces may be read again. */
const REREAD_MS = 1000;

/**
 * Due deliveries read ahead, earliest due first, shared by the worker slots of one process. One
 * read serves many claims, which then go by `_id` only; a listed delivery another worker took
 * meanwhile simply fails to be claimed.
 */
export class DeliveryCandidates {
  private listed: Candidate[] = [];
  private readAt = 0;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly deliveries: Collection<DeliveryDocument>,
    private readonly clock: Clock,
  ) {}

  /**
   * The next listed delivery outside `skipTeams`. An empty list is read before answering (when
   * `mayRead`); an
   * old one, or one that only lists skipped workspaces, is read again in the background while
   * it keeps serving. Listed deliveries of skipped workspaces stay listed: those wait a moment.
   */
  async next(skipTeams: ReadonlySet<string>, mayRead = true): Promise<Candidate | undefined> {
    if (this.listed.length === 0 && mayRead) await this.refresh(skipTeams);
    const found = this.take(skipTeams);
    const age = Date.now() - this.readAt;
    if (age > STALE_MS || (found === undefined && age > REREAD_MS)) {
      // A failed read ahead is simply tried again by a later call.
      this.refresh(skipTeams).catch(() => undefined);
    }
    return found;
  }

  /** One read at a time, however many worker slots ask for one. */
  private refresh(skipTeams: ReadonlySet<string>): Promise<void> {
    this.reading ??= this.read(skipTeams).finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private take(skipTeams: ReadonlySet<string>): Candidate | undefined {
    const index = this.listed.findIndex((c) => c.teamId === undefined || !skipTeams.has(c.teamId));
    return index < 0 ? undefined : this.listed.splice(index, 1)[0];
  }

  /**
   * Reads the earliest due deliveries outside `skipTeams`, keeping the listed ones of skipped
   * workspaces: those are due as soon as their workspace may be called again.
   */
  private async read(skipTeams: ReadonlySet<string>): Promise<void> {
    this.readAt = Date.now();
    const due = await this.deliveries
      .find({
        state: { $in: ['queued', 'deferred'] },
        availableAt: { $lte: this.clock.now() },
        ...(skipTeams.size > 0 ? { teamId: { $nin: [...skipTeams] } } : {}),
      })
      // Earliest due first, so that deliveries put back again and again (a notification still
      // being accepted) never crowd out the rest. Settled deliveries have moved out, so servers
      // that sort in memory only sort the waiting ones.
      .sort({ availableAt: 1 })
      .limit(PER_READ)
      .project<Candidate>({
        _id: 1,
        teamId: 1,
        claims: 1,
        userId: 1,
        category: 1,
        availableAt: 1,
        inDigest: 1,
      })
      .toArray();
    const kept = this.listed.filter((c) => c.teamId !== undefined && skipTeams.has(c.teamId));
    this.listed = [...due, ...kept];
  }
}
