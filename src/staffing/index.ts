/**
 * Staffing: the least-cost agents per group and interval that meet the scenario's service-level
 * target (and its optional caps on abandonment, ASA and occupancy). The exact Erlang C / Erlang A
 * answer for single-skill groups, an approximation for multi-skill groups (analytic.ts), both
 * then checked and refined by simulation on common random numbers (search.ts), put together in
 * staff-plan.ts. `staff` runs every replication on the calling thread; verified.ts runs them on
 * worker threads when asked.
 */

import type { Scenario } from '../scenario/types.ts';
import type { Staffed } from './result.ts';
import { runInProcess } from './simulations.ts';
import { staffSteps, type StaffOptions } from './staff-plan.ts';

export { analyticPlan, offeredRates, agentsFor, targetsOf, type AnalyticPlan, type AnalyticMethod, type StaffingTargets } from './analytic.ts';
export { searchStaffing, type SearchOptions, type SearchOutcome } from './search.ts';
export { withPlan, ratioEstimate, intervalServiceLevel, evaluationOf, type Evaluation, type Estimate } from './evaluation.ts';
export { evaluatePlan } from './evaluate-plan.ts';
export { scenarioToFile, scenarioToYaml } from './scenario-file.ts';
export { coverWithShifts, evaluateShifts, type ShiftCover, type ShiftVariable, type Pay } from './shifts.ts';
export { templatesOf, weeksOf, type CoverTemplate } from './patterns.ts';
export { coverWithShiftsExact } from './shift-ip.ts';
export { verifyScenario, FRESH_REPLICATIONS_FROM, type Verification, type ServiceLevelVerdict, type TemplateGap } from './verify.ts';
export { staffingProblems, checkStaffable } from './staffable.ts';
export { groupShifts, payOf } from './group-shifts.ts';
export { DEFAULT_STAFF_OPTIONS, staffSteps, type StaffOptions } from './staff-plan.ts';
export { runInProcess, runOnPool, type Simulating, type SimulationRequest } from './simulations.ts';
export type * from './result.ts';

/** Finds the staffing on the calling thread; see staff-plan.ts. */
export function staff(input: Scenario, options: StaffOptions = {}): Staffed {
  return runInProcess(staffSteps(input, options));
}
