/**
 * What simulate, compare and sweep share on the command line: checking the replication options
 * together, the runner for `--jobs` with a progress display, and warnings for targets not met.
 * Loaded only when a command runs (it pulls in the simulator).
 */
import { availableParallelism } from 'node:os';
import { UserError } from '../errors.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';
import { simulate } from '../experiment/simulate.ts';
import { createRunner, replicateScenario, type Runner, type TargetCi, type TargetOutcome } from '../experiment/replications.ts';
import { createProgress, type Progress } from './progress.ts';
import { printWarnings } from './output.ts';
import { compile } from '../model/compile.ts';
import { withOverrides } from '../experiment/simulate.ts';
import { DEFAULT_MAX_REPLICATIONS } from '../experiment/specs.ts';
import { checkResultSize, checkWork, expectedContacts, PARALLEL_MIN_CONTACTS } from '../experiment/work-estimate.ts';

/**
 * Refuses, before anything runs, a command whose estimated work is beyond the limits (see
 * work-estimate.ts): `runs` plans or grid points of the largest of `scenarios`, each replicated.
 * Returns the expected contacts in one replication of the largest, for `runnerFor`. With
 * `everyInterval` (simulate), also refuses a result longer than its files can hold.
 */
export function checkCommandWork(
  scenarios: readonly Scenario[],
  f: ReplicationFlags & { seed?: number | undefined; days?: number | undefined; allowLong: boolean },
  runs: number,
  everyInterval = false,
): number {
  const models = scenarios.map((s) => compile(withOverrides(s, { seed: f.seed, days: f.days })));
  const most = Math.max(0, ...models.map(expectedContacts));
  const replications = f.targetCi.length > 0 ? (f.maxReplications ?? DEFAULT_MAX_REPLICATIONS) : f.replications;
  checkWork({ contactsPerReplication: most, replications, runs, allowLong: f.allowLong });
  // A simulation's result keeps every interval's figures by type and group (compare and sweep
  // keep totals): they must fit in the files it writes.
  if (everyInterval) models.forEach(checkResultSize);
  return most;
}

export interface ReplicationFlags {
  replications: number;
  targetCi: readonly TargetCi[];
  maxReplications: number | undefined;
}

/** Options that only make sense together. Throws UserError. */
export function checkReplicationOptions(f: ReplicationFlags): void {
  if (f.maxReplications !== undefined && f.targetCi.length === 0) {
    throw new UserError('--max-replications: only used with --target-ci (give --replications R for a fixed number)');
  }
  if (f.maxReplications !== undefined && f.maxReplications < f.replications) {
    throw new UserError(`--max-replications (${f.maxReplications}) is less than --replications (${f.replications})`);
  }
}

/** Prints a warning on stderr for every --target-ci that was not met. */
export function warnTargets(targets: readonly TargetOutcome[] | undefined, replications?: number, where = ''): void {
  for (const t of targets ?? []) {
    if (t.met) continue;
    const got = t.halfWidth === null ? 'undefined' : String(Number(t.halfWidth.toPrecision(3)));
    const after = replications === undefined ? '' : ` after ${replications} replications`;
    process.stderr.write(
      `warning: ${where}--target-ci ${t.metric}=${t.target} not met${after}: half-width ${got} (raise --max-replications)\n`,
    );
  }
}

/**
 * The threads for `--jobs` as given or, when it was not given, every core, except on a machine
 * of two cores or fewer when one replication is expected to hold fewer than
 * PARALLEL_MIN_CONTACTS contacts: there the replications run in process, which measured faster
 * (work-estimate.ts). Never more threads than there are replications to run.
 */
export function jobsFor(jobs: number | undefined, work: number, contactsPerReplication: number, cores = availableParallelism()): number {
  const wanted = jobs ?? (cores <= 2 && contactsPerReplication < PARALLEL_MIN_CONTACTS ? 1 : cores);
  return Math.max(1, Math.min(wanted, Math.max(1, work), mostThreads(cores)));
}

/**
 * The most threads a command starts: four per core. The work is all computing, so more threads
 * than cores only wait their turn, and each holds its own copy of the simulator (about 13 MB):
 * `--jobs 10000` with 200 replications started 200 threads on two cores and took 2.7 GB.
 */
export function mostThreads(cores = availableParallelism()): number {
  return 4 * Math.max(1, cores);
}

/** Says on stderr that `--jobs` is cut to mostThreads, when it is. */
export function warnJobsCut(jobs: number | undefined): void {
  if (jobs !== undefined && jobs > mostThreads()) {
    printWarnings([`--jobs ${jobs}: this machine runs ${availableParallelism()} threads at once; using at most ${mostThreads()} (four per core)`]);
  }
}

/** A runner for `jobsFor(jobs, work, contactsPerReplication)` threads. */
export function runnerFor(jobs: number | undefined, work: number, contactsPerReplication: number): Runner {
  const threads = jobsFor(jobs, work, contactsPerReplication);
  if (threads === mostThreads()) warnJobsCut(jobs);
  return createRunner(threads);
}

export interface SimulateFlags extends ReplicationFlags {
  seed: number | undefined;
  days: number | undefined;
  jobs: number | undefined;
  /** Expected contacts in one replication (checkCommandWork), for the default of `jobs`. */
  contactsPerReplication: number;
  quiet: boolean;
}

/**
 * `ccsim simulate`: one run in process (the synchronous library path), or replications on
 * `--jobs` threads with progress on stderr. The result is the same whatever `--jobs` is.
 */
export async function simulateParallel(scenario: Scenario, f: SimulateFlags): Promise<{ result: Result; targets?: TargetOutcome[] }> {
  if (f.replications === 1 && f.targetCi.length === 0) {
    // One run in process: progress within the run, in simulated hours (shown after a second).
    const progress = createProgress(`simulate ${scenario.name}`, 'simulated hours', { quiet: f.quiet });
    let shown = 0;
    let announced = false;
    try {
      const result = simulate(scenario, {
        seed: f.seed,
        days: f.days,
        onProgress: (_r, t, horizon) => {
          if (!announced) {
            progress.planned(Math.ceil(horizon / 3600));
            announced = true;
          }
          const hours = Math.min(Math.floor(t / 3600), Math.ceil(horizon / 3600));
          if (hours > shown) {
            progress.completed(hours - shown);
            shown = hours;
          }
        },
      });
      return { result };
    } finally {
      progress.done();
    }
  }
  const { aggregate } = await import('../metrics/aggregate.ts');
  const work = f.targetCi.length > 0 ? (f.maxReplications ?? Infinity) : f.replications;
  const runner = runnerFor(f.jobs, work, f.contactsPerReplication);
  const progress: Progress = createProgress(`simulate ${scenario.name}`, 'replications', { quiet: f.quiet });
  try {
    const out = await replicateScenario(scenario, {
      seed: f.seed,
      days: f.days,
      replications: f.replications,
      targetCi: f.targetCi,
      maxReplications: f.maxReplications,
      runner,
      progress,
    });
    const result = out.results.length === 1 ? out.results[0]! : aggregate(out.results);
    if (out.targets !== undefined) warnTargets(out.targets, out.results.length);
    return out.targets === undefined ? { result } : { result, targets: out.targets };
  } finally {
    progress.done();
    await runner.close();
  }
}
