/**
 * The analytic side of staffing: the load each contact type offers in each interval, and the
 * Erlang C / Erlang A answer per agent group and per interval (stationary independent period by
 * period, "SIPP": each interval is treated as a steady-state queue with its own arrival rate).
 *
 * Offered rate of type j in interval i (contacts per second), from the model's hourly rates (the
 * expected rate; the daily gamma factor of overdispersion has mean 1):
 *   first contacts   o = λ · (1 − share_offered · containment)      (self-service thinning)
 *   repeats (fcr<1)  every agent contact leaves the case open with probability 1 − f (f = fcr times
 *                    the proficiency of the best group serving j, new hires' ramp included), and
 *                    the case comes back `repeat_after` later as an arrival of its repeat type,
 *                    going through self-service again. The repeats are carried forward interval
 *                    by interval from where they were offered, by the spread of that delay over
 *                    the following intervals (a repeat a day later comes at about the same hour),
 *                    from nothing at the start of the run.
 * Retries of abandoned contacts and transfer legs are not in the analytic load (the simulation
 * has them).
 *
 * Mean handle time of an offered contact of type j with an agent of proficiency p:
 *   h_j · ((1 − s) + s·(1 − c)·failed_handle_time_factor) / (1 − s·c) / p,
 * times `handle_time_by_hour` in the middle of the interval. Voice and chat arriving while their
 * type is closed are not offered (the interval's rate times its open share).
 *
 * With a workforce (headcount, attrition, hiring classes) the requirement is in agents on line at
 * the proficiency of the agents then employed, and the plan is written so that the simulator's
 * scale by employees / headcount gives it (workforce-factors.ts).
 *
 * Per group (interval by interval):
 *  - a group that serves exactly one contact type, served by no other group ("single-skill"):
 *    the exact Erlang C answer (no patience), or Erlang A (exponential patience with the same
 *    mean; exact for exponential patience and handle times), with the scenario's caps;
 *  - groups that share contact types (a connected set of groups and types with more than one
 *    of either, "multi-skill"): an approximation, meant to be optimistic so that the simulation
 *    mostly adds agents (one cheap simulation per step) rather than removes them (two per group).
 *    The set is sized as one pooled queue (Erlang C, or Erlang A when every type has patience)
 *    with the summed arrival rate, the rate-weighted mean handle time at each type's best
 *    proficiency, and the strictest threshold; that total is shared among the groups in
 *    proportion to what each would need alone for the load routed to it first (each type to the
 *    groups with the most proficiency per unit of cost: least cost, not file order), rounded
 *    down (but every type with load keeps an agent).
 * Chat groups with concurrency k need ⌈servers / k⌉ agents (each chat slot counted as a server).
 * An interval in which a group's types offer nothing gets 0 agents (no configurable minimum).
 */

import { erlangA, erlangAStaffing, erlangCStaffing } from '../analytic/index.ts';
import { distributionMean } from '../dist/sampler.ts';
import { EMAIL, type Model } from '../model/model.ts';
import { randomStream } from '../engine/random.ts';
import { workforceFactors, writtenFor } from './workforce-factors.ts';
import { openShare } from '../model/open-windows.ts';
import type { Scenario } from '../scenario/types.ts';
import { LIMITS } from '../scenario/limits.ts';
import { UserError } from '../errors.ts';

/** The most agents a group may have (a scenario's own limit). */
const MOST_AGENTS = LIMITS['agents']!.max;

/** The requirement a staffing must meet, read from `service_level` of the scenario. */
export interface StaffingTargets {
  target: number;
  thresholdSeconds: number;
  maxAbandonRate?: number | undefined;
  maxAsaSeconds?: number | undefined;
  maxOccupancy?: number | undefined;
}

export function targetsOf(scenario: Scenario): StaffingTargets {
  const sl = scenario.service_level;
  return {
    target: sl.target,
    thresholdSeconds: sl.threshold_seconds,
    maxAbandonRate: sl.max_abandon_rate,
    maxAsaSeconds: sl.max_asa_seconds,
    maxOccupancy: sl.max_occupancy,
  };
}

/** How a group's analytic requirement was found. */
export type AnalyticMethod = 'erlang_c' | 'erlang_a' | 'pooled_erlang_c' | 'pooled_erlang_a';

/** One queue to size: a single contact type, or several pooled. */
interface QueueSpec {
  ratePerSecond: number;
  meanServiceSeconds: number;
  /** Infinity: nobody abandons. */
  meanPatienceSeconds: number;
  thresholdSeconds: number;
  concurrency: number;
}

