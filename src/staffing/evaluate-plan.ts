/** One plan simulated on the calling thread and evaluated per cell (for tests and tools). */

import { compile } from '../model/compile.ts';
import type { Scenario } from '../scenario/types.ts';
import { evaluationOf, withPlan, type Evaluation } from './evaluation.ts';
import { runInProcess, simulate } from './simulations.ts';

/** Simulates `plan` (agents per group and interval) for replications from..from+R−1 and evaluates every cell. */
export function evaluatePlan(base: Scenario, plan: readonly Int32Array[], seed: number, replications: number, from = 0): Evaluation {
  const scenario = withPlan(base, plan);
  const model = compile(scenario);
  const simulated = runInProcess(simulate(scenario, seed, replications, from));
  return evaluationOf(model.intervalCount, model.types.length, simulated.counts, simulated.results);
}
