/**
 * The numbers a run reports, named exactly as in the project's metrics definitions
 * (README, "Metrics"). A ratio whose denominator is zero is `null` (JSON has no NaN).
 */

export interface TtrSummary {
  mean: number | null;
  p50: number | null;
  p90: number | null;
}

export interface Metrics {
  arrivals: number;
  contained: number;
  offered: number;
  answered: number;
  abandoned: number;
  transfers: number;
  service_level: number | null;
  asa_seconds: number | null;
  wait_probability: number | null;
  abandon_rate: number | null;
  aht_seconds: number | null;
  occupancy: number | null;
  fcr: number | null;
  containment_rate: number | null;
  repeat_rate: number | null;
  ttr_hours: TtrSummary;
  cases: number;
  resolved_cases: number;
  lost_cases: number;
  open_cases: number;
  cost_total: number;
  cost_per_contact: number | null;
  cost_per_resolution: number | null;
  /** Mean effort score (1..7) of cases that ended (resolved or lost), and the share of them at or above the high threshold. */
  effort_mean: number | null;
  high_effort_share: number | null;
  /** Extension: mean effort so far of cases still open at the end (unresolved points included). */
  effort_open_mean: number | null;
  /** Arrivals while their type was closed (not offered). */
  closed: number;
  /** Extensions beyond the contract, for charts and staffing. */
  agents: number | null; // mean agents logged in (interval: over the interval; totals: over the horizon)
  paid_hours: number;
  cost_agents: number;
  cost_self_service: number;
  cost_telephony: number;
  cost_contacts: number;
  /** Contacts still queued, or still in self-service, when the run stopped (for conservation). */
  waiting_at_end: number;
  in_self_service_at_end: number;
  /** Denominators of `fcr` and `containment_rate`, so replications can pool those ratios. */
  cases_reached: number;
  self_service_tried: number;
  /** Per agent group (totals and every interval; not per type). */
  by_group?: Record<string, GroupMetrics>;
}

/** One agent group's figures (METRICS "Per agent group"). */
export interface GroupMetrics {
  agents: number | null; // mean agents logged in over the stretch
  logged_hours: number;
  paid_hours: number;
  busy_hours: number; // a chat slot counts 1/concurrency
  occupancy: number | null; // busy / logged
  handled: number; // agent contacts the group's agents finished
  cost: number; // paid hours x (hourly cost + overhead)
}

export interface IntervalMetrics extends Metrics {
  start: string; // "YYYY-MM-DDTHH:MM"
  /** The interval per contact type (TTR percentiles null: kept per interval only). */
  by_type?: Record<string, Metrics>;
}

/** One event's figures (metrics/events.ts): contacts of its types born in its window. */
export interface EventMetrics {
  name: string;
  from: string;
  to: string;
  /** The contact types the event applies to (its figures cover these only). */
  types: string[];
  /** The service-level target recovery is measured against (the scenario's). */
  service_level_target: number;
  offered_during: number;
  service_level_during: number | null;
  abandoned_during: number;
  waiting_at_end_of_event: number;
  recovery_minutes: number | null;
}

/** A hiring class's week: mean members logged in, their mean proficiency share, their AHT. */
export interface CohortWeekMetrics {
  agents: number | null;
  proficiency: number | null;
  aht_seconds: number | null;
  /** Contacts its members handled (the denominator of `aht_seconds`). */
  handled: number;
}

/** One week of a multi-week run (metrics/weekly.ts). */
export interface WeekMetrics {
  week_start: string; // ISO date
  agents: number | null;
  employees: number;
  mean_proficiency: number | null;
  aht_seconds: number | null;
  fcr: number | null;
  /** Denominators of `aht_seconds` and `fcr`, so replications can pool those ratios. */
  answered: number;
  cases_reached: number;
  cohorts: Record<string, CohortWeekMetrics>;
}

export interface Result {
  scenario: string;
  seed: number;
  replications: number;
  totals: Metrics;
  by_type: Record<string, Metrics>;
  by_interval: IntervalMetrics[];
  /** What the reader should know about the run (e.g. contacts offered while no agent could take them). */
  warnings?: string[];
  /** Per event of the scenario (absent without events). */
  events?: EventMetrics[];
  /** By week, over a multi-week run or with attrition or cohorts. */
  weekly?: WeekMetrics[];
  /** The scenario's scorecard on the totals, when it has one. */
  scorecard?: Scorecard;
  ci95?: {
    totals: Metrics;
    by_type: Record<string, Metrics>;
    by_interval: IntervalMetrics[];
    events?: EventMetrics[];
    weekly?: WeekMetrics[];
    scorecard?: Scorecard;
  };
  /** The binned time-to-resolution distribution behind `ttr_hours` (see ttr-histogram.ts). */
  ttr_histogram?: TtrHistogram;
}

/** Non-empty bins of a log-spaced histogram (log-histogram.ts): bin indices and their counts. */
export interface SparseBins {
  bins: number[];
  counts: number[];
}

/** TTR histograms in seconds: totals and per type at one resolution, per interval at a coarser one. */
export interface TtrHistogram {
  sub_bits_log2: number;
  totals: SparseBins;
  by_type: Record<string, SparseBins>;
  interval_sub_bits_log2: number;
  /** One per `by_interval` entry (empty when intervals were not kept). */
  by_interval: SparseBins[];
}

/** One part of a scorecard: a metric against its target (see scorecard.ts). */
export interface ScorecardPart {
  metric: string;
  target: number;
  weight: number;
  value: number | null;
  attainment: number | null;
}

export interface Scorecard {
  /** 0..100; null when a part's value is undefined. */
  score: number | null;
  parts: ScorecardPart[];
}
