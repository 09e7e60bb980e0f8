import type { Arrivals } from '../scenario/types.ts';
import { SECONDS_PER_HOUR, isoDateOf, monthOf, weekdayOf } from './calendar.ts';

/**
 * The deterministic part of a contact type's arrival rate, per second, for each hour of the
 * horizon: base(hour of day) x by_weekday x by_month x by_date. The daily gamma factor of
 * overdispersion is random and is applied per replication by the simulation.
 */
export function hourlyBaseRates(arrivals: Arrivals, startIso: string, hours: number): Float64Array {
  const perHourOfDay = new Float64Array(24);
  if (arrivals.per_day !== undefined) {
    const w = arrivals.by_hour ?? new Array<number>(24).fill(1);
    const sum = w.reduce((a, b) => a + b, 0);
    for (let h = 0; h < 24; h++) perHourOfDay[h] = sum > 0 ? (arrivals.per_day * w[h]!) / sum : 0;
  } else {
    const p = arrivals.per_hour ?? 0;
    for (let h = 0; h < 24; h++) perHourOfDay[h] = typeof p === 'number' ? p : p[h]!;
  }
  const rates = new Float64Array(hours);
  const days = Math.ceil(hours / 24);
  for (let d = 0; d < days; d++) {
    const dayFactor =
      arrivals.by_weekday[weekdayOf(startIso, d)]! *
      arrivals.by_month[monthOf(startIso, d)]! *
      (arrivals.by_date[isoDateOf(startIso, d)] ?? 1);
    for (let h = 0; h < 24 && d * 24 + h < hours; h++) {
      rates[d * 24 + h] = (perHourOfDay[h]! * dayFactor) / SECONDS_PER_HOUR;
    }
  }
  return rates;
}
