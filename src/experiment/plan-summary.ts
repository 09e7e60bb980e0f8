/**
 * The plan summary of a comparison or sweep: which plans meet every target, which of those
 * costs least, and each plan's headcount, paid hours and cost per week or month.
 *
 * - Targets: the overall service level at least `service_level.target`, each cap the
 *   scenario gives (`max_abandon_rate`, `max_asa_seconds`, `max_occupancy`) on the overall
 *   figure, and every part of the scorecard, when the scenario has one, at its target. A plan
 *   meets them on its estimate (the pooled figure over replications).
 * - Per period: paid hours and cost are scaled from the reported stretch of the run (the horizon
 *   after the warm-up) to a week (168 h) or a month (365.25 / 12 days): a run of 7 reported days
 *   costs the same per week as it cost in total.
 * - FTE: paid hours per week / 40 (a full-time week; paid hours include shrinkage and paid
 *   breaks), so "FTE" reads as the full-time employees the plan pays for.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Metrics } from '../metrics/types.ts';
import type { Scorecard } from '../metrics/types.ts';
import { meetsEveryTarget } from '../metrics/scorecard.ts';

export type Period = 'week' | 'month';
export const PERIODS: readonly Period[] = ['week', 'month'];

/** Hours in a period. */
export const PERIOD_HOURS: Record<Period, number> = { week: 168, month: (365.25 / 12) * 24 };
/** Paid hours of one full-time employee per week. */
export const FTE_HOURS_PER_WEEK = 40;

export interface Target {
  metric: 'service_level' | 'abandon_rate' | 'asa_seconds' | 'occupancy';
  /** `min`: the figure must be at least `value`; `max`: at most. */
  bound: 'min' | 'max';
  value: number;
}

/** The targets a plan is held to: the service level, and the caps where the scenario gives them. */
export function targetsOf(scenario: Scenario): Target[] {
  const sl = scenario.service_level;
  const out: Target[] = [{ metric: 'service_level', bound: 'min', value: sl.target }];
  if (sl.max_abandon_rate !== undefined) out.push({ metric: 'abandon_rate', bound: 'max', value: sl.max_abandon_rate });
  if (sl.max_asa_seconds !== undefined) out.push({ metric: 'asa_seconds', bound: 'max', value: sl.max_asa_seconds });
  if (sl.max_occupancy !== undefined) out.push({ metric: 'occupancy', bound: 'max', value: sl.max_occupancy });
  return out;
}

/** Does `m` meet the target? A figure that is not defined (nothing offered) does not. */
export function meets(m: Metrics, t: Target): boolean {
  const v = m[t.metric];
  if (v === null || !Number.isFinite(v)) return false;
  return t.bound === 'min' ? v >= t.value : v <= t.value;
}

/** Hours the reported figures cover: the horizon after the warm-up. */
export function reportedHours(scenario: Scenario): number {
  return Math.max(0, scenario.horizon.days * 24 - scenario.horizon.warmup_hours);
}

/** Factor that turns a figure over the reported stretch into one per period. */
export function periodFactor(scenario: Scenario, period: Period): number {
  const h = reportedHours(scenario);
  return h > 0 ? PERIOD_HOURS[period] / h : 0;
}

/** One plan's figures for the summary. */
export interface PlanFigures {
  name: string;
  /** Mean agents logged in over the reported stretch. */
  agents: number | null;
  fte: number;
  /** Paid agent hours per period. */
  paid_hours: number;
  cost_per_period: number;
  meets_targets: boolean;
  /** The targets it misses, as `metric` names (`scorecard` when a scorecard part misses). */
  missed: string[];
}

export function planFigures(name: string, scenario: Scenario, totals: Metrics, period: Period, scorecard?: Scorecard): PlanFigures {
  const f = periodFactor(scenario, period);
  const paidPerWeek = totals.paid_hours * periodFactor(scenario, 'week');
  const missed = targetsOf(scenario)
    .filter((t) => !meets(totals, t))
    .map((t): string => t.metric);
  if (scorecard !== undefined && !meetsEveryTarget(scorecard)) missed.push('scorecard');
  return {
    name,
    agents: totals.agents,
    fte: paidPerWeek / FTE_HOURS_PER_WEEK,
    paid_hours: totals.paid_hours * f,
    cost_per_period: totals.cost_total * f,
    meets_targets: missed.length === 0,
    missed,
  };
}

export interface PlanSummary {
  /** Plans that meet every target, in plan order. */
  meeting_targets: string[];
  /** The plan that meets every target at the least cost per period; null if none meets them. */
  best: string | null;
  period: Period;
  /** ISO 4217 code of the amounts (the first plan's `costs.currency`), or null. */
  currency: string | null;
  /** The plan every difference is measured against (the first). */
  baseline: string;
  /** best − baseline cost per period, with the paired 95% half-width when known. */
  cost_difference: { mean: number; ci95: number | null } | null;
}

export interface SummaryInput {
  name: string;
  scenario: Scenario;
  totals: Metrics;
  /** The plan's scorecard, when its scenario has one: every part must reach its target. */
  scorecard?: Scorecard | undefined;
}

/**
 * The summary over plans (the first is the baseline). `costDifference(name)` gives the paired
 * difference of cost_total plan − baseline over the reported stretch, when the caller has it.
 */
export function summarisePlans(
  plans: readonly SummaryInput[],
  period: Period,
  costDifference?: (name: string) => { mean: number | null; ci95: number | null } | undefined,
): { summary: PlanSummary; figures: PlanFigures[] } {
  const figures = plans.map((p) => planFigures(p.name, p.scenario, p.totals, period, p.scorecard));
  const meeting = figures.filter((f) => f.meets_targets);
  let best: PlanFigures | null = null;
  for (const f of meeting) if (best === null || f.cost_per_period < best.cost_per_period) best = f;
  const baseline = figures[0]!;
  let cost_difference: PlanSummary['cost_difference'] = null;
  if (best !== null) {
    const factor = periodFactor(plans[0]!.scenario, period);
    const d = best.name === baseline.name ? undefined : costDifference?.(best.name);
    cost_difference =
      d !== undefined && d.mean !== null
        ? { mean: d.mean * factor, ci95: d.ci95 === null ? null : d.ci95 * factor }
        : { mean: best.cost_per_period - baseline.cost_per_period, ci95: best.name === baseline.name ? 0 : null };
  }
  return {
    summary: {
      meeting_targets: meeting.map((f) => f.name),
      best: best?.name ?? null,
      period,
      currency: plans[0]?.scenario.costs.currency ?? null,
      baseline: baseline.name,
      cost_difference,
    },
    figures,
  };
}
