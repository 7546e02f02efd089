/** The `p`-th percentile (0 to 100) of `values`, by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Throughput and latency of a run of timed calls. */
export interface RunFigures {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs `call` from `concurrency` clients at once, each calling again as soon as its last call
 * returns, for `durationMs` or `maxCalls` calls in all, whichever comes first.
 */
export async function runClients(
  concurrency: number,
  durationMs: number,
  maxCalls: number,
  call: (n: number) => Promise<void>,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + durationMs;
  let issued = 0;
  const client = async () => {
    while (performance.now() < deadline && issued < maxCalls) {
      const n = issued;
      issued += 1;
      const began = performance.now();
      await call(n);
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - start) / 1000;
  return {
    count: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