export interface AnalyticPlan {
  /** Expected offered contacts per (interval, type): `offered[i][j]`, for the part of the interval inside the horizon. */
  offered: Float64Array[];
  /** Offered rate per second, `rate[i][j]`. */
  rate: Float64Array[];
  /** Agents per group and interval: `agents[g][i]`. */
  agents: Int32Array[];
  /** How each group was sized (the same in every interval with load; 0 agents where it has none). */
  method: AnalyticMethod[];
  /** A dedicated team per contact type, sized alone by Erlang C/A: `separate[j][i]` (for the pooling comparison). */
  separate: Int32Array[];
  /** `open[i][j]` = 1 where type j is open during the whole of interval i (see `servedRates`). */
  open: Uint8Array[];
}

/** A patience mean below this (e.g. `patience: 0`) is sized as this, in seconds: Erlang A needs a positive mean. */
const PATIENCE_FLOOR_SECONDS = 1e-3;

/** Draws of a repeat delay that give its spread over the following intervals (see `repeatOffsets`). */
const DELAY_DRAWS = 20_000;

/**
 * Where the repeat of a contact offered in some interval arrives, in whole intervals later:
 * `P[d]` for a contact arriving uniformly within its interval and coming back `repeat_after`
 * later. Drawn from a fixed stream (the same answer every time), so that any distribution, a
 * mixture included, spreads as it will in the simulation (repeats at about the same hour a day
 * later stay at that hour, instead of being spread over the day).
 */
function repeatOffsets(model: Model, j: number): Float64Array {
  const len = model.intervalSeconds;
  const nI = model.intervalCount;
  const u = randomStream(0, 0, `staffing:repeat-offsets:${model.types[j]!.id}`);
  const sample = model.types[j]!.repeatAfter;
  const counts = new Float64Array(nI + 1);
  for (let n = 0; n < DELAY_DRAWS; n++) {
    const d = Math.floor(u() + sample(u) / len);
    counts[Math.min(nI, Math.max(0, d))]! += 1 / DELAY_DRAWS;
  }
  // Only as far as the longest delay drawn: the carry-forward loops over it for every interval.
  let last = counts.length - 1;
  while (last > 0 && counts[last] === 0) last--;
  return counts.subarray(0, last + 1);
}

/**
 * Offered rates per interval and type, per second (see the module comment): first contacts
 * thinned by self-service, plus the repeats of unresolved contacts, carried forward in time by
 * the repeat delay (`repeatOffsets`) from the interval they were offered in. `resolved[j]`, when
 * given, is type j's first-contact resolution per interval (fcr times the proficiency of the
 * agents serving it, ramp of new hires included); else fcr times the best proficiency.
 */
export function offeredRates(model: Model, resolved?: readonly Float64Array[]): Float64Array[] {
  const nI = model.intervalCount;
  const nT = model.types.length;
  const len = model.intervalSeconds;
  const rates: Float64Array[] = [];
  for (let i = 0; i < nI; i++) rates.push(new Float64Array(nT));
  const thin = model.types.map((t) => (t.selfService ? 1 - t.selfService.shareOffered * t.selfService.containment : 1));
  const inflow = rates.map(() => new Float64Array(nT)); // repeats arriving, before self-service thinning
  const offsets = model.types.map((t, j) => (t.fcr < 1 ? repeatOffsets(model, j) : null));
  for (let i = 0; i < nI; i++) {
    for (let j = 0; j < nT; j++) {
      const t = model.types[j]!;
      // Voice and chat arriving while closed are turned away, not offered (email waits: kept as sent).
      const open = t.channel === EMAIL ? 1 : openShare(t.open, i * len, (i + 1) * len);
      const first = (t.rates[Math.floor((i * len) / t.rateSeconds)] ?? 0) * thin[j]! * open;
      const offered = first + inflow[i]![j]! * thin[j]! * open;
      rates[i]![j] = offered;
      const spread = offsets[j] ?? null;
      if (spread === null || !(offered > 0)) continue;
      const f = resolved?.[j]?.[i] ?? t.fcr * bestProficiency(model, j);
      const fail = Math.max(0, 1 - f);
      const to = t.repeatTo;
      // Repeats back within the same interval feed its own load: offered = o + offered·fail·P0·thin.
      const own = to === j ? fail * spread[0]! * thin[j]! * open : 0;
      const total = own > 0 && own < 1 ? offered / (1 - own) : offered;
      rates[i]![j] = total;
      // Contacts offered here and not resolved come back as arrivals of the repeat type; those of
      // another type due within this interval are counted in the next (its rate here is set).
      const back = total * fail;
      for (let d = to === j ? 1 : 0; d < spread.length && i + d < nI; d++) {
        if (spread[d]! > 0) inflow[Math.min(nI - 1, i + Math.max(1, d))]![to]! += back * spread[d]!;
      }
    }
  }
  return rates;
}

