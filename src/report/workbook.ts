/**
 * `results.xlsx` (with `--xlsx`): the run's figures as a workbook an analyst opens as-is, written
 * by exceljs. Sheets: Summary, Plans, Differences, Intervals, Groups, Assumptions (a sweep:
 * Summary, one row per grid point with its targets, FTE, paid hours and cost per period, then
 * Points, Groups, Assumptions of the base scenario). Numbers are
 * numbers (never text) with a display format from the metric catalogue's kind: shares as
 * percentages, money with the currency, durations in seconds or hours as their column says;
 * every header row is frozen. The values are those of summary.json / compare.json, unrounded.
 */
import type { Result, Metrics } from '../metrics/types.ts';
import type { CompareResult } from '../experiment/types.ts';
import type { SweepDocument } from '../experiment/sweep.ts';
import { pointLabels } from './charts/frontier.ts';
import type { Scenario } from '../scenario/types.ts';
import { CATALOGUE, HEADLINE_METRICS, metricInfo, metricValue, type MetricInfo } from '../metrics/catalogue.ts';
import { GROUP_FIELDS } from '../metrics/field-catalogue.ts';

const HEADLINE: readonly MetricInfo[] = HEADLINE_METRICS.map(metricInfo);

export type WorkbookInput =
  | { kind: 'simulate'; scenario: Scenario; result: Result }
  | { kind: 'compare'; scenarios: Scenario[]; compare: CompareResult; sentence?: string }
  | { kind: 'sweep'; scenario: Scenario; sweep: SweepDocument; sentence?: string };

/** Excel number format of a catalogue metric. */
function formatOf(m: MetricInfo, currency: string | undefined): string {
  switch (m.kind) {
    case 'share':
      return '0.0%';
    case 'money':
      return currency === undefined ? '#,##0.00' : `"${currency} "#,##0.00`;
    case 'count':
      return m.unit === 'agents' ? '#,##0.0' : '#,##0';
    case 'duration':
    case 'hours':
    case 'score':
      return '#,##0.00';
  }
}

/** A column title that carries the unit the number is stored in. */
function titleOf(m: MetricInfo): string {
  const unit = m.unit === 'seconds' ? ' (s)' : m.unit === 'hours' ? ' (h)' : m.unit === 'points' ? ' (1-7)' : '';
  return `${m.label}${unit}`;
}

