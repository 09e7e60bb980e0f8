/**
 * `ccsim compare FILE...`: run two or more plans (scenario files, or one variants file) on
 * common random numbers; print each headline metric per plan with its 95% interval and the
 * difference to the first plan with its paired interval; write compare.json, compare.csv and
 * differences.csv into a new run folder.
 */

import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';

export const compareCommand = defineCommand({
  name: 'compare',
  describe: 'Compare plans on common random numbers: scenario files, or one variants file',
  positionals: ['files'],
  options: ['seed', 'days', 'replications', 'jobs', 'targetCi', 'maxReplications', 'period', 'json', 'out', 'force', 'quiet', 'charts', 'allowLong', 'xlsx'],
  examples: [
    ['ccsim compare scenarios/retail-bank.yaml scenarios/retail-bank-skills-bot.yaml --replications 20', 'two scenarios, paired differences'],
    ['ccsim compare what-if.yaml --replications 20 --json', 'a base and its variants, as JSON'],
  ],
  async run({ files, seed, days, replications, jobs, targetCi, maxReplications, period, json, out, force, quiet, charts, allowLong, xlsx }) {
    // Imported when needed, so `--help` stays fast.
    const { checkReplicationOptions, runnerFor, warnTargets, checkCommandWork } = await import('./experiment-support.ts');
    checkReplicationOptions({ replications, targetCi, maxReplications });
    const { loadPlans } = await import('../experiment/variants.ts');
    const loaded = loadPlans(files);
    printWarnings(loaded.warnings);
    // Stretches in which a plan offers contacts to nobody (see model/unstaffed.ts).
    const { compile } = await import('../model/compile.ts');
    const { withOverrides } = await import('../experiment/simulate.ts');
    for (const p of loaded.plans) printWarnings(compile(withOverrides(p.scenario, { days })).warnings.map((w) => `${p.name}: ${w}`));
    // Estimated and planned before simulating, so too much work or a refused --out fails at once.
    const contactsPerReplication = checkCommandWork(loaded.plans.map((p) => p.scenario), { seed, days, replications, targetCi, maxReplications, allowLong }, loaded.plans.length);
    const plan = planRunFolder({ name: `compare ${loaded.name}`, out, force, inputs: files });

    const { compare } = await import('../experiment/compare.ts');
    const { createProgress } = await import('./progress.ts');
    const work = loaded.plans.length * (targetCi.length > 0 ? (maxReplications ?? Infinity) : replications);
    const runner = runnerFor(jobs, work, contactsPerReplication);
    const progress = createProgress('compare', 'replications', { quiet });
    let outcome;
    try {
      outcome = await compare(loaded.plans, { seed, days, replications, targetCi, maxReplications, runner, progress, period });
    } finally {
      progress.done();
      await runner.close();
    }
    warnTargets(outcome.targets, outcome.result.replications);

    const { compareFiles, formatCompare, targetTexts } = await import('../report/compare.ts');
    const { reportFiles, savedInputFiles, describeFiles } = await import('../report/report-files.ts');
    const input = { kind: 'compare', plans: loaded.plans.map((p) => ({ name: p.name, scenario: p.scenario })), compare: outcome.result } as const;
    const written: Record<string, string | Uint8Array> = {
      ...compareFiles(outcome.result),
      ...savedInputFiles(input),
      ...(await reportFiles(input, { charts, onWarning: (w) => printWarnings([w]) })),
      ...(xlsx ? { 'results.xlsx': await (await import('../report/workbook.ts')).workbookBytes({ kind: 'compare', scenarios: loaded.plans.map((p) => p.scenario), compare: outcome.result }) } : {}),
    };
    const dir = writeRunFolder(plan, written);
    const wrote = `Wrote ${displayPath(dir)} (${describeFiles(Object.keys(written))})\n`;
    if (json) {
      process.stdout.write(written['compare.json']!);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      const horizon = new Set(loaded.plans.map((p) => p.scenario.horizon.days));
      const shownDays = days ?? (horizon.size === 1 ? [...horizon][0] : undefined);
      const { reportedHours } = await import('../experiment/plan-summary.ts');
      const { withOverrides } = await import('../experiment/simulate.ts');
      const first = withOverrides(loaded.plans[0]!.scenario, { days });
      const text = formatCompare(outcome.result, {
        title: loaded.name,
        days: shownDays,
        reportedHours: reportedHours(first),
        targets: targetTexts(first),
      });
      process.stdout.write(text + '\n' + wrote);
    }
  },
});
