import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import { COHORT_FIELDS, W } from '../metrics/tally.ts';
import { SECONDS_PER_WEEK, rampAt, rampIntegral, type CohortModel } from '../model/workforce.ts';
import type { AgentPool } from './agents.ts';
import { stepIndex, type GroupStaffing } from './workforce.ts';

/**
 * Which hiring class each logged-in agent belongs to. A logged-in agent is a cohort member with
 * the cohort's share of the group's employees at that moment: each agent logging in joins the
 * kind (veterans or a cohort) furthest below its share of the agents logged in, so the mix on
 * line follows the mix employed. A member works at the cohort's ramped proficiency.
 *
 * It also books each cohort's logged-in time, proficiency-time and handled contacts by week.
 */
export class CohortBook {
  /** Global cohort index of each agent, -1 for veterans (and every agent of other groups). */
  private readonly cohortOf: Int32Array;
  private readonly loginAt: Float64Array;
  private readonly onLine: Int32Array; // per cohort: members logged in
  private readonly veteransOnLine: Int32Array; // per group
  private readonly cohorts: CohortModel[];
  private readonly weeks: number;
  private readonly origin: number;
  private readonly warmup: number;
  private readonly horizon: number;

  constructor(
    model: Model,
    private readonly agents: AgentPool,
    private readonly staffing: GroupStaffing[],
    private readonly tally: Tally,
  ) {
    const n = agents.group.length;
    this.cohortOf = new Int32Array(n).fill(-1);
    this.loginAt = new Float64Array(n);
    this.cohorts = model.cohorts;
    this.onLine = new Int32Array(model.cohorts.length);
    this.veteransOnLine = new Int32Array(model.groups.length);
    this.weeks = model.weekCount;
    this.origin = model.weekOrigin;
    this.warmup = model.warmupSeconds;
    this.horizon = model.horizonSeconds;
  }

  /** Proficiency share of agent a at time t (1 unless a is a cohort member still ramping). */
  rampOf(a: number, t: number): number {
    const q = this.cohortOf[a]!;
    return q < 0 ? 1 : rampAt(this.cohorts[q]!, t);
  }

  handled(a: number, t: number, duration: number): void {
    const q = this.cohortOf[a]!;
    if (q < 0 || t < this.warmup || t >= this.horizon) return;
    const row = (q * this.weeks + Math.floor((t - this.origin) / SECONDS_PER_WEEK)) * COHORT_FIELDS;
    this.tally.cohortWeek[row + W.handled]! += 1;
    this.tally.cohortWeek[row + W.handleSum]! += duration;
  }

  logIn(a: number, t: number): void {
    const g = this.agents.group[a]!;
    const s = this.staffing[g]!;
    const kinds = s.cohortOfKind.length;
    this.loginAt[a] = t;
    if (kinds === 0) return;
    const row = stepIndex(s.times, t);
    const employed = s.employees[row]!;
    let total = this.veteransOnLine[g]!;
    for (let k = 0; k < kinds; k++) total += this.onLine[s.cohortOfKind[k]!]!;
    // Largest shortfall against the employed mix, veterans first on ties.
    let best = -1;
    let bestGap = employed > 0 ? (s.members[row * (kinds + 1)]! / employed) * (total + 1) - this.veteransOnLine[g]! : 0;
    for (let k = 0; k < kinds && employed > 0; k++) {
      const q = s.cohortOfKind[k]!;
      const gap = (s.members[row * (kinds + 1) + k + 1]! / employed) * (total + 1) - this.onLine[q]!;
      if (gap > bestGap + 1e-12) {
        best = q;
        bestGap = gap;
      }
    }
    this.cohortOf[a] = best;
    if (best < 0) this.veteransOnLine[g]!++;
    else this.onLine[best]!++;
  }

  logOut(a: number, t: number): void {
    const q = this.cohortOf[a]!;
    if (q < 0) {
      if (this.staffing[this.agents.group[a]!]!.cohortOfKind.length > 0) this.veteransOnLine[this.agents.group[a]!]!--;
      return;
    }
    this.book(q, this.loginAt[a]!, t);
    this.onLine[q]!--;
    this.cohortOf[a] = -1;
  }

  /** The run ends: book the time of members still logged in. */
  close(t: number): void {
    for (let a = 0; a < this.cohortOf.length; a++) {
      const q = this.cohortOf[a]!;
      if (q < 0) continue;
      this.book(q, this.loginAt[a]!, t);
      this.loginAt[a] = t;
    }
  }

  /** Logged-in and proficiency-seconds of one member of cohort q over [from, to), by week. */
  private book(q: number, from: number, to: number): void {
    const lo = Math.max(from, this.warmup);
    const hi = Math.min(to, this.horizon);
    const c = this.cohorts[q]!;
    let t = lo;
    while (t < hi) {
      const w = Math.floor((t - this.origin) / SECONDS_PER_WEEK);
      const end = Math.min(hi, this.origin + (w + 1) * SECONDS_PER_WEEK);
      const row = (q * this.weeks + w) * COHORT_FIELDS;
      this.tally.cohortWeek[row + W.logged]! += end - t;
      this.tally.cohortWeek[row + W.rampSeconds]! += rampIntegral(c, end) - rampIntegral(c, t);
      t = end;
    }
  }
}
