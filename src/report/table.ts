/**
 * The plain-text summary `ccsim simulate` prints: what a planner reads in a terminal.
 *
 * A heading (scenario, seed, days, replications), the totals (service level against the
 * target, waits, abandonment, occupancy, handle time, resolution, cost), the contact counts,
 * and one row per contact type. With replications every figure is a mean and its 95% interval
 * half-width follows as `±x` (percentage points for shares). A figure that is not defined
 * (a ratio with a zero denominator) shows as `–`. Numbers are right-aligned; no colours.
 */

import type { Metrics, Result } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { isMetricName, metricInfo, metricValue, type MetricName } from '../metrics/catalogue.ts';
import { COHORT_WEEK_FIELDS, EVENT_FIELDS, GROUP_FIELDS, WEEK_FIELDS, type FieldInfo } from '../metrics/field-catalogue.ts';
import { formatField, formatFieldHalfWidth, formatMetric, formatMetricHalfWidth, type FormatOptions } from '../metrics/format.ts';
import { overloadWarning } from './overload.ts';

export interface SummaryOptions {
  /** Days simulated, when `--days` overrode the scenario's horizon.days. */
  days?: number | undefined;
}

const NONE = '–';

/** The summary as text, lines ending in `\n`. */
export function formatSummary(result: Result, scenario: Scenario, options: SummaryOptions = {}): string {
  const t = result.totals;
  const ci = result.ci95?.totals;
  const days = options.days ?? scenario.horizon.days;
  const lines: string[] = [];

  lines.push(result.scenario);
  const reps = result.replications;
  lines.push(
    `seed ${result.seed}, ${plural(days, 'day')}, ${plural(reps, 'replication')}` +
      (result.ci95 !== undefined ? ' (± = 95% interval half-width)' : ''),
  );
  const overload = overloadWarning(t);
  if (overload !== null) lines.push('', `WARNING: ${overload}`);

  lines.push('', 'Totals');
  // Figures in the unit that reads (metrics/format.ts): an email ASA of 47,200 s shows as 13.1 h.
  const fmt = { currency: scenario.costs.currency ?? null };
  const fig = (label: string, name: MetricName, note = ''): Row => {
    const v = metricValue(t, name);
    return [label, formatMetric(name, v, fmt), ci === undefined ? '' : formatMetricHalfWidth(name, metricValue(ci, name), v, fmt), note];
  };
  const totals: Row[] = [
    fig('Service level', 'service_level', targetNote(result, scenario)),
    fig('ASA', 'asa_seconds'),
    fig('Abandon rate', 'abandon_rate'),
    fig('Occupancy', 'occupancy'),
    fig('AHT', 'aht_seconds'),
    fig('FCR', 'fcr'),
    fig('TTR mean', 'ttr_hours.mean'),
    fig('TTR p50', 'ttr_hours.p50'),
    fig('TTR p90', 'ttr_hours.p90'),
    fig('Effort (1-7)', 'effort_mean', `1 = effortless; cases that ended (${count(t.open_cases)} still open are left out)`),
    fig('High-effort share', 'high_effort_share'),
    fig('Cost total', 'cost_total'),
    fig('Cost per contact', 'cost_per_contact'),
    fig('Cost per resolution', 'cost_per_resolution'),
  ];
  lines.push(...renderTable(totals, ['l', 'r', 'r', 'l']));

  lines.push('', 'Contacts');
  const counts: Array<[string, keyof Metrics & ('arrivals' | 'offered' | 'answered' | 'abandoned' | 'contained' | 'closed')]> = [
    ['Arrivals', 'arrivals'],
    ['Offered', 'offered'],
    ['Answered', 'answered'],
    ['Abandoned', 'abandoned'],
    ['Contained', 'contained'],
  ];
  // Only scenarios with opening hours turn contacts away.
  if (t.closed > 0) counts.push(['Closed (not offered)', 'closed']);
  lines.push(...renderTable(counts.map(([label, key]) => [label, count(t[key]), pm(ci?.[key], count)]), ['l', 'r', 'r']));

  lines.push('', 'By contact type');
  const typeRows: Row[] = [['type', ...TYPE_METRICS.map((m) => metricInfo(m).short)]];
  for (const [id, m] of Object.entries(result.by_type)) {
    const c = result.ci95?.by_type[id];
    typeRows.push([id, ...TYPE_METRICS.map((name) => metricWithCi(name, metricValue(m, name), c === undefined ? null : metricValue(c, name), fmt))]);
  }
  lines.push(...renderTable(typeRows, ['l', ...TYPE_METRICS.map(() => 'r' as const)]));

  if (result.events !== undefined && result.events.length > 0) {
    lines.push('', 'Events (contacts that arrived during each; recovery: from its end until service level is back at target)');
    const shown = ['service_level_during', 'abandoned_during', 'waiting_at_end_of_event', 'recovery_minutes'] as const;
    const rows: Row[] = [['event', 'from', 'to', ...shown.map((n) => fieldOf(EVENT_FIELDS, n).label)]];
    result.events.forEach((e, k) => {
      const c = result.ci95?.events?.[k];
      rows.push([
        e.name,
        e.from.replace('T', ' '),
        e.to.replace('T', ' '),
        ...shown.map((n) => (n === 'recovery_minutes' && e[n] === null ? 'never' : fieldWithCi(fieldOf(EVENT_FIELDS, n), e[n], c?.[n], fmt))),
      ]);
    });
    lines.push(...renderTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r']));
  }

  if (result.weekly !== undefined && result.weekly.length > 0) {
    lines.push('', 'By week (employees at the week\'s end; proficiency: share of full speed of the agents on line)');
    const shown = ['agents', 'employees', 'mean_proficiency', 'aht_seconds', 'fcr'] as const;
    const rows: Row[] = [['week of', 'agents', 'employees', 'proficiency', 'AHT', 'FCR']];
    result.weekly.forEach((w, k) => {
      const c = result.ci95?.weekly?.[k];
      rows.push([w.week_start, ...shown.map((n) => fieldWithCi(fieldOf(WEEK_FIELDS, n), w[n], c?.[n], fmt))]);
    });
    lines.push(...renderTable(rows, ['l', 'r', 'r', 'r', 'r', 'r']));
    const cohorts = Object.keys(result.weekly[0]!.cohorts);
    if (cohorts.length > 0) {
      const cohortRows: Row[] = [['week of', 'cohort', ...COHORT_WEEK_FIELDS.map((f) => f.label)]];
      for (const w of result.weekly) {
        for (const id of cohorts) cohortRows.push([w.week_start, id, ...COHORT_WEEK_FIELDS.map((f) => formatField(f, w.cohorts[id]![f.name], fmt))]);
      }
      lines.push(...renderTable(cohortRows, ['l', 'l', ...COHORT_WEEK_FIELDS.map(() => 'r' as const)]));
    }
  }

  lines.push(...groupTable(result, scenario, fmt));
  const card = result.scorecard;
  if (card !== undefined) {
    const half = result.ci95?.scorecard?.score;
    lines.push('', `Scorecard: ${fixed(card.score, 1)}${pm(half, (x) => fixed(x, 1)) === '' ? '' : ` ${pm(half, (x) => fixed(x, 1))}`} of 100`);
    const cardRows: Row[] = [['metric', 'target', 'weight', 'value', 'attainment']];
    const partText = (metric: string, x: number | null): string => (isMetricName(metric) ? formatMetric(metric, x, fmt) : x === null ? NONE : String(+x.toPrecision(4)));
    for (const p of card.parts) {
      cardRows.push([p.metric, partText(p.metric, p.target), String(+p.weight.toPrecision(6)), partText(p.metric, p.value), p.attainment === null ? NONE : pct(p.attainment)]);
    }
    lines.push(...renderTable(cardRows, ['l', 'r', 'r', 'r', 'r']));
  }

  return lines.join('\n') + '\n';
}

/** The per-type columns of the summary (short labels from the catalogue). */
const TYPE_METRICS: readonly MetricName[] = ['arrivals', 'offered', 'service_level', 'asa_seconds', 'abandon_rate', 'fcr', 'ttr_hours.mean', 'cost_per_contact'];

/** `82.3% ±1.2 pp`: a catalogue metric with its half-width. */
function metricWithCi(name: MetricName, value: number | null, half: number | null | undefined, fmt: FormatOptions): string {
  const extra = formatMetricHalfWidth(name, half, value, fmt);
  return extra === '' ? formatMetric(name, value, fmt) : `${formatMetric(name, value, fmt)} ${extra}`;
}

/** A figure of a secondary catalogue (group, event, week) with its half-width. */
function fieldWithCi<R>(f: FieldInfo<R>, value: number | null, half: number | null | undefined, fmt: FormatOptions): string {
  const extra = formatFieldHalfWidth(f, half, value, fmt);
  return extra === '' ? formatField(f, value, fmt) : `${formatField(f, value, fmt)} ${extra}`;
}

function fieldOf<R>(fields: readonly FieldInfo<R>[], name: keyof R & string): FieldInfo<R> {
  return fields.find((f) => f.name === name)!;
}

/** Per agent group: who was on line, how busy (against `max_occupancy` when the scenario has one), what it handled and cost. */
function groupTable(result: Result, scenario: Scenario, fmt: FormatOptions): string[] {
  const groups = result.totals.by_group;
  if (groups === undefined) return [];
  const cap = scenario.service_level.max_occupancy;
  const shown = GROUP_FIELDS.filter((f) => f.name !== 'busy_hours');
  const rows: Row[] = [['group', ...shown.map((f) => f.label), ...(cap !== undefined ? [`cap ${pct(cap)}`] : [])]];
  for (const [id, m] of Object.entries(groups)) {
    const ci = result.ci95?.totals.by_group?.[id];
    const over = cap !== undefined && m.occupancy !== null ? (m.occupancy > cap ? 'over' : 'ok') : '';
    rows.push([id, ...shown.map((f) => fieldWithCi(f, m[f.name], ci?.[f.name], fmt)), ...(cap !== undefined ? [over] : [])]);
  }
  return ['', 'By agent group', ...renderTable(rows, ['l', ...shown.map(() => 'r' as const), 'l'])];
}

/** `target 80.0% within 20 s: met` (or `missed`). */
function targetNote(result: Result, scenario: Scenario): string {
  const { target, threshold_seconds } = scenario.service_level;
  const same = scenario.contact_types.every((c) => c.service_level_seconds === threshold_seconds);
  const within = same ? `within ${duration(threshold_seconds)}` : 'per-type thresholds';
  const sl = result.totals.service_level;
  const verdict = sl === null ? '' : sl >= target ? ': met' : ': missed';
  return `target ${pct(target)} ${within}${verdict}`;
}

// ---------------------------------------------------------------------------------------------
// Formatting

type Row = string[];

/** Pads columns to equal width: `l` left-aligned, `r` right-aligned; two spaces between, two before; trailing spaces trimmed. */
export function renderTable(rows: readonly Row[], align: ReadonlyArray<'l' | 'r'>): string[] {
  // Columns empty in every row (no ± without replications) take no room.
  const keep = (i: number): boolean => rows.some((row) => (row[i] ?? '') !== '');
  rows = rows.map((row) => row.filter((_, i) => keep(i)));
  align = align.filter((_, i) => keep(i));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    ('  ' + row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')).trimEnd(),
  );
}

/** `12,345.67` style grouping of a non-negative or negative decimal string. */
function group(text: string): string {
  const [int = '', frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? `.${frac}` : '');
}

function fixed(x: number | null | undefined, decimals: number): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NONE : group(x.toFixed(decimals));
}

/** A share as a percentage with one decimal: 0.8234 -> `82.3%`. */
function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? NONE : `${(x * 100).toFixed(1)}%`;
}

/** A count, or a mean of counts across replications (one decimal when fractional). */
function count(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NONE;
  return Number.isInteger(x) ? group(String(x)) : fixed(x, 1);
}

/** `±1.2` for a defined half-width, else nothing. */
function pm(half: number | null | undefined, format: (x: number) => string): string {
  return half === null || half === undefined || !Number.isFinite(half) ? '' : `±${format(half)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+(seconds / 3600).toFixed(1)} h`;
}
