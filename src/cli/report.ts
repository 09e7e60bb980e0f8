/**
 * `ccsim report DIR`: rebuild report.html and the charts of a saved run folder (from simulate,
 * compare or sweep), e.g. after upgrading ccsim or to add the charts skipped with --no-charts.
 * The kind of run is told from the files in the folder; each file is replaced atomically.
 */

import { resolve } from 'node:path';
import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import { displayPath } from '../report/run-folder.ts';

export const reportCommand = defineCommand({
  name: 'report',
  describe: 'Rebuild report.html and the charts of a saved run folder',
  positionals: ['dir'],
  options: ['charts', 'quiet'],
  examples: [
    ['ccsim report output/retail-bank-20261123-203000', 'redraw the charts and report.html'],
    ['ccsim report output/retail-bank-20261123-203000 --no-charts', 'report.html only (no chart libraries loaded)'],
  ],
  async run({ dir, charts, quiet }) {
    // Imported when needed, so `--help` stays fast.
    const { readRunInput, reportFiles, rewriteReport, describeFiles } = await import('../report/report-files.ts');
    const input = readRunInput(dir);
    const files = await reportFiles(input, { charts, onWarning: (w) => printWarnings([w]) });
    rewriteReport(dir, files);
    if (!quiet) process.stdout.write(`Wrote ${displayPath(resolve(dir))} (${describeFiles(Object.keys(files))})\n`);
  },
});
