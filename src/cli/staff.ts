/**
 * `ccsim staff FILE`: the fewest agents per group and interval meeting the scenario's service
 * level target (and its caps): Erlang C/A first, then refined by simulation. Prints the table
 * (or `--json`), and writes staffing.json, staffing.csv and staffed.yaml (the scenario with the
 * staffing found as `by_interval`, ready to simulate) into a new run folder; when a group is
 * rostered in shifts (shift_templates, or shifts), also staffed-shifts.yaml (its requirement covered with its shift templates
 * by an integer program). Both plans are simulated on fresh replications before they are
 * written; the terminal gets a summary (per group and per day), staffing.txt the full tables,
 * report.html a Staffing section (report/staffing-section.ts) before the interval plan's report.
 * `--strict`: exit code 2 when a plan does not hold or a shift template is missing.
 */

import { availableParallelism } from 'node:os';
import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';

export const staffCommand = defineCommand({
  name: 'staff',
  describe: 'Find the agents needed per interval (Erlang C/A, refined by simulation); write a staffed scenario',
  positionals: ['file'],
  options: ['seed', 'days', 'jobs', 'json', 'out', 'force', 'quiet', 'strictPlan', 'charts'],
  examples: [
    ['ccsim staff scenarios/retail-bank.yaml', 'table on stdout, output/<name>-staffing-<time>/'],
    ['ccsim staff scenarios/retail-bank.yaml --json', 'the staffing as JSON on stdout'],
  ],
  async run({ file, seed, days, jobs, json, out, force, quiet, strictPlan, charts }) {
    // Imported when needed, so `--help` stays fast.
    const { loadScenario } = await import('../files/scenario-file.ts');
    const { scenario, warnings } = loadScenario(file);
    printWarnings(warnings);
    const { checkStaffable } = await import('../staffing/index.ts');
    const { staffVerified } = await import('../staffing/verified.ts');
    const { staffingJson, staffingCsv, staffedYaml, staffedShiftsYaml, formatStaffing, formatStaffingSummary } = await import('../report/staffing.ts');
    checkStaffable(scenario);
    const { checkCommandWork } = await import('./experiment-support.ts');
    checkCommandWork([scenario], { seed, days, replications: 1, targetCi: [], maxReplications: undefined, allowLong: true }, 1);
    // Planned before searching, so a refused --out fails at once.
    const plan = planRunFolder({ name: `${scenario.name} staffing`, out, force, inputs: [file] });

    const progress = quiet ? undefined : (message: string): void => void process.stderr.write(`staff: ${message}\n`);
    // The search hands counts, not summaries, between threads: two threads were faster than one
    // even on two cores (README, the staffing search), unlike the other commands.
    const { mostThreads, warnJobsCut } = await import('./experiment-support.ts');
    warnJobsCut(jobs);
    const threads = Math.min(jobs ?? availableParallelism(), mostThreads());
    const staffed = await staffVerified(scenario, { seed, days, jobs: threads, onProgress: progress });

    const staffingText = staffingJson(staffed.result);
    const files: Record<string, string | Uint8Array> = {
      'staffing.json': staffingText,
      'staffing.csv': staffingCsv(staffed.result),
      'staffing.txt': formatStaffing(staffed.result),
      'staffed.yaml': staffedYaml(staffed.scenario, staffed.result, file),
    };
    if (staffed.shiftsScenario !== null) files['staffed-shifts.yaml'] = staffedShiftsYaml(staffed.shiftsScenario, staffed.result, file);
    // report.html: the Staffing section (chart and summary tables), then the interval plan's figures as simulate reports them.
    const { reportFiles, describeFiles } = await import('../report/report-files.ts');
    const { staffingReport } = await import('../report/staffing-section.ts');
    const report = staffingReport(scenario, staffed.scenario, staffed.shiftsScenario, staffed.result);
    Object.assign(files, await reportFiles({ kind: 'simulate', scenario: staffed.scenario, result: staffed.simulation, staffing: report }, { charts, onWarning: (w) => printWarnings([w]) }));
    const dir = writeRunFolder(plan, files);
    const wrote = `Wrote ${displayPath(dir)} (${describeFiles(Object.keys(files))})\n`;
    if (json) {
      process.stdout.write(staffingText);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatStaffingSummary(staffed.result) + '\n' + wrote);
    }
    const fails = [
      // A plan at its exact Erlang answer everywhere holds on the exact values (verify.ts ExactVerdict).
      ...(staffed.planVerification.holds || (staffed.planVerification.exact?.meets === true && staffed.planVerification.exact.consistent)
        ? []
        : ['staffed.yaml does not hold on fresh replications']),
      ...(staffed.shiftsVerification === null || staffed.shiftsVerification.holds ? [] : ['staffed-shifts.yaml does not hold on fresh replications']),
      ...staffed.templateGaps.map((g) => g.message),
    ];
    if (fails.length > 0) {
      for (const f of fails) process.stderr.write(`warning: ${f}\n`);
      if (strictPlan) return 2;
    }
  },
});