function bestProficiency(model: Model, j: number): number {
  let best = 0;
  for (const g of model.groups) best = Math.max(best, g.proficiency[j]!);
  return best;
}

/** Mean handle time (seconds) of an offered contact of type j with an agent of proficiency p. */
export function meanHandleSeconds(scenario: Scenario, j: number, proficiency: number): number {
  const t = scenario.contact_types[j]!;
  const h = distributionMean(t.handle_time);
  const ss = t.self_service;
  let factor = 1;
  if (ss) {
    const offered = 1 - ss.share_offered * ss.containment;
    if (offered > 0) factor = (1 - ss.share_offered + ss.share_offered * (1 - ss.containment) * ss.failed_handle_time_factor) / offered;
  }
  return (h * factor) / proficiency;
}

/** Mean patience in seconds; Infinity when the type never abandons. */
export function meanPatienceSeconds(scenario: Scenario, j: number): number {
  const t = scenario.contact_types[j]!;
  if (t.patience === null || t.channel === 'email') return Infinity;
  return Math.max(PATIENCE_FLOOR_SECONDS, distributionMean(t.patience));
}

/**
 * Fewest agents for one queue meeting the target and every cap. Erlang C without patience,
 * Erlang A with it; Erlang A has no ASA or occupancy cap of its own, so those are met by adding
 * agents one at a time from its answer.
 */
export function agentsFor(q: QueueSpec, targets: StaffingTargets): number {
  if (!(q.ratePerSecond > 0)) return 0;
  // Beyond what any group may hold, no plan can be written (and the Erlang recursions, one step
  // per agent, would refuse or run long): a scenario whose arrivals and handle times are far off.
  const busy = (q.ratePerSecond * q.meanServiceSeconds) / q.concurrency;
  if (!(busy <= MOST_AGENTS)) {
    throw new UserError(
      `staffing: one interval would keep ${busy.toPrecision(3)} agents busy (arrivals x handle time), more than the ${MOST_AGENTS.toLocaleString('en-US')} a group may have; check the arrivals and handle times`,
    );
  }
  let servers: number;
  if (q.meanPatienceSeconds === Infinity) {
    servers = erlangCStaffing({
      ratePerSecond: q.ratePerSecond,
      meanServiceSeconds: q.meanServiceSeconds,
      thresholdSeconds: q.thresholdSeconds,
      target: targets.target,
      ...(targets.maxOccupancy !== undefined ? { maxOccupancy: targets.maxOccupancy } : {}),
      ...(targets.maxAsaSeconds !== undefined ? { maxAsaSeconds: targets.maxAsaSeconds } : {}),
    }).servers;
  } else {
    const base = {
      ratePerSecond: q.ratePerSecond,
      meanServiceSeconds: q.meanServiceSeconds,
      meanPatienceSeconds: q.meanPatienceSeconds,
      thresholdSeconds: q.thresholdSeconds,
    };
    const found = erlangAStaffing({
      ...base,
      target: targets.target,
      ...(targets.maxAbandonRate !== undefined ? { maxAbandonRate: targets.maxAbandonRate } : {}),
    });
    servers = Math.max(1, found.servers);
    let r = found.servers >= 1 ? found : { ...erlangA({ ...base, servers }), servers };
    const limit = servers + 10_000;
    while (
      ((targets.maxAsaSeconds !== undefined && r.asaSeconds > targets.maxAsaSeconds) ||
        (targets.maxOccupancy !== undefined && r.occupancy > targets.maxOccupancy)) &&
      servers < limit
    ) {
      servers++;
      r = { ...erlangA({ ...base, servers }), servers };
    }
  }
  return Math.ceil(servers / Math.max(1, q.concurrency));
}

