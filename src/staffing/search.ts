/**
 * The simulation-based staffing search: an iterative staffing algorithm in the spirit of
 * Feldman, Mandelbaum, Massey & Whitt (2008), "Staffing of time-varying queues to achieve
 * time-stable performance", Management Science 54(2): start from the analytic answer, simulate
 * the whole horizon, adjust every interval, and repeat until the plan no longer changes.
 *
 * One iteration:
 *  1. Simulate the plan (a `by_interval` staffing per group) for R replications. Replication r is
 *     seeded from (seed, r) whatever the plan, so every plan sees the same customers (common
 *     random numbers) and the search is deterministic.
 *  2. A cell (interval i, contact type j) is *checked* when it is reported (after the warm-up) and
 *     its expected offered load is at least `minOffered` contacts. Its service level is the share
 *     of its offered contacts, pooled over the replications, that were answered within the
 *     threshold (the per-contact share Erlang C and A compute; see `ratioEstimate`), with a 95%
 *     half-width; likewise abandon rate, ASA and occupancy. Contacts count in the interval they
 *     arrived in (waits that spill into the next interval still count against the arrival
 *     interval).
 *  3. *Add*, wherever a checked cell misses on the mean (service level below target, or abandon
 *     rate, ASA or occupancy above its cap), and then back to 1:
 *      - if a group lost an agent in this interval in the last removal round, that agent is put
 *        back, and that cell is never lowered again (so the search cannot cycle);
 *      - else the greedy cover of the missing types: the group with the highest shortfall score
 *        max offered_j · (target − SL_j) · proficiency over the missing types it serves (per unit
 *        of cost when every group has a cost: useful capacity per unit of cost; ties: fewest skills, then file order) gets agents,
 *        its types count as covered, and so on until every missing type is covered. How many:
 *        three quarters (rounded, at least 1, at most 10) of what Erlang C/A calibrated to the
 *        simulated service level says is missing (`calibratedStep`), so that a far-off start
 *        takes a few iterations, not one per agent. An occupancy miss alone adds one agent to the
 *        group with the most offered work per agent.
 *  4. *Remove* (only when nothing missed): for each group (dearest per unit of useful capacity
 *     first) and each parity of the interval index,
 *     one agent is taken out of every candidate interval of that parity at once and the trial plan
 *     is simulated. A removal is kept where the interval and both its neighbours still meet on
 *     the mean (one agent fewer in i also serves the last contacts of i − 1 later and leaves a
 *     longer queue to i + 1). For a group sized exactly by Erlang C/A, going *below* the analytic
 *     answer needs more: the types the group serves must meet *clearly* (the lower end of the
 *     95% interval at or above the target, the upper ends of capped figures at or below their
 *     caps), and that twice, on replications 0..R−1 and again on the independent replications
 *     R..2R−1; a per-interval service level is skewed (mostly good, now and then a bad burst), so
 *     ten replications without a burst look clearly good more often than the nominal 2.5%, and
 *     two independent looks cut that to well under 1%. The same holds in step 3: such a cell is
 *     put back up as soon as it no longer clearly meets on both looks. Testing alternate
 *     intervals together costs two simulations per group instead of one per interval; a removal
 *     already refused is not tried again until something within one interval of it changes.
 *     Every type with load keeps at least one agent.
 *
 * Step 3 is skipped once at most `tolerance` (1%) of the checked cells miss on the mean, no
 * contact type misses in more than four cells of one day, and every day clearly meets the
 * target per type (pooled over its checked cells, the lower end of the 95% interval): those last misses are noise as often
 * as need (on fresh replications others miss instead), each costs a simulation of the whole
 * horizon to chase, and the verification (verify.ts, plan-repair.ts) judges the plan on fresh
 * replications, day by day, and repairs it where it misses there. Within the 1% but with a day
 * over its four or not clearly meeting, only that day's intervals get agents.
 *
 * A group in shifts gets agents only in intervals where one of its templates can be on duty
 * (`rosterable`), unless no other group can take that load: a plan its shift templates cannot
 * follow would be verified as an interval plan and then miss as a shift plan.
 *
 * The search ends when a removal round removes nothing, or after `maxRemovalRounds` rounds
 * (followed by additions until nothing misses beyond the tolerance), or at `maxIterations`. The
 * final plan meets the target on the mean in every checked interval but the tolerated few, is
 * locally the smallest such plan at or above
 * the analytic answer, and goes below an exact Erlang answer only on clear evidence: that answer
 * is the prior, because a per-interval estimate from ten replications of a half-hour is noisy
 * (±5 to ±15 points) while Erlang C/A is exact for a stationary single-skill queue.
 *
 * Two stages: first with few replications (`earlyReplications`), adding only, and only to groups
 * that share types (their analytic start is an optimistic pooled approximation: climbing is
 * cheap, one simulation per step); then with the final count, adding and removing.
 *
 * Cells where the analytic answer is exact (exactness.ts: a single-skill M/M/c or M/M/c+M queue
 * whose load is the same as in the interval before) are *pinned*: neither added to nor removed
 * from, so equal load gives an equal requirement whatever the noise of the replications.
 *
 * The search is a generator of simulation requests (simulations.ts): the same decisions, so the
 * same plan, whether the replications run in process or on worker threads.
 */

