/**
 * A run that ends with many contacts still waiting describes a queue that grows without end,
 * not a center that copes: its service level and waits depend on the horizon's length. Said as
 * a warning in the terminal summary and in report.html (issue 15), not only as `waiting_at_end`.
 */
import type { Metrics } from '../metrics/types.ts';

/** Waiting at the end, as a share of the contacts offered, from which the warning is given. */
export const OVERLOAD_SHARE = 0.1;

/** The warning, or null when the queue at the end is ordinary. */
export function overloadWarning(totals: Metrics): string | null {
  const waiting = totals.waiting_at_end;
  const offered = totals.offered;
  if (!(waiting >= 10) || !(offered > 0) || waiting < OVERLOAD_SHARE * offered) return null;
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const share = Math.round((100 * waiting) / offered);
  return (
    `the center is overloaded: ${n(waiting)} of ${n(offered)} offered contacts (${share}%) were still waiting when the run ended, ` +
    'so the queue grows without end and the figures depend on the horizon: add agents or lower the arrivals'
  );
}
