import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';
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
    const tell = onProgress === undefined ? undefined : (t: number, h: number): void => onProgress(r, t, h);
    results.push(summarise(model, runReplication(model, s.seed, r, tell), s.seed));
  }
  return replications === 1 ? results[0]! : aggregate(results);
}
