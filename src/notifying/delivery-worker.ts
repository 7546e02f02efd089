import type { DeliveryContext } from './delivery-context';
import { processDelivery } from './delivery-process';

/** How a worker runs. */
export interface WorkerOptions {
  /** Deliveries in progress at once. */
  concurrency: number;
  /** How long an idle slot waits before looking for work again. */
  pollMs: number;
}

const MAINTENANCE_EVERY_MS = 60_000;
/** A workspace whose messages are booked further ahead than this gets no more for now. */
const BOOKED_AHEAD_MS = 1000;
/** Claims and pacing slots are kept this long after they ran out. */
const KEEP_PAST_MS = 60 * 60 * 1000;

/**
 * Delivers notifications: `concurrency` slots each claim a due delivery, process it and settle
 * it, then look for the next; an idle slot waits `pollMs`. Any number of workers, in any number
 * of processes, may share one database: claims keep them off each other's deliveries.
 */
export class DeliveryWorker {
  private running = false;
  private slots: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  private lastMaintenance = 0;

  constructor(
    private readonly ctx: DeliveryContext,
    private readonly options: WorkerOptions,
  ) {}

  /** Starts the slots. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.slots = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /** Stops taking work and waits for the deliveries in progress to settle. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all(this.slots);
    this.slots = [];
  }

  /**
   * Processes due deliveries one after another until none is due, and says how many it
   * processed. For tests and tools that drive delivery step by step.
   */
  async drainOnce(): Promise<number> {
    let processed = 0;
    while (await this.processNext()) processed += 1;
    return processed;
  }

  /** Claims and processes one due delivery; false when none is due. */
  async processNext(): Promise<boolean> {
    const { pauses, workspacePacing } = this.ctx;
    const waiting = [
      ...(await pauses.pausedTeams()),
      ...workspacePacing.busyTeams(BOOKED_AHEAD_MS),
    ];
    const lease = await this.ctx.queue.claim(new Set(waiting));
    if (lease === null) return false;

    try {
      await processDelivery(this.ctx, lease);
    } finally {
      this.ctx.queue.done(lease);
    }
    return true;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const worked = await this.processNext().catch((error: unknown) => {
        this.ctx.logger.error({ err: error }, 'delivery worker could not take work');
        return false;
      });
      await this.maintain();
      if (!worked) await this.idle();
    }
  }

  private async idle(): Promise<void> {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.pollMs);
      this.wakers.add(wake);
    });
  }

  /**
   * Now and then, forgets expired idempotency keys, email lookups, claims, pacing slots and
   * digest counts.
   */
  private async maintain(): Promise<void> {
    const now = Date.now();
    if (now - this.lastMaintenance < MAINTENANCE_EVERY_MS) return;
    this.lastMaintenance = now;
    try {
      await this.ctx.idempotencyKeys.purgeExpired();
      await this.ctx.emailLookups.purgeExpired();
      const now = this.ctx.clock.now().getTime();
      await this.ctx.pacing.purgeBefore(new Date(now - 60_000));
      await this.ctx.workspacePacing.purgeBefore(new Date(now - 60_000));
      await this.ctx.queue.claims.purgeBefore(new Date(now - KEEP_PAST_MS));
      await this.ctx.digests.purgeBefore(new Date(now - 2 * this.ctx.settings.digestWindowMs));
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'delivery maintenance failed; it will run again');
    }
  }
}
