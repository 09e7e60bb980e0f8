/**
 * `metrics.csv`: every figure of a run in long ("tidy") form, one row per (plan, interval or
 * total, contact type or `all`, metric), for analysts who load it as-is into a data frame,
 * DuckDB or a spreadsheet pivot.
 *
 * Columns: plan, level (`total` or `interval`), date (ISO, YYYY-MM-DD), time (HH:MM:SS),
 * weekday (mon..sun), interval_start (ISO date-time), type (a contact type id, or `all`),
 * metric (a name of the metric catalogue), unit (count, share, seconds, hours, agents, or the
 * currency code for money), value, ci95_low, ci95_high (the 95% interval, empty with one
 * replication). Total rows leave the date, time, weekday and interval_start cells empty.
 */
import type { Metrics, Result } from '../metrics/types.ts';
import { CATALOGUE, metricValue } from '../metrics/catalogue.ts';
import { csvNumber, toCsv } from './csv.ts';

export const METRICS_CSV_HEADER = ['plan', 'level', 'date', 'time', 'weekday', 'interval_start', 'type', 'metric', 'unit', 'value', 'ci95_low', 'ci95_high'];

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
  by_interval?: ReadonlyArray<Metrics & { start: string }> | undefined;
  ci95_by_interval?: ReadonlyArray<Metrics> | undefined;
  currency?: string | null | undefined;
}

function rowsOf(out: string[][], plan: string, level: string, at: [string, string, string, string], type: string, m: Metrics, ci: Metrics | null | undefined, currency: string | null | undefined): void {
  for (const info of CATALOGUE) {
    const v = metricValue(m, info.name);
    if (v === null || !Number.isFinite(v)) continue;
    const h = ci === null || ci === undefined ? null : metricValue(ci, info.name);
    const unit = info.unit === 'money' ? (currency ?? 'money') : info.unit;
    out.push([plan, level, ...at, type, info.name, unit, csvNumber(v), h === null ? '' : csvNumber(v - h), h === null ? '' : csvNumber(v + h)]);
  }
}

/** The long rows of one plan (no header). Undefined figures (a ratio over nothing) are left out. */
export function metricsRows(input: MetricsRowsInput): string[][] {
  const out: string[][] = [];
  const none: [string, string, string, string] = ['', '', '', ''];
  rowsOf(out, input.plan, 'total', none, 'all', input.totals, input.ci95, input.currency);
  for (const [id, m] of Object.entries(input.by_type ?? {})) rowsOf(out, input.plan, 'total', none, id, m, input.ci95_by_type?.[id], input.currency);
  (input.by_interval ?? []).forEach((iv, i) => rowsOf(out, input.plan, 'interval', when(iv.start), 'all', iv, input.ci95_by_interval?.[i], input.currency));
  return out;
}

/** metrics.csv of a simulation. */
export function resultMetricsCsv(result: Result, currency?: string | null): string {
  return toCsv([
    METRICS_CSV_HEADER,
    ...metricsRows({
      plan: result.scenario,
      totals: result.totals,
      ci95: result.ci95?.totals,
      by_type: result.by_type,
      ci95_by_type: result.ci95?.by_type,
      by_interval: result.by_interval,
      ci95_by_interval: result.ci95?.by_interval,
      currency,
    }),
  ]);
}

/** metrics.csv of several plans' totals (compare, sweep). */
export function plansMetricsCsv(plans: ReadonlyArray<{ name: string; totals: Metrics; ci95: Metrics | null }>, currency?: string | null): string {
  return toCsv([METRICS_CSV_HEADER, ...plans.flatMap((p) => metricsRows({ plan: p.name, totals: p.totals, ci95: p.ci95, currency }))]);
}
