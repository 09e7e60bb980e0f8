import type { EventMetrics, IntervalMetrics, Metrics, Result, WeekMetrics } from './types.ts';
import { ci95HalfWidth } from './student-t.ts';

type Tree = number | string | null | Tree[] | { [key: string]: Tree };

/**
 * Combine a leaf across replications: numbers by their mean (and 95% half-width), strings by
 * the first value. A ratio that was undefined (null) in some replications is averaged over the
 * others; null when undefined in all.
 */
function combine(values: Tree[], half: boolean): Tree {
  const first = values[0]!;
  if (typeof first === 'string') return first;
  if (Array.isArray(first)) return first.map((_, i) => combine(values.map((v) => (v as Tree[])[i]!), half));
  if (first !== null && typeof first === 'object') {
    const out: { [key: string]: Tree } = {};
    for (const key of Object.keys(first)) out[key] = combine(values.map((v) => (v as { [key: string]: Tree })[key]!), half);
    return out;
  }
  const nums = values.filter((v): v is number => typeof v === 'number');
  if (nums.length === 0) return null;
  if (half) return ci95HalfWidth(nums);
  return nums.reduce((a, b) => a + b, 0) / nums.length;
}

/** Mean of replications with Student-t 95% half-widths in `ci95` (same shape as the means). */
export function aggregate(results: Result[]): Result {
  const pick = (r: Result): Tree =>
    ({
      totals: r.totals,
      by_type: r.by_type,
      by_interval: r.by_interval,
      // Events and the weekly table, when the scenario has them, average like everything else.
      ...(r.events !== undefined ? { events: r.events } : {}),
      ...(r.weekly !== undefined ? { weekly: r.weekly } : {}),
    }) as unknown as Tree;
  type Picked = { totals: Metrics; by_type: Record<string, Metrics>; by_interval: IntervalMetrics[]; events?: EventMetrics[]; weekly?: WeekMetrics[] };
  const mean = combine(results.map(pick), false) as unknown as Picked;
  const ci = combine(results.map(pick), true) as unknown as Picked;
  const r0 = results[0]!;
  return { scenario: r0.scenario, seed: r0.seed, replications: results.length, ...mean, ci95: ci };
}
