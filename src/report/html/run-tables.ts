/**
 * The tables of a run's report: per contact type, per agent group, the scorecard, per event,
 * per week, and per interval. Columns name catalogue entries; labels and formats come from the
 * catalogues, figures through the formatting module, each with its 95% half-width.
 */
import type { Result } from '../../metrics/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import { isMetricName, metricInfo, metricValue, type MetricName } from '../../metrics/catalogue.ts';
import { COHORT_WEEK_FIELDS, EVENT_FIELDS, GROUP_FIELDS, WEEK_FIELDS } from '../../metrics/field-catalogue.ts';
import { formatMetric, formatShare, type FormatOptions } from '../../metrics/format.ts';
import { escapeHtml, field, fieldCell, isNum, metricCell, NONE, table } from './markup.ts';

const optionsOf = (scenario: Scenario): FormatOptions => ({ currency: scenario.costs.currency ?? null });

const INTERVAL_METRICS: readonly MetricName[] = ['arrivals', 'offered', 'answered', 'abandoned', 'service_level', 'asa_seconds', 'agents', 'occupancy', 'cost_total'];

/** Per interval, the interval's figures (contacts counted in the interval they arrived in). */
export function intervalTable(result: Result, scenario: Scenario): string {
  const ci = result.ci95?.by_interval;
  const options = optionsOf(scenario);
  const head = ['Interval start', ...INTERVAL_METRICS.map((m) => metricInfo(m).label)];
  const rows = result.by_interval.map((iv, i) => [
    escapeHtml(iv.start.replace('T', ' ')),
    ...INTERVAL_METRICS.map((m) => metricCell(m, metricValue(iv, m), ci?.[i] === undefined ? null : metricValue(ci[i]!, m), options)),
  ]);
  if (rows.length === 0) return '<p>No intervals were reported (the warm-up covers the whole horizon).</p>';
  return table(head, rows, { numeric: head.map((_, i) => i > 0), className: 'intervals' });
}

const TYPE_METRICS: readonly MetricName[] = ['arrivals', 'service_level', 'asa_seconds', 'abandon_rate', 'fcr', 'ttr_hours.mean', 'effort_mean', 'cost_per_contact'];

