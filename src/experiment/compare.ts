/**
 * Comparing plans on common random numbers. Every plan runs replications 0..R−1 with the same
 * seed, so replication r of every plan meets the same customers (arrival times, handle times,
 * patience, resolution draws): the difference plan − baseline is measured per replication and
 * its interval is the paired one, far narrower than that of two independent runs.
 */
import type { Result } from '../metrics/types.ts';
import { withOverrides } from './simulate.ts';
import type { CompareResult, Plan } from './types.ts';
import type { Period } from './plan-summary.ts';
import { compareResult } from './compare-result.ts';
export { compareResult, isSignificant, rankPlans } from './compare-result.ts';
import { replicateAll, withRunner, type ProgressSink, type Runner, type TargetCi, type TargetOutcome } from './replications.ts';

export interface CompareOptions {
  /** The seed every plan runs with; default the first plan's scenario seed. */
  seed?: number | undefined;
  /** Overrides horizon.days of every plan. */
  days?: number | undefined;
  replications?: number | undefined;
  targetCi?: readonly TargetCi[] | undefined;
  maxReplications?: number | undefined;
  /** Threads when no runner is given (default 1: in process). */
  jobs?: number | undefined;
  runner?: Runner | undefined;
  progress?: ProgressSink | undefined;
  /** The period of the plan summary's costs and hours (default week). */
  period?: Period | undefined;
}

export interface CompareOutcome {
  result: CompareResult;
  /** Per plan (in plan order), the result of every replication (without by_interval). */
  replications: Result[][];
  /** Per plan, the mean of its replications with ci95 (the full Result, types included). */
  aggregates: Result[];
  targets?: TargetOutcome[];
}

/**
 * Runs every plan on the same seed and replications and measures each plan's difference to the
 * first plan (the baseline), metric by metric, with paired 95% intervals.
 */
export async function compare(plans: readonly Plan[], options: CompareOptions = {}): Promise<CompareOutcome> {
  if (plans.length === 0) throw new RangeError('compare: no plans');
  const seed = options.seed ?? plans[0]!.scenario.seed;
  const scenarios = plans.map((p) => withOverrides(p.scenario, { seed, days: options.days }));
  const replicated = await withRunner(options.jobs, options.runner, (runner) =>
    replicateAll(runner, scenarios, seed, {
      replications: options.replications,
      targetCi: options.targetCi,
      maxReplications: options.maxReplications,
      progress: options.progress,
      intervals: false,
    }),
  );
  const runs = replicated.results;
  const { result, aggregates } = compareResult(plans, scenarios, runs, seed, options.period ?? 'week');
  const outcome: CompareOutcome = { result, replications: runs, aggregates };
  if (replicated.targets !== undefined) outcome.targets = replicated.targets;
  return outcome;
}
