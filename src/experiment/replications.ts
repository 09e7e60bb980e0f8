/**
 * Independent replications, in process or on worker threads.
 *
 * Replication r of a scenario is a pure function of (scenario, seed, r): its random streams are
 * seeded from (seed, r, purpose). Results are therefore the same whichever thread runs which
 * replication, and callers always combine them in replication order, so every figure ccsim
 * prints is the same whatever `--jobs` is.
 *
 * A `Runner` runs single replications; `createRunner(jobs)` gives the in-process runner for
 * `jobs` = 1 and a worker pool otherwise. Create one per command and reuse it for every plan or
 * grid point; close it at the end.
 *
 * `--target-ci METRIC=HALFWIDTH` adds replications in batches until every named metric's 95%
 * half-width is at most its target, or `--max-replications` is reached. The batch size only
 * decides how much runs at once: the stopping rule is checked on every prefix 1..n of the
 * replications in order, and the result is the shortest prefix that meets every target, so the
 * number of replications (and every figure) does not depend on `--jobs` either.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Model } from '../model/model.ts';
import type { Metrics, Result } from '../metrics/types.ts';
import { compile } from '../model/compile.ts';
import { aggregate } from '../metrics/aggregate.ts';
import { withoutIntervals } from '../metrics/without-intervals.ts';
import { estimate } from '../metrics/pooled.ts';
import { metricInfo } from '../metrics/catalogue.ts';
import { simulateReplication, withOverrides } from './simulate.ts';
import { WorkerPool } from './worker-pool.ts';
import type { MetricName } from './types.ts';
import { DEFAULT_MAX_REPLICATIONS } from './specs.ts';

// ---------------------------------------------------------------------------------------------
// Runners

export interface RunOptions {
  /** Keep `by_interval` (default true). Comparisons and sweeps need only totals and types. */
  intervals?: boolean;
}

/** Runs single replications; results never depend on which runner or how many threads. */
export interface Runner {
  /** Replications that may run at once. */
  readonly jobs: number;
  run(scenario: Scenario, seed: number, replication: number, options?: RunOptions): Promise<Result>;
  close(): Promise<void>;
}

function slim(result: Result, options: RunOptions | undefined): Result {
  return options?.intervals === false ? withoutIntervals(result) : result;
}

/** Runs replications on the calling thread, one after the other (`--jobs 1`). */
class InProcessRunner implements Runner {
  readonly jobs = 1;
  private readonly models = new WeakMap<Scenario, Model>();