/** Groups and contact types that share agents, directly or through other groups (connected components). */
function components(model: Model): Array<{ groups: number[]; types: number[] }> {
  const nG = model.groups.length;
  const nT = model.types.length;
  const seen = new Uint8Array(nG);
  const out: Array<{ groups: number[]; types: number[] }> = [];
  for (let start = 0; start < nG; start++) {
    if (seen[start]) continue;
    const groups: number[] = [];
    const types = new Set<number>();
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const g = stack.pop()!;
      groups.push(g);
      for (let j = 0; j < nT; j++) {
        if (!(model.groups[g]!.proficiency[j]! > 0) || types.has(j)) continue;
        types.add(j);
        for (let h = 0; h < nG; h++) {
          if (!seen[h] && model.groups[h]!.proficiency[j]! > 0) {
            seen[h] = 1;
            stack.push(h);
          }
        }
      }
    }
    out.push({ groups: groups.sort((a, b) => a - b), types: [...types].sort((a, b) => a - b) });
  }
  return out;
}

/** The analytic plan: offered load, the per-group Erlang answer, and separate per-type teams. */
export function analyticPlan(model: Model, targets: StaffingTargets): AnalyticPlan {
  const scenario = model.scenario;
  const nI = model.intervalCount;
  const nT = model.types.length;
  const len = model.intervalSeconds;
  // Headcount, attrition and new hires (workforce-factors.ts): the plan is scaled by the expected
  // employees over headcount when simulated, and ramping new hires are slower and resolve less.
  const workforce = model.groups.map((_, gi) => workforceFactors(model, gi));
  const speedOf = (gi: number, i: number): number => workforce[gi]!.speed[i]!;
  /** The proficiency of group gi for type j in interval i, ramp of new hires included. */
  const proficiencyAt = (gi: number, j: number, i: number): number => model.groups[gi]!.proficiency[j]! * speedOf(gi, i);
  const bestAt = (j: number, i: number): number => {
    let best = 0;
    for (let gi = 0; gi < model.groups.length; gi++) best = Math.max(best, proficiencyAt(gi, j, i));
    return best;
  };
  const resolved = model.types.map((t, j) => Float64Array.from({ length: nI }, (_, i) => t.fcr * bestAt(j, i)));
  const { rate, open } = servedRates(model, offeredRates(model, resolved));
  const offered = rate.map((row, i) => {
    const inside = Math.max(0, Math.min(len, model.horizonSeconds - i * len));
    return row.map((r) => r * inside);
  });

  // Groups serving each type, and the most proficient of them.
  const servers: number[][] = [];
  for (let j = 0; j < nT; j++) servers.push(model.groups.flatMap((g, gi) => (g.proficiency[j]! > 0 ? [gi] : [])));
  // Each type's work goes first to the groups with the most useful capacity per unit of cost
  // (proficiency per logged-in cost; proficiency alone when some group has no cost), so that the
  // start, and the search after it, lean on the cheaper group rather than on file order.
  const costed = model.groups.every((g) => g.costPerLoggedSecond > 0);
  const value = (gi: number, j: number): number => model.groups[gi]!.proficiency[j]! / (costed ? model.groups[gi]!.costPerLoggedSecond : 1);
  const preferred: number[][] = servers.map((gs, j) => {
    const best = Math.max(...gs.map((gi) => value(gi, j)));
    return gs.filter((gi) => value(gi, j) >= best * (1 - 1e-12));
  });

  /** Erlang C/A for a set of (type, share of its rate) served by one queue; 0 without load. */
  const pooledAgents = (i: number, parts: ReadonlyArray<readonly [type: number, share: number, proficiency: number]>, concurrency: number): number => {
    let lambda = 0;
    let work = 0;
    let patienceWeighted = 0;
    let threshold = Infinity;
    let allPatient = true;
    for (const [j, share, p] of parts) {
      const r = rate[i]![j]! * share;
      if (!(r > 0)) continue;
      const patience = meanPatienceSeconds(scenario, j);
      allPatient &&= patience !== Infinity;
      lambda += r;
      work += r * meanHandleSeconds(scenario, j, p) * handleFactorAt(model, j, i);
      patienceWeighted += r * (patience === Infinity ? 0 : patience);
      threshold = Math.min(threshold, model.types[j]!.serviceLevelSeconds);
    }
    if (!(lambda > 0)) return 0;
    return agentsFor(
      {
        ratePerSecond: lambda,
        meanServiceSeconds: work / lambda,
        meanPatienceSeconds: allPatient ? patienceWeighted / lambda : Infinity,
        thresholdSeconds: threshold,
        concurrency,
      },
      targets,
    );
  };

  const method: AnalyticMethod[] = [];
  const agents: Int32Array[] = model.groups.map(() => new Int32Array(nI));
  for (const component of components(model)) {
    const patient = component.types.every((j) => meanPatienceSeconds(scenario, j) !== Infinity);
    const single = component.groups.length === 1 && component.types.length === 1;
    for (const gi of component.groups) {
      method[gi] = single ? (patient ? 'erlang_a' : 'erlang_c') : patient ? 'pooled_erlang_a' : 'pooled_erlang_c';
    }
    if (single) {
      const gi = component.groups[0]!;
      const j = component.types[0]!;
      for (let i = 0; i < nI; i++) agents[gi]![i] = pooledAgents(i, [[j, 1, proficiencyAt(gi, j, i)]], model.groups[gi]!.concurrency);
      continue;
    }
    // Several groups or types: the whole component as one pooled queue (every type at its best
    // proficiency), shared among the groups in proportion to what each would need for the load
    // routed to it first (each type to its most proficient groups, split equally among them).
    const concurrency = Math.min(...component.groups.map((gi) => model.groups[gi]!.concurrency));
    for (let i = 0; i < nI; i++) {
      const total = pooledAgents(
        i,
        component.types.map((j) => [j, 1, bestAt(j, i)] as const),
        concurrency,
      );
      if (total === 0) continue;
      const own = component.groups.map((gi) =>
        pooledAgents(
          i,
          component.types.filter((j) => preferred[j]!.includes(gi)).map((j) => [j, 1 / preferred[j]!.length, proficiencyAt(gi, j, i)] as const),
          model.groups[gi]!.concurrency,
        ),
      );
      const sum = own.reduce((a, b) => a + b, 0);
      component.groups.forEach((gi, k) => {
        agents[gi]![i] = sum > 0 ? Math.floor((total * own[k]!) / sum) : 0;
      });
      // Rounding down must not leave a type with load unserved.
      for (const j of component.types) {
        if (!(rate[i]![j]! > 0) || servers[j]!.some((gi) => agents[gi]![i]! > 0)) continue;
        agents[preferred[j]![0]!]![i] = 1;
      }
    }
  }

  const separate: Int32Array[] = [];
  for (let j = 0; j < nT; j++) {
    const best = bestProficiency(model, j);
    const concurrency = Math.min(...servers[j]!.map((gi) => model.groups[gi]!.concurrency));
    const row = new Int32Array(nI);
    for (let i = 0; i < nI; i++) {
      row[i] = agentsFor(
        {
          ratePerSecond: rate[i]![j]!,
          meanServiceSeconds: meanHandleSeconds(scenario, j, best) * handleFactorAt(model, j, i),
          meanPatienceSeconds: meanPatienceSeconds(scenario, j),
          thresholdSeconds: model.types[j]!.serviceLevelSeconds,
          concurrency,
        },
        targets,
      );
    }
    separate.push(row);
  }
  // Absent agents are neither logged in nor serve (SCENARIO.md `absence`): schedule for the
  // expected absence, so that the start is the Erlang answer in agents present.
  model.groups.forEach((g, gi) => {
    if (g.absence > 0) agents[gi] = agents[gi]!.map((n) => (n === 0 ? 0 : Math.ceil(n / (1 - g.absence) - 1e-9)));
    // With a workforce the simulator puts round(plan · H(t) / headcount) on line: the plan
    // written is the count that gives the requirement on line after that scale.
    if (g.workforce !== null) agents[gi] = agents[gi]!.map((n, i) => writtenFor(n, workforce[gi]!.scale[i]!));
  });
  return { offered, rate, agents, method, separate, open };
}

