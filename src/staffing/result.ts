/**
 * What `ccsim staff` answers (staffing.json): the requirement per interval and group, the
 * figures of the plan found, per-group cost beside the current plan, the shift covers, the
 * verification on fresh replications and how the search went.
 */

import type { Result } from '../metrics/types.ts';
import type { Scenario, Weekday } from '../scenario/types.ts';
import type { AnalyticMethod } from './analytic.ts';
import type { TemplateGap, Verification } from './verify.ts';

export interface GroupRequirement {
  analytic: number;
  simulated: number;
  /** The analytic answer is exact here (single-skill M/M/c or M/M/c+M at steady load) and kept. */
  exact: boolean;
}

export interface TypeFigures {
  /** Expected offered contacts (analytic). */
  offered_expected: number;
  /** Mean offered contacts in the simulation. */
  offered: number;
  /** The search checks this type in this interval (reported, and enough load). */
  checked: boolean;
  service_level: number | null;
  service_level_ci95: number | null;
  abandon_rate: number | null;
  asa_seconds: number | null;
}

export interface StaffingInterval {
  start: string;
  required: Record<string, GroupRequirement>;
  /**
   * Service level of all contacts arriving in the interval under the plan found: answered within
   * the threshold over offered, pooled over the final replications (the per-contact share, as
   * Erlang C defines it; `simulate` averages per-replication shares instead, which reads a
   * little higher), with its 95% half-width. Abandon rate, ASA and occupancy likewise.
   */
  service_level: number | null;
  service_level_ci95: number | null;
  /** Agents to schedule so that `required.simulated` are logged in: ⌈required / (1 − shrinkage)⌉. */
  scheduled: Record<string, number>;
  abandon_rate: number | null;
  asa_seconds: number | null;
  occupancy: number | null;
  /** Expected offered contacts, all types. */
  offered_expected: number;
  /** Some type is checked in this interval. */
  checked: boolean;
  /** Every checked type meets the target and caps on the mean; null when nothing is checked. */
  meets: boolean | null;
  by_type: Record<string, TypeFigures>;
}

export interface GroupSummary {
  method: AnalyticMethod;
  /** Most agents logged in at once, analytic and simulated. */
  peak_analytic: number;
  peak_required: number;
  /** Most agents scheduled at once (with shrinkage). */
  peak_scheduled: number;
  shrinkage: number;
  /** Logged-in agent hours after the warm-up, analytic and simulated plan. */
  analytic_agent_hours: number;
  agent_hours: number;
  /** agent_hours / (1 − shrinkage). */
  paid_hours: number;
  /** paid_hours × (hourly_cost + overhead_per_agent_hour). */
  cost_agents: number;
  /** The scenario's own staffing over the same hours: logged-in, paid, and its agent cost. */
  current_agent_hours: number;
  current_paid_hours: number;
  current_cost_agents: number;
}

export interface PoolingSummary {
  /** Agent hours (after the warm-up) of a separate Erlang C/A team per contact type. */
  separate_agent_hours: number;
  /** Agent hours of the plan found. */
  plan_agent_hours: number;
  saved_agent_hours: number;
  /** Mean over the reported intervals with load of (separate teams − plan) agents. */
  saved_agents_per_interval: number;
  /** saved / separate, as a share. */
  saved_share: number;
  message: string;
}

/**
 * A group rostered in shifts (it has `shift_templates`, or is staffed in `shifts`): its simulated
 * requirement covered with its templates
 * (shifts.ts). Hours are logged-in agent-hours over the whole horizon, warm-up included (the
 * shifts must be there from the start); `paid_hours` and `cost_agents` add shrinkage and cost.
 */
export interface GroupShifts {
  /** How the cover was found: `integer_program` (HiGHS, optimal within `gap`) or `greedy` (with an LP bound). */
  method: 'integer_program' | 'greedy';
  /** Shifts added after simulation found the cover short (the cheapest covering the worst interval). */
  repairs: number;
  /**
   * One entry per (template, week of working days): `days` the week (Monday first), `day` its
   * first day, `week` it as planners write it (`mon-fri`), and its agents.
   */
  shifts: Array<{ template: number; start: string; hours: number; day: Weekday; days: Weekday[]; week: string; agents: number; agent_hours: number; paid_hours: number }>;
  /**
   * People the shift plan employs: one per agent on a weekly pattern, and the busiest weekday's
   * agents on day-by-day shifts, grossed up by shrinkage like the interval plan's headcount.
   */
  headcount: number;
  /** Logged-in agent-hours of the cover (breaks taken out). */
  agent_hours: number;
  /** Σ requirement × interval hours (coverable intervals). */
  required_agent_hours: number;
  /** Lower bound (LP relaxation) on the paid hours of any cover. */
  lower_bound_paid_hours: number;
  /** (paid_hours − lower bound) / lower bound. */
  gap: number;
  /**
   * Expected paid hours: (1 − absence) × (logged-in / (1 − shrinkage) + paid breaks), and
   * × (hourly_cost + overhead_per_agent_hour).
   */
  paid_hours: number;
  cost_agents: number;
  /** The scenario's own shifts (their `agents`): agent-hours and intervals below the requirement. */
  current_agent_hours: number;
  current_short_intervals: number;
  /** Intervals needing agents that no template covers whole, and their required agent-hours. */
  uncoverable: string[];
  uncoverable_agent_hours: number;
}

export interface StaffingResult {
  intervals: StaffingInterval[];
  /** Peak scheduled agents per group (with shrinkage). */
  headcount: Record<string, number>;
  /** The plan's simulated cost_total (METRICS.md), mean over the final replications. */
  cost_total: number;
  scenario: string;
  seed: number;
  replications: number;
  target: { service_level: number; threshold_seconds: number; max_abandon_rate: number | null; max_asa_seconds: number | null; max_occupancy: number | null };
  groups: Record<string, GroupSummary>;
  pooling: PoolingSummary | null;
  /** Per group staffed in shifts, the requirement covered with its templates; {} when none. */
  shifts: Record<string, GroupShifts>;
  /** Both plans simulated on fresh replications (verified.ts); absent from `staff` alone. */
  verification?: { plan: Verification; shifts: Verification | null };
  /** Intervals no shift template covers, with the templates that would (verified.ts). */
  template_gaps?: TemplateGap[];
  search: {
    iterations: number;
    simulations: number;
    replications_run: number;
    contacts_simulated: number;
    /** The last removal round removed nothing. */
    converged: boolean;
    /** The plan meets the target on the mean in every checked interval of the final simulation's replications but at most 1% of them and at most 10 (the search's tolerance), i.e. it was not stopped mid-way by the iteration limit. */
    settled: boolean;
    removal_rounds: number;
    /** Agents the search wanted to add but could not: a group at its limit (3 × separate teams + 20). */
    at_limit: number;
    seconds: number;
    min_offered: number;
    /** Checked intervals that miss on the mean in the final simulation. */
    missed_intervals: string[];
    /** Agents added after the search because the plan missed on fresh replications (0 without verification). */
    verification_repairs: number;
  };
}

export interface Staffed {
  result: StaffingResult;
  /** The scenario with the simulated staffing as `by_interval`. */
  scenario: Scenario;
  /** The scenario with groups in shifts staffed by the shift cover (others as in `scenario`); null when no group has shifts. */
  shiftsScenario: Scenario | null;
  /** The final simulation of that scenario (replications' means with ci95). */
  simulation: Result;
  /** Events simulated by the whole search (for the benchmark). */
  events: number;
  /** The loaded cells the search checked: `checked[i * nT + j]`. */
  checked: Uint8Array;
}

