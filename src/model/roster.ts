import type { Shift, Staffing, Weekday } from '../scenario/types.ts';
import { UserError } from '../errors.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, weekdayOf } from './calendar.ts';

/**
 * Agents logged in over time as a step function: `counts[i]` from `times[i]` until `times[i+1]`.
 * `paidBreak[i]` counts the agents on a paid break over the same stretch (not logged in, paid).
 */
export interface Roster {
  times: Float64Array; // seconds, ascending, times[0] = 0
  counts: Int32Array;
  paidBreak: Int32Array;
  max: number;
}

export interface RosterOptions {
  /** Multiplies every staffing count (rounded per interval or per shift). Default 1. */
  scale?: number;
  /** Probability that a scheduled agent is absent on a given day. Default 0. */
  absence?: number;
  /** Uniform draws in [0, 1) for absence (required when absence > 0). */
  uniform?: () => number;
  /** Length of the horizon, seconds: tells a horizon-length `by_interval` plan from a daily one. */
  horizonSeconds?: number;
  /** Shown in errors, e.g. `agent_groups[team]`. */
  label?: string;
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Breaks of a shift start evenly over this window unless the shift says otherwise (minutes). */
const BREAK_WINDOW_MINUTES = 60;

/** How a `by_interval` plan of a given length maps onto the run. */
export type ByIntervalForm = 'day' | 'week' | 'horizon';

/**
 * The form of a `by_interval` plan: one day (repeated daily), one week from Monday (repeated
 * weekly), or every interval of the horizon. Any other length is an error naming the lengths
 * allowed, so a run longer than its plan (e.g. `--days` beyond a horizon-length plan) never
 * silently repeats the last value.
 */
export function byIntervalForm(length: number, intervalSeconds: number, horizonSeconds: number, label: string): ByIntervalForm {
  const perDay = Math.round(SECONDS_PER_DAY / intervalSeconds);
  const horizon = Math.ceil(horizonSeconds / intervalSeconds - 1e-9);
  if (length === perDay) return 'day';
  if (length === horizon) return 'horizon';
  if (length === 7 * perDay) return 'week';
  const minutes = intervalSeconds / 60;
  const days = Math.round((horizonSeconds / SECONDS_PER_DAY) * 1000) / 1000;
  throw new UserError(
    `${label}.agents.by_interval: ${length} values do not fit a ${days}-day run of ${minutes}-minute intervals: expected ${perDay} (one day, repeated daily), ${7 * perDay} (one week from Monday, repeated weekly) or ${horizon} (every interval of the ${days}-day run)`,
  );
}

/**
 * Turn a group's staffing into a step function over [0, until). Hour-of-day patterns, daily and
 * weekly plans and shifts repeat beyond the horizon (so a queue left at the end drains as it
 * would in reality); a horizon-length `by_interval` plan keeps its last value after the horizon.
 *
 * Breaks take a shift's agents off one by one, staggered evenly over the break window. Absence
 * removes whole agent-days: a shift's agent for that day's shift, or for the other forms the
 * k-th agent of the day (who works whenever the plan has more than k agents).
 */
export function buildRoster(staffing: Staffing, startIso: string, intervalSeconds: number, until: number, options: RosterOptions = {}): Roster {
  const scale = options.scale ?? 1;
  const absence = options.absence ?? 0;
  const uniform = options.uniform;
  if (absence > 0 && uniform === undefined) throw new Error('buildRoster: absence needs a uniform stream');
  const present = absence > 0 ? (): boolean => uniform!() >= absence : (): boolean => true;
  const scaled = (n: number): number => (scale === 1 ? n : Math.round(n * scale));

  if (staffing.kind === 'shifts') return shiftRoster(staffing.shifts, startIso, until, scaled, present);

  // Other forms: a plain step function first, then absence day by day.
  const times: number[] = [];
  const counts: number[] = [];
  const push = (t: number, n: number): void => {
    times.push(t);
    counts.push(n);
  };
  switch (staffing.kind) {
    case 'constant':
      push(0, scaled(staffing.agents));
      break;
    case 'hourly':
      for (let h = 0; h * SECONDS_PER_HOUR < until; h++) push(h * SECONDS_PER_HOUR, scaled(staffing.agents[h % 24]!));
      break;
    case 'by_interval': {
      const plan = staffing.agents;
      const form = byIntervalForm(plan.length, intervalSeconds, options.horizonSeconds ?? plan.length * intervalSeconds, options.label ?? 'agent group');
      const perDay = Math.round(SECONDS_PER_DAY / intervalSeconds);
      if (form === 'horizon') plan.forEach((n, i) => push(i * intervalSeconds, scaled(n)));
      else {
        for (let i = 0; i * intervalSeconds < until; i++) {
          const d = Math.floor(i / perDay);
          const k = form === 'day' ? i % perDay : weekdayOf(startIso, d) * perDay + (i % perDay);
          push(i * intervalSeconds, scaled(plan[k]!));
        }
      }
      break;
    }
  }
  if (absence > 0) applyAbsence(times, counts, until, present);
  return compress(times, counts, new Array<number>(counts.length).fill(0));
}

/**
 * Absence for the count-based forms: on each day, agent k (k = 0, 1, ...) of that day is present
 * or not; at a moment with n agents planned, the logged-in count is how many of agents 0..n-1
 * are present. One draw per agent-day, in order of day then agent.
 */
function applyAbsence(times: number[], counts: number[], until: number, present: () => boolean): void {
  const days = Math.ceil(until / SECONDS_PER_DAY);
  // Split the step function at every midnight so each stretch belongs to one day.
  const t2: number[] = [];
  const c2: number[] = [];
  let i = 0;
  for (let d = 0; d < days; d++) {
    const dayStart = d * SECONDS_PER_DAY;
    const dayEnd = dayStart + SECONDS_PER_DAY;
    while (i + 1 < times.length && times[i + 1]! <= dayStart) i++;
    const from = t2.length;
    t2.push(dayStart);
    c2.push(counts[i]!);
    let k = i + 1;
    while (k < times.length && times[k]! < dayEnd) {
      if (times[k]! > dayStart) {
        t2.push(times[k]!);
        c2.push(counts[k]!);
      }
      k++;
    }
    let most = 0;
    for (let s = from; s < c2.length; s++) most = Math.max(most, c2[s]!);
    // presentBefore[n] = present agents among the first n of the day.
    const presentBefore = new Int32Array(most + 1);
    for (let a = 0; a < most; a++) presentBefore[a + 1] = presentBefore[a]! + (present() ? 1 : 0);
    for (let s = from; s < c2.length; s++) c2[s] = presentBefore[c2[s]!]!;
  }
  times.length = 0;
  counts.length = 0;
  times.push(...t2);
  counts.push(...c2);
}

/**
 * Shifts: each agent of each day's shift logs in at the start and out at the end, minus its
 * breaks; the agents of one shift start a break at evenly spaced moments over the break window
 * centred on `after_hours` (agent k of n at (k + 1/2) / n of the window). Shifts that began the
 * day before the horizon may still be running at time 0.
 */
function shiftRoster(shifts: readonly Shift[], startIso: string, until: number, scaled: (n: number) => number, present: () => boolean): Roster {
  const logged = new Map<number, number>();
  const paid = new Map<number, number>();
  const add = (m: Map<number, number>, t: number, n: number): void => {
    const at = Math.max(0, t);
    m.set(at, (m.get(at) ?? 0) + n);
  };
  const days = Math.ceil(until / SECONDS_PER_DAY);
  for (let d = -1; d <= days; d++) {
    const wd = WEEKDAYS[weekdayOf(startIso, d)]!;
    for (const s of shifts) {
      if (!s.days.includes(wd)) continue;
      const [hh, mm] = s.start.split(':').map(Number) as [number, number];
      const begin = d * SECONDS_PER_DAY + hh * SECONDS_PER_HOUR + mm * 60;
      const end = begin + s.hours * SECONDS_PER_HOUR;
      const n = scaled(s.agents);
      const breaks = s.breaks ?? [];
      const window = (s.break_window_minutes ?? BREAK_WINDOW_MINUTES) * 60;
      for (let k = 0; k < n; k++) {
        // Draw absence even for shifts already over, so the draws do not depend on the horizon start.
        if (!present() || end <= 0) continue;
        add(logged, begin, 1);
        add(logged, end, -1);
        for (const b of breaks) {
          const from = begin + b.after_hours * SECONDS_PER_HOUR - window / 2 + ((k + 0.5) * window) / n;
          const to = Math.min(end, from + b.minutes * 60);
          if (to <= 0 || to <= from) continue;
          add(logged, from, -1);
          add(logged, to, 1);
          if (b.paid) {
            add(paid, from, 1);
            add(paid, to, -1);
          }
        }
      }
    }
  }
  const keys = [...new Set([0, ...logged.keys(), ...paid.keys()])].sort((a, b) => a - b);
  const times: number[] = [];
  const counts: number[] = [];
  const onBreak: number[] = [];
  let n = 0;
  let p = 0;
  for (const t of keys) {
    n += logged.get(t) ?? 0;
    p += paid.get(t) ?? 0;
    times.push(t);
    counts.push(n);
    onBreak.push(p);
  }
  return compress(times, counts, onBreak);
}

/** Drop steps that change nothing (same time twice: the later wins; same values: merged). */
function compress(times: number[], counts: number[], paidBreak: number[]): Roster {
  const t: number[] = [];
  const c: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (t.length > 0 && t[t.length - 1] === times[i]) {
      t.pop();
      c.pop();
      p.pop();
    }
    if (c.length > 0 && c[c.length - 1] === counts[i] && p[p.length - 1] === paidBreak[i]) continue;
    t.push(times[i]!);
    c.push(counts[i]!);
    p.push(paidBreak[i]!);
  }
  if (t.length === 0 || t[0] !== 0) {
    t.unshift(0);
    c.unshift(0);
    p.unshift(0);
  }
  return {
    times: Float64Array.from(t),
    counts: Int32Array.from(c),
    paidBreak: Int32Array.from(p),
    max: Math.max(0, ...c),
  };
}