/**
 * The load agents can serve, interval by interval, under the types' opening hours. Voice and chat
 * arriving while closed are already not offered (`offeredRates`); email arriving while closed
 * waits for the opening: no agent serves it while closed (SCENARIO.md, Opening hours), so its
 * load is moved from the closed part of the day to the opening, spread over the open intervals
 * within its threshold (the backlog has that long to be answered in time). Closed intervals
 * therefore need no agents for the type. `open[i][j]` = 1 where the type is open all through the
 * interval: the only cells whose service level staffing decides (see search.ts).
 */
export function servedRates(model: Model, rates: Float64Array[]): { rate: Float64Array[]; open: Uint8Array[] } {
  const nI = model.intervalCount;
  const len = model.intervalSeconds;
  const rate = rates.map((r) => Float64Array.from(r));
  const open = rates.map((r) => new Uint8Array(r.length).fill(1));
  model.types.forEach((t, j) => {
    if (t.open === null) return;
    let backlog = 0; // contacts
    for (let i = 0; i < nI; i++) {
      const share = openShare(t.open, i * len, (i + 1) * len);
      open[i]![j] = share >= 1 - 1e-9 ? 1 : 0;
      if (t.channel !== EMAIL) continue;
      backlog += rate[i]![j]! * len * (1 - share);
      rate[i]![j] = rate[i]![j]! * share;
      if (share > 0 && backlog > 0) {
        // Release the backlog over the open intervals from here within the threshold.
        let m = 0;
        while (i + m < nI && m * len < t.serviceLevelSeconds && openShare(t.open, (i + m) * len, (i + m + 1) * len) > 0) m++;
        m = Math.max(1, m);
        for (let k = 0; k < m; k++) rate[i + k]![j]! += backlog / (m * len);
        backlog = 0;
      }
    }
  });
  return { rate, open };
}

