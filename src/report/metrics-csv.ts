/**
 * `metrics.csv`: every figure of a run in long ("tidy") form, one row per (plan, interval or
 * total, contact type or agent group or `all`, metric), for analysts who load it as-is into a
 * data frame, DuckDB or a spreadsheet pivot.
 *
 * Columns: plan, level (`total` or `interval`), date (ISO, YYYY-MM-DD), time (HH:MM:SS),
 * weekday (mon..sun), interval_start (ISO date-time), type (a contact type id, or `all`), group
 * (an agent group id, or `all`), metric (a name of the metric catalogue, or of the group
 * catalogue on group rows), unit (count, share, seconds, hours, agents, or the currency code
 * for money), value, ci95_low, ci95_high (the 95% interval, empty with one replication). Total
 * rows leave the date, time, weekday and interval_start cells empty.
 *
 * Rows with type `all` and group `all` are the run's (or interval's) figures; rows with a type
 * are that type's (group `all`); rows with a group are that group's (type `all`): its agents,
 * logged-in, paid and busy hours, occupancy, contacts handled and cost, which add up over the
 * groups to the `all` row's paid hours and agent cost.
 */
import type { Metrics, Result } from '../metrics/types.ts';
import type { GroupMetrics } from '../metrics/types.ts';
import { CATALOGUE, metricValue } from '../metrics/catalogue.ts';
import { GROUP_FIELDS } from '../metrics/field-catalogue.ts';
import { csvField, csvNumber, toCsv } from './csv.ts';

export const METRICS_CSV_HEADER = ['plan', 'level', 'date', 'time', 'weekday', 'interval_start', 'type', 'group', 'metric', 'unit', 'value', 'ci95_low', 'ci95_high'];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** `2026-12-07T08:30` -> date, time and weekday cells. */
function when(start: string): [string, string, string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(start);
  if (m === null) return ['', '', '', ''];
  const [, y, mo, d, h, mi] = m;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()]!;
  return [`${y}-${mo}-${d}`, `${h}:${mi}:00`, weekday, `${y}-${mo}-${d} ${h}:${mi}:00`];
}

export interface MetricsRowsInput {
  plan: string;
  totals: Metrics;
  ci95?: Metrics | null | undefined;
  by_type?: Record<string, Metrics> | undefined;
  ci95_by_type?: Record<string, Metrics> | undefined;
  by_interval?: ReadonlyArray<Metrics & { start: string; by_type?: Record<string, Metrics> | undefined }> | undefined;
  ci95_by_interval?: ReadonlyArray<Metrics & { by_type?: Record<string, Metrics> | undefined }> | undefined;
  currency?: string | null | undefined;
}

type When = [string, string, string, string];

/**
 * The rows are built as CSV lines directly, not as arrays of cells joined by `toCsv`: a week's
 * run has some 100,000 rows, and the arrays and per-cell quoting checks cost more than the
 * figures. The same text: places and names go through `csvField` once per row place, metric
 * and unit, and `csvNumber` yields only digits, `-`, `.` and `e`, which need no quoting.
 */
const fieldOnce = new Map<string, string>();
function field(text: string): string {
  const known = fieldOnce.get(text);
  if (known !== undefined) return known;
  const f = csvField(text);
  fieldOnce.set(text, f);
  return f;
}

/** One row: its place (plan, level, when, type, group, as CSV), then the figure with its interval. */
function row(out: string[], where: string, metric: string, unit: string, v: number, h: number | null | undefined): void {
  const half = h === null || h === undefined || !Number.isFinite(h) ? null : h;
  const interval = half === null ? ',' : `${csvNumber(v - half)},${csvNumber(v + half)}`;
  out.push(`${where}${field(metric)},${field(unit)},${csvNumber(v)},${interval}\r\n`);
}

/** The place cells of a row (plan, level, date, time, weekday, interval_start, type, group) as CSV, with the comma after them. */
function place(plan: string, level: string, at: When, type: string, group: string): string {
  return `${csvField(plan)},${level},${at.map(csvField).join(',')},${csvField(type)},${csvField(group)},`;
}

function rowsOf(out: string[], plan: string, level: string, at: When, type: string, m: Metrics, ci: Metrics | null | undefined, currency: string | null | undefined): void {
  const where = place(plan, level, at, type, 'all');
  for (const info of CATALOGUE) {
    const v = metricValue(m, info.name);
    if (v === null || !Number.isFinite(v)) continue;
    const unit = info.unit === 'money' ? (currency ?? 'money') : info.unit;
    row(out, where, info.name, unit, v, ci === null || ci === undefined ? null : metricValue(ci, info.name));
  }
}

function groupRowsOf(out: string[], plan: string, level: string, at: When, groups: Record<string, GroupMetrics> | undefined, ci: Record<string, GroupMetrics> | undefined, currency: string | null | undefined): void {
  for (const [id, g] of Object.entries(groups ?? {})) {
    const where = place(plan, level, at, 'all', id);
    for (const f of GROUP_FIELDS) {
      const v = g[f.name];
      if (v === null || !Number.isFinite(v)) continue;
      const unit = f.unit === 'money' ? (currency ?? 'money') : f.unit;
      row(out, where, f.name, unit, v, ci?.[id]?.[f.name]);
    }
  }
}

/** The CSV lines (each ending in CRLF) of one plan, no header. Undefined figures (a ratio over nothing) are left out. */
export function metricsLines(input: MetricsRowsInput): string[] {
  const out: string[] = [];
  const none: When = ['', '', '', ''];
  const { plan, currency } = input;
  rowsOf(out, plan, 'total', none, 'all', input.totals, input.ci95, currency);
  for (const [id, m] of Object.entries(input.by_type ?? {})) rowsOf(out, plan, 'total', none, id, m, input.ci95_by_type?.[id], currency);
  groupRowsOf(out, plan, 'total', none, input.totals.by_group, input.ci95?.by_group, currency);
  (input.by_interval ?? []).forEach((iv, i) => {
    const at = when(iv.start);
    const ci = input.ci95_by_interval?.[i];
    rowsOf(out, plan, 'interval', at, 'all', iv, ci, currency);
    for (const [id, m] of Object.entries(iv.by_type ?? {})) rowsOf(out, plan, 'interval', at, id, m, ci?.by_type?.[id], currency);
    groupRowsOf(out, plan, 'interval', at, iv.by_group, ci?.by_group, currency);
  });
  return out;
}

const HEADER_LINE = toCsv([METRICS_CSV_HEADER]);

/** metrics.csv of a simulation. */
export function resultMetricsCsv(result: Result, currency?: string | null): string {
  return (
    HEADER_LINE +
    metricsLines({
      plan: result.scenario,
      totals: result.totals,
      ci95: result.ci95?.totals,
      by_type: result.by_type,
      ci95_by_type: result.ci95?.by_type,
      by_interval: result.by_interval,
      ci95_by_interval: result.ci95?.by_interval,
      currency,
    }).join('')
  );
}

/** metrics.csv of several plans' totals (compare, sweep). */
export function plansMetricsCsv(plans: ReadonlyArray<{ name: string; totals: Metrics; ci95: Metrics | null }>, currency?: string | null): string {
  // Group rows come with each plan's totals (`totals.by_group`).
  return HEADER_LINE + plans.map((p) => metricsLines({ plan: p.name, totals: p.totals, ci95: p.ci95, currency }).join('')).join('');
}
