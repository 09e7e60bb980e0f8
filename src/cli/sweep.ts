/**
 * `ccsim sweep FILE --vary PATH=FROM..TO:STEP ...`: run a scenario at every point of a grid
 * (the product of the --vary axes) on common random numbers; print one row per point; write
 * sweep.json and sweep.csv into a new run folder. `--shard i/n` runs a deterministic slice of
 * the grid; `ccsim merge` combines the slices.
 */

import { UserError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';

export const sweepCommand = defineCommand({
  name: 'sweep',
  describe: 'Run a scenario over a grid of field values (--vary), optionally one shard of it',
  positionals: ['file'],
  options: ['vary', 'shard', 'seed', 'days', 'replications', 'jobs', 'targetCi', 'maxReplications', 'period', 'json', 'out', 'force', 'quiet', 'charts', 'allowLong', 'xlsx'],
  examples: [
    ["ccsim sweep scenarios/retail-bank.yaml --vary 'agent_groups[generalists].agents=30..50:5' --replications 10", 'staffing from 30 to 50'],
    ["ccsim sweep FILE --vary 'routing.policy=skill_based,longest_idle' --vary 'agent_groups[team].agents=40..60:10'", 'a 2 x 3 grid'],
    ["ccsim sweep FILE --vary 'agent_groups[team].agents=10..200:1' --shard 3/8 --out shards/3", 'the third of eight shards'],
  ],
  async run({ file, vary, shard, seed, days, replications, jobs, targetCi, maxReplications, period, json, out, force, quiet, charts, allowLong, xlsx }) {
    if (vary.length === 0) throw new UserError('sweep: give at least one --vary PATH=FROM..TO:STEP (or PATH=a,b,c)');
    // Imported when needed, so `--help` stays fast.
    const { checkReplicationOptions, runnerFor, warnTargets, checkCommandWork } = await import('./experiment-support.ts');
    checkReplicationOptions({ replications, targetCi, maxReplications });
    const { loadRawScenario } = await import('../experiment/variants.ts');
    const base = loadRawScenario(file);
    printWarnings(base.warnings);
    const { gridSize: sizeOf } = await import('../experiment/sweep.ts');
    // Estimated before simulating (the base scenario's contacts at every point of this shard).
    const shardPoints = shard === undefined ? sizeOf(vary) : Math.ceil(Math.max(0, sizeOf(vary) - (shard.index - 1)) / shard.count);
    const contactsPerReplication = checkCommandWork([base.scenario], { seed, days, replications, targetCi, maxReplications, allowLong }, shardPoints);
    const name = shard === undefined ? `sweep ${base.scenario.name}` : `sweep ${base.scenario.name} shard ${shard.index}-of-${shard.count}`;
    // Planned before simulating, so a refused --out fails at once.
    const plan = planRunFolder({ name, out, force, inputs: [file] });

    const { sweep, gridSize, shardIndices } = await import('../experiment/sweep.ts');
    const { createProgress } = await import('./progress.ts');
    const points = shardIndices(gridSize(vary), shard).length;
    const work = points * (targetCi.length > 0 ? (maxReplications ?? Infinity) : replications);
    const runner = runnerFor(jobs, work, contactsPerReplication);
    const progress = createProgress('sweep', 'replications', { quiet });
    let outcome;
    try {
      outcome = await sweep(base, vary, {
        seed,
        days,
        replications,
        targetCi,
        maxReplications,
        shard,
        period,
        runner,
        progress,
        onWarning: (w) => printWarnings([w]),
      });
    } finally {
      progress.done();
      await runner.close();
    }
    const doc = outcome.document;
    outcome.targets?.forEach((t, i) => warnTargets(t, doc.rows[i]!.replications, `grid point ${doc.rows[i]!.index}: `));

    const { sweepFiles, formatSweep, sweepSentence } = await import('../report/sweep.ts');
    const { reportFiles, savedInputFiles, describeFiles } = await import('../report/report-files.ts');
    const input = { kind: 'sweep', scenario: base.scenario, sweep: doc } as const;
    const { withOverrides } = await import('../experiment/simulate.ts');
    const { reportedHours } = await import('../experiment/plan-summary.ts');
    const { targetTexts } = await import('../report/compare.ts');
    const scaled = withOverrides(base.scenario, { days });
    const textOptions = { targets: targetTexts(scaled), reportedHours: reportedHours(scaled) };
    const written: Record<string, string | Uint8Array> = {
      ...sweepFiles(doc),
      ...savedInputFiles(input),
      ...(await reportFiles(input, { charts, onWarning: (w) => printWarnings([w]) })),
      ...(xlsx ? { 'results.xlsx': await (await import('../report/workbook.ts')).workbookBytes({ kind: 'sweep', scenario: base.scenario, sweep: doc, sentence: sweepSentence(doc, textOptions) }) } : {}),
    };
    const dir = writeRunFolder(plan, written);
    const wrote = `Wrote ${displayPath(dir)} (${describeFiles(Object.keys(written))})\n`;
    if (json) {
      process.stdout.write(written['sweep.json'] as string);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatSweep(doc, textOptions) + '\n' + wrote);
    }
  },
});
