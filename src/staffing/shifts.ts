/**
 * Covering a per-interval requirement (agents logged in) with a group's shift templates at least
 * cost: item 3 of the staffing work ("Shifts").
 *
 * Decision variables: one count per (template, weekday it lists). A variable is the template
 * starting at its HH:MM on every day of the horizon with that weekday, exactly what a scenario
 * shift `{start, hours, agents, days: [weekday]}` means (the roster repeats shifts every listed
 * weekday, and a shift begun the day before the horizon may run into it). So the answer is
 * written back as one shift per (template, weekday) with a count; on a horizon longer than a
 * week the count covers the worst of that weekday's dates.
 *
 * Coverage is evaluated with `buildRoster`, the step function the simulator uses: a variable
 * covers an interval when its shift is on for the whole interval (the minimum over the interval
 * of the roster). Cost is paid agent-hours inside the horizon (the integral of the roster over
 * [0, horizon)); multiplying by the group's hourly cost gives money, so hours is the objective.
 *
 * Method: greedy set multicover — repeatedly add the variable that covers the most still-uncovered
 * agent-intervals per paid hour (adding it in a batch while that ratio cannot change), then a
 * redundancy-removal pass that takes away, most expensive first, every agent whose removal keeps
 * coverage >= requirement.
 *
 * Lower bound: the LP relaxation. Its dual (y_i >= 0 per interval with Σ_{i in shift} y_i <= paid
 * hours of every variable) is solved by the simplex method from the slack basis, which is
 * feasible, so the bound Σ requirement_i·y_i is valid even if the iteration cap stops it early;
 * two dual-ascent starts (zero, and y_i = interval hours, i.e. the required agent-hours bound)
 * are kept as fall-backs and the largest bound wins. It is never below the required agent-hours
 * Σ requirement_i·interval hours of the coverable intervals. gap = (paid − bound) / bound bounds
 * how far the cover is from the optimum (the true integer optimum may lie anywhere in between).
 *
 * Intervals that need agents but that no template covers whole are reported in `uncoverable`
 * and left out of the optimisation and the bound (their requirement cannot be met by any plan).
 */

import { SECONDS_PER_DAY } from '../model/calendar.ts';
import { buildRoster, type Roster } from '../model/roster.ts';
import type { Shift, Weekday } from '../scenario/types.ts';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const EPS = 1e-9;

/** One decision variable: template `template` starting on every `weekday` of the horizon. */
export interface ShiftVariable {
  template: number;
  weekday: Weekday;
  start: string;
  hours: number;
  /** Agents chosen. */
  count: number;
  /** Paid hours of one agent on this variable inside the horizon (every date with that weekday). */
  paid_hours_each: number;
}

export interface ShiftCover {
  /** Agents per variable, in the order of `variables` (templates in order, weekdays Mon..Sun). */
  counts: number[];
  variables: ShiftVariable[];
  /** The cover as scenario shifts: one per variable, `days: [weekday]`, agents its count (may be 0). */
  shifts: Shift[];
  /** Agents logged in per interval under the cover (minimum over the interval). */
  coverage: number[];
  /** Paid agent-hours of the cover inside the horizon. */
  paidHours: number;
  /** Σ requirement × interval hours over the coverable intervals. */
  requiredHours: number;
  /** LP-relaxation lower bound on the paid hours of any cover (>= requiredHours). */
  lowerBoundHours: number;
  /** (paidHours − lowerBoundHours) / lowerBoundHours; 0 when the bound is 0. */
  gap: number;
  /** Indices of intervals with a requirement that no template covers whole. */
  uncoverable: number[];
  /** Σ requirement × interval hours over the uncoverable intervals. */
  uncoverableHours: number;
}

/** Minimum of a roster over each interval [i·len, min((i+1)·len, end)). */
function intervalMinimum(roster: Roster, n: number, len: number, end: number): number[] {
  const out = new Array<number>(n).fill(0);
  const { times, counts } = roster;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = i * len;
    const b = Math.min((i + 1) * len, end);
    while (k + 1 < times.length && times[k + 1]! <= a) k++;
    let m = counts[k]!;
    for (let q = k + 1; q < times.length && times[q]! < b; q++) m = Math.min(m, counts[q]!);
    out[i] = m;
  }
  return out;
}

/** Integral of a roster over [0, end), in hours. */
function rosterHours(roster: Roster, end: number): number {
  const { times, counts } = roster;
  let s = 0;
  for (let k = 0; k < times.length && times[k]! < end; k++) {
    const b = k + 1 < times.length ? Math.min(times[k + 1]!, end) : end;
    s += counts[k]! * (b - times[k]!);
  }
  return s / 3600;
}

/**
 * Agents logged in per interval (the minimum over each of the `n` intervals) and agent-hours
 * inside the horizon of a list of shifts, through the simulator's roster.
 */
