/**
 * Verifying a plan before it is written: the staffed scenario is simulated on *fresh*
 * replications (numbers the search never used, so the plan is not judged on the very noise it
 * was fitted to), and its service level is stated per contact type over the whole reported
 * horizon and per day, as the per-contact share answered within the threshold with its 95%
 * interval (the ratio estimator over replications, see search.ts `ratioEstimate`).
 *
 * A plan *holds* when, for every contact type with load, the lower end of the 95% interval is at
 * or above the target in total and on every day, and at least 95% of the loaded intervals (the
 * cells the search checked) meet the target on their mean.
 *
 * Totals and days count the contacts that arrive while their type is open (intervals open all
 * through): an email that arrives at night waits for the opening, so whether it is answered
 * within a threshold shorter than the night is decided by the opening hours, not by the plan.
 * Those contacts are reported apart (`outside_open_hours`), with the service level they got.
 */

import { timestampOf } from '../model/calendar.ts';
import { compile } from '../model/compile.ts';
import type { Model } from '../model/model.ts';
import { openShare } from '../model/open-windows.ts';
import { F, FIELDS } from '../metrics/tally.ts';
import type { Scenario, Weekday } from '../scenario/types.ts';
import { evaluationOf, pooledServiceLevel, ratioEstimate, type Evaluation } from './evaluation.ts';
import { studentTCdf, studentTQuantile } from '../metrics/student-t.ts';
import { simulate, type Simulating } from './simulations.ts';

/** Fresh replications start here: the search uses 0..2R−1. */
export const FRESH_REPLICATIONS_FROM = 100_000;

/** Share of loaded intervals that must meet the target on their mean. */
export const INTERVAL_SHARE = 0.95;

/**
 * How many 95% half-widths above the target a total's or day's mean must be for staff to accept
 * it: 1 + √2. The plan is judged again, by the user or the staffing check, on *another* set of
 * replications of the same size (`ccsim simulate --replications 20` runs 0..19; staff verifies on
 * fresh ones), and that judgement asks its own lower end, M′ − t·se, to be at or above the
 * target. Our mean M and theirs, M′, are independent estimates of the same level with the same
 * standard error se, so, given M, M′ is predicted as M with standard deviation √2·se (the
 * prediction interval of a future mean of a sample of the same size). Their lower end is then at
 * or above the target with 97.5% probability (one-sided) when
 *   M − t·√2·se ≥ target + t·se,   i.e.   M − (1 + √2)·ci95 ≥ target,   ci95 = t·se,
 * t the same 97.5% Student t quantile. The plain rule (M − ci95 ≥ target) accepts a day whose
 * fresh lower end falls below the target half the time at its boundary; demanding only the
 * fresh mean at or above the target (M − √2·ci95 ≥ target) still leaves a day at that boundary
 * failing the fresh lower end one time in four.
 */
export const FRESH_SET_MARGIN = 1 + Math.SQRT2;

/**
 * A mean with 95% half-width `ci95` clears `target` with room for a fresh set of replications of
 * the same size (see FRESH_SET_MARGIN). No half-width (one replication, or no contacts in some)
 * gives no room to judge by: it does not clear.
 */
export function clearsForFreshSet(mean: number, ci95: number | null, target: number): boolean {
  return ci95 !== null && mean - FRESH_SET_MARGIN * ci95 >= target;
}

/** Intervals of a group that no template covers, and the template that would. */
export interface TemplateGap {
  group: string;
  /** Interval starts, `YYYY-MM-DDTHH:MM`. */
  intervals: string[];
  agent_hours: number;
  /** Templates (start, length, weekdays) that would cover them: one per run of intervals. */
  suggestions: Array<{ start: string; hours: number; days: Weekday[] }>;
  message: string;
}

export interface ServiceLevelVerdict {
  service_level: number | null;
  ci95: number | null;
  /** Lower end of the 95% interval at or above the target; null without contacts. */
  meets: boolean | null;
  /**
   * At or above the target with room for another set of replications of the same size
   * (`clearsForFreshSet`): what staff repairs the interval plan towards; null without contacts.
   */
  clears: boolean | null;
}

