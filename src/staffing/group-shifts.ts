/** The result's account of a group's shift cover: shifts, hours, cost, gap, current plan, uncoverable intervals. */

import { timestampOf } from '../model/calendar.ts';
import type { Scenario } from '../scenario/types.ts';
import type { GroupShifts } from './result.ts';
import { evaluateShifts, type ShiftCover } from './shifts.ts';

/** What the result says about group `gi`'s shift cover of `requirement`. */
export function groupShifts(scenario: Scenario, gi: number, requirement: readonly number[], cover: ShiftCover, method: GroupShifts['method']): GroupShifts {
  const g = scenario.agent_groups[gi]!;
  if (g.staffing.kind !== 'shifts') throw new Error(`groupShifts: group ${g.id} is not staffed in shifts`);
  const len = scenario.horizon.interval_minutes * 60;
  const current = evaluateShifts(g.staffing.shifts, scenario.horizon, scenario.horizon.interval_minutes, requirement.length);
  const paid = cover.paidHours / (1 - g.shrinkage);
  return {
    method,
    shifts: cover.variables.map((v) => ({ template: v.template, start: v.start, hours: v.hours, day: v.weekday, agents: v.count, agent_hours: v.count * v.paid_hours_each })),
    agent_hours: cover.paidHours,
    required_agent_hours: cover.requiredHours,
    lower_bound_agent_hours: cover.lowerBoundHours,
    gap: cover.gap,
    paid_hours: paid,
    cost_agents: paid * (g.hourly_cost + scenario.costs.overhead_per_agent_hour),
    current_agent_hours: current.agentHours,
    current_short_intervals: requirement.filter((r, i) => current.coverage[i]! < r).length,
    uncoverable: cover.uncoverable.map((i) => timestampOf(scenario.horizon.start, i * len)),
    uncoverable_agent_hours: cover.uncoverableHours,
    repairs: 0,
  };
}

