/**
 * The result as CSV tables, for spreadsheets and scripts.
 *
 * - `intervals.csv`: one row per reporting interval (`start`, then every metric).
 * - `types.csv`: one row per contact type (`type`, then every metric).
 * - `totals.csv`: the totals (`scope` = all, then every metric), kept out of types.csv so that
 *   no column mixes types with their sum.
 * - `interval_types.csv`: one row per (interval, type); `groups.csv` one row per agent group;
 *   `interval_groups.csv` one row per (interval, group).
 * - `events.csv` (a scenario with events): one row per event: `event`, `from`, `to` (as
 *   `YYYY-MM-DD HH:MM:SS`, which DuckDB and spreadsheets read as date-times), `types` (the
 *   contact types it applies to, space-separated), `service_level_target`, then its figures.
 * - `weekly.csv` (a multi-week run, or a workforce that changes): one row per week
 *   (`week_start`, an ISO date, then its figures); `cohort_weeks.csv` one row per (week, hiring
 *   cohort) when the scenario has cohorts.
 *
 * Columns of the per-group, per-event and per-week tables come from their catalogues
 * (metrics/field-catalogue.ts).
 *
 * Metric columns are the names of the metrics definitions, in a fixed order; `ttr_hours` is
 * flattened to `ttr_hours_mean`, `ttr_hours_p50`, `ttr_hours_p90`. With replications, the
 * half-widths of the 95% intervals follow as `<metric>_ci95` columns after all the metric
 * columns, so the leading columns are the same with or without replications.
 *
 * Format: RFC 4180 (comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). `null` (a ratio with a zero denominator) is an empty cell. Numbers keep
 * at most 6 decimals (6 significant digits below 0.001): exact enough to compare, short enough
 * to read. The JSON summary keeps full precision.
 */

import type { GroupMetrics, Metrics, Result } from '../metrics/types.ts';
import { SCALAR_METRICS, type ScalarMetric } from '../metrics/names.ts';
import { COHORT_WEEK_FIELDS, EVENT_FIELDS, GROUP_FIELDS, WEEK_FIELDS, type FieldInfo } from '../metrics/field-catalogue.ts';

interface Column {
  readonly name: string;
  readonly value: (m: Metrics) => number | null;
}

function scalarColumn(key: ScalarMetric): Column {
  return { name: key, value: (m) => m[key] };
}

/** The metric columns, in order (`ttr_hours_*` after `repeat_rate`). */
export const METRIC_COLUMNS: readonly Column[] = [
  ...SCALAR_METRICS.slice(0, SCALAR_METRICS.indexOf('repeat_rate') + 1).map(scalarColumn),
  { name: 'ttr_hours_mean', value: (m) => m.ttr_hours.mean },
  { name: 'ttr_hours_p50', value: (m) => m.ttr_hours.p50 },
  { name: 'ttr_hours_p90', value: (m) => m.ttr_hours.p90 },
  ...SCALAR_METRICS.slice(SCALAR_METRICS.indexOf('repeat_rate') + 1).map(scalarColumn),
];

/** A number as CSV text: integers as they are, others with at most 6 decimals; null or non-finite: empty. */
export function csvNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e9) {
    // At most 9 + 6 significant digits, within the 15 that survive a round trip through a
    // double: the shortest text of the rounded number is toFixed's with its trailing zeros cut,
    // so there is no need to parse it back and print it again (a week's metrics.csv formats a
    // million numbers).
    const fixed = x.toFixed(6);
    let end = fixed.length;
    while (fixed.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (fixed.charCodeAt(end - 1) === 46 /* . */) end--;
    return fixed.slice(0, end);
  }
  const rounded = a >= 1e-3 ? Number(x.toFixed(6)) : Number(x.toPrecision(6));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** One field, quoted per RFC 4180 when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields to CSV text (CRLF line ends, final line end included). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function header(first: string, withCi: boolean): string[] {
  const names = METRIC_COLUMNS.map((c) => c.name);
  return [first, ...names, ...(withCi ? names.map((n) => `${n}_ci95`) : [])];
}

function metricCells(m: Metrics, ci: Metrics | undefined, withCi: boolean): string[] {
  const cells = METRIC_COLUMNS.map((c) => csvNumber(c.value(m)));
  if (withCi) cells.push(...METRIC_COLUMNS.map((c) => (ci === undefined ? '' : csvNumber(c.value(ci)))));
  return cells;
}

/** `intervals.csv`: one row per `by_interval` entry. */
export function intervalsCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows = result.by_interval.map((m, i) => [m.start, ...metricCells(m, result.ci95?.by_interval[i], withCi)]);
  return toCsv([header('start', withCi), ...rows]);
}

