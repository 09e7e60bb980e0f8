/**
 * The interval plan verified on fresh replications before it is written, and repaired where it
 * does not hold.
 */

import type { Model } from '../model/model.ts';
import type { Scenario } from '../scenario/types.ts';
import { evaluationOf, withPlan } from './evaluation.ts';
import type { SearchOutcome } from './search.ts';
import { simulate, type Simulating } from './simulations.ts';
import { FRESH_REPLICATIONS_FROM, verifyScenario, type Verification } from './verify.ts';

/** Verification rounds of the interval plan before it is written as it is. */
const MAX_PLAN_REPAIR_ROUNDS = 4;

/**
 * Simulates the searched plan on fresh replications (a new set each round, so that the final
 * verdict is on replications no decision was taken on) and, while it does not hold, adds one
 * agent in every loaded interval missing on its mean, to the group serving the type with the
 * most useful capacity per unit of cost, except where the answer is the exact Erlang one.
 */
export function* repairPlan(
  scenario: Scenario,
  model: Model,
  outcome: SearchOutcome,
  searchReplications: number,
  replications: number,
  onProgress: ((message: string) => void) | undefined,
  exact: Float64Array | null = null,
): Simulating<{ outcome: SearchOutcome; verification: Verification; repairs: number }> {
  const R = Math.max(2, Math.floor(replications));
  const plan = outcome.plan;
  const costed = model.groups.every((g) => g.costPerLoggedSecond > 0);
  let repairs = 0;
  for (let round = 0; ; round++) {
    onProgress?.(`verifying the interval plan on ${R} fresh replications${round > 0 ? ` (after repair round ${round})` : ''}`);
    const { verification } = yield* verifyScenario(withPlan(scenario, plan), outcome.checked, R, FRESH_REPLICATIONS_FROM + round * R, exact);
    if (verification.holds || round >= MAX_PLAN_REPAIR_ROUNDS) {
      if (repairs === 0) return { outcome, verification, repairs };
      // The figures reported are the repaired plan's, on the search's replications.
      const simulated = yield* simulate(withPlan(scenario, plan), scenario.seed, searchReplications, 0, true);
      const final = evaluationOf(model.intervalCount, model.types.length, simulated.counts, simulated.results);
      return { outcome: { ...outcome, final }, verification, repairs };
    }
    let added = 0;
    for (const miss of verification.missed) {
      const j = scenario.contact_types.findIndex((t) => t.id === miss.type);
      let best = -1;
      let bestValue = 0;
      model.groups.forEach((g, gi) => {
        if (!(g.proficiency[j]! > 0) || outcome.pinned[gi]![miss.interval]) return;
        const value = g.proficiency[j]! / (costed ? g.costPerLoggedSecond : 1);
        if (value > bestValue) {
          best = gi;
          bestValue = value;
        }
      });
      if (best < 0) continue;
      plan[best]![miss.interval]!++;
      added++;
    }
    if (added === 0) return { outcome, verification, repairs };
    repairs += added;
    onProgress?.(`repair round ${round + 1}: added ${added} agent-intervals where the plan missed`);
  }
}