/** handle_time_by_hour's multiplier for type j in the middle of interval i (1 without one). */
function handleFactorAt(model: Model, j: number, i: number): number {
  const curve = model.types[j]!.handleByTime;
  if (curve === null) return 1;
  const t = ((i + 0.5) * model.intervalSeconds) % 86_400;
  return curve.values[Math.floor(t / curve.slotSeconds)]!;
}

/** The queue of one contact type alone (best proficiency), for calibrating search steps. */
export function typeQueue(model: Model, j: number, ratePerSecond: number): QueueSpec {
  return {
    ratePerSecond,
    meanServiceSeconds: meanHandleSeconds(model.scenario, j, bestProficiency(model, j)),
    meanPatienceSeconds: meanPatienceSeconds(model.scenario, j),
    thresholdSeconds: model.types[j]!.serviceLevelSeconds,
    concurrency: 1,
  };
}

/**
 * The exact Erlang C/A service level of type j in interval i served alone by `agents` agents of
 * proficiency `proficiency` at `ratePerSecond` (for cells whose requirement is exact, exactness.ts).
 */
export function exactServiceLevel(model: Model, j: number, i: number, ratePerSecond: number, agents: number, proficiency: number): number {
  return serviceLevelOf(
    {
      ratePerSecond,
      meanServiceSeconds: meanHandleSeconds(model.scenario, j, proficiency) * handleFactorAt(model, j, i),
      meanPatienceSeconds: meanPatienceSeconds(model.scenario, j),
      thresholdSeconds: model.types[j]!.serviceLevelSeconds,
      concurrency: 1,
    },
    agents,
  );
}

/** Erlang C/A service level of `q` with `servers` agents. */
function serviceLevelOf(q: QueueSpec, servers: number): number {
  if (servers < 1) return 0;
  return erlangA({
    servers,
    ratePerSecond: q.ratePerSecond,
    meanServiceSeconds: q.meanServiceSeconds,
    meanPatienceSeconds: q.meanPatienceSeconds,
    thresholdSeconds: q.thresholdSeconds,
  }).serviceLevel;
}

/**
 * How many agents to add where the simulation found service level `observed` (below target)
 * with `servers` agents able to take the type: the Erlang model is calibrated to what was seen
 * (the offered rate at which Erlang C/A with `servers` agents gives `observed`), and the answer
 * is what that calibrated model needs beyond `servers`, at least 1. The simulation has the last
 * word; this only makes the step a good guess instead of always 1.
 */
export function calibratedStep(q: QueueSpec, servers: number, observed: number, targets: StaffingTargets): number {
  if (servers < 1 || !(q.ratePerSecond > 0)) return 1;
  const h = q.meanServiceSeconds;
  const at = (load: number): number => serviceLevelOf({ ...q, ratePerSecond: load / h }, servers);
  // SL falls as the load grows; find the load that gives the observed level.
  let lo = 0;
  let hi = Math.max(servers, q.ratePerSecond * h) * 4 + 1;
  if (at(hi) > observed) return 1;
  for (let k = 0; k < 40; k++) {
    const mid = 0.5 * (lo + hi);
    if (at(mid) > observed) lo = mid;
    else hi = mid;
  }
  const load = 0.5 * (lo + hi);
  const need = agentsFor({ ...q, ratePerSecond: load / h }, { target: targets.target, thresholdSeconds: q.thresholdSeconds });
  return Math.max(1, need - servers);
}
