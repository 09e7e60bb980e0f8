/**
 * What a group's workforce (headcount, attrition, hiring classes; SCENARIO.md) does to a
 * staffing plan, in expectation, interval by interval, for the analytic start:
 *
 *  - the simulator puts round(plan · H(t) / headcount) agents on line, where H(t) is the
 *    employees at t: the headcount less leavers plus cohort members still employed. Each
 *    employee leaves independently at rate a (exponential), so
 *      E[H(t)] = headcount · e^(−a·t) + Σ_cohorts n_c · e^(−a·(t − s_c)) · [t ≥ s_c];
 *    `scale[i]` = E[H(t_i)] / headcount at the middle of interval i;
 *  - a logged-in agent is a cohort member with the cohort's share of H(t), working at the
 *    cohort's ramped proficiency (model/workforce.ts `rampAt`): the mean proficiency share of the
 *    agents on line is `speed[i]` = (veterans · 1 + Σ members_c · ramp_c(t)) / H(t), in
 *    expectation. Handle times are 1/p as long and FCR p times as high at proficiency p.
 *
 * A plan written so that the requirement n is on line after the scale is ⌈(n − ½) / scale⌉
 * (the simulator rounds), which is `writtenFor`. The simulation has the last word: this only
 * makes the start close, so the search does not spend its iterations climbing.
 */

import { rampAt } from '../model/workforce.ts';
import type { Model } from '../model/model.ts';

export interface WorkforceFactors {
  /** E[H(t)] / headcount per interval (1 without a workforce). */
  scale: Float64Array;
  /** Mean proficiency share of the agents on line per interval (1 without cohorts ramping). */
  speed: Float64Array;
}

/** The expected scale and proficiency share of group `gi` per interval (see the module comment). */
export function workforceFactors(model: Model, gi: number): WorkforceFactors {
  const nI = model.intervalCount;
  const scale = new Float64Array(nI).fill(1);
  const speed = new Float64Array(nI).fill(1);
  const wf = model.groups[gi]!.workforce;
  if (wf === null) return { scale, speed };
  const a = wf.attritionPerSecond;
  for (let i = 0; i < nI; i++) {
    const t = (i + 0.5) * model.intervalSeconds;
    const veterans = wf.headcount * Math.exp(-a * t);
    let employees = veterans;
    let proficient = veterans;
    for (const q of wf.cohorts) {
      const c = model.cohorts[q]!;
      if (t < c.start) continue;
      const members = c.agents * Math.exp(-a * (t - c.start));
      employees += members;
      proficient += members * rampAt(c, t);
    }
    scale[i] = employees / wf.headcount;
    speed[i] = employees > 0 ? proficient / employees : 1;
  }
  return { scale, speed };
}

/** The plan count that puts `onLine` agents on line after the simulator's round(plan · scale). */
export function writtenFor(onLine: number, scale: number): number {
  if (onLine <= 0) return 0;
  if (!(scale > 0)) return onLine;
  return Math.max(1, Math.ceil((onLine - 0.5) / scale - 1e-9));
}
