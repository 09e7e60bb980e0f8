/**
 * The report of a run: `report.html` and its charts, as files for a run folder.
 *
 *   ReportInput --chartSpecs--> vega-lite specs --render (render.ts)--> SVG, PNG
 *               --reportHtml (html.ts)--> report.html with the SVGs inline
 *
 * Written by `simulate`, `compare` and `sweep` into their run folders, and rebuilt from a saved
 * folder by `ccsim report DIR` (`readRunInput` + `rewriteReport`). A run folder holds what it
 * takes to rebuild (`savedInputFiles`):
 *
 *   simulate: summary.json (the Result) + scenario.json (the normalized scenario)
 *   compare:  compare.json (the CompareResult) + plans.json ([{name, scenario}] in plan order)
 *   sweep:    sweep.json (the SweepResult) + scenario.json (the base scenario)
 */

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Metrics, Result } from '../metrics/types.ts';
import type { CompareResult, SweepResult } from '../experiment/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { UserError } from '../errors.ts';
import { reportHtml, type ReportChart, type ReportInput } from './html.ts';
import { intradaySpec } from './charts/intraday.ts';
import { heatmapSpec } from './charts/heatmap.ts';
import { compareSpec } from './charts/compare.ts';
import { forestSpec } from './charts/forest.ts';
import { costSpec } from './charts/cost.ts';
import { ttrSpec } from './charts/ttr.ts';
import { ttrHistogramSpec } from './charts/ttr-histogram.ts';
import { frontierSpec, pointLabels } from './charts/frontier.ts';
import { tradeoffSpec } from './charts/tradeoff.ts';
import { staffingChart } from './staffing-section.ts';

export type { ReportInput } from './html.ts';

