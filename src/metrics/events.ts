import type { Model } from '../model/model.ts';
import { E, EVENT_FIELDS, F, FIELDS, type Tally } from './tally.ts';
import type { EventMetrics } from './types.ts';

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
