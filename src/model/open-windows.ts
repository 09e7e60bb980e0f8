import type { OpenHours, Weekday } from '../scenario/types.ts';
import { SECONDS_PER_DAY, weekdayOf } from './calendar.ts';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The open stretches of a contact type as absolute [from[i], to[i]) seconds after the horizon
 * start, sorted and disjoint (stretches that run into the next day are joined), covering
 * [0, until). The engine asks two things: is it open at t, and when does it next open.
 */
export interface OpenWindows {
  from: Float64Array;
  to: Float64Array;
}

export function openWindows(hours: OpenHours, startIso: string, until: number): OpenWindows {
  const from: number[] = [];
  const to: number[] = [];
  const days = Math.ceil(until / SECONDS_PER_DAY);
  for (let d = 0; d < days; d++) {
    for (const [a, b] of hours[DAYS[weekdayOf(startIso, d)]!]) {
      const lo = d * SECONDS_PER_DAY + a * 60;
      const hi = d * SECONDS_PER_DAY + b * 60;
      if (to.length > 0 && to[to.length - 1] === lo) to[to.length - 1] = hi;
      else {
        from.push(lo);
        to.push(hi);
      }
    }
  }
  return { from: Float64Array.from(from), to: Float64Array.from(to) };
}

/** Index of the last window starting at or before t, or -1. */
function lastStartingBy(w: OpenWindows, t: number): number {
  let lo = 0;
  let hi = w.from.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (w.from[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function isOpenAt(w: OpenWindows, t: number): boolean {
  const i = lastStartingBy(w, t);
  return i >= 0 && t < w.to[i]!;
}

/** The first opening after t (Infinity when it never opens again). */
export function nextOpening(w: OpenWindows, t: number): number {
  const i = lastStartingBy(w, t) + 1;
  return i < w.from.length ? w.from[i]! : Infinity;
}

/** Agents logged in at t under a roster step function. */
function staffAt(times: Float64Array, counts: Int32Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return counts[found]!;
}

export interface UnstaffedInput {
  horizonSeconds: number;
  /** Arrival rate slots of the type (a slot with rate 0 expects no contacts). */
  rateSeconds: number;
  rates: Float64Array;
  open: OpenWindows | null;
  /** Rosters of the groups skilled for the type. */
  rosters: Array<{ times: Float64Array; counts: Int32Array }>;
}

/**
 * Stretches of [0, horizon) of at least `minSeconds` in which the type is open, contacts are
 * expected (base rate > 0) and no agent with its skill is logged in: there, contacts are offered
 * to nobody. Returned as [from, to) seconds.
 */
export function unstaffedStretches(input: UnstaffedInput, minSeconds: number): Array<[number, number]> {
  const end = input.horizonSeconds;
  const cuts = new Set<number>([0, end]);
  for (let s = 1; s * input.rateSeconds < end; s++) cuts.add(s * input.rateSeconds);
  if (input.open) {
    input.open.from.forEach((t) => t < end && cuts.add(t));
    input.open.to.forEach((t) => t < end && cuts.add(t));
  }
  for (const r of input.rosters) r.times.forEach((t) => t < end && cuts.add(t));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let runFrom = -1;
  for (let k = 0; k + 1 < points.length; k++) {
    const lo = points[k]!;
    const hi = points[k + 1]!;
    const mid = (lo + hi) / 2;
    const rate = input.rates[Math.floor(mid / input.rateSeconds)] ?? 0;
    const open = input.open === null || isOpenAt(input.open, mid);
    const staffed = input.rosters.some((r) => staffAt(r.times, r.counts, mid) > 0);
    const bad = rate > 0 && open && !staffed;
    if (bad && runFrom < 0) runFrom = lo;
    if (!bad && runFrom >= 0) {
      if (lo - runFrom >= minSeconds) out.push([runFrom, lo]);
      runFrom = -1;
    }
  }
  if (runFrom >= 0 && end - runFrom >= minSeconds) out.push([runFrom, end]);
  return out;
}

/** Share of [lo, hi) during which the windows are open (1 when always open). */
export function openShare(w: OpenWindows | null, lo: number, hi: number): number {
  if (w === null || hi <= lo) return 1;
  let open = 0;
  for (let i = Math.max(0, lastStartingBy(w, lo)); i < w.from.length && w.from[i]! < hi; i++) {
    open += Math.max(0, Math.min(hi, w.to[i]!) - Math.max(lo, w.from[i]!));
  }
  return open / (hi - lo);
}