/** One chart of a report: its file stem under charts/, its title and caption, and its spec. */
export interface ChartEntry {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Sweeps with more grid points than this get no per-point cost chart (the bars would not fit). */
const MAX_COST_BARS = 30;

/** The charts a report has, by kind of run. Pure: no library is loaded. */
export function chartSpecs(input: ReportInput): ChartEntry[] {
  switch (input.kind) {
    case 'simulate': {
      const { scenario, result } = input;
      const target = scenario.service_level.target;
      const types = Object.entries(result.by_type);
      const rows: Array<{ name: string; totals: Metrics }> = [
        { name: 'All contacts', totals: result.totals },
        ...(types.length > 1 ? types.map(([name, totals]) => ({ name, totals })) : []),
      ];
      return [
        ...(input.staffing !== undefined ? [staffingChart(input.staffing)] : []),
        {
          name: 'intraday',
          title: 'Intraday profile',
          caption:
            'Arrivals per interval (bars), mean agents on line (line, right axis) and service level per interval against the target (dashed).' +
            (result.ci95 !== undefined ? ' The band is the 95% interval of the service level.' : ''),
          spec: intradaySpec({ result, target, intervalMinutes: scenario.horizon.interval_minutes }),
        },
        {
          name: 'heatmap',
          title: 'Service level by weekday and hour',
          caption: 'Each cell pools the intervals of that weekday and hour, weighted by offered contacts; red is below the target, green above; grey had no contacts.',
          spec: heatmapSpec({ result, target }),
        },
        {
          name: 'cost',
          title: 'Cost breakdown',
          caption: 'Cost per contact split into agents (paid hours), self-service sessions, telephony and per-contact fees; agent cost is shared among contact types by the agent time each took.',
          spec: costSpec({ plans: rows, title: types.length > 1 ? 'Cost breakdown by contact type' : 'Cost breakdown' }),
        },
        {
          name: 'ttr',
          title: 'Time to resolution',
          caption: 'For resolved cases, the time from the first contact to resolution: median, mean and 90th percentile.',
          spec: ttrSpec({ rows: rows.map((r) => ({ label: r.name, ttr: r.totals.ttr_hours })) }),
        },
        {
          name: 'ttr-distribution',
          title: 'Distribution of time to resolution',
          caption: 'Resolved cases by time to resolution, in log-spaced bins (four per doubling), pooled over replications; the dashed lines mark the median and the 90th percentile.',
          spec: ttrHistogramSpec({ result }),
        },
      ];
    }
    case 'compare': {
      const plans = input.compare.plans;
      const target = input.plans[0]?.scenario.service_level.target;
      return [
        {
          name: 'differences',
          title: 'Differences to the baseline',
          caption:
            'Each plan minus the baseline, per headline metric, with its paired 95% interval (common random numbers). Green: better; red: worse (by the metric’s better direction); grey: no clear difference (the interval includes zero) or a metric with no better direction.',
          spec: forestSpec({ compare: input.compare }),
        },
        {
          name: 'compare',
          title: 'Plans compared',
          caption: 'Service level (against the target, dashed), first-contact resolution, mean time to resolution and cost per contact per plan; whiskers are 95% intervals.',
          spec: compareSpec({ plans, target }),
        },
        {
          name: 'cost',
          title: 'Cost breakdown per plan',
          caption: 'Cost per contact of each plan split into agents (paid hours), self-service sessions, telephony and per-contact fees.',
          spec: costSpec({ plans, title: 'Cost breakdown per plan' }),
        },
        {
          name: 'tradeoff',
          title: 'Cost against customer effort and FCR',
          caption:
            'One point per plan: cost per contact against the mean effort of a case (1 effortless .. 7 very hard, from the effort points in the assumptions) and against first-contact resolution; crosses are 95% intervals.',
          spec: tradeoffSpec({ points: plans.map((p) => ({ label: p.name, totals: p.totals, ci95: p.ci95 })), noun: 'plan' }),
        },
        {
          name: 'ttr',
          title: 'Time to resolution per plan',
          caption: 'For resolved cases, the time from the first contact to resolution: median, mean and 90th percentile, per plan.',
          spec: ttrSpec({ rows: plans.map((p) => ({ label: p.name, ttr: p.totals.ttr_hours })), title: 'Time to resolution per plan' }),
        },
      ];
    }
    case 'sweep': {
      const rows = input.sweep.rows;
      const charts: ChartEntry[] = [
        {
          name: 'frontier-service-level',
          title: 'Cost against service level',
          caption: 'One point per grid point; the red line joins the Pareto front: the points no other point beats on both cost per contact and service level.',
          spec: frontierSpec({ rows, measure: 'service_level' }),
        },
        {
          name: 'frontier-fcr',
          title: 'Cost against first-contact resolution',
          caption: 'One point per grid point; the red line joins the Pareto front of cost per contact against first-contact resolution.',
          spec: frontierSpec({ rows, measure: 'fcr' }),
        },
      ];
      const pointNames = pointLabels(rows.map((r) => r.point));
      charts.push({
        name: 'tradeoff',
        title: 'Cost against customer effort and FCR',
        caption:
          'One point per grid point: cost per contact against the mean effort of a case (1 effortless .. 7 very hard) and against first-contact resolution; crosses are 95% intervals.',
        spec: tradeoffSpec({ points: rows.map((r, i) => ({ label: pointNames[i] || `point ${i + 1}`, totals: r.totals, ci95: r.ci95 })), noun: 'grid point' }),
      });
      if (rows.length <= MAX_COST_BARS) {
        const labels = pointLabels(rows.map((r) => r.point));
        charts.push({
          name: 'cost',
          title: 'Cost breakdown per grid point',
          caption: 'Cost per contact of each grid point split into agents, self-service sessions, telephony and per-contact fees.',
          spec: costSpec({ plans: rows.map((r, i) => ({ name: labels[i] || `point ${i + 1}`, totals: r.totals })), title: 'Cost breakdown per grid point' }),
        });
      }
      return charts;
    }
  }
}

export interface ReportOptions {
  /** Draw the charts (false: `--no-charts`, report.html without them, no chart libraries loaded). */
  charts: boolean;
  /** Also write PNGs (default true). */
  png?: boolean;
  /** Called with what vega-lite or vega warned about while drawing (normally nothing). */
  onWarning?: (message: string) => void;
}

/**
 * `report.html` and, with `charts`, `charts/NAME.vl.json`, `charts/NAME.svg` and
 * `charts/NAME.png` for every chart: file name (relative to the run folder) -> content.
 */
export async function reportFiles(input: ReportInput, options: ReportOptions): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = {};
  let charts: ReportChart[] | null = null;
  if (options.charts) {
    const { renderChart } = await import('./render.ts');
    const entries = chartSpecs(input);
    const rendered = await Promise.all(entries.map((e) => renderChart(e.spec, { png: options.png !== false })));
    charts = entries.map((e, i) => {
      const r = rendered[i]!;
      for (const w of r.warnings) options.onWarning?.(`chart ${e.name}: ${w}`);
      files[`charts/${e.name}.vl.json`] = JSON.stringify(e.spec, null, 2) + '\n';
      files[`charts/${e.name}.svg`] = r.svg;
      if (r.png !== null) files[`charts/${e.name}.png`] = r.png;
      return { name: e.name, title: e.title, caption: e.caption, svg: r.svg };
    });
  }
  files['report.html'] = reportHtml(input, charts);
  return files;
}

/** The files besides the result that a run folder needs for `ccsim report` to rebuild it. */
export function savedInputFiles(input: ReportInput): Record<string, string> {
  const json = (x: unknown): string => JSON.stringify(x, null, 2) + '\n';
  switch (input.kind) {
    case 'simulate':
    case 'sweep':
      return { 'scenario.json': json(input.scenario) };
    case 'compare':
      return { 'plans.json': json(input.plans.map((p) => ({ name: p.name, scenario: p.scenario }))) };
  }
}

