import type { Result } from './types.ts';

/** A result without its per-interval rows (and their TTR histograms): what comparisons and sweeps keep. */
export function withoutIntervals(result: Result): Result {
  const out: Result = { ...result, by_interval: [] };
  if (result.ttr_histogram !== undefined) out.ttr_histogram = { ...result.ttr_histogram, by_interval: [] };
  return out;
}
