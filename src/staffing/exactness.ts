/**
 * Where the analytic answer is exact, so that the simulation must not move it ("equal load gives
 * an equal requirement"): a (group, interval) cell is *exact* when the group is single-skill
 * (its Erlang C / Erlang A answer is not a pooled approximation, see analytic.ts) and, for the
 * one contact type it serves, the interval is an M/M/c (Erlang C) or M/M/c+M (Erlang A) queue in
 * steady state:
 *  - Poisson arrivals: no day-to-day overdispersion (`overdispersion_cv` 0), no retries of
 *    abandoned contacts and no repeat contacts (`fcr` 1), which would add a correlated stream;
 *  - exponential handle time, with no self-service mixture (a failed bot attempt changes the
 *    handle-time law), one contact at a time (no chat concurrency);
 *  - no patience, or an exponential one (Erlang A is exact only for exponential patience);
 *  - no scenario `events` (they change load and handle times inside time windows), no absence
 *    and no workforce (attrition and hiring classes make the agents on line random);
 *  - the same offered rate as the interval before (no carry-over of a queue built up under a
 *    different load: the steady state of the previous interval is this interval's steady state).
 * Everywhere else (multi-skill groups, other distributions, the first interval after a change of
 * load) the analytic answer is a start that the simulation adjusts.
 *
 * Ten replications of a half-hour estimate its service level to ±5 to ±15 points, while Erlang
 * C/A is exact for these cells: a search that let that noise decide would answer 21, 22 or 23
 * agents for the same load in different intervals.
 */

import type { Model } from '../model/model.ts';
import type { AnalyticPlan } from './analytic.ts';

/** Relative difference of two rates under which they are the same load. */
const SAME_RATE = 1e-9;

/** Why a contact type is not an exact Erlang queue; null when it is. */
export function inexactReason(model: Model, j: number, concurrency: number): string | null {
  const t = model.scenario.contact_types[j]!;
  if (t.handle_time.distribution !== 'exponential') return `handle time is ${t.handle_time.distribution}, not exponential`;
  if (t.patience !== null && t.channel !== 'email' && t.patience.distribution !== 'exponential') return `patience is ${t.patience.distribution}, not exponential`;
  if (t.arrivals.overdispersion_cv > 0) return 'arrivals are overdispersed';
  if (t.retry !== null) return 'abandoned contacts retry';
  if (t.fcr < 1) return 'repeat contacts (fcr < 1)';
  if (t.self_service !== null && t.self_service.share_offered > 0) return 'self-service changes the handle-time law';
  if (concurrency > 1) return 'chat concurrency';
  return null;
}

/**
 * `exact[g][i]` = 1 where the analytic answer of group g in interval i is exact (see the module
 * comment) and the search keeps it as it is.
 */
export function exactCells(model: Model, analytic: AnalyticPlan): Uint8Array[] {
  const nI = model.intervalCount;
  // Events change arrivals and handle times inside windows the analytic load does not see.
  const hasEvents = (model.scenario.events ?? []).length > 0;
  return model.groups.map((g, gi) => {
    if (hasEvents) return new Uint8Array(nI);
    const out = new Uint8Array(nI);
    const method = analytic.method[gi];
    if (method !== 'erlang_c' && method !== 'erlang_a') return out;
    const j = g.proficiency.findIndex((p) => p > 0);
    // With absence, the agents present are a binomial draw of those scheduled; with attrition
    // or new hires, the agents on line vary by replication and ramp up: not M/M/c.
    if (j < 0 || g.absence > 0 || g.workforce !== null || inexactReason(model, j, g.concurrency) !== null) return out;
    for (let i = 0; i < nI; i++) {
      const r = analytic.rate[i]![j]!;
      const before = i > 0 ? analytic.rate[i - 1]![j]! : r;
      if (Math.abs(r - before) <= SAME_RATE * Math.max(r, before)) out[i] = 1;
    }
    return out;
  });
}
