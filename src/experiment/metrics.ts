/**
 * Metric names as experiments use them (`--target-ci service_level=0.01`, comparison rows,
 * sweep columns): the numeric leaves of `Metrics`, with `ttr_hours` split into
 * `ttr_hours.mean`, `ttr_hours.p50` and `ttr_hours.p90`.
 */
import type { Metrics } from '../metrics/types.ts';
import { ci95HalfWidth, studentTQuantile } from '../metrics/student-t.ts';
import type { MetricName } from './types.ts';
import { SCALAR_METRICS } from '../metrics/names.ts';
import type { DirectedMetric } from '../scenario/metric-directions.ts';



/** Every metric name, in the order of the metrics definitions. */
export const METRIC_NAMES: readonly MetricName[] = [
  ...SCALAR_METRICS.slice(0, SCALAR_METRICS.indexOf('repeat_rate') + 1),
  'ttr_hours.mean',
  'ttr_hours.p50',
  'ttr_hours.p90',
  ...SCALAR_METRICS.slice(SCALAR_METRICS.indexOf('repeat_rate') + 1),
];

/** The headline metrics a comparison or sweep reports, in display order. */
export const HEADLINE_METRICS: readonly MetricName[] = [
  'service_level',
  'asa_seconds',
  'abandon_rate',
  'occupancy',
  'fcr',
  'ttr_hours.mean',
  'effort_mean',
  'high_effort_share',
  'cost_per_contact',
  'cost_per_resolution',
  'cost_total',
];

export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/** The value of one metric in a row of metrics (null when undefined, e.g. a ratio over zero). */
export function metricValue(m: Metrics, name: MetricName): number | null {
  switch (name) {
    case 'ttr_hours.mean':
      return m.ttr_hours.mean;
    case 'ttr_hours.p50':
      return m.ttr_hours.p50;
    case 'ttr_hours.p90':
      return m.ttr_hours.p90;
    default:
      return m[name];
  }
}

/** The defined values of one metric across rows (replications), in order. */
export function definedValues(rows: readonly Metrics[], name: MetricName): number[] {
  const out: number[] = [];
  for (const m of rows) {
    const v = metricValue(m, name);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}

export interface PairedDifference {
  /** Mean of plan − baseline over the replications where both are defined; null if none. */
  mean: number | null;
  /** Student-t 95% half-width of the mean of the paired differences (n − 1 degrees of freedom). */
  ci95: number | null;
  /** Welch 95% half-width of the difference of the two means, as if the plans were independent. */
  ci95Unpaired: number | null;
}

/**
 * Difference plan − baseline of one metric over replications run on common random numbers:
 * replication r of both is paired (d_r = plan_r − baseline_r) and the interval is that of the
 * mean of d_r. The unpaired (Welch) half-width of the same difference is returned beside it, to
 * show what pairing gained.
 */
export function pairedDifference(plan: readonly Metrics[], baseline: readonly Metrics[], name: MetricName): PairedDifference {
  const diffs: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const n = Math.min(plan.length, baseline.length);
  for (let r = 0; r < n; r++) {
    const x = metricValue(plan[r]!, name);
    const y = metricValue(baseline[r]!, name);
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    diffs.push(x - y);
    a.push(x);
    b.push(y);
  }
  if (diffs.length === 0) return { mean: null, ci95: null, ci95Unpaired: null };
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  return { mean, ci95: ci95HalfWidth(diffs), ci95Unpaired: welchHalfWidth(a, b) };
}

function meanAndVariance(xs: readonly number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return [mean, ss / (n - 1)];
}

/**
 * Welch's 95% half-width of mean(a) − mean(b) for independent samples:
 * t_{0.975, ν} · √(s_a²/n_a + s_b²/n_b), ν from the Welch–Satterthwaite equation.
 * Null with fewer than two values in either sample. With no spread at all, 0.
 */
export function welchHalfWidth(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || b.length < 2) return null;
  const [, va] = meanAndVariance(a);
  const [, vb] = meanAndVariance(b);
  const qa = va / a.length;
  const qb = vb / b.length;
  const se2 = qa + qb;
  if (!(se2 > 0)) return 0;
  const df = (se2 * se2) / ((qa * qa) / (a.length - 1) + (qb * qb) / (b.length - 1));
  return studentTQuantile(0.975, df) * Math.sqrt(se2);
}

// Compile-time check: the better-direction list (scenario/metric-directions.ts) names exactly
// the experiment metrics, so a scorecard can name any of them and nothing else.
type UnlistedDirection = Exclude<MetricName, DirectedMetric>;
type UnknownDirection = Exclude<DirectedMetric, MetricName>;
const directionsComplete: [UnlistedDirection | UnknownDirection] extends [never] ? true : UnlistedDirection | UnknownDirection = true;
void directionsComplete;
