/**
 * `ccsim simulate FILE`: run a scenario, print a summary and write summary.json, the CSV files
 * (report/result-files.ts), scenario.json (the scenario as run), report.html and charts/ into a new run folder.
 * `--json` prints the result on stdout instead and writes a folder only when `--out` names one.
 */

import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';
import { resultToJson } from '../report/json.ts';
import { resultCsvFiles } from '../report/result-files.ts';
import { formatSummary } from '../report/table.ts';

export const simulateCommand = defineCommand({
  name: 'simulate',
  describe: 'Simulate a scenario; print a summary and write a run folder',
  positionals: ['file'],
  options: ['seed', 'days', 'replications', 'jobs', 'targetCi', 'maxReplications', 'json', 'out', 'force', 'quiet', 'charts', 'xlsx', 'allowLong'],
  examples: [
    ['ccsim simulate scenarios/retail-bank.yaml', 'one run, summary table, output/<name>-<time>/'],
    ['ccsim simulate scenarios/retail-bank.yaml --json', 'the result as JSON on stdout'],
    ['ccsim simulate scenarios/retail-bank.yaml --replications 10', 'means with 95% intervals'],
    ['ccsim simulate scenarios/retail-bank.yaml --target-ci service_level=0.01', 'replicate until SL is known to ±1 pp'],
  ],
  async run({ file, seed, days, replications, jobs, targetCi, maxReplications, json, out, force, quiet, charts, xlsx, allowLong }) {
    // Imported when needed, so `--help` stays fast.
    const { simulateParallel, checkReplicationOptions, checkCommandWork } = await import('./experiment-support.ts');
    checkReplicationOptions({ replications, targetCi, maxReplications });
    const { loadScenario } = await import('../files/scenario-file.ts');
    const { scenario, warnings } = loadScenario(file);
    printWarnings(warnings);
    // Estimated and planned before simulating, so too much work or a refused --out fails at once.
    const contactsPerReplication = checkCommandWork([scenario], { seed, days, replications, targetCi, maxReplications, allowLong }, 1, true);
    // `--json` alone prints the result and writes nothing (no folder, no charts to draw);
    // `--json --out DIR` does both.
    const plan = json && out === undefined ? undefined : planRunFolder({ name: scenario.name, out, force, inputs: [file] });

    // Replications run on worker threads (--jobs); one run stays in process.
    const { result } = await simulateParallel(scenario, { seed, days, replications, targetCi, maxReplications, jobs, contactsPerReplication, quiet });
    printWarnings(result.warnings ?? []);

    if (plan === undefined) {
      process.stdout.write(resultToJson(result));
      return;
    }
    // The report (and the scenario as run, so `ccsim report DIR` can rebuild it).
    const { withOverrides } = await import('../experiment/simulate.ts');
    const { reportFiles, savedInputFiles, describeFiles } = await import('../report/report-files.ts');
    const input = { kind: 'simulate', scenario: withOverrides(scenario, { seed, days }), result } as const;
    const files = {
      'summary.json': resultToJson(result),
      ...resultCsvFiles(result, scenario.costs.currency),
      ...savedInputFiles(input),
      ...(await reportFiles(input, { charts, onWarning: (w) => printWarnings([w]) })),
      ...(xlsx ? { 'results.xlsx': await (await import('../report/workbook.ts')).workbookBytes(input) } : {}),
    };
    const dir = writeRunFolder(plan, files);
    const wrote = `Wrote ${displayPath(dir)} (${describeFiles(Object.keys(files))})\n`;
    if (json) {
      // The summary table says it too; with --json, stderr does.
      const { overloadWarning } = await import('../report/overload.ts');
      const overload = overloadWarning(result.totals);
      if (overload !== null) printWarnings([overload]);
      process.stdout.write(files['summary.json']);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatSummary(result, scenario, { days }) + '\n' + wrote);
    }
  },
});
