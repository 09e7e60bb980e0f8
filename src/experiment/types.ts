import type { Metrics } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';

/** Metric names that can be compared, swept and targeted: the numeric leaves of `Metrics`. */
export type MetricName = Exclude<keyof Metrics, 'ttr_hours' | 'by_group'> | 'ttr_hours.mean' | 'ttr_hours.p50' | 'ttr_hours.p90';

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
  /** Welch half-width of the same difference as if the plans were independent (what pairing saves). */
  ci95_unpaired?: number | null;
}

/** What `ccsim compare --json` prints. */
export interface CompareResult {
  /** The seed every plan ran with. */
  seed?: number;
  /** Replications per plan (the same for every plan: they are paired). */
  replications?: number;
  plans: PlanResult[];
  differences: Difference[];
}

/** One grid point of a sweep. */
export interface SweepRow {
  /** Position in the full grid (0-based; the first --vary varies slowest). */
  index?: number;
  point: Record<string, number | string | null>;
  /** Replications behind this row (with --target-ci it varies by row). */
  replications?: number;
  totals: Metrics;
  ci95: Metrics | null;
}

/** What `ccsim sweep --json` prints. */
export interface SweepResult {
  /** The base scenario's name. */
  scenario?: string;
  /** SHA-256 of the base scenario file's value (keys sorted), to tell sweeps apart when merging. */
  scenario_hash?: string;
  seed?: number;
  /** --days, when given. */
  days?: number | null;
  /** --replications (with --target-ci: the first batch). */
  replications?: number;
  target_ci?: Array<{ metric: MetricName; half_width: number }> | null;
  max_replications?: number | null;
  /** The axes, in --vary order, each with every value it takes. */
  grid?: Array<{ path: string; values: Array<number | string | null> }>;
  /** Grid points in all (the product of the axes' lengths). */
  points?: number;
  /** Present in a shard's output only: this is shard `index` of `count` (1-based). */
  shard?: { index: number; count: number };
  rows: SweepRow[];
}

/** A plan ready to run: a name and a validated scenario. */
export interface Plan {
  name: string;
  scenario: Scenario;
}
