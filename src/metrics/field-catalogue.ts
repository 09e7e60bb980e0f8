/**
 * The catalogues of the figures reported beside the main metrics: per agent group (`by_group`),
 * per event (`events`), per week (`weekly`) and per hiring cohort and week. Each entry says, as
 * the main catalogue (catalogue.ts) does, what sort of number a field is and how replications
 * combine it: `mean` (counts, hours, costs: mean over replications, Student-t interval) or
 * `ratio` (the pooled ratio Σ numerator / Σ denominator over replications, delta-method
 * interval; `denominator` reads the ratio's denominator off the same row, so the numerator is
 * value × denominator). `reading` marks a figure read off other pooled figures (an event's
 * recovery time, read off the pooled service-level curve): no interval of its own.
 *
 * The CSV files of a run folder (metrics.csv, events.csv, weekly.csv) and the workbook take
 * their columns, units and labels from here, and aggregate.ts its estimators.
 */
import type { CohortWeekMetrics, EventMetrics, GroupMetrics, WeekMetrics } from './types.ts';
import type { BetterDirection, MetricInfo } from './catalogue.ts';

export interface FieldInfo<Row> {
  /** The field's key in the row. */
  name: keyof Row & string;
  label: string;
  kind: MetricInfo['kind'];
  unit: MetricInfo['unit'] | 'minutes';
  better: BetterDirection;
  estimator: 'mean' | 'ratio' | 'reading';
  denominator?: (row: Row) => number | null;
}

const mean = <Row>(name: keyof Row & string, label: string, kind: MetricInfo['kind'], unit: FieldInfo<Row>['unit'], better: BetterDirection = null): FieldInfo<Row> => ({
  name,
  label,
  kind,
  unit,
  better,
  estimator: 'mean',
});

/** Per agent group (METRICS "Per agent group"). */
export const GROUP_FIELDS: readonly FieldInfo<GroupMetrics>[] = [
  mean('agents', 'Agents logged in (mean)', 'count', 'agents'),
  mean('logged_hours', 'Logged-in hours', 'hours', 'hours'),
  mean('paid_hours', 'Paid hours', 'hours', 'hours', 'lower'),
  mean('busy_hours', 'Busy hours', 'hours', 'hours'),
  // Busy / logged-in time, pooled: Σ busy / Σ logged over replications.
  { name: 'occupancy', label: 'Occupancy', kind: 'share', unit: 'share', better: null, estimator: 'ratio', denominator: (g) => g.logged_hours },
  mean('handled', 'Contacts handled', 'count', 'count'),
  mean('cost', 'Cost', 'money', 'money', 'lower'),
];

/** Per event (METRICS "Events"). */
export const EVENT_FIELDS: readonly FieldInfo<EventMetrics>[] = [
  mean('offered_during', 'Offered during the event', 'count', 'count'),
  // Answered within the threshold / offered, of the event's types born in its window, pooled.
  { name: 'service_level_during', label: 'Service level during', kind: 'share', unit: 'share', better: 'higher', estimator: 'ratio', denominator: (e) => e.offered_during },
  mean('abandoned_during', 'Abandoned during', 'count', 'count', 'lower'),
  mean('waiting_at_end_of_event', 'Waiting at the end of the event', 'count', 'count', 'lower'),
  // Read off the pooled per-interval service level of the event's types (aggregate.ts).
  { name: 'recovery_minutes', label: 'Recovery', kind: 'duration', unit: 'minutes', better: 'lower', estimator: 'reading' },
];

/** Per week of a multi-week run (weekly.ts). */
export const WEEK_FIELDS: readonly FieldInfo<WeekMetrics>[] = [
  mean('agents', 'Agents logged in (mean)', 'count', 'agents'),
  mean('employees', 'Employees at the week end', 'count', 'count'),
  // Proficiency-seconds / logged-in seconds; logged-in seconds = agents × the week's span,
  // the same span in every replication, so mean agents serve as the denominator.
  { name: 'mean_proficiency', label: 'Mean proficiency', kind: 'share', unit: 'share', better: 'higher', estimator: 'ratio', denominator: (w) => w.agents },
  { name: 'aht_seconds', label: 'AHT', kind: 'duration', unit: 'seconds', better: 'lower', estimator: 'ratio', denominator: (w) => w.answered },
  { name: 'fcr', label: 'FCR', kind: 'share', unit: 'share', better: 'higher', estimator: 'ratio', denominator: (w) => w.cases_reached },
  mean('answered', 'Answered', 'count', 'count'),
  mean('cases_reached', 'Cases that reached an agent', 'count', 'count'),
];

/** Per hiring cohort and week (weekly.ts). */
export const COHORT_WEEK_FIELDS: readonly FieldInfo<CohortWeekMetrics>[] = [
  mean('agents', 'Members logged in (mean)', 'count', 'agents'),
  { name: 'proficiency', label: 'Proficiency', kind: 'share', unit: 'share', better: 'higher', estimator: 'ratio', denominator: (c) => c.agents },
  { name: 'aht_seconds', label: 'AHT', kind: 'duration', unit: 'seconds', better: 'lower', estimator: 'ratio', denominator: (c) => c.handled },
  mean('handled', 'Contacts handled', 'count', 'count'),
];
