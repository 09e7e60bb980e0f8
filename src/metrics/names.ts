/**
 * The scalar metrics of `Metrics` (every numeric field but `ttr_hours`), in the order of the
 * metrics definitions: one list for CSV columns, experiment metric names and anything else
 * that enumerates metrics.
 */
import type { Metrics } from './types.ts';

export type ScalarMetric = Exclude<keyof Metrics, 'ttr_hours' | 'by_group'>;

export const SCALAR_METRICS = [
  'arrivals',
  'contained',
  'offered',
  'answered',
  'abandoned',
  'transfers',
  'service_level',
  'asa_seconds',
  'wait_probability',
  'abandon_rate',
  'aht_seconds',
  'occupancy',
  'fcr',
  'containment_rate',
  'repeat_rate',
  'cases',
  'resolved_cases',
  'lost_cases',
  'open_cases',
  'cost_total',
  'cost_per_contact',
  'cost_per_resolution',
  'effort_mean',
  'high_effort_share',
  'effort_open_mean',
  'closed',
  'agents',
  'paid_hours',
  'cost_agents',
  'cost_self_service',
  'cost_telephony',
  'cost_contacts',
  'waiting_at_end',
  'in_self_service_at_end',
  'cases_reached',
  'self_service_tried',
] as const satisfies readonly ScalarMetric[];

// Compile-time check: a metric added to `Metrics` must be listed here.
type Missing = Exclude<ScalarMetric, (typeof SCALAR_METRICS)[number]>;
const everyMetricListed: [Missing] extends [never] ? true : Missing = true;
void everyMetricListed;
