/**
 * Covering a per-interval requirement (agents logged in) with a group's shift templates at least
 * cost: item 3 of the staffing work ("Shifts").
 *
 * Decision variables: one count per (template, week of working days) — see patterns.ts. A
 * variable is the template starting at its HH:MM on every date of the horizon whose weekday is in
 * its week, exactly what a scenario shift `{start, hours, agents, days: week, breaks}` means (the
 * roster repeats shifts every listed weekday, and a shift begun the day before the horizon may
 * run into it). So the answer is written back as one shift per variable with a count.
 *
 * Coverage: a variable covers an interval when its shift is on for the whole interval (shift
 * edges come from `buildRoster`, the step function the simulator uses); within it, an agent
 * counts for the share of time it is not on a break. The engine starts the breaks of a shift's
 * n agents evenly over the break window ((k + ½)/n of it); the cover takes the limit of that
 * spreading, a break start uniform over the window, so that an agent's expected presence does
 * not depend on how many others share its shift (the covering problem stays linear; the engine's
 * count on break at any moment is within one agent of that expectation per shift and break).
 * Where breaks fall, the requirement must hold in every 5-minute slot of the interval, not only
 * on its average: a lunch wave at the end of an interval builds a queue the next one inherits.
 * The `coverage` reported is the engine's own: the time-average of the roster of the chosen
 * counts over each interval.
 *
 * Cost: expected paid hours inside the horizon, as the simulator pays them: logged-in hours /
 * (1 − shrinkage) plus paid breaks, times (1 − absence) (an absent agent is not paid). The
 * requirement is in scheduled agents (the search simulated its plans with the group's absence),
 * so absence does not scale the coverage. Multiplying by the hourly cost gives money, so paid
 * hours is the objective.
 *
 * Method here: greedy set multicover — repeatedly add the variable that covers the most
 * still-uncovered agent-intervals per paid hour, then a redundancy-removal pass. shift-ip.ts
 * solves the same problem exactly. Lower bound: the LP relaxation's dual, by the simplex method
 * from the slack basis (feasible, so the bound is valid even if the iteration cap stops it) and
 * two dual-ascent starts; the largest bound wins. gap = (paid − bound) / bound bounds how far the
 * cover is from the optimum.
 *
 * Intervals that need agents but that no template covers whole are reported in `uncoverable`
 * and left out of the optimisation and the bound (their requirement cannot be met by any plan).
 */

import { SECONDS_PER_DAY, SECONDS_PER_HOUR, weekdayOf } from '../model/calendar.ts';
import { buildRoster, type Roster } from '../model/roster.ts';
import type { Shift, ShiftTemplate, Staffing, Weekday } from '../scenario/types.ts';
import { coverTemplate, type CoverTemplate } from './patterns.ts';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const EPS = 1e-9;
/** Break starts sampled per break window (midpoints): the uniform limit of the engine's spreading. */
const BREAK_SAMPLES = 240;
/** Breaks are counted per slot of this many seconds (every interval length is a multiple). */
const SLOT_SECONDS = 300;

/** A template as given: a scenario shift (used day by day), a `shift_templates` entry, or ready for the cover. */
export type TemplateInput = Shift | ShiftTemplate | CoverTemplate;

/** One decision variable: template `template` worked on every day of `days`, week after week. */
export interface ShiftVariable {
  template: number;
  /** The week of working days, Monday first. */
  days: Weekday[];
  /** The first of `days` (the weekday of a day-by-day variable). */
  weekday: Weekday;
  start: string;
  hours: number;
  /** Agents chosen. */
  count: number;
  /** Expected paid hours of one agent on this variable inside the horizon (the objective). */
  paid_hours_each: number;
  /** Expected logged-in hours of one agent inside the horizon (breaks taken out, absence not). */
  logged_hours_each: number;
}

/** How a group pays: paid = (1 − absence) × (logged-in / (1 − shrinkage) + paid breaks). */
export interface Pay {
  shrinkage: number;
  absence: number;
}

