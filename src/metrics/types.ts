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

export interface Result {
  scenario: string;
  seed: number;
  replications: number;
  totals: Metrics;
  by_type: Record<string, Metrics>;
  by_interval: IntervalMetrics[];
  ci95?: {
    totals: Metrics;
    by_type: Record<string, Metrics>;
    by_interval: IntervalMetrics[];
  };
}
