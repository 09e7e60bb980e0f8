import type { Model } from '../model/model.ts';
import type { Roster } from '../model/roster.ts';
import type { StepFunction } from '../model/events.ts';
import type { Uniform } from '../engine/random.ts';
import { SECONDS_PER_WEEK } from '../model/workforce.ts';

/**
 * One replication's staffing of one agent group: the employees H(t) after attrition and hiring
 * classes, and the agents logged in, which is the staffing plan scaled by H(t) / headcount
 * (rounded) less the agents an event keeps away.
 *
 * Leaving times are exponential (each employee independently, at the annual rate) and drawn from
 * the group's own stream, veterans first and then each cohort's members, so a group without
 * attrition draws nothing and no other stream moves.
 */
export interface GroupStaffing {
  roster: Roster;
  /** Employees by kind as a step function: row i (from times[i]) holds veterans, then each cohort. */
  times: Float64Array;
  members: Int32Array; // rows of (1 + cohorts)
  employees: Int32Array; // H per row
  /** Global cohort index of member kind k >= 1 (kind 0: veterans). */
  cohortOfKind: Int32Array;
}

interface Change {
  t: number;
  kind: number;
  delta: number;
}

export function staffingFor(model: Model, g: number, until: number, attrition: Uniform | null, plan?: Roster): GroupStaffing {
  const group = model.groups[g]!;
  // The group's plan: with absence, this replication's own draw (see ContactCenter).
  const planned = plan ?? group.roster;
  const wf = group.workforce;
  const absent = model.effects.absent[g]!;
  if (wf === null) {
    const roster = absent.times.length === 1 && absent.values[0] === 0 ? planned : combine(planned, null, 1, absent);
    // Employees: the plan's peak staffing (an event's absentees are still employed).
    const n = group.roster.max;
    return { roster, times: Float64Array.of(0), members: Int32Array.of(n), employees: Int32Array.of(n), cohortOfKind: new Int32Array(0) };
  }
  const kinds = 1 + wf.cohorts.length;
  const changes: Change[] = [];
  const leaveAfter = (): number => (attrition === null ? Infinity : -Math.log(1 - attrition()) / wf.attritionPerSecond);
  for (let i = 0; i < wf.headcount; i++) {
    const t = leaveAfter();
    if (t < until) changes.push({ t, kind: 0, delta: -1 });
  }
  const initial = new Int32Array(kinds);
  initial[0] = wf.headcount;
  wf.cohorts.forEach((q, k) => {
    const c = model.cohorts[q]!;
    if (c.start < until) changes.push({ t: Math.max(0, c.start), kind: k + 1, delta: c.agents });
    for (let i = 0; i < c.agents; i++) {
      const t = c.start + leaveAfter();
      if (t < until) changes.push({ t: Math.max(0, t), kind: k + 1, delta: -1 });
    }
  });
  // Joins before leaves at the same moment keep the counts non-negative.
  changes.sort((a, b) => a.t - b.t || b.delta - a.delta);
  const times: number[] = [0];
  const rows: number[] = [...initial];
  let row = Array.from(initial);
  for (const ch of changes) {
    if (ch.t > times[times.length - 1]!) {
      times.push(ch.t);
      rows.push(...row);
    }
    row[ch.kind]! += ch.delta;
    rows.splice(rows.length - kinds, kinds, ...row);
  }
  const members = Int32Array.from(rows);
  const employees = new Int32Array(times.length);
  for (let i = 0; i < times.length; i++) {
    let h = 0;
    for (let k = 0; k < kinds; k++) h += members[i * kinds + k]!;
    employees[i] = h;
  }
  const hSteps: StepFunction = { times: Float64Array.from(times), values: Float64Array.from(employees) };
  return {
    roster: combine(planned, hSteps, wf.headcount, absent),
    times: hSteps.times,
    members,
    employees,
    cohortOfKind: Int32Array.from(wf.cohorts),
  };
}

/** Value of a step function at t (binary search; for set-up and rare events, not the hot loop). */
export function stepIndex(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** round(plan x H / headcount) - absent, never below 0, over the union of the change times. */
function combine(plan: Roster, employees: StepFunction | null, headcount: number, absent: StepFunction): Roster {
  const cuts = new Set<number>(plan.times);
  if (employees !== null) for (const t of employees.times) cuts.add(t);
  for (const t of absent.times) cuts.add(t);
  const sorted = [...cuts].sort((a, b) => a - b);
  const times: number[] = [];
  const counts: number[] = [];
  const paidBreak: number[] = [];
  for (const t of sorted) {
    const i = stepIndex(plan.times, t);
    const base = plan.counts[i]!;
    const scaled = employees === null ? base : Math.round((base * employees.values[stepIndex(employees.times, t)]!) / headcount);
    const n = Math.max(0, scaled - absent.values[stepIndex(absent.times, t)]!);
    // Agents on a paid break follow the plan (breaks are scheduled, whoever is employed).
    const b = plan.paidBreak[i]!;
    if (counts.length > 0 && counts[counts.length - 1] === n && paidBreak[paidBreak.length - 1] === b) continue;
    times.push(t);
    counts.push(n);
    paidBreak.push(b);
  }
  return { times: Float64Array.from(times), counts: Int32Array.from(counts), paidBreak: Int32Array.from(paidBreak), max: Math.max(0, ...counts) };
}

/** Employees of a group at the end of each week of the horizon (for the weekly table). */
export function employeesByWeek(s: GroupStaffing, weeks: number, origin: number, horizon: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < weeks; w++) {
    const t = Math.min(origin + (w + 1) * SECONDS_PER_WEEK, horizon);
    // The count just before the week's end: a change exactly at the end belongs to the next week.
    out.push(s.employees[stepIndex(s.times, t - 1e-6)]!);
  }
  return out;
}
