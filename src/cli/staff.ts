/**
 * `ccsim staff FILE`: the fewest agents per group and interval meeting the scenario's service
 * level target (and its caps): Erlang C/A first, then refined by simulation. Prints the table
 * (or `--json`), and writes staffing.json, staffing.csv and staffed.yaml (the scenario with the
 * staffing found as `by_interval`, ready to simulate) into a new run folder; when a group is
 * staffed in shifts, also staffed-shifts.yaml (its requirement covered with its shift templates).
 */

import { defineCommand, printWarnings } from './options.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';

export const staffCommand = defineCommand({
  name: 'staff',
  describe: 'Find the agents needed per interval (Erlang C/A, refined by simulation); write a staffed scenario',
  positionals: ['file'],
  options: ['seed', 'days', 'json', 'out', 'force', 'quiet'],
  examples: [
    ['ccsim staff scenarios/retail-bank.yaml', 'table on stdout, output/<name>-staffing-<time>/'],
    ['ccsim staff scenarios/retail-bank.yaml --json', 'the staffing as JSON on stdout'],
  ],
  async run({ file, seed, days, json, out, force, quiet }) {
    // Imported when needed, so `--help` stays fast.
    const { loadScenario } = await import('../files/scenario-file.ts');
    const { scenario, warnings } = loadScenario(file);
    printWarnings(warnings);
    const { staff, checkStaffable } = await import('../staffing/index.ts');
    const { staffingJson, staffingCsv, staffedYaml, staffedShiftsYaml, formatStaffing } = await import('../staffing/report.ts');
    checkStaffable(scenario);
    const { checkCommandWork } = await import('./experiment-support.ts');
    checkCommandWork([scenario], { seed, days, replications: 1, targetCi: [], maxReplications: undefined, allowLong: true }, 1);
    // Planned before searching, so a refused --out fails at once.
    const plan = planRunFolder({ name: `${scenario.name} staffing`, out, force, inputs: [file] });

    const progress = quiet ? undefined : (message: string): void => void process.stderr.write(`staff: ${message}\n`);
    const staffed = staff(scenario, { seed, days, onProgress: progress });

    const staffingText = staffingJson(staffed.result);
    const files: Record<string, string> = {
      'staffing.json': staffingText,
      'staffing.csv': staffingCsv(staffed.result),
      'staffed.yaml': staffedYaml(staffed.scenario, staffed.result, file),
    };
    if (staffed.shiftsScenario !== null) files['staffed-shifts.yaml'] = staffedShiftsYaml(staffed.shiftsScenario, staffed.result, file);
    const dir = writeRunFolder(plan, files);
    const wrote = `Wrote ${displayPath(dir)} (${Object.keys(files).join(', ')})\n`;
    if (json) {
      process.stdout.write(staffingText);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatStaffing(staffed.result) + '\n' + wrote);
    }
  },
});