import type { Model } from '../model/model.ts';
import { calibratedStep, typeQueue, type AnalyticPlan, type StaffingTargets } from './analytic.ts';
import { exactCells } from './exactness.ts';
import { evaluationOf, ratioEstimate, withPlan, type Evaluation } from './evaluation.ts';
import { F, FIELDS } from '../metrics/tally.ts';
import { clearlyMeets, meetsWith, occupancyClearlyMeets, occupancyMisses, REMOVAL_MARGIN, shortfall } from './meets.ts';
import { simulate, type Simulating } from './simulations.ts';

export { withPlan, ratioEstimate, intervalServiceLevel, intervalFigures, type Evaluation, type Estimate } from './evaluation.ts';

/** Most agents added to one group in one interval in one iteration. */
const MAX_STEP = 10;

/**
 * Most cells of one contact type on one day that may miss on the mean when the search stops
 * adding: the verification judges every day on its own, so the tolerated misses must be
 * scattered, not all on one bad day (an outage day of the quarter once kept all of them and
 * missed by 20 points). A day whose service level, pooled over its checked cells, is not clearly
 * at or above the target (the lower end of its 95% interval, as the verification judges it) is
 * refined too, however few of its cells miss.
 */
const MAX_TOLERATED_PER_DAY = 4;

export interface SearchOptions {
  /** Replications of the final stage (default 10). */
  replications: number;
  /** Replications of the first, coarse stage (default 4; skipped when not below `replications`). */
  earlyReplications: number;
  /** Most simulations of the plan itself (iterations) over both stages (default 60). */
  maxIterations: number;
  /** A (interval, type) cell is checked when it expects at least this many offered contacts (default 5). */
  minOffered: number;
  /**
   * Removal rounds of the final stage (default 1). Each costs two simulations per group and a
   * few iterations putting agents back; the first does most of the work. On the tech-support
   * week a second and third round saved 0.5% of the agent-intervals for 25 more simulations of
   * the whole horizon (more than half of the search).
   */
  maxRemovalRounds: number;
  /**
   * Share of the checked cells that may miss on the mean when the search stops adding (default
   * 0.01): see the search loop. 0 chases every last cell.
   */
  tolerance: number;
  /**
   * `rosterable[g][i]` = 1 where group g can have agents in interval i (a group in shifts: where
   * one of its templates can be on duty); absent: everywhere.
   */
  rosterable?: readonly Uint8Array[] | undefined;
  /** Told what the search is doing (for a progress line). */
  onProgress?: ((message: string) => void) | undefined;
}

export interface SearchOutcome {
  /** Agents per group and interval: `plan[g][i]`. */
  plan: Int32Array[];
  /** `checked[i * nT + j]`. */
  checked: Uint8Array;
  /** The simulation of the final plan with the final number of replications (no summarised results: see `withResults`). */
  final: Evaluation;
  iterations: number;
  simulations: number;
  replicationsRun: number;
  contactsSimulated: number;
  events: number;
  /** True when the last iteration changed nothing (false: stopped at maxIterations or maxRemovalRounds). */
  converged: boolean;
  /** The final plan meets on the mean everywhere checked but at most `tolerance` of the cells (false only when stopped at maxIterations while adding). */
  settled: boolean;
  removalRounds: number;
  /** Agents that could not be added because a group was at its limit (3 × separate teams + 20). */
  atLimit: number;
  /** `pinned[g][i]`: the cell kept at its exact Erlang answer (exactness.ts). */
  pinned: readonly Uint8Array[];
}

