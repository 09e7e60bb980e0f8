import type { EventMetrics, IntervalMetrics, Metrics, Result, WeekMetrics } from './types.ts';
import { ci95HalfWidth } from './student-t.ts';
import { poolFields, poolInto } from './pooled.ts';
import { COHORT_WEEK_FIELDS, EVENT_FIELDS, GROUP_FIELDS, WEEK_FIELDS } from './field-catalogue.ts';
import { recoveryOffCurve } from './events.ts';
import type { GroupMetrics } from './types.ts';
import { poolTtrHistograms, quantileOfSparse } from './ttr-histogram.ts';
import type { SparseBins } from './types.ts';
import { entriesOf, replicatedScorecard, type Scorecard } from './scorecard.ts';

type Tree = number | string | null | Tree[] | { [key: string]: Tree };

/**
 * Combine a tree across replications, leaf by leaf: numbers by their mean and their 95%
 * half-width, strings by the first value. A ratio that was undefined (null) in some
 * replications is averaged over the others; null when undefined in all. One walk builds both
 * trees (a week's result has hundreds of thousands of leaves).
 */
function combine(values: Tree[]): { mean: Tree; ci: Tree } {
  const first = values[0]!;
  if (typeof first === 'string') return { mean: first, ci: first };
  if (Array.isArray(first)) {
    const mean: Tree[] = [];
    const ci: Tree[] = [];
    for (let i = 0; i < first.length; i++) {
      const both = combine(values.map((v) => (v as Tree[])[i]!));
      mean.push(both.mean);
      ci.push(both.ci);
    }
    return { mean, ci };
  }
  if (first !== null && typeof first === 'object') {
    const mean: { [key: string]: Tree } = {};
    const ci: { [key: string]: Tree } = {};
    for (const key of Object.keys(first)) {
      const both = combine(values.map((v) => (v as { [key: string]: Tree })[key]!));
      mean[key] = both.mean;
      ci[key] = both.ci;
    }
    return { mean, ci };
  }
  const nums = values.filter((v): v is number => typeof v === 'number');
  if (nums.length === 0) return { mean: null, ci: null };
  return { mean: nums.reduce((a, b) => a + b, 0) / nums.length, ci: ci95HalfWidth(nums) };
}

/**
 * Replications combined as the metrics definitions say: counts, hours and costs by their mean,
 * ratios pooled (Σ numerator / Σ denominator) with delta-method intervals, TTR quantiles from
 * the pooled histogram (see pooled.ts). `ci95` holds the 95% half-widths, in the same shape.
 * Leaves outside the metric catalogue (added by other modules) are means with Student-t
 * half-widths.
 */
export function aggregate(results: Result[]): Result {
  const pick = (r: Result): Tree =>
    ({
      totals: r.totals,
      by_type: r.by_type,
      by_interval: r.by_interval,
      // Events and the weekly table, when the scenario has them: means first, ratios pooled below.
      ...(r.events !== undefined ? { events: r.events } : {}),
      ...(r.weekly !== undefined ? { weekly: r.weekly } : {}),
    }) as unknown as Tree;
  type Picked = { totals: Metrics; by_type: Record<string, Metrics>; by_interval: IntervalMetrics[]; events?: EventMetrics[]; weekly?: WeekMetrics[] };
  const both = combine(results.map(pick));
  const mean = both.mean as unknown as Picked;
  const ci = both.ci as unknown as Picked;
  const hist = poolTtrHistograms(results.map((r) => r.ttr_histogram));
  const quantiles = (h: SparseBins | undefined, bits: number | undefined) =>
    h === undefined || bits === undefined
      ? undefined
      : (q: number): number | null => {
          const s = quantileOfSparse(h, bits, q);
          return s === null ? null : s / 3600;
        };
  poolInto(mean.totals, ci.totals, results.map((r) => r.totals), quantiles(hist?.totals, hist?.sub_bits_log2));
  for (const id of Object.keys(mean.by_type)) {
    poolInto(mean.by_type[id]!, ci.by_type[id]!, results.map((r) => r.by_type[id]!), quantiles(hist?.by_type[id], hist?.sub_bits_log2));
  }
  poolGroups(mean.totals, ci.totals, results.map((r) => r.totals));
  mean.by_interval.forEach((m, i) => {
    const rows = results.map((r) => r.by_interval[i]!);
    poolInto(m, ci.by_interval[i]!, rows, quantiles(hist?.by_interval[i], hist?.interval_sub_bits_log2));
    poolGroups(m, ci.by_interval[i]!, rows);
    // The type x interval rows: pooled like every other row (TTR quantiles are not kept there).
    for (const id of Object.keys(m.by_type ?? {})) {
      poolInto(m.by_type![id]!, ci.by_interval[i]!.by_type![id]!, rows.map((r) => r.by_type![id]!));
    }
  });
  mean.events?.forEach((e, k) => {
    const rows = results.map((r) => r.events![k]!);
    poolFields(e, ci.events![k]!, rows, EVENT_FIELDS);
    // Read off the pooled curve just built (events.ts); no interval of its own.
    e.recovery_minutes = recoveryOffCurve(e, mean.by_interval);
  });
  mean.weekly?.forEach((w, k) => {
    const rows = results.map((r) => r.weekly![k]!);
    poolFields(w, ci.weekly![k]!, rows, WEEK_FIELDS);
    for (const id of Object.keys(w.cohorts)) {
      poolFields(w.cohorts[id]!, ci.weekly![k]!.cohorts[id]!, rows.map((r) => r.cohorts[id]!), COHORT_WEEK_FIELDS);
    }
  });
  const r0 = results[0]!;
  const out: Result = { scenario: r0.scenario, seed: r0.seed, replications: results.length, ...mean, ci95: ci };
  if (r0.warnings !== undefined) out.warnings = [...r0.warnings];
  if (hist !== null) out.ttr_histogram = hist;
  if (r0.scorecard !== undefined) {
    const cards = results.map((r) => r.scorecard).filter((s): s is Scorecard => s !== undefined);
    const { scorecard, ci95 } = replicatedScorecard(entriesOf(r0.scorecard), mean.totals, cards);
    out.scorecard = scorecard;
    out.ci95!.scorecard = ci95;
  }
  return out;
}

/** Pools the `by_group` of one row (totals or an interval): occupancy as Σ busy / Σ logged. */
function poolGroups(mean: Metrics, ci: Metrics, rows: readonly Metrics[]): void {
  if (mean.by_group === undefined || ci.by_group === undefined) return;
  for (const id of Object.keys(mean.by_group)) {
    const groupRows = rows.map((r) => r.by_group?.[id]).filter((g): g is GroupMetrics => g !== undefined);
    poolFields(mean.by_group[id]!, ci.by_group[id]!, groupRows, GROUP_FIELDS);
  }
}
