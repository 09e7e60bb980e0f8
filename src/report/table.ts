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
import { metricValue, type MetricName } from '../metrics/catalogue.ts';
import { formatMetric, formatMetricHalfWidth } from '../metrics/format.ts';
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
  const typeRows: Row[] = [['type', 'arrivals', 'offered', 'SL', 'ASA s', 'abandon', 'FCR', 'TTR mean h', 'cost/contact']];
  for (const [id, m] of Object.entries(result.by_type)) {
    typeRows.push(typeRow(id, m, result.ci95?.by_type[id]));
  }
  lines.push(...renderTable(typeRows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));

  if (result.events !== undefined && result.events.length > 0) {
    lines.push('', 'Events (contacts that arrived during each; recovery: minutes from its end until service level is back at target)');
    const rows: Row[] = [['event', 'from', 'to', 'SL during', 'abandoned', 'waiting at end', 'recovery min']];
    for (const e of result.events) {
      rows.push([e.name, e.from.replace('T', ' '), e.to.replace('T', ' '), pct(e.service_level_during), count(e.abandoned_during), count(e.waiting_at_end_of_event), e.recovery_minutes === null ? 'never' : fixed(e.recovery_minutes, 0)]);
    }
    lines.push(...renderTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r']));
  }

  if (result.weekly !== undefined && result.weekly.length > 0) {
    lines.push('', 'By week (employees at the week\'s end; proficiency: share of full speed of the agents on line)');
    const rows: Row[] = [['week of', 'agents', 'employees', 'proficiency', 'AHT s', 'FCR']];
    for (const w of result.weekly) rows.push([w.week_start, fixed(w.agents, 1), fixed(w.employees, 1), pct(w.mean_proficiency), fixed(w.aht_seconds, 1), pct(w.fcr)]);
    lines.push(...renderTable(rows, ['l', 'r', 'r', 'r', 'r', 'r']));
  }

  lines.push(...groupTable(result, scenario));
  const card = result.scorecard;
  if (card !== undefined) {
    const half = result.ci95?.scorecard?.score;
    lines.push('', `Scorecard: ${fixed(card.score, 1)}${pm(half, (x) => fixed(x, 1)) === '' ? '' : ` ${pm(half, (x) => fixed(x, 1))}`} of 100`);
    const cardRows: Row[] = [['metric', 'target', 'weight', 'value', 'attainment']];
    for (const p of card.parts) {
      cardRows.push([p.metric, String(+p.target.toPrecision(6)), String(+p.weight.toPrecision(6)), p.value === null ? NONE : String(+p.value.toPrecision(4)), p.attainment === null ? NONE : pct(p.attainment)]);
    }
    lines.push(...renderTable(cardRows, ['l', 'r', 'r', 'r', 'r']));
  }

  return lines.join('\n') + '\n';
}

function typeRow(id: string, m: Metrics, ci: Metrics | undefined): Row {
  const withCi = (value: string, half: number | null | undefined, f: (x: number) => string): string => {
    const extra = pm(half, f);
    return extra === '' ? value : `${value} ${extra}`;
  };
  return [
    id,
    withCi(count(m.arrivals), ci?.arrivals, count),
    withCi(count(m.offered), ci?.offered, count),
    withCi(pct(m.service_level), ci?.service_level, pctPoints),
    withCi(fixed(m.asa_seconds, 1), ci?.asa_seconds, (x) => fixed(x, 1)),
    withCi(pct(m.abandon_rate), ci?.abandon_rate, pctPoints),
    withCi(pct(m.fcr), ci?.fcr, pctPoints),
    withCi(fixed(m.ttr_hours.mean, 2), ci?.ttr_hours.mean, (x) => fixed(x, 2)),
    withCi(money(m.cost_per_contact), ci?.cost_per_contact, money),
  ];
}

/** Per agent group: who was on line, how busy (against `max_occupancy` when the scenario has one), what it handled and cost. */
function groupTable(result: Result, scenario: Scenario): string[] {
  const groups = result.totals.by_group;
  if (groups === undefined) return [];
  const cap = scenario.service_level.max_occupancy;
  const rows: Row[] = [['group', 'agents', 'logged h', 'paid h', 'occupancy', 'handled', 'cost', ...(cap !== undefined ? [`cap ${pct(cap)}`] : [])]];
  for (const [id, m] of Object.entries(groups)) {
    const ci = result.ci95?.totals.by_group?.[id];
    const withCi = (value: string, half: number | null | undefined, f: (x: number) => string): string => {
      const extra = pm(half, f);
      return extra === '' ? value : `${value} ${extra}`;
    };
    const over = cap !== undefined && m.occupancy !== null ? (m.occupancy > cap ? 'over' : 'ok') : '';
    rows.push([
      id,
      withCi(fixed(m.agents, 1), ci?.agents, (x) => fixed(x, 1)),
      withCi(fixed(m.logged_hours, 1), ci?.logged_hours, (x) => fixed(x, 1)),
      withCi(fixed(m.paid_hours, 1), ci?.paid_hours, (x) => fixed(x, 1)),
      withCi(pct(m.occupancy), ci?.occupancy, pctPoints),
      withCi(count(m.handled), ci?.handled, count),
      withCi(money(m.cost), ci?.cost, money),
      ...(cap !== undefined ? [over] : []),
    ]);
  }
  return ['', 'By agent group', ...renderTable(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'])];
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

/** A share's interval half-width in percentage points: 0.012 -> `1.2`. */
function pctPoints(x: number): string {
  return (x * 100).toFixed(1);
}

/** Money with two decimals and grouping. */
function money(x: number | null | undefined): string {
  return fixed(x, 2);
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