export interface Verification {
  replications: number;
  /** Replication numbers used: first..first+replications−1 (never used by the search). */
  first_replication: number;
  target: number;
  by_type: Record<string, ServiceLevelVerdict>;
  by_day: Array<{ date: string; by_type: Record<string, ServiceLevelVerdict> }>;
  /**
   * Per type with opening hours: contacts that arrived outside them (in intervals not open all
   * through), not in the totals and days above, and the service level they got.
   */
  outside_open_hours: Record<string, { offered: number; service_level: number | null }>;
  /** Loaded (checked) cells, and how many meet the target on their mean. */
  loaded_intervals: number;
  intervals_meeting: number;
  /** Loaded cells below the target on their mean, worst first. */
  missed: Array<{ interval: number; start: string; type: string; service_level: number }>;
  holds: boolean;
  /**
   * Holds with room for another set of replications (every total and day `clears`, and the
   * interval share): staff repairs the interval plan until this is so, so that the check on
   * other replications (`ccsim simulate --replications 20`) holds too.
   */
  clears: boolean;
  /**
   * Set when every loaded cell's requirement is the exact Erlang C/A answer (exactness.ts): the
   * exact service levels, and whether the simulation agrees with them. See `exactVerdict`.
   */
  exact?: ExactVerdict | undefined;
}

/**
 * A plan that is the exact Erlang answer in every loaded cell meets the target exactly where
 * each cell's exact service level is at or above it; the simulation only estimates those
 * values. Twenty replications of one interval estimate a level of 82% to about ±5 points, so an
 * exact plan just above the target has many intervals below it on their mean by chance, and its
 * per-day lower ends can fall below the target: the simulation's verdict is reported as it is,
 * beside the exact one.
 */
export interface ExactVerdict {
  /** Lowest and contact-weighted exact service level over the loaded cells. */
  lowest: number;
  pooled: number;
  /** Every loaded cell's exact service level is at or above the target. */
  meets: boolean;
  /** The simulation's total service level (all types) and its 95% half-width. */
  simulated: number | null;
  simulated_ci95: number | null;
  /** The exact pooled value lies inside the simulation's 95% interval. */
  consistent: boolean;
  /** Loaded cells expected below the target on their mean by chance alone (Σ F_t((target − exact) / se), Student t with R − 1 degrees of freedom). */
  expected_below: number;
  /** Loaded cells below the target on their mean in this simulation. */
  below: number;
}

/**
 * Interval i is open all through for type j: its contacts count in the totals and days (every
 * interval with load, checked by the search or not).
 */
export function openAllThrough(model: Model, i: number, j: number): boolean {
  const w = model.types[j]!.open;
  return w === null || openShare(w, i * model.intervalSeconds, (i + 1) * model.intervalSeconds) >= 1 - 1e-9;
}

/**
 * Simulates `scenario` on fresh replications and judges it. `checked[i * nT + j]` marks the
 * loaded cells (the search's).
 */
