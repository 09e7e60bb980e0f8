/**
 * `ccsim fit HISTORY.csv`: fit a scenario to interval history.
 *
 * stdout: the commented scenario YAML (or, with `--json`, the JSON fit report).
 * stderr: skipped rows with their lines, and the fit report (a one-line summary per contact
 * type when `--out` writes the report to files; nothing more with `--json`).
 * `--out FILE`: the YAML to FILE, the report to FILE's name with `.fit.md` and `.fit.json`, and
 * (unless `--no-charts`) its chart to `.fit.svg`, `.fit.png` and `.fit.vl.json`; existing files
 * are replaced only with `--force`. The chart libraries are loaded only to draw.
 * `--strict`: any bad row rejects the file (exit 2) instead of being skipped with a count.
 */

import { closeSync, constants, existsSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ScenarioError, UserError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';

/**
 * The report files written beside `--out`: `plan.yaml` -> `plan.fit.md`, `plan.fit.json`, and
 * the chart `plan.fit.svg`, `plan.fit.png`, `plan.fit.vl.json`.
 */
/**
 * Whether `file`, one of the files `--out` names, reads as `ccsim fit` wrote it: the scenario by
 * its first line, the report by its title, the JSON report and the chart's spec by their shape,
 * the SVG by the chart's title. The PNG, which holds no text, counts as fit's when the chart's
 * spec or SVG beside it does.
 */
function writtenByFit(file: string, reports: ReturnType<typeof reportPaths>): boolean {
  const text = (path: string, bytes = 4096): string => {
    try {
      // Non-blocking, and regular files only: a pipe of that name would block the open and the read.
      const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        if (!fstatSync(fd).isFile()) return '';
        const buffer = Buffer.alloc(bytes);
        return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      return '';
    }
  };
  if (file === reports.md) return text(file).startsWith('# Fit report: ');
  if (file === reports.json) return /^\{\s*"file": ".*",\s*"rows": \{\s*"read": \d+/s.test(text(file));
  if (file === reports.vl || file === reports.svg) return text(file, 1 << 20).includes('Observed vs fitted arrivals');
  if (file === reports.png) return existsSync(reports.vl) ? writtenByFit(reports.vl, reports) : existsSync(reports.svg) && writtenByFit(reports.svg, reports);
  return text(file).startsWith('# Fitted by `ccsim fit`');
}

export function reportPaths(out: string): { md: string; json: string; svg: string; png: string; vl: string } {
  const ext = extname(out);
  const base = join(dirname(out), basename(out, ext === '.yaml' || ext === '.yml' ? ext : ''));
  return { md: `${base}.fit.md`, json: `${base}.fit.json`, svg: `${base}.fit.svg`, png: `${base}.fit.png`, vl: `${base}.fit.vl.json` };
}

export const fitCommand = defineCommand({
  name: 'fit',
  describe: 'Fit a scenario (arrival profiles, handle time, patience) to interval history; print the YAML',
  positionals: ['history'],
  options: ['outFile', 'map', 'strict', 'json', 'force', 'charts', 'delimiter', 'decimal'],
  examples: [
    ['ccsim fit history.csv > plan.yaml', 'the scenario on stdout, the fit report on stderr'],
    ['ccsim fit history.csv --out plan.yaml', 'also writes plan.fit.md, plan.fit.json and the chart plan.fit.png (.svg, .vl.json)'],
    ["ccsim fit export.csv --map 'Calls In=offered' --map 'Skill=queue'", 'name columns the aliases miss'],
    ['ccsim fit history.csv --strict', 'refuse the file if any row is bad'],
  ],
  async run({ history, outFile, map, strict, json, force, charts, delimiter, decimal }) {
    // Imported when needed, so `--help` stays fast.
    const { fitHistoryFile, fitReportJson, fitReportText, scenarioYaml, formatProblems, summarizeProblems, skippedRows } =
      await import('../fit/index.ts');
    const reports = outFile === undefined ? undefined : reportPaths(outFile);
    if (outFile !== undefined && reports !== undefined) {
      // Never write over the history being read, whatever --force says.
      const input = resolve(history);
      const clash = [outFile, reports.md, reports.json, reports.svg, reports.png, reports.vl].find((f) => resolve(f) === input);
      if (clash !== undefined) throw new UserError(`--out: ${clash} is the history file being read; choose another name`);
    }
    if (outFile !== undefined && reports !== undefined) {
      const chartFiles = charts ? [reports.svg, reports.png, reports.vl] : [];
      const existing = [outFile, reports.md, reports.json, ...chartFiles].filter((f) => existsSync(f));
      if (existing.length > 0 && !force) throw new UserError(`--out: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; add --force to replace`);
      // --force replaces what an earlier `ccsim fit` wrote, never a file of the user's.
      const foreign = existing.filter((f) => !writtenByFit(f, reports));
      if (foreign.length > 0) {
        throw new UserError(
          `--out: ${foreign.join(', ')} ${foreign.length === 1 ? 'was' : 'were'} not written by ccsim fit; --force replaces only its own files: choose another name`,
        );
      }
    }

    const fit = fitHistoryFile(history, { maps: map, strict, delimiter, decimal });
    const problems = fit.history.problems;
    if (problems.length > 0) {
      const more = json || reports !== undefined ? '' : ' (every one is in the JSON report: --json)';
      process.stderr.write(
        `warning: ${history}: skipped ${skippedRows(problems)} of ${fit.history.rowsRead} rows: ${summarizeProblems(problems)}${more}\n` +
          formatProblems(history, problems, 50)
            .map((l) => `  ${l}\n`)
            .join(''),
      );
    }

    const yaml = scenarioYaml(fit);
    // The YAML must load. One whose figures are beyond a scenario's limits (volumes of more than
    // 24 million contacts a day, say) says so of the history; any other failure is a bug in ccsim.
    const { parseScenario } = await import('../scenario/load.ts');
    try {
      parseScenario(yaml, outFile ?? 'fitted.yaml');
    } catch (error) {
      if (error instanceof ScenarioError && error.problems.every((p) => /^expected at most /.test(p.message))) {
        throw new UserError(
          `${history}: the fitted figures go beyond what a scenario may hold:\n` +
            error.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n') +
            '\nThey come from the history: look at its largest values.',
        );
      }
      throw new Error(`the fitted scenario does not load:\n${error instanceof Error ? error.message : String(error)}\n${yaml}`);
    }
    const drawChart = charts && reports !== undefined;
    const text = fitReportText(fit, drawChart ? { chart: basename(reports.png) } : {});
    const jsonText = fitReportJson(fit);

    if (outFile !== undefined && reports !== undefined) {
      // Drawn before anything is written, so a failure leaves no half-written set of files.
      let chart: { spec: string; svg: string; png: Uint8Array | null } | undefined;
      if (drawChart) {
        const [{ renderChart }, { fitChartSpec }] = await Promise.all([import('../report/render.ts'), import('../report/charts/fit.ts')]);
        const spec = fitChartSpec({ file: fit.history.file, types: fit.types });
        const rendered = await renderChart(spec);
        printWarnings(rendered.warnings.map((w) => `chart ${basename(reports.svg)}: ${w}`));
        chart = { spec: JSON.stringify(spec, null, 2) + '\n', svg: rendered.svg, png: rendered.png };
      }
      writeFileSync(outFile, yaml);
      writeFileSync(reports.md, text);
      writeFileSync(reports.json, jsonText);
      if (chart !== undefined) {
        writeFileSync(reports.vl, chart.spec);
        writeFileSync(reports.svg, chart.svg);
        if (chart.png !== null) writeFileSync(reports.png, chart.png);
      }
      for (const t of fit.types) {
        const a = t.arrivals;
        process.stderr.write(
          `${t.id}: per_day ${a.per_day.toFixed(1)}, ${a.days_used} days used, ${a.by_date.length} outlier day${a.by_date.length === 1 ? '' : 's'}` +
            `, overdispersion_cv ${a.overdispersion === null ? 'not fitted' : a.overdispersion.value.toFixed(3)}` +
            `, handle time ${t.handle_time.mean_seconds === null ? 'not fitted' : `${t.handle_time.mean_seconds.toFixed(1)} s`}` +
            `, patience ${t.patience.mean_seconds === null ? 'not fitted' : `${t.patience.mean_seconds.toFixed(1)} s`}\n`,
        );
      }
      const chartNames = chart === undefined ? [] : [reports.png, reports.svg, reports.vl];
      process.stderr.write(`Wrote ${[outFile, reports.md, reports.json, ...chartNames].join(', ')}\n`);
    } else if (!json) {
      process.stderr.write(text);
    }
    process.stdout.write(json ? jsonText : outFile === undefined ? yaml : '');
  },
});