const cell = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The workbook as bytes. exceljs is imported here, only when a workbook is asked for. */
export async function workbookBytes(input: WorkbookInput): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'ccsim';
  const scenarios = input.kind === 'compare' ? input.scenarios : [input.scenario];
  const currency = scenarios[0]?.costs.currency;

  type Sheet = ReturnType<typeof book.addWorksheet>;
  const sheet = (name: string, header: string[]): Sheet => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    return ws;
  };
  /** Formats each metric column of `ws`, whose metrics start at column `first` (1-based). */
  const formatColumns = (ws: Sheet, first: number, metrics: readonly MetricInfo[]): void => {
    metrics.forEach((m, i) => {
      ws.getColumn(first + i).numFmt = formatOf(m, currency);
    });
  };
  const metricRow = (m: Metrics): Array<number | null> => CATALOGUE.map((info) => cell(metricValue(m, info.name)));
  const money = currency === undefined ? '#,##0.00' : `"${currency} "#,##0.00`;

  /** Groups: per agent group, over the reported horizon, for every plan (columns from the group catalogue). */
  const addGroups = (plans: ReadonlyArray<{ name: string; totals: Metrics }>): void => {
    const groups = sheet('Groups', ['Plan', 'Group', ...GROUP_FIELDS.map((f) => f.label)]);
    for (const p of plans) {
      for (const [id, g] of Object.entries(p.totals.by_group ?? {})) groups.addRow([p.name, id, ...GROUP_FIELDS.map((f) => cell(g[f.name]))]);
    }
    GROUP_FIELDS.forEach((f, i) => {
      groups.getColumn(3 + i).numFmt = f.kind === 'money' ? money : f.kind === 'share' ? '0.0%' : f.name === 'handled' ? '#,##0' : '#,##0.0';
    });
  };
  /** Assumptions: what each plan's figures rest on, as field path and value. */
  const addAssumptions = (plans: ReadonlyArray<{ name: string; scenario: Scenario }>): void => {
    const assumptions = sheet('Assumptions', ['Plan', 'Field', 'Value']);
    for (const p of plans) {
      for (const [path, value] of flatten(p.scenario as unknown as Record<string, unknown>, '')) assumptions.addRow([p.name, path, value]);
    }
    assumptions.getColumn(2).width = 48;
  };

  if (input.kind === 'sweep') {
    const doc = input.sweep;
    const paths = doc.grid.map((a) => a.path);
    const labels = pointLabels(doc.rows.map((r) => r.point));
    // Summary: one row per grid point (a wide grid would not fit one column per point).
    const per = doc.period;
    const summary = sheet('Summary', ['#', ...paths, 'Meets every target', 'Least cost', 'Misses', 'Agents on line', 'FTE', `Paid hours per ${per}`, `Cost per ${per}`, ...HEADLINE.flatMap((m) => [titleOf(m), `${titleOf(m)} ±95%`])]);
    for (const r of doc.rows) {
      summary.addRow([
        r.index ?? null,
        ...paths.map((p) => r.point[p] ?? null),
        r.meets_targets ?? null,
        doc.summary === undefined ? null : doc.summary.best === r.index,
        (r.missed ?? []).join(', '),
        cell(r.totals.agents),
        cell(r.fte),
        cell(r.paid_hours),
        cell(r.cost_per_period),
        ...HEADLINE.flatMap((m) => [cell(metricValue(r.totals, m.name)), r.ci95 === null ? null : cell(metricValue(r.ci95, m.name))]),
      ]);
    }
    const first = paths.length + 5;
    ['#,##0.0', '#,##0.0', '#,##0', money].forEach((f, i) => {
      summary.getColumn(first + i).numFmt = f;
    });
    HEADLINE.forEach((m, i) => {
      summary.getColumn(first + 4 + 2 * i).numFmt = formatOf(m, currency);
      summary.getColumn(first + 5 + 2 * i).numFmt = formatOf(m, currency);
    });
    if (input.sentence !== undefined && input.sentence !== '') {
      summary.addRow([]);
      summary.addRow([input.sentence]);
    }
    const points = sheet('Points', ['#', ...paths, ...CATALOGUE.map(titleOf)]);
    for (const r of doc.rows) points.addRow([r.index ?? null, ...paths.map((p) => r.point[p] ?? null), ...metricRow(r.totals)]);
    formatColumns(points, 2 + paths.length, CATALOGUE);
    addGroups(doc.rows.map((r, i) => ({ name: labels[i] || `point ${r.index ?? i}`, totals: r.totals })));
    addAssumptions([{ name: input.scenario.name, scenario: input.scenario }]);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  // Summary: the headline figures of every plan, one row per metric.
  const plans: Array<{ name: string; totals: Metrics; ci95: Metrics | null }> =
    input.kind === 'simulate'
      ? [{ name: input.scenario.name, totals: input.result.totals, ci95: input.result.ci95?.totals ?? null }]
      : input.compare.plans.map((p) => ({ name: p.name, totals: p.totals, ci95: p.ci95 }));
  const summary = sheet('Summary', ['Metric', ...plans.flatMap((p) => [p.name, `${p.name} ±95%`])]);
  for (const m of CATALOGUE) {
    const row = summary.addRow([titleOf(m), ...plans.flatMap((p) => [cell(metricValue(p.totals, m.name)), p.ci95 === null ? null : cell(metricValue(p.ci95, m.name))])]);
    row.eachCell((c, col) => {
      if (col > 1) c.numFmt = formatOf(m, currency);
    });
  }
  if (input.kind === 'compare' && input.sentence !== undefined) {
    summary.addRow([]);
    summary.addRow([input.sentence]);
  }
  summary.getColumn(1).width = 34;

  // Plans: one row per plan, every metric a column.
  const planSheet = sheet('Plans', ['Plan', ...CATALOGUE.map(titleOf)]);
  for (const p of plans) planSheet.addRow([p.name, ...metricRow(p.totals)]);
  formatColumns(planSheet, 2, CATALOGUE);

  // Differences: compare only (paired, common random numbers).
  const diff = sheet('Differences', ['Plan', 'Baseline', 'Metric', 'Difference', '±95% (paired)', '±95% (unpaired)', 'Verdict']);
  if (input.kind === 'compare') {
    const byName = new Map(CATALOGUE.map((m) => [m.name as string, m]));
    for (const d of input.compare.differences) {
      const m = byName.get(d.metric);
      const row = diff.addRow([d.plan, d.baseline, m === undefined ? d.metric : titleOf(m), cell(d.mean), cell(d.ci95), cell(d.ci95_unpaired), d.verdict ?? null]);
      if (m !== undefined) for (const col of [4, 5, 6]) row.getCell(col).numFmt = formatOf(m, currency);
    }
  }

  // Intervals: a simulation's interval figures (a comparison keeps totals only).
  const intervals = sheet('Intervals', ['Start', ...CATALOGUE.map(titleOf)]);
  if (input.kind === 'simulate') {
    for (const iv of input.result.by_interval) intervals.addRow([iv.start, ...metricRow(iv)]);
    formatColumns(intervals, 2, CATALOGUE);
  }

  addGroups(plans);
  addAssumptions(scenarios.map((s, i) => ({ name: plans[i]?.name ?? s.name, scenario: s })));

  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Field path and scalar value of every leaf (lists of numbers as one comma-separated text). */
function flatten(value: Record<string, unknown>, prefix: string): Array<[string, string | number | boolean | null]> {
  const out: Array<[string, string | number | boolean | null]> = [];
  for (const [key, v] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push([path, v]);
    else if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'number' || typeof x === 'string')) out.push([path, v.join(', ')]);
      else v.forEach((x, i) => out.push(...(typeof x === 'object' && x !== null ? flatten(x as Record<string, unknown>, `${path}[${i}]`) : [[`${path}[${i}]`, String(x)] as [string, string]])));
    } else if (typeof v === 'object') out.push(...flatten(v as Record<string, unknown>, path));
  }
  return out;
}
