import type { Metrics } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Scorecard } from '../metrics/scorecard.ts';

import type { MetricName, Verdict } from '../metrics/catalogue.ts';
import type { Period, PlanSummary } from './plan-summary.ts';
/** Metric names that can be compared, swept and targeted: the numeric leaves of `Metrics`. */
export type { MetricName };

/** One plan of a comparison: its scenario and its replicated totals. */
export interface PlanResult {
  name: string;
  totals: Metrics;
  ci95: Metrics | null; // null with a single replication
  /** Full-time equivalents paid for: paid hours per week / 40 (plan-summary.ts). */
  fte?: number;
  /** Paid agent hours per summary period (week or month, scaled from the reported horizon). */
  paid_hours?: number;
  /** cost_total per summary period. */
  cost_per_period?: number;
  /** Meets the service-level target, every cap the scenario gives and its scorecard's targets. */
  meets_targets?: boolean;
  /** What this plan changes against the baseline (`path: value` lines); empty for the baseline. */
  changes?: string[];
  /** The plan's scorecard (when its scenario has one), with 95% half-widths beside it. */
  scorecard?: Scorecard;
  scorecard_ci95?: Scorecard | null;
  /** Whether every scorecard part reaches its target. */
  meets_scorecard?: boolean;
}

/** Plans ranked by their scorecard score (best first; ties: lower cost per contact first). */
export interface RankedPlan {
  rank: number;
  plan: string;
  score: number | null;
  score_ci95: number | null;
  cost_per_contact: number | null;
  cost_per_contact_ci95: number | null;
  meets_targets: boolean;
  /** Score minus the baseline plan's, with its paired 95% half-width (common random numbers). */
  score_difference?: { mean: number | null; ci95: number | null };
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
  /** `better`, `worse` (by the metric's better direction), `higher`/`lower`, or `no clear difference`. */
  verdict?: Verdict | null;
}

/** What `ccsim compare --json` prints. */
export interface CompareResult {
  /** The seed every plan ran with. */
  seed?: number;
  /** Replications per plan (the same for every plan: they are paired). */
  replications?: number;
  /** Which plans meet every target and which of those costs least (plan-summary.ts). */
  summary?: PlanSummary;
  plans: PlanResult[];
  differences: Difference[];
  /** Present when the plans have a scorecard. */
  ranking?: RankedPlan[];
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
  /** The scorecard of the grid point (when the scenario has one), with its 95% half-widths. */
  scorecard?: Scorecard;
  scorecard_ci95?: Scorecard | null;
  /** Full-time equivalents paid for at this point: paid hours per week / 40 (plan-summary.ts). */
  fte?: number;
  /** Paid agent hours per summary period (week or month, scaled from the reported horizon). */
  paid_hours?: number;
  /** cost_total per summary period. */
  cost_per_period?: number;
  /** Meets the service-level target, every cap and the scorecard's targets at this point. */
  meets_targets?: boolean;
  /** The targets it misses: `service_level`, `abandon_rate`, `asa_seconds`, `occupancy`, `scorecard`. */
  missed?: string[];
}

/** Which grid points meet every target, and which of those costs least (plan-summary.ts). */
export interface SweepSummary {
  /** Grid indices of the points that meet every target, ascending. */
  meeting_targets: number[];
  /** Grid index of the point that meets every target at the least cost per period; null if none does. */
  best: number | null;
  period: Period;
  /** ISO 4217 code of the amounts (the base scenario's `costs.currency`), or null. */
  currency: string | null;
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
  /** The period of `cost_per_period` and `paid_hours` in the rows. */
  period?: Period;
  /** ISO 4217 code of the amounts (the base scenario's `costs.currency`), or null. */
  currency?: string | null;
  /** Present in a shard's output only: this is shard `index` of `count` (1-based). */
  shard?: { index: number; count: number };
  rows: SweepRow[];
  /** Over every grid point (absent from a shard's output: `ccsim merge` makes it). */
  summary?: SweepSummary;
}

/** A plan ready to run: a name and a validated scenario. */
export interface Plan {
  name: string;
  scenario: Scenario;
  /** What the plan changes against the first plan, one `path: value` line each (when known). */
  changes?: string[];
}