export interface ShiftCover {
  /** Agents per variable, in the order of `variables` (templates in order, then weeks). */
  counts: number[];
  variables: ShiftVariable[];
  /** Intervals each variable covers whole (its support), parallel to `variables`. */
  support: number[][];
  /** The templates the variables refer to (`template` indexes them). */
  templates: CoverTemplate[];
  /** The cover as scenario shifts with their breaks: one per variable with agents (see `coverShifts`). */
  shifts: Shift[];
  /** Agents logged in per interval under the cover: the time-average of the simulator's roster. */
  coverage: number[];
  /** Expected paid hours of the cover inside the horizon (the objective). */
  paidHours: number;
  /** Logged-in agent-hours of the cover inside the horizon (scheduled agents, breaks out). */
  loggedHours: number;
  /** Σ requirement × interval hours over the coverable intervals (agent-hours). */
  requiredHours: number;
  /** LP-relaxation lower bound on the paid hours of any cover. */
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

/** Time-average of a roster over each interval [i·len, min((i+1)·len, end)). */
function intervalAverage(roster: Roster, n: number, len: number, end: number): number[] {
  const out = new Array<number>(n).fill(0);
  const { times, counts } = roster;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = i * len;
    const b = Math.min((i + 1) * len, end);
    if (!(b > a)) continue;
    while (k + 1 < times.length && times[k + 1]! <= a) k++;
    let s = 0;
    for (let q = k; q < times.length && times[q]! < b; q++) {
      const from = Math.max(a, times[q]!);
      const to = q + 1 < times.length ? Math.min(b, times[q + 1]!) : b;
      if (to > from) s += counts[q]! * (to - from);
    }
    out[i] = s / (b - a);
  }
  return out;
}

/** Integral of a roster over [0, end), in hours; `paidBreak` integrates the agents on a paid break. */
function rosterHours(roster: Roster, end: number, field: 'counts' | 'paidBreak' = 'counts'): number {
  const { times } = roster;
  const counts = roster[field];
  let s = 0;
  for (let k = 0; k < times.length && times[k]! < end; k++) {
    const b = k + 1 < times.length ? Math.min(times[k + 1]!, end) : end;
    s += counts[k]! * (b - times[k]!);
  }
  return s / 3600;
}

const asCover = (t: TemplateInput): CoverTemplate => ('weeks' in t ? t : coverTemplate(t));

/**
 * The cover as scenario shifts: one per variable with agents, with its template's breaks; when
 * no variable has agents, the first one with 0 (a group in shifts needs at least one shift).
 */
export function coverShifts(variables: readonly ShiftVariable[], templates: readonly TemplateInput[]): Shift[] {
  const shift = (v: ShiftVariable): Shift => {
    const t = asCover(templates[v.template]!);
    return { start: v.start, hours: v.hours, agents: v.count, days: [...v.days], breaks: t.breaks.map((b) => ({ ...b })), break_window_minutes: t.break_window_minutes };
  };
  const used = variables.filter((v) => v.count > 0).map(shift);
  return used.length > 0 || variables.length === 0 ? used : [shift(variables[0]!)];
}

/**
 * Agents logged in per interval (time-average) under any staffing form, through the simulator's
 * roster without absence or scale: what a plan puts against the requirement.
 */
export function staffingCoverage(staffing: Staffing, horizon: { start: string; days: number }, intervalMinutes: number, n: number): number[] {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  return intervalAverage(buildRoster(staffing, horizon.start, len, end, { horizonSeconds: end }), n, len, end);
}

/**
 * Agents logged in per interval (the time-average over each of the `n` intervals) and agent-hours
 * inside the horizon of a list of shifts, through the simulator's roster (breaks included).
 */
