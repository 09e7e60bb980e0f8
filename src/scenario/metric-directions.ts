/**
 * Which way is better for each metric a scorecard may name (the project's metrics definitions,
 * "Better direction"). The scenario file names metrics in `scorecard:`, so the names and their
 * directions live here, at the bottom of the import chain: the scenario layer validates the
 * names, the metrics layer scores them, reports colour differences by them. No imports.
 *
 * `null`: the metric has no better direction (occupancy, counts, agents); a scorecard cannot
 * use it, since its attainment would mean nothing.
 */
export type Direction = 'higher' | 'lower' | null;

export const BETTER_DIRECTION = {
  arrivals: null,
  contained: null,
  offered: null,
  answered: null,
  abandoned: null,
  transfers: null,
  service_level: 'higher',
  asa_seconds: 'lower',
  wait_probability: 'lower',
  abandon_rate: 'lower',
  aht_seconds: 'lower',
  occupancy: null,
  fcr: 'higher',
  containment_rate: 'higher',
  repeat_rate: 'lower',
  'ttr_hours.mean': 'lower',
  'ttr_hours.p50': 'lower',
  'ttr_hours.p90': 'lower',
  cases: null,
  resolved_cases: 'higher',
  lost_cases: 'lower',
  open_cases: 'lower',
  cost_total: 'lower',
  cost_per_contact: 'lower',
  cost_per_resolution: 'lower',
  effort_mean: 'lower',
  high_effort_share: 'lower',
  effort_open_mean: 'lower',
  agents: null,
  paid_hours: null,
  cost_agents: 'lower',
  cost_self_service: 'lower',
  cost_telephony: 'lower',
  cost_contacts: 'lower',
  waiting_at_end: null,
  in_self_service_at_end: null,
  closed: 'lower',
  cases_reached: null,
  self_service_tried: null,
} as const satisfies Record<string, Direction>;

export type DirectedMetric = keyof typeof BETTER_DIRECTION;

export function directionOf(metric: string): Direction | undefined {
  return Object.hasOwn(BETTER_DIRECTION, metric) ? BETTER_DIRECTION[metric as DirectedMetric] : undefined;
}

/** The metrics a scorecard can name: those with a better direction. */
export const SCORABLE_METRICS: readonly string[] = Object.entries(BETTER_DIRECTION)
  .filter(([, d]) => d !== null)
  .map(([m]) => m);
