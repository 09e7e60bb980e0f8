/** Calendar arithmetic for the horizon. Internal time is seconds from the first simulated midnight. */

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

/** Milliseconds since the epoch of an ISO date (YYYY-MM-DD) at 00:00 UTC. */
export function dateToEpochMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** Weekday of day `d` of the horizon, 0 = Monday .. 6 = Sunday. */
export function weekdayOf(startIso: string, d: number): number {
  const day = new Date(dateToEpochMs(startIso) + d * SECONDS_PER_DAY * 1000).getUTCDay();
  return (day + 6) % 7;
}

/** Month of day `d` of the horizon, 0 = January. */
export function monthOf(startIso: string, d: number): number {
  return new Date(dateToEpochMs(startIso) + d * SECONDS_PER_DAY * 1000).getUTCMonth();
}

/** ISO date (YYYY-MM-DD) of day `d` of the horizon. */
export function isoDateOf(startIso: string, d: number): string {
  return new Date(dateToEpochMs(startIso) + d * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}

/** Local timestamp "YYYY-MM-DDTHH:MM" of `seconds` after the horizon start. */
export function timestampOf(startIso: string, seconds: number): string {
  return new Date(dateToEpochMs(startIso) + Math.round(seconds) * 1000).toISOString().slice(0, 16);
}
