/**
 * Opening hours read off a history: on each weekday, the center is taken to open at the start of
 * the first interval that had any contact on any of that weekday's days, and to close at the end
 * of the last one. A weekday without rows is closed (as by_weekday reads it). A weekday seen on
 * fewer than MIN_DAYS days says too little and is left open around the clock.
 *
 * Only the day's ends are trimmed: an empty interval inside the day (a lunch hour with no
 * contact) stays open, because a quiet interval in a small center looks the same. Nothing in the
 * simulation depends on the guess but what a planner reads and what `staff` plans for: the fitted
 * arrival curve already has no contacts in the trimmed intervals.
 */
import type { OpeningHoursFit } from './types.ts';

/** What this needs of a day of the history (profiles.ts's Day). */
interface DayCounts {
  weekday: number;
  /** Contacts by hour of day, and by interval of the day when the history has 15- or 30-minute ones. */
  hours: number[];
  slots: number[] | null;
}

const MIN_DAYS = 2;
const DAY_MINUTES = 1440;

export function openingHoursOf(used: readonly DayCounts[], closed: readonly boolean[]): OpeningHoursFit | null {
  const byWeekday = Array.from({ length: 7 }, (_, wd): [number, number] | null => {
    if (closed[wd]) return null;
    const days = used.filter((d) => d.weekday === wd);
    if (days.length < MIN_DAYS) return [0, DAY_MINUTES];
    const slots = days[0]!.slots ?? days[0]!.hours;
    const minutes = DAY_MINUTES / slots.length;
    const total = slots.map((_, k) => days.reduce((sum, d) => sum + (d.slots ?? d.hours)[k]!, 0));
    const first = total.findIndex((x) => x > 0);
    if (first < 0) return null;
    const last = total.length - 1 - [...total].reverse().findIndex((x) => x > 0);
    return [first * minutes, (last + 1) * minutes];
  });
  const aroundTheClock = byWeekday.every((w) => w !== null && w[0] === 0 && w[1] === DAY_MINUTES);
  return aroundTheClock ? null : { by_weekday: byWeekday };
}
