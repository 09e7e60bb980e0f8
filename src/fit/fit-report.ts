/**
 * The fit report: what was read (columns, rows skipped and why), what was fitted with its
 * standard error, and observed vs fitted by weekday, month, hour, and hour x weekday; as
 * markdown text (with a text chart by hour, and a link to the chart image when one is drawn) and as JSON.
 *
 * "Observed" is the mean over the days used (outlier days and left-out days excluded);
 * "fitted" is the mean of per_day x by_weekday x by_month (x by_hour share) over the same days.
 * The weekday and month margins match by construction of the maximum-likelihood fit; the hour x
 * weekday table is where a single intraday shape can be seen to fit or not.
 */
import { formatProblems, skippedRows, summarizeProblems } from './row-problems.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from './profiles.ts';
import { num, scenarioInterval } from './scenario-yaml.ts';
import type { Comparison, FitResult, TypeFit } from './types.ts';

function diff(c: Comparison): string {
  if (c.fitted <= 0) return c.observed > 0 ? 'n/a' : '';
  const d = (c.observed / c.fitted - 1) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`, ...rows.map(line)];
}

/** `####......|` : observed as a bar, fitted as a `|` mark, on a `width`-character scale. */
function bar(observed: number, fitted: number, max: number, width = 40): string {
  if (max <= 0) return '';
  const o = Math.round((observed / max) * width);
  const f = Math.min(width, Math.round((fitted / max) * width));
  const cells = Array.from({ length: width + 1 }, (_, i): string => (i < o ? '#' : ' '));
  cells[f] = '|';
  return cells.join('').trimEnd();
}

export interface FitReportTextOptions {
  /** The chart image (a path relative to the report, e.g. `plan.fit.png`), shown after the summary. */
  chart?: string;
}

export function fitReportText(fit: FitResult, options: FitReportTextOptions = {}): string {
  const h = fit.history;
  const out: string[] = [];
  const w = (line = '') => out.push(line);
  w(`# Fit report: ${h.file}`);
  w();
  const skipped = skippedRows(h.problems);
  w(`Rows: ${h.rowsRead} read, ${h.rows.length} used` + (skipped > 0 ? `, ${skipped} skipped: ${summarizeProblems(h.problems)}.` : '.'));
  w(`Columns: ${h.columns.map((c) => `${c.column} -> ${c.field}${c.how === 'name' ? '' : ` (${c.how})`}`).join(', ')}.`);
  if (h.ignoredColumns.length > 0) w(`Not used: ${h.ignoredColumns.join(', ')}.`);
  const interval = scenarioInterval(h.intervalMinutes);
  w(
    h.intervalMinutes === null
      ? 'Interval: one per day (daily totals).'
      : `Interval: ${h.intervalMinutes} minutes (inferred)` + (interval.minutes === h.intervalMinutes ? '.' : `; the scenario uses ${interval.minutes}.`),
  );
  for (const note of h.notes) w(`- ${note}`);
  if (skipped > 0) {
    w();
    w('Skipped rows:');
    for (const line of formatProblems(h.file, h.problems, 20)) w(`  ${line}`);
  }
  if (options.chart !== undefined) {
    w();
    w(`![Observed vs fitted arrivals by hour of day and weekday](${options.chart.replace(/[ ()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`);
  }
  for (const t of fit.types) typeSection(t, w);
  return out.join('\n') + '\n';
}

function typeSection(t: TypeFit, w: (line?: string) => void): void {
  const a = t.arrivals;
  const c = a.comparison;
  w();
  w(`## ${t.id} (queue ${JSON.stringify(t.queue)}): ${a.first_date} .. ${a.last_date}, ${a.days_used} day${a.days_used === 1 ? '' : 's'} used`);
  w();
  const facts = [`per_day ${num(a.per_day, 1)}${a.per_day_se === undefined ? '' : ` ± ${num(a.per_day_se, 1)}`}`];
  facts.push(a.overdispersion === null ? 'overdispersion_cv not fitted' : `overdispersion_cv ${num(a.overdispersion.value)} ± ${num(a.overdispersion.se ?? 0)}`);
  const ht = t.handle_time;
  facts.push(
    ht.mean_seconds === null
      ? 'handle time not fitted'
      : `handle time mean ${num(ht.mean_seconds, 1)} s ± ${num(ht.mean_se ?? 0, 1)}, cv ${num(ht.cv, 2)}` +
          (ht.cv_lower === null ? ' (default)' : ` (bracket ${num(ht.cv_lower, 2)}..${num(ht.cv_upper ?? 0, 2)})`),
  );
  const p = t.patience;
  facts.push(p.mean_seconds === null ? 'patience not fitted' : `patience mean ${num(p.mean_seconds, 1)} s ± ${num(p.mean_se ?? 0, 1)} (exponential)`);
  w(facts.join('; ') + '.');
  for (const note of [...a.notes, ...ht.notes, ...p.notes]) w(`- ${note}`);

  w();
  w('### By weekday: mean contacts per day');
  w();
  for (const line of table(
    ['weekday', 'days', 'observed', 'fitted', 'diff', 'by_weekday'],
    c.by_weekday.map((r, wd) => [
      r.label,
      String(r.days),
      num(r.observed, 1),
      num(r.fitted, 1),
      diff(r),
      a.by_weekday === null ? '1 (not fitted)' : `${num(a.by_weekday[wd]!)} ± ${num(a.by_weekday_se?.[wd] ?? 0)}`,
    ]),
  )) {
    w(line);
  }
  if (c.by_month.length > 1) {
    w();
    w('### By month: mean contacts per day');
    w();
    for (const line of table(
      ['month', 'days', 'observed', 'fitted', 'diff', 'by_month'],
      c.by_month.map((r) => {
        const j = MONTH_NAMES.indexOf(r.label as (typeof MONTH_NAMES)[number]);
        const factor = a.by_month === null ? '1 (not fitted)' : `${num(a.by_month[j]!)} ± ${num(a.by_month_se?.[j] ?? 0)}`;
        return [r.label, String(r.days), num(r.observed, 1), num(r.fitted, 1), diff(r), factor];
      }),
    )) {
      w(line);
    }
  }
  w();
  w(`### Outlier days (by_date): more than ${num(a.outlier_k, 2)} sd from their weekday x month expectation`);
  w();
  if (a.by_date.length === 0) w('None.');
  else {
    for (const line of table(
      ['date', 'weekday', 'observed', 'expected', 'ratio'],
      a.by_date.map((d) => [d.date, WEEKDAY_NAMES[d.weekday]!, num(d.observed, 1), num(d.expected, 1), num(d.ratio)]),
    )) {
      w(line);
    }
  }
  if (c.by_hour.length > 0) {
    const open = c.by_hour.map((r, hour) => ({ r, hour })).filter(({ r }) => r.observed > 0 || r.fitted > 0);
    const max = Math.max(...open.map(({ r }) => Math.max(r.observed, r.fitted)));
    w();
    w('### By hour: mean contacts per day in each hour (chart: # observed, | fitted)');
    w();
    w('```');
    for (const { r } of open) w(`${r.label} ${num(r.observed, 1).padStart(8)} ${num(r.fitted, 1).padStart(8)} ${diff(r).padStart(7)}  ${bar(r.observed, r.fitted, max)}`);
    w('```');
    w();
    w('### By hour and weekday: observed mean (observed vs fitted)');
    w();
    const days = [0, 1, 2, 3, 4, 5, 6].filter((wd) => (c.by_weekday_hour[wd]?.[0]?.days ?? 0) > 0);
    for (const line of table(
      ['hour', ...days.map((wd) => WEEKDAY_NAMES[wd]!)],
      open.map(({ r, hour }) => [
        r.label,
        ...days.map((wd) => {
          const cell = c.by_weekday_hour[wd]![hour]!;
          const d = diff(cell);
          return `${num(cell.observed, 1)}${d === '' ? '' : ` (${d})`}`;
        }),
      ]),
    )) {
      w(line);
    }
  }
}

/** The report as JSON: everything fitted, the comparisons, and every skipped row. */
export function fitReportJson(fit: FitResult): string {
  const h = fit.history;
  const report = {
    file: h.file,
    rows: { read: h.rowsRead, used: h.rows.length, skipped: skippedRows(h.problems), problems: h.problems },
    columns: h.columns,
    ignored_columns: h.ignoredColumns,
    interval_minutes: h.intervalMinutes,
    queues: h.queues,
    notes: h.notes,
    types: fit.types,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
