/**
 * The metric catalogue: every number ccsim reports, once, with what tables, CSV files, charts,
 * comparisons, the workbook and the staffing report need to know about it.
 *
 * - `label` / `short`: how a table or chart names it (short for narrow columns).
 * - `kind`: what sort of number it is, which decides how it is shown: `count` (contacts,
 *   cases, agents), `share` (0..1, shown as a percentage), `duration` (seconds of customer time,
 *   shown in the unit that reads), `hours` (agent hours), `money` (in the scenario's currency).
 * - `unit`: the unit of the stored value, for the `unit` column of long CSV files.
 * - `better`: `higher`, `lower`, or null (no better direction): decides whether a difference is
 *   good news or bad news, and "which plan meets the targets at least cost".
 * - `estimator`: how replications combine. `mean`: mean over replications (Student-t
 *   interval). `ratio`: the pooled ratio Σ numerator / Σ denominator over replications
 *   (delta-method interval); `denominator` reads the ratio's denominator off a row, so the
 *   numerator is value × denominator. `quantile`: read off the pooled TTR histogram.
 */
import type { Metrics } from './types.ts';
import { SCALAR_METRICS, type ScalarMetric } from './names.ts';
import { BETTER_DIRECTION } from '../scenario/metric-directions.ts';

/** Metric names that can be compared, swept and targeted: the numeric leaves of `Metrics`. */
export type MetricName = ScalarMetric | 'ttr_hours.mean' | 'ttr_hours.p50' | 'ttr_hours.p90';

export type MetricKind = 'count' | 'share' | 'duration' | 'hours' | 'money' | 'score';
export type BetterDirection = 'higher' | 'lower' | null;
export type Estimator = 'mean' | 'ratio' | 'quantile';

export interface MetricInfo {
  name: MetricName;
  label: string;
  short: string;
  kind: MetricKind;
  /** Unit of the stored value: count, share, seconds, hours, money, agents. */
  unit: 'count' | 'share' | 'seconds' | 'hours' | 'money' | 'agents' | 'points';
  better: BetterDirection;
  estimator: Estimator;
  /** For ratios: the denominator of the ratio in the same row (the numerator is value × it). */
  denominator?: (m: Metrics) => number | null;
  /** For quantiles: which quantile of TTR. */
  quantile?: number;
}

const den = (key: ScalarMetric) => (m: Metrics): number | null => m[key];

type Entry = Omit<MetricInfo, 'name' | 'better'>;
const count = (label: string, short: string): Entry => ({ label, short, kind: 'count', unit: 'count', estimator: 'mean' });
const money = (label: string, short: string): Entry => ({ label, short, kind: 'money', unit: 'money', estimator: 'mean' });
const share = (label: string, short: string, d: ScalarMetric, denominator = den(d)): Entry => ({ label, short, kind: 'share', unit: 'share', estimator: 'ratio', denominator });
const endedCases = (m: Metrics): number | null => m.resolved_cases + m.lost_cases;