  run(scenario: Scenario, seed: number, replication: number, options?: RunOptions): Promise<Result> {
    try {
      let model = this.models.get(scenario);
      if (model === undefined) {
        model = compile(scenario);
        this.models.set(scenario, model);
      }
      return Promise.resolve(slim(simulateReplication(model, seed, replication), options));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Runs replications on up to `jobs` worker threads. */
class PoolRunner implements Runner {
  private readonly pool: WorkerPool;
  constructor(readonly jobs: number) {
    this.pool = new WorkerPool(jobs);
  }

  run(scenario: Scenario, seed: number, replication: number, options?: RunOptions): Promise<Result> {
    return this.pool.run(scenario, seed, replication, options?.intervals !== false);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The runner for `--jobs N`: in process for 1, N worker threads (started as needed) otherwise. */
export function createRunner(jobs: number): Runner {
  if (!(Number.isSafeInteger(jobs) && jobs >= 1)) throw new RangeError(`createRunner: jobs must be an integer >= 1, got ${jobs}`);
  return jobs === 1 ? new InProcessRunner() : new PoolRunner(jobs);
}

/** Runs `body` with a runner for `jobs` (or the given one), closing a runner it created. */
export async function withRunner<T>(jobs: number | undefined, given: Runner | undefined, body: (runner: Runner) => Promise<T>): Promise<T> {
  if (given !== undefined) return body(given);
  const runner = createRunner(jobs ?? 1);
  try {
    return await body(runner);
  } finally {
    await runner.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Progress

/** Told how many replications are planned (it may grow with --target-ci) and how many are done. */
export interface ProgressSink {
  planned(count: number): void;
  completed(count: number): void;
}

// ---------------------------------------------------------------------------------------------
// Batches of replications

/**
 * Replications `from` .. `to − 1` of every scenario, all submitted at once; per scenario, in
 * replication order.
 */
export async function runBatch(
  runner: Runner,
  scenarios: readonly Scenario[],
  seed: number,
  from: number,
  to: number,
  options: RunOptions & { progress?: ProgressSink | undefined } = {},
): Promise<Result[][]> {
  const { progress, ...run } = options;
  const count = Math.max(0, to - from);
  progress?.planned(count * scenarios.length);
  const promises = scenarios.map((s) => {
    const out: Array<Promise<Result>> = [];
    for (let r = from; r < to; r++) {
      out.push(
        runner.run(s, seed, r, run).then((result) => {
          progress?.completed(1);
          return result;
        }),
      );
    }
    return out;
  });
  // Await all, so that a failure does not leave tasks running unobserved.
  const settled = await Promise.allSettled(promises.flat());
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const values = settled.map((s) => (s as PromiseFulfilledResult<Result>).value);
  return scenarios.map((_, i) => values.slice(i * count, (i + 1) * count));
}

// ---------------------------------------------------------------------------------------------
// Replicating until a target precision

export interface TargetCi {
  metric: MetricName;
  /** The largest acceptable 95% half-width of the metric's total, in the metric's unit. */
  halfWidth: number;
}

export { DEFAULT_MAX_REPLICATIONS };
/** With --target-ci, never stop on fewer replications than this (tiny samples understate spread). */
export const MIN_TARGET_REPLICATIONS = 5;

export interface ReplicateOptions {
  /** Replications to run, or with targetCi the first batch (at least MIN_TARGET_REPLICATIONS). */
  replications?: number | undefined;
  targetCi?: readonly TargetCi[] | undefined;
  /** Upper bound with targetCi (default DEFAULT_MAX_REPLICATIONS). */
  maxReplications?: number | undefined;
  progress?: ProgressSink | undefined;
  /** Keep `by_interval` of every replication (default true). */
  intervals?: boolean | undefined;
}

/** How a --target-ci run ended, per target: the half-width reached (worst over the scenarios). */
export interface TargetOutcome {
  metric: MetricName;
  target: number;
  halfWidth: number | null;
  met: boolean;
}

export interface Replicated {
  /** Per scenario, one result per replication, in replication order (all the same length). */
  results: Result[][];
  /** With targetCi: each target and whether it was met. */
  targets?: TargetOutcome[];
}

/** The 95% half-width of a metric's total over the first n replications (pooled for ratios). */
function halfWidthOf(results: readonly Result[], n: number, metric: MetricName): number | null {
  const rows: Metrics[] = [];
  for (let r = 0; r < n; r++) rows.push(results[r]!.totals);
  return estimate(rows, metricInfo(metric)).ci95;
}

function outcomes(results: Result[][], n: number, targets: readonly TargetCi[]): TargetOutcome[] {
  return targets.map((t) => {
    let worst: number | null = 0;
    for (const rs of results) {
      const h = halfWidthOf(rs, n, t.metric);
      worst = h === null || worst === null ? null : Math.max(worst, h);
    }
    return { metric: t.metric, target: t.halfWidth, halfWidth: worst, met: worst !== null && worst <= t.halfWidth };
  });
}

/**
 * Replications of several scenarios run side by side with the same seed (common random numbers:
 * replication r of each sees the same customers). With `targetCi`, replications are added until
 * every target is met for every scenario (or the maximum is reached); every scenario gets the
 * same number, so replications stay paired.
 */
export async function replicateAll(runner: Runner, scenarios: readonly Scenario[], seed: number, options: ReplicateOptions = {}): Promise<Replicated> {
  const run = { progress: options.progress, intervals: options.intervals ?? true };
  const requested = Math.max(1, Math.floor(options.replications ?? 1));
  const targets = options.targetCi ?? [];
  if (targets.length === 0) return { results: await runBatch(runner, scenarios, seed, 0, requested, run) };

  const max = Math.max(1, Math.floor(options.maxReplications ?? DEFAULT_MAX_REPLICATIONS));
  const first = Math.min(max, Math.max(requested, MIN_TARGET_REPLICATIONS));
  const batch = Math.max(runner.jobs, 4);
  const results: Result[][] = await runBatch(runner, scenarios, seed, 0, first, run);
  let checked = first; // prefixes shorter than this are not eligible (or already checked)
  for (;;) {
    const have = results[0]!.length;
    for (let n = checked; n <= have; n++) {
      const o = outcomes(results, n, targets);
      if (o.every((x) => x.met)) return { results: results.map((rs) => rs.slice(0, n)), targets: o };
    }
    checked = have + 1;
    if (have >= max) return { results, targets: outcomes(results, have, targets) };
    const more = await runBatch(runner, scenarios, seed, have, Math.min(max, have + batch), run);
    more.forEach((rs, i) => results[i]!.push(...rs));
  }
}

// ---------------------------------------------------------------------------------------------
// One scenario

export interface ReplicationsOptions extends ReplicateOptions {
  /** Overrides the scenario's seed. */
  seed?: number | undefined;
  /** Overrides horizon.days. */
  days?: number | undefined;
  /** Threads when no runner is given (default 1: in process). */
  jobs?: number | undefined;
  runner?: Runner | undefined;
}

/**
 * The per-replication results of one scenario, in replication order: replication r is seeded
 * from (seed, r). Runs on worker threads when `jobs` > 1 (or on the given runner).
 */
export async function runReplications(scenario: Scenario, options: ReplicationsOptions = {}): Promise<Result[]> {
  return (await replicateScenario(scenario, options)).results;
}

/** Like runReplications, with the --target-ci outcome. */
export async function replicateScenario(
  scenario: Scenario,
  options: ReplicationsOptions = {},
): Promise<{ results: Result[]; targets?: TargetOutcome[] }> {
  const s = withOverrides(scenario, { seed: options.seed, days: options.days });
  return withRunner(options.jobs, options.runner, async (runner) => {
    const out = await replicateAll(runner, [s], s.seed, options);
    return out.targets === undefined ? { results: out.results[0]! } : { results: out.results[0]!, targets: out.targets };
  });
}

/**
 * What `simulate` gives, computed on `jobs` threads: one run, or the mean of the replications
 * with 95% half-widths in `ci95`. For the same options, the same Result as `simulate()`.
 */
export async function simulateParallel(scenario: Scenario, options: ReplicationsOptions = {}): Promise<{ result: Result; targets?: TargetOutcome[] }> {
  const out = await replicateScenario(scenario, options);
  const result = out.results.length === 1 ? out.results[0]! : aggregate(out.results);
  return out.targets === undefined ? { result } : { result, targets: out.targets };
}

// ---------------------------------------------------------------------------------------------
// Throughput, for the benchmark

const WARMUP_PER_THREAD = 3;

export interface Throughput {
  jobs: number;
  replications: number;
  seconds: number;
  replicationsPerSecond: number;
}

/**
 * Replications per second of `scenario` on `jobs` threads (1: in process). The workers are
 * started, and each has compiled the model, before the clock starts: this measures the steady
 * state a long experiment sees, not thread start-up.
 */
export async function measureReplicationsPerSecond(scenario: Scenario, replications: number, jobs: number): Promise<Throughput> {
  return withRunner(jobs, undefined, async (runner) => {
    const seed = scenario.seed;
    // Warm-up (start threads, compile, let the JIT settle): WARMUP_PER_THREAD replications per
    // thread, numbered beyond the timed ones.
    const warmup = WARMUP_PER_THREAD * jobs;
    await Promise.all(Array.from({ length: warmup }, (_, i) => runner.run(scenario, seed, replications + i, { intervals: false })));
    const t0 = performance.now();
    await Promise.all(Array.from({ length: replications }, (_, r) => runner.run(scenario, seed, r, { intervals: false })));
    const seconds = (performance.now() - t0) / 1000;
    return { jobs, replications, seconds, replicationsPerSecond: replications / seconds };
  });
}
