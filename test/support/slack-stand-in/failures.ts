import type { FailureRule, RecordedCall } from './types';

/** Failures queued per method, applied before the normal answer. */
export class Failures {
  private readonly rules = new Map<string, FailureRule[]>();

  /** Queues a rule after the ones already queued for this method. */
  add(method: string, rule: FailureRule): void {
    if (rule.times !== undefined && rule.times <= 0) return;
    const queued = this.rules.get(method) ?? [];
    queued.push({ ...rule });
    this.rules.set(method, queued);
  }

  clear(): void {
    this.rules.clear();
  }

  /** The first rule matching the call, counted down and dropped once spent. */
  take(call: RecordedCall): FailureRule | undefined {
    const queued = this.rules.get(call.method) ?? [];
    const rule = queued.find((r) => !r.when || r.when(call));
    if (!rule) return undefined;
    if (rule.times === undefined) return rule;

    rule.times -= 1;
    if (rule.times <= 0) queued.splice(queued.indexOf(rule), 1);
    return rule;
  }
}
