/** The result's account of a group's shift cover: shifts, hours, cost, gap, current plan, uncoverable intervals. */

import { timestampOf } from '../model/calendar.ts';
import { buildRoster, type Roster } from '../model/roster.ts';
import type { Scenario, Weekday } from '../scenario/types.ts';
import type { GroupShifts } from './result.ts';
import { weekLabel } from './patterns.ts';
import type { ShiftCover } from './shifts.ts';

const ceilShrunk = (n: number, shrinkage: number): number => (n === 0 ? 0 : Math.ceil(n / (1 - shrinkage) - 1e-9));

/** How group `g` pays for a shift (shifts.ts `Pay`). */
export const payOf = (g: Scenario['agent_groups'][number]): { shrinkage: number; absence: number } => ({ shrinkage: g.shrinkage, absence: g.absence ?? 0 });

/** What the result says about group `gi`'s shift cover of `requirement`. */
export function groupShifts(scenario: Scenario, gi: number, requirement: readonly number[], cover: ShiftCover, method: GroupShifts['method']): GroupShifts {
  const g = scenario.agent_groups[gi]!;
  const len = scenario.horizon.interval_minutes * 60;
  const end = scenario.horizon.days * 86_400;
  // The group's own staffing, whatever its form: logged-in hours and the intervals it leaves short (on the interval's time-average).
  const current = buildRoster(g.staffing, scenario.horizon.start, len, end, { horizonSeconds: end, label: `agent_groups[${g.id}]` });
  const currentHours = rosterHours(current, 0, end);
  const paid = cover.paidHours;
  // Day-by-day variables (a one-day week of a template without a pattern) can reuse people across days.
  const daily = new Map<Weekday, number>();
  let weekly = 0;
  for (const v of cover.variables) {
    const t = cover.templates[v.template]!;
    if (t.dayByDay) daily.set(v.days[0]!, (daily.get(v.days[0]!) ?? 0) + v.count);
    else weekly += v.count;
  }
  return {
    method,
    headcount: ceilShrunk(weekly + Math.max(0, ...daily.values()), g.shrinkage),
    shifts: cover.variables.map((v) => ({
      template: v.template,
      start: v.start,
      hours: v.hours,
      day: v.weekday,
      days: v.days,
      week: weekLabel(v.days),
      agents: v.count,
      agent_hours: v.count * v.logged_hours_each,
      paid_hours: v.count * v.paid_hours_each,
    })),
    agent_hours: cover.loggedHours,
    required_agent_hours: cover.requiredHours,
    lower_bound_paid_hours: cover.lowerBoundHours,
    gap: cover.gap,
    paid_hours: paid,
    cost_agents: paid * (g.hourly_cost + scenario.costs.overhead_per_agent_hour),
    current_agent_hours: currentHours,
    current_short_intervals: requirement.filter((r, i) => rosterHours(current, i * len, Math.min((i + 1) * len, end)) * 3600 < r * (Math.min((i + 1) * len, end) - i * len) - 1e-6).length,
    uncoverable: cover.uncoverable.map((i) => timestampOf(scenario.horizon.start, i * len)),
    uncoverable_agent_hours: cover.uncoverableHours,
    repairs: 0,
  };
}

/** Agent-hours of a roster (agents logged in over time) between `from` and `to` seconds. */
export function rosterHours(roster: Roster, from: number, to: number): number {
  const { times, counts } = roster;
  let seconds = 0;
  for (let k = 0; k < times.length; k++) {
    const a = Math.max(from, times[k]!);
    const b = Math.min(to, k + 1 < times.length ? times[k + 1]! : Infinity);
    if (b > a) seconds += counts[k]! * (b - a);
  }
  return seconds / 3600;
}
