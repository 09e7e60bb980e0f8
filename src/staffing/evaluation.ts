/**
 * What the staffing search reads from a simulation: per (interval, contact type) cell, the
 * service level, abandon rate and ASA pooled over the replications, and per interval the
 * occupancy, each with its 95% half-width. Built from the raw counts of each replication
 * (metrics/tally.ts rows), which is all a worker thread needs to send back.
 */

import { studentTQuantile } from '../metrics/student-t.ts';
import { F, FIELDS, T, TIME_FIELDS } from '../metrics/tally.ts';
import type { Result } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationCounts } from '../experiment/worker-pool.ts';

export type { ReplicationCounts } from '../experiment/worker-pool.ts';

/** An estimate and its 95% half-width (null with fewer than two replications). */
export interface Estimate {
  mean: number | null;
  ci95: number | null;
}

/** What one simulation of a plan says, per checked cell and per interval. */
export interface Evaluation {
  replications: number;
  /** `[i * nT + j]`: the cell's figures; null mean when undefined in every replication. */
  serviceLevel: Estimate[];
  abandonRate: Estimate[];
  asa: Estimate[];
  offered: Float64Array;
  /** Per interval, all groups together. */
  occupancy: Estimate[];
  /** Each replication's raw counts, in replication order. */
  counts: ReplicationCounts[];
  /** Each replication's summarised result, when the simulation was asked for them. */
  results: Result[] | null;
  contacts: number;
  events: number;
}

/** The scenario with each group's staffing replaced by `plan[g]` as `by_interval`. */
export function withPlan(scenario: Scenario, plan: readonly Int32Array[]): Scenario {
  return {
    ...scenario,
    agent_groups: scenario.agent_groups.map((g, gi) => {
      // The plan is in agents logged in: a staffing_scale would multiply it again.
      const { staffing_scale: _scale, ...rest } = g;
      return { ...rest, staffing: { kind: 'by_interval', agents: Array.from(plan[gi]!) } };
    }),
  };
}

/**
 * The ratio estimator Σ y_r / Σ x_r over replications (e.g. contacts answered within the
 * threshold over contacts offered): the share per contact, as Erlang C and A define it, not the
 * mean of per-replication shares (which weighs a quiet replication like a busy one and sits a
 * little above the per-contact share). Its 95% half-width is the delta-method (Student-t) one:
 * t_{0.975, R−1} · sd(y_r − est · x_r) / (√R · mean x). Null when Σ x = 0; no half-width for R < 2.
 */
export function ratioEstimate(ys: ArrayLike<number>, xs: ArrayLike<number>): Estimate {
  const n = xs.length;
  let sy = 0;
  let sx = 0;
  for (let r = 0; r < n; r++) {
    sy += ys[r]!;
    sx += xs[r]!;
  }
  if (!(sx > 0)) return { mean: null, ci95: null };
  const est = sy / sx;
  if (n < 2) return { mean: est, ci95: null };
  let ss = 0;
  for (let r = 0; r < n; r++) {
    const d = ys[r]! - est * xs[r]!;
    ss += d * d;
  }
  const se = Math.sqrt(ss / (n - 1) / n) / (sx / n);
  return { mean: est, ci95: studentTQuantile(0.975, n - 1) * se };
}

/** The per-cell figures of replications' counts (`nI` intervals, `nT` contact types). */
export function evaluationOf(nI: number, nT: number, counts: ReplicationCounts[], results: Result[] | null): Evaluation {
  const R = counts.length;
  const serviceLevel: Estimate[] = [];
  const abandonRate: Estimate[] = [];
  const asa: Estimate[] = [];
  const offered = new Float64Array(nI * nT);
  const occupancy: Estimate[] = [];
  const inSl = new Float64Array(R);
  const off = new Float64Array(R);
  const abandoned = new Float64Array(R);
  const waits = new Float64Array(R);
  const answered = new Float64Array(R);
  const busy = new Float64Array(R);
  const logged = new Float64Array(R);
  let contacts = 0;
  let events = 0;
  for (const c of counts) events += c.events;
  for (let i = 0; i < nI; i++) {
    for (let j = 0; j < nT; j++) {
      const row = (i * nT + j) * FIELDS;
      let sum = 0;
      for (let r = 0; r < R; r++) {
        const grid = counts[r]!.grid;
        off[r] = grid[row + F.offered]!;
        inSl[r] = grid[row + F.answeredInSl]!;
        abandoned[r] = grid[row + F.abandoned]!;
        waits[r] = grid[row + F.waitSum]!;
        answered[r] = grid[row + F.answered]!;
        contacts += grid[row + F.arrivals]!;
        sum += off[r]!;
      }
      serviceLevel.push(ratioEstimate(inSl, off));
      abandonRate.push(ratioEstimate(abandoned, off));
      asa.push(ratioEstimate(waits, answered));
      offered[i * nT + j] = sum / R;
    }
    for (let r = 0; r < R; r++) {
      busy[r] = counts[r]!.intervalTime[i * TIME_FIELDS + T.busy]!;
      logged[r] = counts[r]!.intervalTime[i * TIME_FIELDS + T.logged]!;
    }
    occupancy.push(ratioEstimate(busy, logged));
  }
  return { replications: R, serviceLevel, abandonRate, asa, offered, occupancy, counts, results, contacts, events };
}

/** A count field summed over the cells `(i, j)` for i in `intervals`, per replication. */
function summed(e: Evaluation, intervals: Iterable<number>, types: readonly number[], nT: number, field: number): Float64Array {
  const out = new Float64Array(e.counts.length);
  e.counts.forEach((c, r) => {
    for (const i of intervals) for (const j of types) out[r]! += c.grid[(i * nT + j) * FIELDS + field]!;
  });
  return out;
}

/** The service level over the cells (i, j), i in `intervals`, j in `types` (ratio estimator). */
export function pooledServiceLevel(e: Evaluation, intervals: Iterable<number>, types: readonly number[], nT: number): Estimate {
  const list = [...intervals];
  return ratioEstimate(summed(e, list, types, nT, F.answeredInSl), summed(e, list, types, nT, F.offered));
}

const allTypes = (nT: number): number[] => Array.from({ length: nT }, (_, j) => j);

/** The service level of interval i over all contact types (ratio estimator, as above). */
export function intervalServiceLevel(e: Evaluation, i: number, nT: number): Estimate {
  return pooledServiceLevel(e, [i], allTypes(nT), nT);
}

/** Abandon rate, ASA (answered contacts) of interval i over all contact types. */
export function intervalFigures(e: Evaluation, i: number, nT: number): { abandonRate: Estimate; asa: Estimate } {
  const types = allTypes(nT);
  return {
    abandonRate: ratioEstimate(summed(e, [i], types, nT, F.abandoned), summed(e, [i], types, nT, F.offered)),
    asa: ratioEstimate(summed(e, [i], types, nT, F.waitSum), summed(e, [i], types, nT, F.answered)),
  };
}
