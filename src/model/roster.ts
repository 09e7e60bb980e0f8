import type { Staffing, Weekday } from '../scenario/types.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, weekdayOf } from './calendar.ts';

/** Agents logged in over time as a step function: `counts[i]` from `times[i]` until `times[i+1]`. */
export interface Roster {
  times: Float64Array; // seconds, ascending, times[0] = 0
  counts: Int32Array;
  max: number;
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Turn a group's staffing into a step function over [0, until). Hour-of-day patterns and shifts
 * repeat beyond the horizon (so a queue left at the end drains as it would in reality); a
 * `by_interval` plan keeps its last value.
 */
export function buildRoster(staffing: Staffing, startIso: string, intervalSeconds: number, until: number): Roster {
  const times: number[] = [];
  const counts: number[] = [];
  const step = (t: number, n: number): void => {
    if (counts.length > 0 && counts[counts.length - 1] === n) return;
    if (times.length > 0 && times[times.length - 1] === t) {
      counts[counts.length - 1] = n;
      if (counts.length > 1 && counts[counts.length - 2] === n) {
        times.pop();
        counts.pop();
      }
      return;
    }
    times.push(t);
    counts.push(n);
  };
  switch (staffing.kind) {
    case 'constant':
      step(0, staffing.agents);
      break;
    case 'hourly':
      for (let h = 0; h * SECONDS_PER_HOUR < until; h++) step(h * SECONDS_PER_HOUR, staffing.agents[h % 24]!);
      break;
    case 'by_interval':
      staffing.agents.forEach((n, i) => step(i * intervalSeconds, n));
      break;
    case 'shifts': {
      // +agents at each shift start, -agents at its end; shifts that began the day before the
      // horizon may still be running at time 0.
      const deltas = new Map<number, number>();
      const add = (t: number, n: number): void => {
        deltas.set(t, (deltas.get(t) ?? 0) + n);
      };
      const days = Math.ceil(until / SECONDS_PER_DAY);
      for (let d = -1; d <= days; d++) {
        const wd = WEEKDAYS[weekdayOf(startIso, d)]!;
        for (const s of staffing.shifts) {
          if (!s.days.includes(wd)) continue;
          const [hh, mm] = s.start.split(':').map(Number) as [number, number];
          const begin = d * SECONDS_PER_DAY + hh * SECONDS_PER_HOUR + mm * 60;
          const end = begin + s.hours * SECONDS_PER_HOUR;
          if (end <= 0) continue;
          add(Math.max(0, begin), s.agents);
          add(end, -s.agents);
        }
      }
      let n = 0;
      step(0, 0);
      for (const t of [...deltas.keys()].sort((a, b) => a - b)) {
        n += deltas.get(t)!;
        step(t, n);
      }
      break;
    }
  }
  if (times.length === 0) step(0, 0);
  return {
    times: Float64Array.from(times),
    counts: Int32Array.from(counts),
    max: Math.max(0, ...counts),
  };
}
