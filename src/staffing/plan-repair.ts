/**
 * The interval plan verified on fresh replications before it is written, and repaired where it
 * does not hold.
 */

import type { Model } from '../model/model.ts';
import { timestampOf } from '../model/calendar.ts';
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
 * agent in every loaded interval missing on its mean (and, on a day that misses for a type, in
 * that day's intervals below what the day needs), to the group serving the type with the most
 * useful capacity per unit of cost, except where the answer is the exact Erlang one.
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
    const { verification, evaluation } = yield* verifyScenario(withPlan(scenario, plan), outcome.checked, R, FRESH_REPLICATIONS_FROM + round * R, exact);
    if (verification.holds || round >= MAX_PLAN_REPAIR_ROUNDS) {
      if (repairs === 0) return { outcome, verification, repairs };
      // The figures reported are the repaired plan's, on the search's replications.
      const simulated = yield* simulate(withPlan(scenario, plan), scenario.seed, searchReplications, 0, true);
      const final = evaluationOf(model.intervalCount, model.types.length, simulated.counts, simulated.results);
      return { outcome: { ...outcome, final }, verification, repairs };
    }
    // The cells to repair: every loaded cell below the target on its mean, and on a day whose
    // lower end misses for a type, that day's cells of the type below the level the day needs
    // (the target plus the day's half-width): a day can miss with few of its cells below target.
    const nT = scenario.contact_types.length;
    const len = model.intervalSeconds;
    const cells = new Map<number, { interval: number; type: string }>();
    for (const miss of verification.missed) cells.set(miss.interval * nT + scenario.contact_types.findIndex((t) => t.id === miss.type), miss);
    for (const day of verification.by_day) {
      for (const [type, v] of Object.entries(day.by_type)) {
        if (v.meets !== false) continue;
        const j = scenario.contact_types.findIndex((t) => t.id === type);
        const need = scenario.service_level.target + (v.ci95 ?? 0);
        for (let i = 0; i < model.intervalCount; i++) {
          const c = i * nT + j;
          if (!outcome.checked[c] || timestampOf(scenario.horizon.start, i * len).slice(0, 10) !== day.date) continue;
          const sl = evaluation.serviceLevel[c]!.mean;
          if (sl !== null && sl < need && !cells.has(c)) cells.set(c, { interval: i, type });
        }
      }
    }
    let added = 0;
    for (const miss of cells.values()) {
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

