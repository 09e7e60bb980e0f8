import { expect } from 'vitest';
import type { Scenario } from '../../src/scenario/types.ts';
import type { Metrics, Result } from '../../src/metrics/types.ts';
import { compile } from '../../src/model/compile.ts';
import { runReplication } from '../../src/center/run.ts';
import { summarise } from '../../src/metrics/summarise.ts';
import { studentTQuantile } from '../../src/metrics/student-t.ts';
import { expectConservation } from './conservation.ts';

/** R independent replications of a scenario, each checked for conservation. */
export function replicate(scenario: Scenario, replications: number): Result[] {
  const model = compile(scenario);
  const results: Result[] = [];
  for (let r = 0; r < replications; r++) {
    const result = summarise(model, runReplication(model, scenario.seed, r), scenario.seed);
    expectConservation(result);
    results.push(result);
  }
  return results;
}

type Pick = (m: Metrics) => number | null;

/** Mean and standard error of a metric across replications. */
export function meanAndError(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/**
 * Assert that the exact value lies inside the 99.9% Student-t interval of the replication mean.
 * The tolerance comes from the run itself (its standard error), never from a chosen constant; a
 * tiny absolute floor covers metrics with no variance at all (occupancy of a deterministic run).
 */
export function expectAgrees(results: Result[], pick: Pick, exact: number, label: string, row: (r: Result) => Metrics = (r) => r.totals): void {
  const values = results.map((r) => {
    const v = pick(row(r));
    if (v === null) throw new Error(`${label}: metric undefined in a replication`);
    return v;
  });
  const { mean, se } = meanAndError(values);
  const tolerance = studentTQuantile(0.9995, values.length - 1) * se + 1e-9;
  expect(Math.abs(mean - exact), `${label}: simulated ${mean.toFixed(5)} ± ${tolerance.toFixed(5)} vs exact ${exact.toFixed(5)}`).toBeLessThanOrEqual(tolerance);
}
