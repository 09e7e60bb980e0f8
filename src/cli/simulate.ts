/**
 * `ccsim simulate FILE`: run a scenario, print a summary (or the JSON result with `--json`),
 * and write summary.json, intervals.csv and types.csv into a new run folder.
 */

import { defineCommand, printWarnings } from './options.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';
import { resultToJson } from '../report/json.ts';
import { intervalsCsv, typesCsv } from '../report/csv.ts';
import { formatSummary } from '../report/table.ts';

export const simulateCommand = defineCommand({
  name: 'simulate',
  describe: 'Simulate a scenario; print a summary and write a run folder',
  positionals: ['file'],
  options: ['seed', 'days', 'replications', 'json', 'out', 'force', 'quiet'],
  examples: [
    ['ccsim simulate scenarios/retail-bank.yaml', 'one run, summary table, output/<name>-<time>/'],
    ['ccsim simulate scenarios/retail-bank.yaml --json', 'the result as JSON on stdout'],
    ['ccsim simulate scenarios/retail-bank.yaml --replications 10', 'means with 95% intervals'],
  ],
  async run({ file, seed, days, replications, json, out, force, quiet }) {
    // Imported when needed, so `--help` stays fast.
    const { loadScenario } = await import('../scenario/load.ts');
    const { scenario, warnings } = loadScenario(file);
    printWarnings(warnings);
    // Planned before simulating, so a refused --out fails at once.
    const plan = planRunFolder({ name: scenario.name, out, force });

    const { simulate } = await import('../experiment/simulate.ts');
    const result = await simulate(scenario, { seed, days, replications });

    const files = {
      'summary.json': resultToJson(result),
      'intervals.csv': intervalsCsv(result),
      'types.csv': typesCsv(result),
    };
    const dir = writeRunFolder(plan, files);
    const wrote = `Wrote ${displayPath(dir)} (${Object.keys(files).join(', ')})\n`;
    if (json) {
      process.stdout.write(files['summary.json']);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatSummary(result, scenario, { days }) + '\n' + wrote);
    }
  },
});