export function evaluateShifts(
  shifts: readonly Shift[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
  n: number,
): { coverage: number[]; agentHours: number; paidBreakHours: number } {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const roster = buildRoster({ kind: 'shifts', shifts: [...shifts] }, horizon.start, len, end);
  return { coverage: intervalAverage(roster, n, len, end), agentHours: rosterHours(roster, end), paidBreakHours: rosterHours(roster, end, 'paidBreak') };
}

/**
 * The covering problem: one variable per (template, week), the intervals each covers whole
 * (`support`), its expected paid hours (`cost`), and the rows to cover: per row (an interval, or
 * a 5-minute slot of it where breaks fall) the agents needed (`need`, the interval's) and per
 * variable its rows (`rowSupport`) with the expected share of an agent present there (`coef`,
 * 1 less breaks). Shared by the greedy cover below and the integer program (shift-ip.ts).
 */
export interface ShiftProblem {
  templates: CoverTemplate[];
  variables: ShiftVariable[];
  support: number[][];
  rowSupport: number[][];
  coef: number[][];
  cost: number[];
  need: number[];
  rowInterval: number[];
  covering: number[][];
  uncoverable: number[];
  uncoverableHours: number;
  requiredHours: number;
}

/**
 * Expected seconds one agent of a shift spends on break in each 5-minute slot (sparse: slot ->
 * seconds) over [0, end), with the break start uniform over its window (midpoint samples); and
 * the break and paid-break seconds in all.
 */
function expectedBreaks(t: CoverTemplate, week: readonly Weekday[], startIso: string, end: number): { bySlot: Map<number, number>; total: number; paid: number } {
  const bySlot = new Map<number, number>();
  let total = 0;
  let paid = 0;
  if (t.breaks.length === 0) return { bySlot, total, paid };
  const [hh, mm] = t.start.split(':').map(Number) as [number, number];
  const window = t.break_window_minutes * 60;
  const samples = window > 0 ? BREAK_SAMPLES : 1;
  const days = Math.ceil(end / SECONDS_PER_DAY);
  for (let d = -1; d <= days; d++) {
    if (!week.includes(WEEKDAYS[weekdayOf(startIso, d)]!)) continue;
    const begin = d * SECONDS_PER_DAY + hh * SECONDS_PER_HOUR + mm * 60;
    const stop = begin + t.hours * SECONDS_PER_HOUR;
    for (const b of t.breaks) {
      for (let k = 0; k < samples; k++) {
        // As the engine: agent k of n starts at (k + ½)/n of the window centred on after_hours.
        const at = begin + b.after_hours * SECONDS_PER_HOUR - window / 2 + ((k + 0.5) * window) / samples;
        const from = Math.max(0, begin, at);
        const to = Math.min(end, stop, at + b.minutes * 60);
        if (!(to > from)) continue;
        total += (to - from) / samples;
        if (b.paid) paid += (to - from) / samples;
        for (let q = Math.floor(from / SLOT_SECONDS); q * SLOT_SECONDS < to; q++) {
          const overlap = Math.min(to, (q + 1) * SLOT_SECONDS) - Math.max(from, q * SLOT_SECONDS);
          if (overlap > 0) bySlot.set(q, (bySlot.get(q) ?? 0) + overlap / samples);
        }
      }
    }
  }
  return { bySlot, total, paid };
}

export function shiftProblem(
  requirement: readonly number[],
  templateInputs: readonly TemplateInput[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
  pay: Pay = { shrinkage: 0, absence: 0 },
): ShiftProblem {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const n = requirement.length;
  const hoursOf = (i: number): number => Math.max(0, Math.min((i + 1) * len, end) - i * len) / 3600;
  const templates = templateInputs.map(asCover);

  // The variables, the intervals each covers whole, its breaks, and what one agent on it is paid.
  const variables: ShiftVariable[] = [];
  const support: number[][] = [];
  const wholeOf: number[][] = [];
  const breaksOf: Array<Map<number, number>> = [];
  const cost: number[] = [];
  templates.forEach((t, ti) => {
    for (const week of t.weeks) {
      // Shift edges from the roster without breaks; breaks as expected seconds per slot.
      const one = buildRoster({ kind: 'shifts', shifts: [{ start: t.start, hours: t.hours, agents: 1, days: week }] }, horizon.start, len, end);
      const whole = intervalMinimum(one, n, len, end);
      const breaks = expectedBreaks(t, week, horizon.start, end);
      const logged = rosterHours(one, end) - breaks.total / 3600;
      const paid = (1 - pay.absence) * (logged / (1 - pay.shrinkage) + breaks.paid / 3600);
      variables.push({ template: ti, days: [...week], weekday: week[0]!, start: t.start, hours: t.hours, count: 0, paid_hours_each: paid, logged_hours_each: logged });
      support.push(whole.flatMap((w, i) => (w > 0 ? [i] : [])));
      wholeOf.push(whole);
      breaksOf.push(breaks.bySlot);
      cost.push(paid);
    }
  });

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

  // The rows: one per interval that needs agents, or one per 5-minute slot of it (identical
  // slots merged) where some covering shift has a break in it, so that a break wave at the end of
  // an interval is not hidden by the interval's average.
  const byInterval: number[][] = Array.from({ length: n }, () => []);
  support.forEach((s, j) => {
    for (const i of s) byInterval[i]!.push(j);
  });
  const rowSupport: number[][] = variables.map(() => []);
  const coef: number[][] = variables.map(() => []);
  const rowNeed: number[] = [];
  const rowInterval: number[] = [];
  const slots = Math.max(1, Math.round(len / SLOT_SECONDS));
  const addRow = (i: number, terms: ReadonlyArray<readonly [number, number]>): void => {
    const r = rowNeed.length;
    rowNeed.push(need[i]!);
    rowInterval.push(i);
    for (const [j, a] of terms) {
      rowSupport[j]!.push(r);
      coef[j]!.push(a);
    }
  };
  for (let i = 0; i < n; i++) {
    if (!(need[i]! > 0)) continue;
    const js = byInterval[i]!;
    const withBreaks = js.filter((j) => {
      for (let q = i * slots; q < (i + 1) * slots; q++) if (breaksOf[j]!.has(q)) return true;
      return false;
    });
    if (withBreaks.length === 0) {
      addRow(i, js.map((j) => [j, wholeOf[j]![i]!] as const));
      continue;
    }
    const seen = new Set<string>();
    for (let q = i * slots; q < (i + 1) * slots; q++) {
      const width = Math.min((q + 1) * SLOT_SECONDS, end) - q * SLOT_SECONDS;
      if (!(width > 0)) continue;
      const terms = js.flatMap((j) => {
        const a = wholeOf[j]![i]! - (breaksOf[j]!.get(q) ?? 0) / width;
        return a > EPS ? [[j, a] as const] : [];
      });
      // A slot nobody can be in (every shift on a break without spreading) cannot be helped by any count.
      if (terms.length === 0) continue;
      const key = terms.map(([j, a]) => `${j}:${a.toFixed(12)}`).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      addRow(i, terms);
    }
  }
  const covering: number[][] = rowNeed.map(() => []);
  rowSupport.forEach((s, j) => {
    for (const r of s) covering[r]!.push(j);
  });
  return { templates, variables, support, rowSupport, coef, cost, need: rowNeed, rowInterval, covering, uncoverable, uncoverableHours, requiredHours };
}

/** `cover` with other counts (a repair): hours, shifts and coverage recomputed, the bound kept. */
export function recount(cover: ShiftCover, counts: readonly number[], horizon: { start: string; days: number }, intervalMinutes: number, n: number): ShiftCover {
  return coverOf({ templates: cover.templates, variables: cover.variables, support: cover.support, requiredHours: cover.requiredHours, uncoverable: cover.uncoverable, uncoverableHours: cover.uncoverableHours }, counts, cover.lowerBoundHours, horizon, intervalMinutes, n);
}

/** Paid and logged-in hours of `counts`, the engine's coverage, and the gap to `lowerBoundHours`: the cover's report. */
export function coverOf(p: Pick<ShiftProblem, 'templates' | 'variables' | 'support' | 'requiredHours' | 'uncoverable' | 'uncoverableHours'>, counts: readonly number[], lowerBoundHours: number, horizon: { start: string; days: number }, intervalMinutes: number, n: number): ShiftCover {
  let paidHours = 0;
  let loggedHours = 0;
  const variables = p.variables.map((v, j) => {
    paidHours += counts[j]! * v.paid_hours_each;
    loggedHours += counts[j]! * v.logged_hours_each;
    return { ...v, count: counts[j]! };
  });
  const shifts = coverShifts(variables, p.templates);
  return {
    counts: [...counts],
    variables,
    support: p.support,
    templates: p.templates,
    shifts,
    // The coverage the simulator would see, through the same roster.
    coverage: evaluateShifts(shifts, horizon, intervalMinutes, n).coverage,
    paidHours,
    loggedHours,
    requiredHours: p.requiredHours,
    lowerBoundHours,
    gap: lowerBoundHours > EPS ? Math.max(0, (paidHours - lowerBoundHours) / lowerBoundHours) : 0,
    uncoverable: p.uncoverable,
    uncoverableHours: p.uncoverableHours,
  };
}

/** Cover `requirement` (agents per interval of the horizon) with `templates` at least paid hours (greedy). */
export function coverWithShifts(
  requirement: readonly number[],
  templates: readonly TemplateInput[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
  pay: Pay = { shrinkage: 0, absence: 0 },
): ShiftCover {
  const len = intervalMinutes * 60;
  const end = horizon.days * SECONDS_PER_DAY;
  const n = requirement.length;
  const hoursOf = (i: number): number => Math.max(0, Math.min((i + 1) * len, end) - i * len) / 3600;
  const p = shiftProblem(requirement, templates, horizon, intervalMinutes, pay);
  const { rowSupport: support, coef, cost, need, covering } = p;
  const nV = p.variables.length;
  const rows = need.length;

  // Greedy: most still-missing agent-intervals covered per paid hour. gains[j] = Σ over the
  // intervals of variable j still short of min(share, shortfall), kept up to date as they fill.
  const counts = new Array<number>(nV).fill(0);
  const residual = need.slice();
  const gainOf = (j: number): number => {
    let g = 0;
    support[j]!.forEach((i, k) => {
      if (residual[i]! > EPS) g += Math.min(coef[j]![k]!, residual[i]!);
    });
    return g;
  };
  const gains = support.map((_, j) => gainOf(j));
  for (;;) {
    let best = -1;
    let bestRatio = 0;
    let bestGain = 0;
    for (let j = 0; j < nV; j++) {
      const gain = gains[j]!;
      if (cost[j]! <= 0 || gain <= EPS) continue;
      const ratio = gain / cost[j]!;
      if (ratio > bestRatio + EPS || (Math.abs(ratio - bestRatio) <= EPS && gain > bestGain)) {
        best = j;
        bestRatio = ratio;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    // Add agents in a batch while no interval of the variable fills (the ratio cannot change).
    let k = Infinity;
    support[best]!.forEach((i, q) => {
      if (residual[i]! > EPS) k = Math.min(k, Math.floor(residual[i]! / coef[best]![q]! + EPS));
    });
    k = Math.max(1, k);
    counts[best]! += k;
    const touched = new Set<number>();
    support[best]!.forEach((i, q) => {
      if (residual[i]! <= EPS) return;
      residual[i] = residual[i]! - k * coef[best]![q]!;
      for (const j of covering[i]!) touched.add(j);
    });
    for (const j of touched) gains[j] = gainOf(j);
  }

  // Redundancy removal, most expensive variable first.
  const coverage = new Array<number>(rows).fill(0);
  counts.forEach((c, j) => {
    support[j]!.forEach((i, q) => (coverage[i]! += c * coef[j]![q]!));
  });
  const order = [...counts.keys()].sort((a, b) => cost[b]! - cost[a]! || a - b);
  for (const j of order) {
    if (counts[j] === 0) continue;
    let drop = counts[j]!;
    support[j]!.forEach((i, q) => (drop = Math.min(drop, Math.floor((coverage[i]! - need[i]! + EPS) / coef[j]![q]!))));
    if (drop <= 0) continue;
    counts[j]! -= drop;
    support[j]!.forEach((i, q) => (coverage[i]! -= drop * coef[j]![q]!));
  }

  // Lower bound: the LP relaxation's dual by simplex, and dual ascent from two starts. Dual:
  // max Σ need_i·y_i subject to Σ_i coef_ji·y_i <= cost_j, y >= 0.
  const required = [...need.keys()].filter((i) => need[i]! > 0).sort((a, b) => need[b]! - need[a]! || a - b);
  const coefAt = support.map((s, j) => new Map(s.map((i, q) => [i, coef[j]![q]!])));
  const ascent = (y: Float64Array): number => {
    const slack = cost.slice();
    support.forEach((s, j) => s.forEach((i, q) => (slack[j]! -= coef[j]![q]! * y[i]!)));
    for (const i of required) {
      let room = Infinity;
      for (const j of covering[i]!) room = Math.min(room, slack[j]! / coefAt[j]!.get(i)!);
      if (!(room > 0) || !Number.isFinite(room)) continue;
      y[i]! += room;
      for (const j of covering[i]!) slack[j]! -= room * coefAt[j]!.get(i)!;
    }
    let bound = 0;
    for (const i of required) bound += need[i]! * y[i]!;
    return bound;
  };
  const fromHours = new Float64Array(rows);
  for (const r of required) fromHours[r] = hoursOf(p.rowInterval[r]!);
  let scale = 1;
  support.forEach((s, j) => {
    let used = 0;
    s.forEach((i, q) => (used += coef[j]![q]! * fromHours[i]!));
    if (used > cost[j]! + EPS) scale = Math.min(scale, cost[j]! / used);
  });
  for (const i of required) fromHours[i] = fromHours[i]! * scale;
  const lpY = lpDual(required, support, coef, cost, need, rows);
  const lowerBoundHours = Math.max(ascent(new Float64Array(rows)), ascent(fromHours), ascent(lpY));
  return coverOf(p, counts, lowerBoundHours, horizon, intervalMinutes, n);
}

/**
 * The dual of the LP relaxation, max Σ need_i·y_i subject to Σ_i coef_ji·y_i <= cost_j, y >= 0,
 * by the primal simplex method (Dantzig's rule, iterations capped): the slack basis is feasible
 * since costs are >= 0, so every iterate is dual-feasible and yields a valid bound. The answer is
 * clamped to y >= 0 and scaled so every constraint holds exactly despite rounding. With one row
 * per variable (template × week) the tableau stays small.
 */
function lpDual(required: readonly number[], support: readonly number[][], coef: readonly number[][], cost: readonly number[], need: readonly number[], n: number): Float64Array {
  const y = new Float64Array(n);
  const m = support.length;
  const k = required.length;
  if (m === 0 || k === 0) return y;
  const col = new Int32Array(n).fill(-1);
  required.forEach((i, c) => (col[i] = c));
  const width = k + m + 1; // y columns, slack columns, right-hand side
  const t: Float64Array[] = support.map((s, j) => {
    const row = new Float64Array(width);
    s.forEach((i, q) => {
      if (col[i]! >= 0) row[col[i]!] = coef[j]![q]!;
    });
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
    s.forEach((i, q) => (used += coef[j]![q]! * y[i]!));
    if (used > cost[j]!) scale = Math.min(scale, cost[j]! / used);
  });
  if (scale < 1) for (let i = 0; i < n; i++) y[i] = y[i]! * scale;
  return y;
}
