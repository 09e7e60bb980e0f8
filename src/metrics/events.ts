import type { Model } from '../model/model.ts';
import { E, EVENT_FIELDS, F, FIELDS, type Tally } from './tally.ts';
import type { EventMetrics, IntervalMetrics } from './types.ts';

/**
 * Per event: service level and abandonment of the contacts of its types born in its window,
 * contacts waiting at its end, and the recovery time: minutes from its end to the start of the
 * first interval (the one holding the end, or a later one) whose service level over the event's
 * types is back at the target. Null when it never is within the horizon.
 */
export function eventMetrics(model: Model, tally: Tally): EventMetrics[] {
  const target = model.scenario.service_level.target;
  return model.effects.events.map((ev, e) => {
    const c = (f: number): number => tally.eventCounts[e * EVENT_FIELDS + f]!;
    const offered = c(E.offered);
    const sl = (iv: number): number | null => {
      let inSl = 0;
      let off = 0;
      for (let j = 0; j < model.types.length; j++) {
        if (ev.typeMask[j] !== 1) continue;
        const row = (iv * model.types.length + j) * FIELDS;
        inSl += tally.grid[row + F.answeredInSl]!;
        off += tally.grid[row + F.offered]!;
      }
      return off > 0 ? inSl / off : null;
    };
    return {
      name: ev.name,
      from: ev.from,
      to: ev.to,
      types: model.types.filter((_, j) => ev.typeMask[j] === 1).map((t) => t.id),
      service_level_target: target,
      offered_during: offered,
      service_level_during: offered > 0 ? c(E.answeredInSl) / offered : null,
      abandoned_during: c(E.abandoned),
      waiting_at_end_of_event: c(E.waitingAtEnd),
      recovery_minutes: recoveryMinutes(ev.toSeconds, model.intervalSeconds, model.firstReportedInterval, model.intervalCount, target, sl),
    };
  });
}

/**
 * Minutes from `end` (seconds) to the start of the first interval from the one holding `end`
 * whose service level reaches `target` (0 when that interval already does); intervals without
 * contacts decide nothing. Null if none does, or the end lies outside the reported horizon.
 */
export function recoveryMinutes(
  end: number,
  intervalSeconds: number,
  firstInterval: number,
  intervalCount: number,
  target: number,
  serviceLevelOf: (iv: number) => number | null,
): number | null {
  if (end < 0) return null;
  const first = Math.max(firstInterval, Math.floor(end / intervalSeconds + 1e-9));
  for (let iv = first; iv < intervalCount; iv++) {
    const sl = serviceLevelOf(iv);
    if (sl !== null && sl >= target - 1e-12) return Math.max(0, iv * intervalSeconds - end) / 60;
  }
  return null;
}

/** Minutes between two "YYYY-MM-DDTHH:MM" stamps of the same clock (b − a). */
function minutesBetween(a: string, b: string): number {
  return (Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60_000;
}

/**
 * An event's recovery time read off a per-interval curve: with replications, the pooled one
 * (aggregate.ts), so the figure is the recovery of the service-level curve the report draws,
 * and a replication that never recovers counts as much as one that does (a mean over the
 * replications that recovered would leave the slow ones out). The service level of interval i
 * over the event's types is Σ answered within T / Σ offered over those types; with pooled rows,
 * `service_level × offered` is the mean answered within T, so the quotient is the pooled one.
 * Minutes from the event's end to the start of the first interval, from the one holding the
 * end, back at `service_level_target`; null if none is (or the run kept no intervals).
 */
export function recoveryOffCurve(event: EventMetrics, byInterval: readonly IntervalMetrics[]): number | null {
  const n = byInterval.length;
  if (n === 0) return null;
  const end = event.to;
  const types = new Set(event.types);
  const serviceLevel = (m: IntervalMetrics): number | null => {
    if (m.by_type === undefined) return m.service_level; // one type, or types not kept: the interval's own
    let within = 0;
    let offered = 0;
    for (const [id, t] of Object.entries(m.by_type)) {
      if (!types.has(id) || !(t.offered > 0) || t.service_level === null) continue;
      within += t.service_level * t.offered;
      offered += t.offered;
    }
    return offered > 0 ? within / offered : null;
  };
  // The interval holding the end: the last one starting at or before it (the first if the end
  // lies before the reported stretch); an end at or after the last interval's end recovers nowhere.
  const length = n >= 2 ? minutesBetween(byInterval[0]!.start, byInterval[1]!.start) : Infinity;
  if (minutesBetween(byInterval[n - 1]!.start, end) >= length) return null;
  let first = 0;
  while (first + 1 < n && minutesBetween(byInterval[first + 1]!.start, end) >= 0) first++;
  for (let i = first; i < n; i++) {
    const sl = serviceLevel(byInterval[i]!);
    if (sl !== null && sl >= event.service_level_target - 1e-12) return Math.max(0, minutesBetween(end, byInterval[i]!.start));
  }
  return null;
}
