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
import { FRESH_REPLICATIONS_FROM, FRESH_SET_MARGIN, openAllThrough, verifyScenario, type Verification } from './verify.ts';

/** Verification rounds of the interval plan before it is written as it is. */
const MAX_PLAN_REPAIR_ROUNDS = 4;

/**
 * Simulates the searched plan on fresh replications (a new set each round, so that the final
 * verdict is on replications no decision was taken on) and, while it does not hold with room for
 * another set of replications (verify.ts `clears`), adds one
 * agent in every loaded interval missing on its mean (and, on a day that does not clear for a type, in
 * that day's intervals below what the day needs), to the group serving the type with the most
 * useful capacity per unit of cost that can be rostered then, except where the answer is the
 * exact Erlang one.
 */
export function* repairPlan(
  scenario: Scenario,
  model: Model,
  outcome: SearchOutcome,
  searchReplications: number,
  replications: number,
  onProgress: ((message: string) => void) | undefined,
  exact: Float64Array | null = null,
  rosterable: readonly Uint8Array[] | null = null,
): Simulating<{ outcome: SearchOutcome; verification: Verification; repairs: number }> {
  const R = Math.max(2, Math.floor(replications));
  const plan = outcome.plan;
  const costed = model.groups.every((g) => g.costPerLoggedSecond > 0);
  let repairs = 0;
  for (let round = 0; ; round++) {
    onProgress?.(`verifying the interval plan on ${R} fresh replications${round > 0 ? ` (after repair round ${round})` : ''}`);
    const { verification, evaluation } = yield* verifyScenario(withPlan(scenario, plan), outcome.checked, R, FRESH_REPLICATIONS_FROM + round * R, exact);
    // Accepted only when it holds with room for another set of replications (verify.ts
    // FRESH_SET_MARGIN): a day just above the target on this set misses on the next one half
    // the time, and the user's `ccsim simulate --replications 20` is such a next set.
    if (verification.clears || round >= MAX_PLAN_REPAIR_ROUNDS) {
      if (repairs === 0) return { outcome, verification, repairs };
      // The figures reported are the repaired plan's, on the search's replications.
      const simulated = yield* simulate(withPlan(scenario, plan), scenario.seed, searchReplications, 0, true);
      const final = evaluationOf(model.intervalCount, model.types.length, simulated.counts, simulated.results);
      return { outcome: { ...outcome, final }, verification, repairs };
    }
    // The cells to repair: every loaded cell below the target on its mean, and on a day that
    // does not clear the target for a type, that day's worst open cells of the type, just enough
    // of them to close the day's gap (see `dayCells`): one agent in every cell below what the day
    // needs overshot (the retail bank's week cost 2.9% more for it).
    const nT = scenario.contact_types.length;
    const len = model.intervalSeconds;
    const cells = new Map<number, { interval: number; type: string }>();
    for (const miss of verification.missed) cells.set(miss.interval * nT + scenario.contact_types.findIndex((t) => t.id === miss.type), miss);
    for (const day of verification.by_day) {
      for (const [type, v] of Object.entries(day.by_type)) {
        if (v.clears !== false || v.service_level === null) continue;
        const j = scenario.contact_types.findIndex((t) => t.id === type);
        const need = scenario.service_level.target + FRESH_SET_MARGIN * (v.ci95 ?? 0);
        // Every cell the day's verdict counts, checked or not: a day's level pools all its open
        // intervals, and on a quiet day (the retail bank's Sunday mortgages: no interval with 5
        // contacts) the unchecked night intervals with one agent are what holds it down.
        const open: Array<{ interval: number; offered: number; sl: number }> = [];
        for (let i = model.firstReportedInterval; i < model.intervalCount; i++) {
          const c = i * nT + j;
          if (!openAllThrough(model, i, j) || timestampOf(scenario.horizon.start, i * len).slice(0, 10) !== day.date) continue;
          const sl = evaluation.serviceLevel[c]!.mean;
          if (sl !== null) open.push({ interval: i, offered: evaluation.offered[c]!, sl });
        }
        for (const i of dayCells(open, v.service_level, need)) if (!cells.has(i * nT + j)) cells.set(i * nT + j, { interval: i, type });
      }
    }
    let added = 0;
    for (const miss of cells.values()) {
      const j = scenario.contact_types.findIndex((t) => t.id === miss.type);
      let best = -1;
      let bestValue = 0;
      model.groups.forEach((g, gi) => {
        // Not where the group's shift templates cannot be on duty (staff-plan.ts `rosterable`),
        // as in the search: its shift plan could not follow, and would show a template gap.
        if (!(g.proficiency[j]! > 0) || outcome.pinned[gi]![miss.interval] || rosterable?.[gi]![miss.interval] === 0) return;
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


/**
 * The cells of a day to give one agent each so that its pooled service level `level` reaches
 * `need`: worst first, until the contacts they would bring within the threshold, counting each
 * cell as lifted to `need` (offered × (need − its level)), make up the day's gap
 * ((need − level) × the day's offered contacts). One agent lifts a cell of a few agents by
 * roughly that much; where it lifts less, the next round (on a new fresh set) adds again.
 */
export function dayCells(open: ReadonlyArray<{ interval: number; offered: number; sl: number }>, level: number, need: number): number[] {
  let total = 0;
  for (const c of open) total += c.offered;
  const gap = (need - level) * total;
  const out: number[] = [];
  let gained = 0;
  for (const c of [...open].sort((a, b) => a.sl - b.sl || a.interval - b.interval)) {
    if (gained >= gap || c.sl >= need) break;
    out.push(c.interval);
    gained += c.offered * (need - c.sl);
  }
  return out;
}
