import type { Metrics } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';

/** Metric names that can be compared, swept and targeted: the numeric leaves of `Metrics`. */
export type MetricName = Exclude<keyof Metrics, 'ttr_hours'> | 'ttr_hours.mean' | 'ttr_hours.p50' | 'ttr_hours.p90';

/** One plan of a comparison: its scenario and its replicated totals. */
export interface PlanResult {
  name: string;
  totals: Metrics;
  ci95: Metrics | null; // null with a single replication
}

/** Difference plan − baseline of one metric, with its paired 95% half-width (common random numbers). */
export interface Difference {
  plan: string;
  baseline: string;
  metric: MetricName;
  mean: number | null;
  ci95: number | null;
}

/** What `ccsim compare --json` prints. */
export interface CompareResult {
  plans: PlanResult[];
  differences: Difference[];
}

/** One grid point of a sweep. */
export interface SweepRow {
  point: Record<string, number | string>;
  totals: Metrics;
  ci95: Metrics | null;
}

/** What `ccsim sweep --json` prints. */
export interface SweepResult {
  rows: SweepRow[];
}

/** A plan ready to run: a name and a validated scenario. */
export interface Plan {
  name: string;
  scenario: Scenario;
}