const ENTRIES: Record<MetricName, Entry> = {
  arrivals: count('Arrivals', 'arrivals'),
  contained: count('Contained in self-service', 'contained'),
  offered: count('Offered', 'offered'),
  answered: count('Answered', 'answered'),
  abandoned: count('Abandoned', 'abandoned'),
  transfers: count('Transfers', 'transfers'),
  service_level: share('Service level', 'SL', 'offered'),
  asa_seconds: { label: 'ASA', short: 'ASA', kind: 'duration', unit: 'seconds', estimator: 'ratio', denominator: den('answered') },
  wait_probability: share('Waited', 'waited', 'offered'),
  abandon_rate: share('Abandon rate', 'abandon', 'offered'),
  aht_seconds: { label: 'AHT', short: 'AHT', kind: 'duration', unit: 'seconds', estimator: 'ratio', denominator: den('answered') },
  // Occupancy = busy / logged-in time; logged-in time = agents × the row's span, and the span is
  // the same in every replication, so mean agents serve as the denominator.
  occupancy: share('Occupancy', 'occ', 'agents'),
  fcr: share('FCR', 'FCR', 'cases_reached'),
  containment_rate: share('Containment', 'contain', 'self_service_tried'),
  repeat_rate: share('Repeat rate', 'repeat', 'arrivals'),
  'ttr_hours.mean': { label: 'TTR mean', short: 'TTR', kind: 'duration', unit: 'hours', estimator: 'ratio', denominator: den('resolved_cases') },
  'ttr_hours.p50': { label: 'TTR median', short: 'TTR p50', kind: 'duration', unit: 'hours', estimator: 'quantile', quantile: 0.5 },
  'ttr_hours.p90': { label: 'TTR p90', short: 'TTR p90', kind: 'duration', unit: 'hours', estimator: 'quantile', quantile: 0.9 },
  cases: count('Cases', 'cases'),
  resolved_cases: count('Resolved cases', 'resolved'),
  lost_cases: count('Lost cases', 'lost'),
  open_cases: count('Open cases', 'open'),
  cost_total: money('Cost total', 'cost'),
  cost_per_contact: { ...money('Cost per contact', 'cost/contact'), estimator: 'ratio', denominator: den('arrivals') },
  cost_per_resolution: { ...money('Cost per resolution', 'cost/resolved'), estimator: 'ratio', denominator: den('resolved_cases') },
  closed: count('Closed (not offered)', 'closed'),
  agents: { label: 'Agents', short: 'agents', kind: 'count', unit: 'agents', estimator: 'mean' },
  paid_hours: { label: 'Paid hours', short: 'paid h', kind: 'hours', unit: 'hours', estimator: 'mean' },
  cost_agents: money('Cost of agents', 'cost agents'),
  cost_self_service: money('Cost of self-service', 'cost self-service'),
  cost_telephony: money('Cost of telephony', 'cost telephony'),
  cost_contacts: money('Cost per-contact fees', 'cost contacts'),
  waiting_at_end: count('Waiting at end', 'waiting at end'),
  in_self_service_at_end: count('In self-service at end', 'in self-service at end'),
  cases_reached: count('Cases that reached an agent', 'reached agent'),
  self_service_tried: count('Tried self-service', 'tried self-service'),
  // Effort (1..7, low is good) over the cases that ended (resolved or lost), in the row of the
  // case's first contact; the open cases' effort so far is reported on its own.
  effort_mean: { label: 'Effort (1-7)', short: 'effort', kind: 'score', unit: 'points', estimator: 'ratio', denominator: endedCases },
  high_effort_share: share('High-effort share', 'high effort', 'resolved_cases', endedCases),
  effort_open_mean: { label: 'Effort of open cases (1-7)', short: 'effort open', kind: 'score', unit: 'points', estimator: 'ratio', denominator: den('open_cases') },
};

/** Every metric name, in the order of the metrics definitions (TTR after repeat_rate). */
export const METRIC_NAMES: readonly MetricName[] = [
  ...SCALAR_METRICS.slice(0, SCALAR_METRICS.indexOf('repeat_rate') + 1),
  'ttr_hours.mean',
  'ttr_hours.p50',
  'ttr_hours.p90',
  ...SCALAR_METRICS.slice(SCALAR_METRICS.indexOf('repeat_rate') + 1),
];

/** The catalogue, in METRIC_NAMES order. */
// Better directions are defined once, where the scenario format can read them too (a scorecard
// names metrics): scenario/metric-directions.ts.
export const CATALOGUE: readonly MetricInfo[] = METRIC_NAMES.map((name) => ({ name, ...ENTRIES[name], better: BETTER_DIRECTION[name] }));

const BY_NAME = new Map<string, MetricInfo>(CATALOGUE.map((m) => [m.name, m]));

export function isMetricName(name: string): name is MetricName {
  return BY_NAME.has(name);
}

/** The catalogue entry of a metric. */
export function metricInfo(name: MetricName): MetricInfo {
  return BY_NAME.get(name)!;
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

/** The name of a metric as a CSV column (`ttr_hours.mean` -> `ttr_hours_mean`). */
export function columnName(name: MetricName): string {
  return name.replace('.', '_');
}

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

/** What a difference plan − baseline means for a metric, in the words tables and charts use. */
export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no clear difference';

/**
 * The verdict on a difference with its 95% half-width: `no clear difference` when the interval
 * includes zero; otherwise `better` or `worse` by the metric's better direction, or `higher` /
 * `lower` for a metric without one. Null when there is no interval (one replication).
 */
export function verdictOf(name: MetricName, mean: number | null, ci95: number | null): Verdict | null {
  if (mean === null || ci95 === null || !Number.isFinite(mean) || !Number.isFinite(ci95)) return null;
  if (Math.abs(mean) <= ci95) return 'no clear difference';
  const better = metricInfo(name).better;
  if (better === null) return mean > 0 ? 'higher' : 'lower';
  return (mean > 0) === (better === 'higher') ? 'better' : 'worse';
}