export function* verifyScenario(
  scenario: Scenario,
  checked: Uint8Array,
  replications: number,
  from = FRESH_REPLICATIONS_FROM,
  exact: Float64Array | null = null,
): Simulating<{ verification: Verification; evaluation: Evaluation }> {
  const model = compile(scenario);
  const nI = model.intervalCount;
  const nT = model.types.length;
  const simulated = yield* simulate(scenario, scenario.seed, replications, from);
  const evaluation = evaluationOf(nI, nT, simulated.counts, null);
  const len = model.intervalSeconds;
  const target = scenario.service_level.target;
  const typeIds = scenario.contact_types.map((t) => t.id);
  const R = replications;

  const verdict = (intervals: readonly number[], j: number): ServiceLevelVerdict => {
    const inSl = new Float64Array(R);
    const offered = new Float64Array(R);
    evaluation.counts.forEach((c, r) => {
      for (const i of intervals) {
        const row = (i * nT + j) * FIELDS;
        inSl[r]! += c.grid[row + F.answeredInSl]!;
        offered[r]! += c.grid[row + F.offered]!;
      }
    });
    const e = ratioEstimate(inSl, offered);
    return {
      service_level: e.mean,
      ci95: e.ci95,
      meets: e.mean === null ? null : e.mean - (e.ci95 ?? 0) >= target,
      clears: e.mean === null ? null : clearsForFreshSet(e.mean, e.ci95, target),
    };
  };

  const reported: number[] = [];
  const days = new Map<string, number[]>();
  for (let i = model.firstReportedInterval; i < nI; i++) {
    reported.push(i);
    const date = timestampOf(scenario.horizon.start, i * len).slice(0, 10);
    const list = days.get(date) ?? [];
    list.push(i);
    days.set(date, list);
  }
  const isOpen = (i: number, j: number): boolean => openAllThrough(model, i, j);
  const openOnly = (list: readonly number[], j: number): number[] => list.filter((i) => isOpen(i, j));
  const byType: Record<string, ServiceLevelVerdict> = {};
  typeIds.forEach((id, j) => (byType[id] = verdict(openOnly(reported, j), j)));
  const byDay = [...days].map(([date, list]) => {
    const v: Record<string, ServiceLevelVerdict> = {};
    typeIds.forEach((id, j) => (v[id] = verdict(openOnly(list, j), j)));
    return { date, by_type: v };
  });
  const outside: Verification['outside_open_hours'] = {};
  typeIds.forEach((id, j) => {
    if (model.types[j]!.open === null) return;
    const closed = reported.filter((i) => !isOpen(i, j));
    let offered = 0;
    for (const c of evaluation.counts) for (const i of closed) offered += c.grid[(i * nT + j) * FIELDS + F.offered]!;
    outside[id] = { offered: offered / R, service_level: verdict(closed, j).service_level };
  });

  let loaded = 0;
  let meeting = 0;
  const missed: Verification['missed'] = [];
  for (let i = 0; i < nI; i++) {
    for (let j = 0; j < nT; j++) {
      if (!checked[i * nT + j]) continue;
      const sl = evaluation.serviceLevel[i * nT + j]!.mean;
      if (sl === null) continue;
      loaded++;
      if (sl >= target) meeting++;
      else missed.push({ interval: i, start: timestampOf(scenario.horizon.start, i * len), type: typeIds[j]!, service_level: sl });
    }
  }
  missed.sort((a, b) => a.service_level - b.service_level || a.interval - b.interval);
  const allMeet = (v: Record<string, ServiceLevelVerdict>): boolean => Object.values(v).every((x) => x.meets !== false);
  const allClear = (v: Record<string, ServiceLevelVerdict>): boolean => Object.values(v).every((x) => x.clears !== false);
  const shareMet = loaded === 0 || meeting >= INTERVAL_SHARE * loaded;
  const holds = allMeet(byType) && byDay.every((d) => allMeet(d.by_type)) && shareMet;
  const clears = holds && allClear(byType) && byDay.every((d) => allClear(d.by_type));
  const exactVerdictOf = (): ExactVerdict | undefined => {
    if (exact === null || loaded === 0) return undefined;
    let lowest = Infinity;
    let weighted = 0;
    let weight = 0;
    let expectedBelow = 0;
    const cells: number[] = [];
    for (let c = 0; c < checked.length; c++) {
      if (!checked[c]) continue;
      const x = exact[c]!;
      if (!Number.isFinite(x)) return undefined; // some loaded cell is not exact
      lowest = Math.min(lowest, x);
      weighted += x * evaluation.offered[c]!;
      weight += evaluation.offered[c]!;
      const e = evaluation.serviceLevel[c]!;
      const se = e.ci95 === null ? 0 : e.ci95 / studentTQuantile(0.975, R - 1);
      expectedBelow += se > 0 ? studentTCdf((target - x) / se, R - 1) : x < target ? 1 : 0;
      cells.push(c);
    }
    const all = pooledServiceLevel(evaluation, reported, typeIds.map((_, j) => j), nT);
    const pooled = weight > 0 ? weighted / weight : lowest;
    return {
      lowest,
      pooled,
      meets: lowest >= target,
      simulated: all.mean,
      simulated_ci95: all.ci95,
      consistent: all.mean !== null && Math.abs(all.mean - pooled) <= (all.ci95 ?? 0),
      expected_below: expectedBelow,
      below: loaded - meeting,
    };
  };
  return {
    verification: { exact: exactVerdictOf(), replications: R, first_replication: from, target, by_type: byType, by_day: byDay, outside_open_hours: outside, loaded_intervals: loaded, intervals_meeting: meeting, missed, holds, clears },
    evaluation,
  };
}
