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

import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../metrics/types.ts';
import type { CompareResult, SweepResult } from '../experiment/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { UserError } from '../errors.ts';
import { InputFileError, MAX_HISTORY_BYTES, readInputText } from '../input-file.ts';
import { RUN_MARKER } from './run-folder.ts';
import { reportHtml, type ReportChart, type ReportInput } from './html.ts';
import { chartSpecs } from './chart-specs.ts';

export type { ReportInput } from './html.ts';
export { chartSpecs, type ChartEntry } from './chart-specs.ts';

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
    // A regular file within the limit only: a pipe named summary.json hung the report, and one
    // linked to /dev/zero read for ever.
    text = readInputText(path, MAX_HISTORY_BYTES);
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(`report: ${path}: ${e.reason}`);
    throw e;
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
  // The report is rewritten in place (report.html, charts/): only where a ccsim run wrote the
  // folder, never over a page of the user's beside a copied summary.json.
  if (!has(RUN_MARKER)) {
    throw new UserError(`report: ${dir}: not a ccsim run folder (it has no ${RUN_MARKER} marker, which every run writes); ccsim report rewrites report.html and charts/ only in folders a ccsim run wrote`);
  }
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
  if (has('staffing.json')) {
    // A staff folder's report is drawn from the search's own simulation of the plan and from the
    // scenario as given, neither of which the folder keeps (staffed.yaml is the plan, not them).
    throw new UserError(
      `report: ${dir}: a \`ccsim staff\` folder cannot be rebuilt: its report is drawn from the search's simulation of the plan, which the folder does not keep; ` +
        `re-run \`ccsim staff\` for a new report, or \`ccsim simulate ${join(dir, 'staffed.yaml')}\` for a report of the plan`,
    );
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