/** `types.csv`: one row per contact type, in the result's order (the totals are in totals.csv). */
export function typesCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows = Object.entries(result.by_type).map(([id, m]) => [id, ...metricCells(m, result.ci95?.by_type[id], withCi)]);
  return toCsv([header('type', withCi), ...rows]);
}

/** `totals.csv`: the totals over every contact type, one row (`scope` all), same columns as types.csv. */
export function totalsCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  return toCsv([header('scope', withCi), ['all', ...metricCells(result.totals, result.ci95?.totals, withCi)]]);
}

/** `interval_types.csv`: one row per (interval, contact type), columns `start`, `type`, then every metric. */
export function intervalTypesCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows: string[][] = [];
  result.by_interval.forEach((iv, i) => {
    for (const [id, m] of Object.entries(iv.by_type ?? {})) {
      rows.push([iv.start, id, ...metricCells(m, result.ci95?.by_interval[i]?.by_type?.[id], withCi)]);
    }
  });
  return toCsv([['start', ...header('type', withCi)], ...rows]);
}

/** The cells of one row of a catalogued table: every field, then (with replications) every half-width. */
function fieldCells<Row>(fields: readonly FieldInfo<Row>[], m: Row, ci: Row | undefined, withCi: boolean): string[] {
  const value = (r: Row, f: FieldInfo<Row>): number | null => r[f.name] as number | null;
  const cells = fields.map((f) => csvNumber(value(m, f)));
  if (withCi) cells.push(...fields.map((f) => (ci === undefined ? '' : csvNumber(value(ci, f)))));
  return cells;
}

function fieldHeader<Row>(first: string[], fields: readonly FieldInfo<Row>[], withCi: boolean): string[] {
  const names = fields.map((f) => f.name as string);
  return [...first, ...names, ...(withCi ? names.map((n) => `${n}_ci95`) : [])];
}

const groupCells = (m: GroupMetrics, ci: GroupMetrics | undefined, withCi: boolean): string[] => fieldCells(GROUP_FIELDS, m, ci, withCi);
const groupHeader = (first: string[], withCi: boolean): string[] => fieldHeader(first, GROUP_FIELDS, withCi);

/** `2026-01-05T10:00` -> `2026-01-05 10:00:00`. */
const dateTime = (stamp: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(stamp) ? `${stamp.replace('T', ' ')}:00` : stamp);

/** `events.csv`: one row per event of the scenario (header only without events). */
export function eventsCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows = (result.events ?? []).map((e, k) => [
    e.name,
    dateTime(e.from),
    dateTime(e.to),
    e.types.join(' '),
    csvNumber(e.service_level_target),
    ...fieldCells(EVENT_FIELDS, e, result.ci95?.events?.[k], withCi),
  ]);
  return toCsv([fieldHeader(['event', 'from', 'to', 'types', 'service_level_target'], EVENT_FIELDS, withCi), ...rows]);
}

/** `weekly.csv`: one row per week of the run (header only without a weekly table). */
export function weeklyCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows = (result.weekly ?? []).map((w, k) => [w.week_start, ...fieldCells(WEEK_FIELDS, w, result.ci95?.weekly?.[k], withCi)]);
  return toCsv([fieldHeader(['week_start'], WEEK_FIELDS, withCi), ...rows]);
}

/** `cohort_weeks.csv`: one row per (week, hiring cohort). */
export function cohortWeeksCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows: string[][] = [];
  (result.weekly ?? []).forEach((w, k) => {
    for (const [id, c] of Object.entries(w.cohorts)) rows.push([w.week_start, id, ...fieldCells(COHORT_WEEK_FIELDS, c, result.ci95?.weekly?.[k]?.cohorts[id], withCi)]);
  });
  return toCsv([fieldHeader(['week_start', 'cohort'], COHORT_WEEK_FIELDS, withCi), ...rows]);
}

/** `groups.csv`: one row per agent group over the reported horizon (`by_group` of the totals). */
export function groupsCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows = Object.entries(result.totals.by_group ?? {}).map(([id, m]) => [id, ...groupCells(m, result.ci95?.totals.by_group?.[id], withCi)]);
  return toCsv([groupHeader(['group'], withCi), ...rows]);
}

/** `interval_groups.csv`: one row per (interval, agent group). */
export function intervalGroupsCsv(result: Result): string {
  const withCi = result.ci95 !== undefined;
  const rows: string[][] = [];
  result.by_interval.forEach((iv, i) => {
    for (const [id, m] of Object.entries(iv.by_group ?? {})) {
      rows.push([iv.start, id, ...groupCells(m, result.ci95?.by_interval[i]?.by_group?.[id], withCi)]);
    }
  });
  return toCsv([groupHeader(['start', 'group'], withCi), ...rows]);
}
