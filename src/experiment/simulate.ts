import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';
import type { Model } from '../model/model.ts';
import { compile } from '../model/compile.ts';
import { runReplication } from '../center/run.ts';
import { summarise } from '../metrics/summarise.ts';
import { aggregate } from '../metrics/aggregate.ts';
import { UserError } from '../errors.ts';
import { MAX_HORIZON_DAYS } from '../scenario/limits.ts';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides horizon.days. */
  days?: number;
  /** Independent replications (>= 1); replication r is seeded from (seed, r). */
  replications?: number;
  /** Told, now and then during each replication, how far it has got (simulated seconds). */
  onProgress?: (replication: number, simulatedSeconds: number, horizonSeconds: number) => void;
}

/** The scenario with command-line overrides applied. */
export function withOverrides(scenario: Scenario, options: SimulateOptions): Scenario {
  const days = options.days ?? scenario.horizon.days;
  if (!(days > 0)) throw new UserError(`--days: expected a number > 0, got ${days}`);
  if (days > MAX_HORIZON_DAYS) throw new UserError(`--days: expected at most ${MAX_HORIZON_DAYS.toLocaleString('en-US')} days (ten years), got ${days}`);
  if (scenario.horizon.warmup_hours >= days * 24) {
    throw new UserError(
      `--days ${days}: the scenario's warm-up of ${scenario.horizon.warmup_hours} h covers the whole horizon, so nothing would be counted; give --days above ${scenario.horizon.warmup_hours / 24}`,
    );
  }
  return {
    ...scenario,
    seed: options.seed ?? scenario.seed,
    horizon: { ...scenario.horizon, days: options.days ?? scenario.horizon.days },
  };
}

/**
 * One replication, the unit every experiment is made of: run the compiled model with the
 * replication's own streams (seeded from (seed, replication)) and summarise its tally. Used in
 * process, by worker threads, and by every experiment, so a replication is the same wherever it runs.
 */
export function simulateReplication(model: Model, seed: number, replication: number): Result {
  return summarise(model, runReplication(model, seed, replication), seed);
}

/**
 * Simulate a scenario and summarise it into the metrics of the README: one run, or with
 * `replications` >= 2 the mean of independent replications with 95% half-widths in `ci95`.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Result {
  const s = withOverrides(scenario, options);
  const model = compile(s);
  const replications = Math.max(1, Math.floor(options.replications ?? 1));
  const results: Result[] = [];
  for (let r = 0; r < replications; r++) {
    const onProgress = options.onProgress;
    const progress = onProgress === undefined ? undefined : (t: number, h: number): void => onProgress(r, t, h);
    results.push(progress === undefined ? simulateReplication(model, s.seed, r) : summarise(model, runReplication(model, s.seed, r, { progress }), s.seed));
  }
  return replications === 1 ? results[0]! : aggregate(results);
}
