import type { Arrivals, Weekday } from '../scenario/types.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, isoDateOf, monthOf, weekdayOf } from './calendar.ts';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A rate that is constant over each slot of `slotSeconds`, per second, from time 0. */
export interface SlotRates {
  rateSeconds: number;
  rates: Float64Array;
}

/**
 * The deterministic part of a contact type's arrival rate, per second, piecewise constant over
 * slots of an hour (when every curve has 24 values) or of one reporting interval (when some
 * curve has one value per interval of the day): base(slot of day) x by_weekday x by_month x
 * by_date x scale. The daily gamma factor of overdispersion is random and is applied per
 * replication by the simulation.
 */
export function baseRates(arrivals: Arrivals, startIso: string, horizonSeconds: number, intervalSeconds: number): SlotRates {
  const curves: number[][] = [];
  if (Array.isArray(arrivals.per_hour)) curves.push(arrivals.per_hour);
  if (arrivals.by_hour) curves.push(arrivals.by_hour);
  for (const w of Object.values(arrivals.intraday_by_weekday ?? {})) if (w) curves.push(w);
  const slotSeconds = curves.some((c) => c.length !== 24) ? intervalSeconds : SECONDS_PER_HOUR;
  const perDay = Math.round(SECONDS_PER_DAY / slotSeconds);
  const scale = arrivals.scale ?? 1;

  /** Rate per second in each slot of a day, for one intraday shape (per_day) or for per_hour. */
  const dayProfile = (shape: number[] | undefined): Float64Array => {
    const out = new Float64Array(perDay);
    if (arrivals.per_day !== undefined) {
      const w = shape ?? new Array<number>(24).fill(1);
      const sum = w.reduce((a, b) => a + b, 0);
      const cellSeconds = SECONDS_PER_DAY / w.length;
      for (let s = 0; s < perDay; s++) {
        const cell = Math.floor((s * w.length) / perDay);
        out[s] = sum > 0 ? (arrivals.per_day * w[cell]!) / sum / cellSeconds : 0;
      }
    } else {
      const p = arrivals.per_hour ?? 0;
      for (let s = 0; s < perDay; s++) {
        const v = typeof p === 'number' ? p : p[Math.floor((s * p.length) / perDay)]!;
        out[s] = v / SECONDS_PER_HOUR;
      }
    }
    return out;
  };
  const pooled = dayProfile(arrivals.by_hour);
  const byWeekday = DAYS.map((d) => {
    const w = arrivals.intraday_by_weekday?.[d];
    return w ? dayProfile(w) : pooled;
  });

  const slots = Math.ceil(horizonSeconds / slotSeconds - 1e-9);
  const rates = new Float64Array(slots);
  const days = Math.ceil(slots / perDay);
  for (let d = 0; d < days; d++) {
    const wd = weekdayOf(startIso, d);
    const dayFactor =
      scale * arrivals.by_weekday[wd]! * arrivals.by_month[monthOf(startIso, d)]! * (arrivals.by_date[isoDateOf(startIso, d)] ?? 1);
    const profile = byWeekday[wd]!;
    for (let s = 0; s < perDay && d * perDay + s < slots; s++) rates[d * perDay + s] = profile[s]! * dayFactor;
  }
  return { rateSeconds: slotSeconds, rates };
}

/**
 * Multipliers of the handle-time mean by slot of the day (24 hourly or one per interval), or
 * null when the type has none (all 1).
 */
export function handleTimeCurve(multipliers: number[] | undefined): { slotSeconds: number; values: Float64Array } | null {
  if (multipliers === undefined || multipliers.every((m) => m === 1)) return null;
  return { slotSeconds: SECONDS_PER_DAY / multipliers.length, values: Float64Array.from(multipliers) };
}