// ---------------------------------------------------------------------------------------------
// Rebuilding from a saved run folder

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readJson(dir: string, name: string): unknown {
  const path = join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`report: ${path}: cannot be read`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError(`report: ${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function checkScenario(x: unknown, where: string): Scenario {
  const ok =
    isObject(x) &&
    typeof x.name === 'string' &&
    isObject(x.horizon) &&
    isObject(x.service_level) &&
    Array.isArray(x.contact_types) &&
    Array.isArray(x.agent_groups) &&
    isObject(x.routing) &&
    isObject(x.costs);
  if (!ok) throw new UserError(`report: ${where}: not a scenario saved by ccsim`);
  return x as unknown as Scenario;
}

function checkMetrics(x: unknown): boolean {
  return isObject(x) && typeof x.arrivals === 'number' && isObject(x.ttr_hours);
}

/**
 * Reads what a saved run folder holds and tells its kind from the files present: compare.json
 * (with plans.json), sweep.json (with scenario.json), or summary.json (with scenario.json).
 * Throws UserError naming the missing or broken file.
 */
export function readRunInput(dir: string): ReportInput {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UserError(`report: ${dir}: not a folder`);
  const has = (name: string): boolean => existsSync(join(dir, name));
  const need = (name: string, why: string): void => {
    if (!has(name)) throw new UserError(`report: ${join(dir, name)} is missing (${why}); re-run the command to get a folder that has it`);
  };

  if (has('compare.json')) {
    need('plans.json', "the plans' scenarios");
    const compare = readJson(dir, 'compare.json');
    if (!isObject(compare) || !Array.isArray(compare.plans) || !compare.plans.every((p) => isObject(p) && typeof p.name === 'string' && checkMetrics(p.totals))) {
      throw new UserError(`report: ${join(dir, 'compare.json')}: not a comparison saved by ccsim`);
    }
    if (!Array.isArray(compare.differences)) compare.differences = [];
    const plansRaw = readJson(dir, 'plans.json');
    if (!Array.isArray(plansRaw)) throw new UserError(`report: ${join(dir, 'plans.json')}: expected a list of plans`);
    const plans = plansRaw.map((p, i) => {
      if (!isObject(p) || typeof p.name !== 'string') throw new UserError(`report: ${join(dir, 'plans.json')}: plan ${i + 1} has no name`);
      return { name: p.name, scenario: checkScenario(p.scenario, `${join(dir, 'plans.json')} plan ${p.name}`) };
    });
    return { kind: 'compare', plans, compare: compare as unknown as CompareResult };
  }
  if (has('sweep.json')) {
    need('scenario.json', 'the base scenario');
    const sweep = readJson(dir, 'sweep.json');
    if (!isObject(sweep) || !Array.isArray(sweep.rows) || !sweep.rows.every((r) => isObject(r) && isObject(r.point) && checkMetrics(r.totals))) {
      throw new UserError(`report: ${join(dir, 'sweep.json')}: not a sweep saved by ccsim`);
    }
    const scenario = checkScenario(readJson(dir, 'scenario.json'), join(dir, 'scenario.json'));
    return { kind: 'sweep', scenario, sweep: sweep as unknown as SweepResult };
  }
  if (has('summary.json')) {
    need('scenario.json', 'the scenario as run');
    const result = readJson(dir, 'summary.json');
    if (!isObject(result) || !checkMetrics(result.totals) || !Array.isArray(result.by_interval) || !isObject(result.by_type)) {
      throw new UserError(`report: ${join(dir, 'summary.json')}: not a simulation result saved by ccsim`);
    }
    const scenario = checkScenario(readJson(dir, 'scenario.json'), join(dir, 'scenario.json'));
    return { kind: 'simulate', scenario, result: result as unknown as Result };
  }
  throw new UserError(`report: ${dir}: not a ccsim run folder (no summary.json, compare.json or sweep.json)`);
}

/**
 * Writes report files into an existing run folder, each atomically: a file is written beside
 * its target under a temporary name and renamed over it. When charts are given, the whole
 * charts/ folder is replaced in one rename (charts of an older report do not linger).
 */
export function rewriteReport(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  const tag = `.tmp-${process.pid}`;
  const chartFiles = Object.entries(files).filter(([name]) => name.startsWith('charts/'));
  const others = Object.entries(files).filter(([name]) => !name.startsWith('charts/'));
  if (chartFiles.length > 0) {
    const charts = join(dir, 'charts');
    const fresh = join(dir, `.charts${tag}`);
    const old = join(dir, `.charts.old${tag}`);
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(fresh);
    try {
      for (const [name, content] of chartFiles) {
        const path = join(fresh, name.slice('charts/'.length));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
      if (existsSync(charts)) renameSync(charts, old);
      try {
        renameSync(fresh, charts);
      } catch (e) {
        if (existsSync(old)) renameSync(old, charts);
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  for (const [name, content] of others) {
    const path = join(dir, name);
    const tmp = join(dirname(path), `.${basename(path)}${tag}`);
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  }
}

/** `summary.json, report.html, charts/ (12 files)`: file names for a "Wrote ..." line. */
export function describeFiles(names: readonly string[]): string {
  const top = names.filter((n) => !n.includes('/'));
  const folders = new Map<string, number>();
  for (const n of names) {
    if (!n.includes('/')) continue;
    const folder = n.slice(0, n.indexOf('/') + 1);
    folders.set(folder, (folders.get(folder) ?? 0) + 1);
  }
  return [...top, ...[...folders].map(([f, k]) => `${f} (${k} file${k === 1 ? '' : 's'})`)].join(', ');
}