/**
 * Runs the search from the analytic plan. `seed` drives every simulation (replication r of every
 * plan is seeded from (seed, r)).
 */
export function* searchStaffing(
  model: Model,
  analytic: AnalyticPlan,
  targets: StaffingTargets,
  seed: number,
  options: SearchOptions,
  pinned: readonly Uint8Array[] = exactCells(model, analytic),
): Simulating<SearchOutcome> {
  const base = model.scenario;
  const nI = model.intervalCount;
  const nT = model.types.length;
  const nG = model.groups.length;
  const groups = model.groups;
  const serves = (g: number, j: number): boolean => groups[g]!.proficiency[j]! > 0;
  const skillCount = groups.map((g) => g.proficiency.reduce((n, p) => n + (p > 0 ? 1 : 0), 0));
  const costed = groups.every((g) => g.costPerLoggedSecond > 0);
  /** Groups sized exactly by Erlang C/A: their analytic answer is the prior (see the module comment). */
  const exact = analytic.method.map((m) => m === 'erlang_c' || m === 'erlang_a');

  // Which cells are checked, and which (group, interval) the search may change.
  const checked = new Uint8Array(nI * nT);
  for (let i = model.firstReportedInterval; i < nI; i++) {
    for (let j = 0; j < nT; j++) {
      // Only while the type is open all through the interval: an email that arrives at night
      // waits for the opening whatever the staffing (analytic.ts `servedRates`).
      if (analytic.open[i]![j] === 1 && analytic.offered[i]![j]! >= options.minOffered) checked[i * nT + j] = 1;
    }
  }
  const relevant = (g: number, i: number): boolean => {
    for (let j = 0; j < nT; j++) if (checked[i * nT + j] && serves(g, j)) return true;
    return false;
  };
  const plan = analytic.agents.map((a) => Int32Array.from(a));
  // A group never needs more than three times what separate teams for all its types would.
  const limit = analytic.agents.map((a, g) =>
    Int32Array.from(a, (n, i) => {
      let separate = 0;
      for (let j = 0; j < nT; j++) if (serves(g, j)) separate += analytic.separate[j]![i]!;
      return 3 * Math.max(n, separate) + 20;
    }),
  );
  // A group in shifts can have agents only where one of its templates can be on duty: elsewhere
  // its shift plan could never follow the requirement. Its start there goes to the group that
  // serves most of the same load and can be there (the search adjusts it like any other).
  if (options.rosterable !== undefined) {
    const can = options.rosterable;
    // A load no group can be rostered for stays where the analytic start put it: the interval
    // plan is then the requirement, and the shift plan's template gap says what would cover it.
    const nobodyElse = (g: number, i: number): boolean => {
      for (let j = 0; j < nT; j++) {
        if (!serves(g, j) || !(analytic.rate[i]![j]! > 0)) continue;
        let other = false;
        for (let h = 0; h < nG && !other; h++) other = h !== g && can[h]![i] === 1 && serves(h, j);
        if (!other) return true;
      }
      return false;
    };
    for (let g = 0; g < nG; g++) {
      for (let i = 0; i < nI; i++) {
        if (can[g]![i] || nobodyElse(g, i)) continue;
        limit[g]![i] = 0;
        const n = plan[g]![i]!;
        plan[g]![i] = 0;
        if (n === 0) continue;
        let best = -1;
        let bestShare = 0;
        for (let h = 0; h < nG; h++) {
          if (h === g || !can[h]![i]) continue;
          let share = 0;
          for (let j = 0; j < nT; j++) if (serves(g, j) && serves(h, j)) share += analytic.rate[i]![j]! * groups[h]!.proficiency[j]!;
          if (share > bestShare) {
            best = h;
            bestShare = share;
          }
        }
        if (best >= 0) plan[best]![i]! += n;
      }
    }
  }
  // Removals try the dearest group first (cost per unit of useful capacity: logged-in cost over
  // its rate-weighted proficiency), so that a saving lands where it saves most.
  const totalRate = new Float64Array(nT);
  for (let i = 0; i < nI; i++) for (let j = 0; j < nT; j++) totalRate[j]! += analytic.rate[i]![j]!;
  const unitCost = groups.map((g) => {
    let w = 0;
    let p = 0;
    for (let j = 0; j < nT; j++) {
      if (!(g.proficiency[j]! > 0)) continue;
      w += totalRate[j]!;
      p += totalRate[j]! * g.proficiency[j]!;
    }
    return (costed ? g.costPerLoggedSecond : 1) / (w > 0 ? p / w : 1);
  });
  const trimOrder = groups.map((_, g) => g).sort((a, b) => unitCost[b]! - unitCost[a]! || a - b);
  const removedOnce = plan.map(() => new Uint8Array(nI));
  const tabu = plan.map(() => new Uint8Array(nI));
  /** The removal round in which (g, i) last lost an agent (0: never); `trimRound` counts rounds. */
  const removedIn = plan.map(() => new Int32Array(nI));
  let trimRound = 0;

  let iterations = 0;
  let simulations = 0;
  let replicationsRun = 0;
  let contactsSimulated = 0;
  let events = 0;
  let atLimit = 0;
  function* run(p: readonly Int32Array[], r: number, from = 0, results = false): Simulating<Evaluation> {
    const simulated = yield* simulate(withPlan(base, p), seed, r, from, results);
    const e = evaluationOf(nI, nT, simulated.counts, simulated.results);
    simulations++;
    replicationsRun += r;
    contactsSimulated += e.contacts;
    events += e.events;
    return e;
  }
  const say = (m: string): void => options.onProgress?.(m);

  /** Every type with load in interval i keeps at least one agent among the groups serving it. */
  const covered = (p: readonly Int32Array[], i: number): boolean => {
    for (let j = 0; j < nT; j++) {
      if (!(analytic.rate[i]![j]! > 0)) continue;
      let n = 0;
      for (let g = 0; g < nG; g++) if (serves(g, j)) n += p[g]![i]!;
      if (n === 0) return false;
    }
    return true;
  };

  /**
   * Adds agents where the plan misses; returns how many were added. With `prior` (the final
   * stage), a cell of an exactly sized group that is below the analytic answer must also clearly
   * meet the target for the types the group serves, on `e` and on `confirm` (other replications).
   */
  const fill = (e: Evaluation, confirm: Evaluation | null, prior: boolean, only: Uint8Array | null = null): number => {
    let added = 0;
    for (let i = 0; i < nI; i++) {
      if (only !== null && only[i] === 0) continue;
      if (prior) {
        for (let g = 0; g < nG; g++) {
          if (!exact[g] || plan[g]![i]! >= analytic.agents[g]![i]! || !relevant(g, i)) continue;
          let clear = true;
          for (let j = 0; j < nT && clear; j++) {
            const cell = i * nT + j;
            if (checked[cell] && serves(g, j)) clear = clearlyMeets(e, cell, targets) && (confirm === null || clearlyMeets(confirm, cell, targets));
          }
          if (!clear) {
            plan[g]![i]!++;
            changed(i);
            added++;
            if (removedOnce[g]![i]) tabu[g]![i] = 1;
          }
        }
      }
      const missing = new Map<number, number>(); // type -> weight
      const steps = new Map<number, number>(); // type -> agents to add
      for (let j = 0; j < nT; j++) {
        const cell = i * nT + j;
        if (!checked[cell]) continue;
        const s = shortfall(e, cell, targets);
        if (!(s > 0)) continue;
        missing.set(j, Math.max(e.offered[cell]!, 1) * s);
        const sl = e.serviceLevel[cell]!.mean;
        let step = 1;
        if (sl !== null && sl < targets.target) {
          let able = 0;
          for (let g = 0; g < nG; g++) if (serves(g, j)) able += plan[g]![i]!;
          // Three quarters of the calibrated Erlang step, rounded: overshooting costs a removal
          // round (two simulations per group), undershooting one more cheap iteration.
          step = Math.min(MAX_STEP, Math.max(1, Math.round(0.75 * calibratedStep(typeQueue(model, j, analytic.rate[i]![j]!), able, sl, targets))));
        }
        steps.set(j, step);
      }
      const bump = (g: number, by = 1): void => {
        for (let k = 0; k < by; k++) {
          if (plan[g]![i]! >= limit[g]![i]!) {
            atLimit++;
            return;
          }
          plan[g]![i]!++;
          changed(i);
          added++;
          if (removedOnce[g]![i]) tabu[g]![i] = 1;
        }
      };
      if (missing.size === 0) {
        if (occupancyMisses(e, i, targets)) {
          // The group with the most offered work per agent in this interval.
          let best = -1;
          let bestLoad = -1;
          for (let g = 0; g < nG; g++) {
            if (!relevant(g, i) || plan[g]![i]! >= limit[g]![i]! || (!prior && exact[g]) || pinned[g]![i]) continue;
            let load = 0;
            for (let j = 0; j < nT; j++) if (serves(g, j)) load += e.offered[i * nT + j]!;
            load /= Math.max(1, plan[g]![i]!);
            if (load > bestLoad) {
              bestLoad = load;
              best = g;
            }
          }
          if (best >= 0) bump(best);
        }
        continue;
      }
      while (missing.size > 0) {
        let best = -1;
        let bestScore = 0;
        // A miss in an interval that lost an agent in the last removal round: put that agent
        // back (and never take it out again) rather than add one elsewhere; the removal of one
        // group's agent can tip another group's type (its work overflows there). Prefer the
        // group serving a missing type; the next iteration adds more if this was not enough.
        for (let pass = 0; pass < 2 && best < 0; pass++) {
          for (let g = 0; g < nG && best < 0; g++) {
            if (removedIn[g]![i] !== trimRound || trimRound === 0 || tabu[g]![i] || pinned[g]![i]) continue;
            if (pass === 0 && ![...missing.keys()].some((j) => serves(g, j))) continue;
            best = g;
          }
        }
        if (best >= 0) {
          bump(best, 1);
          missing.clear();
          break;
        }
        for (let g = 0; g < nG; g++) {
          // The coarse stage leaves exactly sized groups alone: their analytic answer is already
          // close, and a few replications would only chase noise.
          if ((!prior && exact[g]) || pinned[g]![i] || plan[g]![i]! >= limit[g]![i]!) continue;
          let score = 0;
          // The most-missed type's useful capacity per unit of cost (a maximum, not a sum: a
          // generalist serving every missing type must not win by breadth alone when each type
          // has a cheaper specialist).
          for (const [j, w] of missing) if (serves(g, j)) score = Math.max(score, w * groups[g]!.proficiency[j]!);
          if (score <= 0) continue;
          if (costed) score /= groups[g]!.costPerLoggedSecond;
          const better =
            best < 0 ||
            score > bestScore * (1 + 1e-12) ||
            (Math.abs(score - bestScore) <= 1e-12 * bestScore && skillCount[g]! < skillCount[best]!);
          if (better) {
            best = g;
            bestScore = score;
          }
        }
        if (best < 0) break;
        let by = 1;
        for (const j of missing.keys()) if (serves(best, j)) by = Math.max(by, steps.get(j) ?? 1);
        bump(best, by);
        for (const j of [...missing.keys()]) if (serves(best, j)) missing.delete(j);
      }
    }
    return added;
  };

  // Plan versions, so that a removal already refused is not simulated again while nothing near
  // it has changed: `stamp[i]` is the version at which interval i last changed (any group),
  // `refused[g][i]` the version at which removing from (g, i) was last refused.
  let version = 1;
  const stamp = new Int32Array(nI);
  const refused = plan.map(() => new Int32Array(nI));
  const changed = (i: number): void => {
    version++;
    stamp[i] = version;
  };
  const quietSince = (g: number, i: number): boolean => {
    const since = refused[g]![i]!;
    if (since === 0) return false;
    for (let k = Math.max(0, i - 1); k <= Math.min(nI - 1, i + 1); k++) if (stamp[k]! > since) return false;
    return true;
  };

  /** Every checked cell of interval i meets on the mean (and its occupancy cap). */
  const meetsOnMean = (ev: Evaluation, i: number): boolean => {
    if (i < 0 || i >= nI) return true;
    if (occupancyMisses(ev, i, targets)) return false;
    for (let j = 0; j < nT; j++) if (checked[i * nT + j] && shortfall(ev, i * nT + j, targets) > 0) return false;
    return true;
  };

  /** Tries one agent fewer, group by group and parity by parity; returns how many were removed. */
  function* trim(r: number, prior: boolean): Simulating<number> {
    trimRound++;
    let removed = 0;
    for (const g of trimOrder) {
      for (let parity = 0; parity < 2; parity++) {
        const candidates: number[] = [];
        const trial = plan.map((p) => Int32Array.from(p));
        for (let i = parity; i < nI; i += 2) {
          if (plan[g]![i]! <= 0 || tabu[g]![i] || pinned[g]![i] || !relevant(g, i) || quietSince(g, i)) continue;
          trial[g]![i]!--;
          if (!covered(trial, i)) {
            trial[g]![i]!++;
            continue;
          }
          candidates.push(i);
        }
        if (candidates.length === 0) continue;
        const e = yield* run(trial, r);
        // The interval itself by the rule (see the module comment), and its neighbours on the
        // mean: one agent fewer in i also serves the last contacts of i − 1 later and leaves a
        // longer queue to i + 1.
        const stillMeets = (ev: Evaluation, i: number, belowAnalytic: boolean): boolean => {
          let ok = belowAnalytic ? occupancyClearlyMeets(ev, i, targets) : !occupancyMisses(ev, i, targets);
          for (let j = 0; j < nT && ok; j++) {
            const cell = i * nT + j;
            if (!checked[cell]) continue;
            ok = serves(g, j) ? meetsWith(ev, cell, targets, belowAnalytic ? 1 : REMOVAL_MARGIN) : shortfall(ev, cell, targets) === 0;
          }
          return ok && meetsOnMean(ev, i - 1) && meetsOnMean(ev, i + 1);
        };
        // At or above the analytic answer the mean decides; below it, only clear evidence, found
        // twice: on replications 0..r−1 and again on the independent replications r..2r−1.
        const accepted: number[] = [];
        const pending: number[] = [];
        const refuse = (i: number): void => {
          refused[g]![i] = version;
        };
        for (const i of candidates) {
          const below = prior && exact[g]! && trial[g]![i]! < analytic.agents[g]![i]!;
          if (!stillMeets(e, i, below)) refuse(i);
          else (below ? pending : accepted).push(i);
        }
        if (pending.length > 0) {
          const confirm = plan.map((p) => Int32Array.from(p));
          for (const i of [...accepted, ...pending]) confirm[g]![i]!--;
          const e2 = yield* run(confirm, r, r);
          for (const i of pending) {
            if (stillMeets(e2, i, true)) accepted.push(i);
            else refuse(i);
          }
        }
        for (const i of accepted) {
          plan[g]![i]!--;
          changed(i);
          removedOnce[g]![i] = 1;
          removedIn[g]![i] = trimRound;
          removed++;
        }
      }
    }
    return removed;
  }

  let checkedCount = 0;
  for (const c of checked) checkedCount += c;
  const dayOf = (i: number): number => Math.floor((i * model.intervalSeconds) / 86_400);
  const nDays = dayOf(nI - 1) + 1;
  /** Misses per (day, type), the occupancy cap counted as one more type. */
  const perDay = new Int32Array(nDays * (nT + 1));
  /** Intervals of a (day, type) with more misses than tolerated: where the search must still add. */
  const crowded = new Uint8Array(nI);
  /**
   * Checked cells missing on the mean, and intervals missing their occupancy cap; `crowded`
   * marks the intervals of the days on which some type misses more than MAX_TOLERATED_PER_DAY.
   */
  const missingCells = (e: Evaluation): number => {
    let n = 0;
    perDay.fill(0);
    for (let i = 0; i < nI; i++) {
      const d = dayOf(i) * (nT + 1);
      for (let j = 0; j < nT; j++) {
        if (checked[i * nT + j] && shortfall(e, i * nT + j, targets) > 0) {
          n++;
          perDay[d + j]!++;
        }
      }
      if (occupancyMisses(e, i, targets) && relevantAny(i)) {
        n++;
        perDay[d + nT]!++;
      }
    }
    // Each (day, type)'s service level pooled over its checked cells, per replication.
    const R = e.counts.length;
    const inSl = new Float64Array(nDays * nT * R);
    const off = new Float64Array(nDays * nT * R);
    for (let i = 0; i < nI; i++) {
      const d = dayOf(i);
      for (let j = 0; j < nT; j++) {
        if (!checked[i * nT + j]) continue;
        const row = (i * nT + j) * FIELDS;
        for (let r = 0; r < R; r++) {
          const grid = e.counts[r]!.grid;
          inSl[(d * nT + j) * R + r]! += grid[row + F.answeredInSl]!;
          off[(d * nT + j) * R + r]! += grid[row + F.offered]!;
        }
      }
    }
    const short = new Uint8Array(nDays * nT);
    for (let k = 0; k < nDays * nT; k++) {
      const est = ratioEstimate(inSl.subarray(k * R, (k + 1) * R), off.subarray(k * R, (k + 1) * R));
      if (est.mean !== null && est.mean - (est.ci95 ?? 0) < targets.target) short[k] = 1;
    }
    for (let i = 0; i < nI; i++) {
      const d = dayOf(i);
      let over = 0;
      for (let j = 0; j <= nT; j++) if (perDay[d * (nT + 1) + j]! > MAX_TOLERATED_PER_DAY || (j < nT && short[d * nT + j] === 1)) over = 1;
      crowded[i] = over;
    }
    return n;
  };
  const anyCrowded = (): boolean => crowded.some((x) => x === 1);
  const relevantAny = (i: number): boolean => {
    for (let j = 0; j < nT; j++) if (checked[i * nT + j]) return true;
    return false;
  };

  const stages = options.earlyReplications < options.replications ? [options.earlyReplications, options.replications] : [options.replications];
  let converged = false;
  let settled = false;
  let last: { e: Evaluation; snapshot: string } | null = null;
  const snapshotOf = (): string => plan.map((p) => p.join(',')).join(';');
  for (const [k, r] of stages.entries()) {
    converged = false;
    settled = false;
    const prior = k === stages.length - 1;
    // Each stage starts afresh: every refusal, removal and tabu of a coarser stage is forgotten.
    for (const rows of [refused, removedOnce, tabu, removedIn]) for (const row of rows) row.fill(0);
    // The coarse stage may use at most half of the iterations.
    const budget = k < stages.length - 1 ? Math.ceil(options.maxIterations / 2) : options.maxIterations;
    while (iterations < budget) {
      iterations++;
      // No summarised results here: summarising costs about as much as the replication itself,
      // and only the final plan's are reported (staff-plan.ts asks for them once, at the end).
      const e = yield* run(plan, r);
      last = { e, snapshot: snapshotOf() };
      let confirm: Evaluation | null = null;
      if (prior && plan.some((p, g) => exact[g] && p.some((n, i) => n < analytic.agents[g]![i]!))) confirm = yield* run(plan, r, r);
      // A few cells missing on these replications are noise as often as need: chasing them costs a
      // simulation of the whole horizon per agent or two, and the verification on fresh
      // replications (which needs 95% of the loaded intervals) judges the plan anyway.
      const misses = missingCells(e);
      // Scattered, not on one day: a day with more than MAX_TOLERATED_PER_DAY misses of a type
      // is refined on its own (only its intervals get agents), the rest is left to the verification.
      const within = misses > 0 && misses <= Math.floor(options.tolerance * checkedCount);
      const tolerated = within && !anyCrowded();
      const added = tolerated ? 0 : fill(e, confirm, prior, within ? crowded : null);
      if (tolerated) say(`iteration ${iterations} (${r} replications): ${misses} of ${checkedCount} checked cells miss on the mean, within the tolerance`);
      if (added > 0) {
        say(`iteration ${iterations} (${r} replications): added ${added} agent-intervals`);
        continue;
      }
      if (!prior) {
        // The coarse stage only climbs from the (optimistic) start; removals need the final count.
        say(`iteration ${iterations} (${r} replications): ${misses === 0 ? 'no misses' : 'settled'}`);
        break;
      }
      settled = true;
      if (trimRound >= options.maxRemovalRounds) {
        say(`iteration ${iterations} (${r} replications): ${misses === 0 ? 'no misses' : 'settled'}; stopping after ${trimRound} removal rounds`);
        break;
      }
      const removed = yield* trim(r, prior);
      say(`iteration ${iterations} (${r} replications): ${removed > 0 ? `removed ${removed} agent-intervals` : 'stable'}`);
      if (removed === 0) {
        converged = true;
        break;
      }
      settled = false;
    }
  }
  // The figures reported are those of the final plan with the final replications.
  let final = last?.e;
  if (final === undefined || last?.snapshot !== snapshotOf() || final.replications !== options.replications) {
    final = yield* run(plan, options.replications);
  }
  return {
    plan,
    checked,
    final,
    iterations,
    simulations,
    replicationsRun,
    contactsSimulated,
    events,
    converged,
    settled,
    removalRounds: trimRound,
    atLimit,
    pinned,
  };
}