export function evaluateShifts(
  shifts: readonly Shift[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
  n: number,
): { coverage: number[]; agentHours: number } {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const roster = buildRoster({ kind: 'shifts', shifts: [...shifts] }, horizon.start, len, end);
  return { coverage: intervalMinimum(roster, n, len, end), agentHours: rosterHours(roster, end) };
}

/**
 * The covering problem: one variable per (template, weekday), the intervals each covers whole
 * (`support`), its paid hours (`cost`), and what must be covered (`need`, 0 where no template
 * reaches), shared by the greedy cover below and the integer program (shift-ip.ts).
 */
export interface ShiftProblem {
  variables: ShiftVariable[];
  support: number[][];
  cost: number[];
  need: number[];
  covering: number[][];
  uncoverable: number[];
  uncoverableHours: number;
  requiredHours: number;
}

export function shiftProblem(
  requirement: readonly number[],
  templates: readonly Shift[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
): ShiftProblem {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const n = requirement.length;
  const hoursOf = (i: number): number => Math.max(0, Math.min((i + 1) * len, end) - i * len) / 3600;

  // The variables and what each covers.
  const variables: ShiftVariable[] = [];
  const support: number[][] = [];
  templates.forEach((t, ti) => {
    for (const wd of WEEKDAYS) {
      if (!t.days.includes(wd)) continue;
      const one = buildRoster({ kind: 'shifts', shifts: [{ ...t, agents: 1, days: [wd] }] }, horizon.start, len, end);
      const cov = intervalMinimum(one, n, len, end);
      variables.push({ template: ti, weekday: wd, start: t.start, hours: t.hours, count: 0, paid_hours_each: rosterHours(one, end) });
      support.push(cov.flatMap((c, i) => (c > 0 ? [i] : [])));
    }
  });
  const cost = variables.map((v) => v.paid_hours_each);

  // What must be covered, and what cannot be.
  const coverable = new Uint8Array(n);
  for (const s of support) for (const i of s) coverable[i] = 1;
  const need = requirement.map((r, i) => (coverable[i] === 1 ? Math.max(0, Math.ceil(r - EPS)) : 0));
  const uncoverable: number[] = [];
  let uncoverableHours = 0;
  let requiredHours = 0;
  requirement.forEach((r, i) => {
    if (r <= 0) return;
    if (coverable[i] === 1) requiredHours += need[i]! * hoursOf(i);
    else {
      uncoverable.push(i);
      uncoverableHours += r * hoursOf(i);
    }
  });

  const covering: number[][] = Array.from({ length: n }, () => []);
  support.forEach((s, j) => {
    for (const i of s) covering[i]!.push(j);
  });
  return { variables, support, cost, need, covering, uncoverable, uncoverableHours, requiredHours };
}

/** Cover `requirement` (agents per interval of the horizon) with `templates` at least paid hours. */
export function coverWithShifts(
  requirement: readonly number[],
  templates: readonly Shift[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
): ShiftCover {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const n = requirement.length;
  const hoursOf = (i: number): number => Math.max(0, Math.min((i + 1) * len, end) - i * len) / 3600;
  const { variables, support, cost, need, covering, uncoverable, uncoverableHours, requiredHours } = shiftProblem(requirement, templates, horizon, intervalMinutes);
  const nV = variables.length;

  // Greedy: best uncovered agent-intervals per paid hour, in batches while the ratio holds.
  // gains[j] = intervals of variable j still short, kept up to date as intervals fill.
  const counts = new Array<number>(nV).fill(0);
  const residual = need.slice();
  const gains = support.map((s) => s.filter((i) => residual[i]! > 0).length);
  for (;;) {
    let best = -1;
    let bestRatio = 0;
    let bestGain = 0;
    for (let j = 0; j < nV; j++) {
      const gain = gains[j]!;
      if (cost[j]! <= 0 || gain === 0) continue;
      const ratio = gain / cost[j]!;
      if (ratio > bestRatio + EPS || (Math.abs(ratio - bestRatio) <= EPS && gain > bestGain)) {
        best = j;
        bestRatio = ratio;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    let k = Infinity;
    for (const i of support[best]!) if (residual[i]! > 0) k = Math.min(k, residual[i]!);
    counts[best]! += k;
    for (const i of support[best]!) {
      if (residual[i]! <= 0) continue;
      residual[i] = residual[i]! - k;
      if (residual[i]! <= 0) for (const j of covering[i]!) gains[j]!--;
    }
  }

  // Redundancy removal, most expensive variable first.
  const coverage = new Array<number>(n).fill(0);
  counts.forEach((c, j) => {
    for (const i of support[j]!) coverage[i]! += c;
  });
  const order = [...counts.keys()].sort((a, b) => cost[b]! - cost[a]! || a - b);
  for (const j of order) {
    if (counts[j] === 0) continue;
    let drop = counts[j]!;
    for (const i of support[j]!) drop = Math.min(drop, coverage[i]! - need[i]!);
    if (drop <= 0) continue;
    counts[j]! -= drop;
    for (const i of support[j]!) coverage[i]! -= drop;
  }

  // Lower bound: the LP relaxation's dual by simplex, and dual ascent from two starts.
  const required = [...need.keys()].filter((i) => need[i]! > 0).sort((a, b) => need[b]! - need[a]! || a - b);
  const ascent = (y: Float64Array): number => {
    const slack = cost.slice();
    support.forEach((s, j) => {
      for (const i of s) slack[j]! -= y[i]!;
    });
    for (const i of required) {
      let room = Infinity;
      for (const j of covering[i]!) room = Math.min(room, slack[j]!);
      if (!(room > 0) || !Number.isFinite(room)) continue;
      y[i]! += room;
      for (const j of covering[i]!) slack[j]! -= room;
    }
    let bound = 0;
    for (const i of required) bound += need[i]! * y[i]!;
    return bound;
  };
  const fromHours = new Float64Array(n);
  for (const i of required) fromHours[i] = hoursOf(i);
  let scale = 1;
  support.forEach((s, j) => {
    let used = 0;
    for (const i of s) used += fromHours[i]!;
    if (used > cost[j]! + EPS) scale = Math.min(scale, cost[j]! / used);
  });
  for (const i of required) fromHours[i] = fromHours[i]! * scale;
  const lpY = lpDual(required, support, cost, need, n);
  const lowerBoundHours = Math.max(ascent(new Float64Array(n)), ascent(fromHours), ascent(lpY));

  let paidHours = 0;
  counts.forEach((c, j) => {
    paidHours += c * cost[j]!;
    variables[j]!.count = c;
  });
  const shifts: Shift[] = variables.map((v) => ({ start: v.start, hours: v.hours, agents: v.count, days: [v.weekday] }));
  return {
    counts,
    variables,
    shifts,
    // The coverage the simulator would see, through the same roster.
    coverage: evaluateShifts(shifts, horizon, intervalMinutes, n).coverage,
    paidHours,
    requiredHours,
    lowerBoundHours,
    gap: lowerBoundHours > EPS ? Math.max(0, (paidHours - lowerBoundHours) / lowerBoundHours) : 0,
    uncoverable,
    uncoverableHours,
  };
}

/**
 * The dual of the LP relaxation, max Σ need_i·y_i subject to Σ_{i covered by j} y_i <= cost_j,
 * y >= 0, by the primal simplex method (Dantzig's rule, iterations capped): the slack basis is
 * feasible since costs are >= 0, so every iterate is dual-feasible and yields a valid bound. The
 * answer is clamped to y >= 0 and scaled so every constraint holds exactly despite rounding.
 * With one row per variable (template × weekday) the tableau stays small.
 */
function lpDual(required: readonly number[], support: readonly number[][], cost: readonly number[], need: readonly number[], n: number): Float64Array {
  const y = new Float64Array(n);
  const m = support.length;
  const k = required.length;
  if (m === 0 || k === 0) return y;
  const col = new Int32Array(n).fill(-1);
  required.forEach((i, c) => (col[i] = c));
  const width = k + m + 1; // y columns, slack columns, right-hand side
  const t: Float64Array[] = support.map((s, j) => {
    const row = new Float64Array(width);
    for (const i of s) if (col[i]! >= 0) row[col[i]!] = 1;
    row[k + j] = 1;
    row[width - 1] = cost[j]!;
    return row;
  });
  const z = new Float64Array(width);
  required.forEach((i, c) => (z[c] = -need[i]!));
  const basis = Array.from({ length: m }, (_, j) => k + j);
  const limit = 100 * m + 1000;
  for (let iter = 0; iter < limit; iter++) {
    let enter = -1;
    let most = -1e-9;
    for (let c = 0; c < width - 1; c++) {
      if (z[c]! < most) {
        most = z[c]!;
        enter = c;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let ratio = Infinity;
    for (let j = 0; j < m; j++) {
      const a = t[j]![enter]!;
      if (a > 1e-9) {
        const r = t[j]![width - 1]! / a;
        if (r < ratio - 1e-12) {
          ratio = r;
          leave = j;
        }
      }
    }
    if (leave < 0) break; // unbounded cannot happen (each y is in some row with a positive cost); be safe
    const pr = t[leave]!;
    const pv = pr[enter]!;
    for (let c = 0; c < width; c++) pr[c] = pr[c]! / pv;
    for (let j = 0; j < m; j++) {
      if (j === leave) continue;
      const row = t[j]!;
      const f = row[enter]!;
      if (f === 0) continue;
      for (let c = 0; c < width; c++) row[c] = row[c]! - f * pr[c]!;
    }
    const f = z[enter]!;
    for (let c = 0; c < width; c++) z[c] = z[c]! - f * pr[c]!;
    basis[leave] = enter;
  }
  basis.forEach((b, j) => {
    if (b < k) y[required[b]!] = Math.max(0, t[j]![width - 1]!);
  });
  let scale = 1;
  support.forEach((s, j) => {
    let used = 0;
    for (const i of s) used += y[i]!;
    if (used > cost[j]!) scale = Math.min(scale, cost[j]! / used);
  });
  if (scale < 1) for (let i = 0; i < n; i++) y[i] = y[i]! * scale;
  return y;
}
