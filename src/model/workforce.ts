import type { AgentGroup } from '../scenario/types.ts';
import { SECONDS_PER_DAY, dateToEpochMs } from './calendar.ts';

/**
 * A group's employees over the horizon (headcount, attrition, hiring classes), as the model holds
 * it. Who actually leaves when is random and drawn per replication (center/workforce.ts).
 */

export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
/** Attrition is an annual rate; a year is 365 days. */
export const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;

export interface CohortModel {
  /** Shown in the weekly table: "group:start date". */
  id: string;
  group: number;
  /** Seconds from the horizon start (may be negative: hired before the horizon). */
  start: number;
  agents: number;
  /** Seconds to reach full proficiency (0: no ramp). */
  rampSeconds: number;
  /** Proficiency share at the start (1 = full). */
  from: number;
}

export interface WorkforceModel {
  /** Employees the staffing plan assumes: every staffing count is scaled by H(t) / headcount. */
  headcount: number;
  /** Leaving rate per employee per second. */
  attritionPerSecond: number;
  /** Indices into Model.cohorts. */
  cohorts: number[];
}

/** Whether the group uses attrition or cohorts at all (without them nothing changes). */
export function hasWorkforce(g: AgentGroup): boolean {
  return (g.attrition_per_year ?? 0) > 0 || (g.cohorts?.length ?? 0) > 0;
}

export function compileWorkforce(g: AgentGroup, gi: number, startIso: string, peakStaffing: number, cohorts: CohortModel[]): WorkforceModel | null {
  if (!hasWorkforce(g)) return null;
  const own: number[] = [];
  for (const c of g.cohorts ?? []) {
    own.push(cohorts.length);
    cohorts.push({
      id: `${g.id}:${c.start}`,
      group: gi,
      start: (dateToEpochMs(c.start) - dateToEpochMs(startIso)) / 1000,
      agents: c.agents,
      rampSeconds: c.ramp.weeks * SECONDS_PER_WEEK,
      from: c.ramp.from,
    });
  }
  return {
    headcount: g.headcount ?? Math.max(1, peakStaffing),
    attritionPerSecond: (g.attrition_per_year ?? 0) / SECONDS_PER_YEAR,
    cohorts: own,
  };
}

/** Proficiency share of a cohort member at time t: linear from `from` to 1 over the ramp. */
export function rampAt(c: CohortModel, t: number): number {
  const u = t - c.start;
  if (c.rampSeconds <= 0 || u >= c.rampSeconds) return 1;
  if (u <= 0) return c.from;
  return c.from + ((1 - c.from) * u) / c.rampSeconds;
}

/** Integral of the ramp from the cohort's start to t (proficiency-seconds of one member). */
export function rampIntegral(c: CohortModel, t: number): number {
  const u = t - c.start;
  if (u <= 0) return c.from * u; // before joining: never asked for in practice, kept monotone
  if (c.rampSeconds <= 0) return u;
  const r = Math.min(u, c.rampSeconds);
  return c.from * r + ((1 - c.from) * r * r) / (2 * c.rampSeconds) + Math.max(0, u - c.rampSeconds);
}