/** Per contact type over the run. */
export function typeTable(result: Result, scenario: Scenario): string {
  const options = optionsOf(scenario);
  const head = ['Contact type', ...TYPE_METRICS.map((m) => metricInfo(m).label)];
  const rows = Object.entries(result.by_type).map(([id, m]) => {
    const c = result.ci95?.by_type[id];
    return [escapeHtml(id), ...TYPE_METRICS.map((name) => metricCell(name, metricValue(m, name), c === undefined ? null : metricValue(c, name), options))];
  });
  return table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

/** A scorecard part's value or target, in its metric's format. */
function partValue(metric: string, x: number | null): string {
  return isMetricName(metric) ? formatMetric(metric, x) : isNum(x) ? String(+x.toPrecision(4)) : NONE;
}

/** A run's scorecard (when its scenario has one): the score and each part. */
export function runScorecard(result: Result): string {
  const card = result.scorecard;
  if (card === undefined) return '';
  const ci = result.ci95?.scorecard;
  const rows = card.parts.map((p, i) => [
    escapeHtml(isMetricName(p.metric) ? metricInfo(p.metric).label : p.metric),
    escapeHtml(partValue(p.metric, p.target)),
    escapeHtml(String(+p.weight.toPrecision(4))),
    isMetricName(p.metric) ? metricCell(p.metric, p.value, ci?.parts[i]?.value) : escapeHtml(partValue(p.metric, p.value)),
    p.attainment === null ? NONE : `${Math.round(p.attainment * 100)}%`,
  ]);
  return (
    `<h3>Scorecard: ${escapeHtml(card.score === null ? NONE : card.score.toFixed(1))}` +
    (isNum(ci?.score) ? ` <span class="ci">${escapeHtml(`±${ci!.score!.toFixed(1)}`)}</span>` : '') +
    `</h3>` +
    table(['Metric', 'Target', 'Weight', 'Value', 'Attainment'], rows, { numeric: [false, true, true, true, true] })
  );
}

/** Per agent group; occupancy is flagged against `service_level.max_occupancy` when the scenario has one. */
export function groupTable(result: Result, scenario: Scenario): string {
  const groups = result.totals.by_group;
  if (groups === undefined) return '';
  const options = optionsOf(scenario);
  const cap = scenario.service_level.max_occupancy;
  const head = ['Agent group', ...GROUP_FIELDS.map((f) => f.label), ...(cap !== undefined ? [`Against cap ${formatShare(cap)}`] : [])];
  const rows = Object.entries(groups).map(([id, m]) => {
    const c = result.ci95?.totals.by_group?.[id];
    const verdict = cap === undefined ? [] : [m.occupancy === null ? NONE : m.occupancy > cap ? '<strong>over cap</strong>' : 'within cap'];
    return [escapeHtml(id), ...GROUP_FIELDS.map((f) => fieldCell(f, m[f.name], c?.[f.name], options)), ...verdict];
  });
  return `<h3>By agent group</h3>${table(head, rows, { numeric: head.map((_, i) => i > 0) })}`;
}

/** Per event: service and abandonment during it, the queue at its end, the minutes to recover. */
export function eventTable(result: Result): string {
  const events = result.events ?? [];
  if (events.length === 0) return '';
  const ci = result.ci95?.events;
  const shown = ['service_level_during', 'abandoned_during', 'waiting_at_end_of_event'] as const;
  const recovery = field(EVENT_FIELDS, 'recovery_minutes');
  const head = ['Event', 'From', 'To', ...shown.map((n) => field(EVENT_FIELDS, n).label), recovery.label];
  const rows = events.map((e, i) => [
    escapeHtml(e.name),
    escapeHtml(e.from.replace('T', ' ')),
    escapeHtml(e.to.replace('T', ' ')),
    ...shown.map((n) => fieldCell(field(EVENT_FIELDS, n), e[n], ci?.[i]?.[n])),
    e.recovery_minutes === null ? 'not within the horizon' : fieldCell(recovery, e.recovery_minutes, ci?.[i]?.recovery_minutes),
  ]);
  const pooled = result.replications > 1 ? ' With replications, recovery is read off the pooled service-level curve (no interval).' : '';
  return (
    `<h3>Events</h3><p class="hint">Contacts of the event’s types that arrived during it; recovery runs from its end to the ` +
    `start of the first interval whose service level is back at the target.${pooled}</p>` +
    table(head, rows, { numeric: head.map((_, i) => i > 2) })
  );
}

/** By week: agents on line, employees, mean proficiency, AHT and FCR (and each hiring class). */
export function weeklyTable(result: Result): string {
  const weeks = result.weekly ?? [];
  if (weeks.length === 0) return '';
  const ci = result.ci95?.weekly;
  const shown = ['agents', 'employees', 'mean_proficiency', 'aht_seconds', 'fcr'] as const;
  const cohortShown = ['agents', 'proficiency', 'aht_seconds'] as const;
  const cohortIds = Object.keys(weeks[0]!.cohorts);
  const head = ['Week of', ...shown.map((n) => field(WEEK_FIELDS, n).label), ...cohortIds.map((id) => `${id}: agents / proficiency / AHT`)];
  const rows = weeks.map((w, k) => [
    escapeHtml(w.week_start),
    ...shown.map((n) => fieldCell(field(WEEK_FIELDS, n), w[n], ci?.[k]?.[n])),
    ...cohortIds.map((id) => {
      const c = w.cohorts[id]!;
      return cohortShown.map((n) => fieldCell(field(COHORT_WEEK_FIELDS, n), c[n], null)).join(' / ');
    }),
  ]);
  return (
    `<h3>By week</h3><p class="hint">Employees at the week’s end; proficiency is the share of full speed of the agents on line ` +
    `(new hires ramp up); AHT and FCR of the contacts that arrived in the week.</p>` +
    table(head, rows, { numeric: head.map((_, i) => i > 0) })
  );
}
