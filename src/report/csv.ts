/**
 * The result as CSV tables, for spreadsheets and scripts.
 *
 * - `intervals.csv`: one row per reporting interval (`start`, then every metric).
 * - `types.csv`: one row per contact type (`type`, then every metric).
 * - `totals.csv`: the totals (`scope` = all, then every metric), kept out of types.csv so that
 *   no column mixes types with their sum.
 * - `interval_types.csv`: one row per (interval, type); `groups.csv` one row per agent group;
 *   `interval_groups.csv` one row per (interval, group).
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
  const rounded = Math.abs(x) >= 1e-3 ? Number(x.toFixed(6)) : Number(x.toPrecision(6));
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

const GROUP_COLUMNS = ['agents', 'logged_hours', 'paid_hours', 'busy_hours', 'occupancy', 'handled', 'cost'] as const;

function groupCells(m: GroupMetrics, ci: GroupMetrics | undefined, withCi: boolean): string[] {
  const cells = GROUP_COLUMNS.map((c) => csvNumber(m[c]));
  if (withCi) cells.push(...GROUP_COLUMNS.map((c) => (ci === undefined ? '' : csvNumber(ci[c]))));
  return cells;
}

function groupHeader(first: string[], withCi: boolean): string[] {
  return [...first, ...GROUP_COLUMNS, ...(withCi ? GROUP_COLUMNS.map((n) => `${n}_ci95`) : [])];
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
