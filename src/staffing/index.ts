/**
 * Staffing: the fewest agents per group and interval that meet the scenario's service-level
 * target (and its optional caps on abandonment, ASA and occupancy). The exact Erlang C / Erlang A
 * answer for single-skill groups, an approximation for multi-skill groups (analytic.ts), both
 * then checked and refined by simulation on common random numbers (search.ts).
 */

import { ScenarioError, type Problem } from '../errors.ts';
import { timestampOf } from '../model/calendar.ts';
import { compile } from '../model/compile.ts';
import type { Roster } from '../model/roster.ts';
import { summarise } from '../metrics/summarise.ts';
import { aggregate } from '../metrics/aggregate.ts';
import type { Result } from '../metrics/types.ts';
import type { Scenario, Weekday } from '../scenario/types.ts';
import { withOverrides } from '../experiment/simulate.ts';
import { analyticPlan, targetsOf, type AnalyticMethod, type StaffingTargets } from './analytic.ts';
import { evaluatePlan, intervalFigures, intervalServiceLevel, searchStaffing, withPlan, type SearchOptions } from './search.ts';
import { coverWithShifts, type ShiftCover } from './shifts.ts';
import { templatesOf, weekLabel } from './patterns.ts';
import { openRequirement } from './open-requirement.ts';
import { buildRoster } from '../model/roster.ts';
import { FRESH_REPLICATIONS_FROM, verifyScenario, type TemplateGap, type Verification } from './verify.ts';

export { analyticPlan, offeredRates, agentsFor, targetsOf, type AnalyticPlan, type AnalyticMethod, type StaffingTargets } from './analytic.ts';
export { searchStaffing, evaluatePlan, withPlan, ratioEstimate, intervalServiceLevel, type SearchOptions, type SearchOutcome, type Evaluation, type Estimate } from './search.ts';
export { scenarioToFile, scenarioToYaml } from './scenario-file.ts';
export { coverWithShifts, evaluateShifts, type ShiftCover, type ShiftVariable, type Pay } from './shifts.ts';
export { templatesOf, weeksOf, type CoverTemplate } from './patterns.ts';
export { coverWithShiftsExact } from './shift-ip.ts';
export { verifyScenario, FRESH_REPLICATIONS_FROM, type Verification, type ServiceLevelVerdict, type TemplateGap } from './verify.ts';

export const DEFAULT_STAFF_OPTIONS: SearchOptions = {
  replications: 10,
  earlyReplications: 4,
  maxIterations: 60,
  minOffered: 5,
  maxRemovalRounds: 3,
};

export interface StaffOptions extends Partial<SearchOptions> {
  /** Verify (and repair) the interval plan on this many fresh replications (verified.ts sets it). */
  verifyReplications?: number | undefined;
  /** Overrides the scenario's seed. */
  seed?: number | undefined;
  /** Overrides horizon.days. */
  days?: number | undefined;
}

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
  /** Per group with shift templates (patterns.ts `templatesOf`), the requirement covered with them; {} when none. */
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
    /** The plan meets the target on the mean in every checked interval of the final simulation's replications (not stopped mid-way by the iteration limit). */
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
  /** The scenario with groups with shift templates staffed by the shift cover (others as in `scenario`); null when no group has templates. */
  shiftsScenario: Scenario | null;
  /** The final simulation of that scenario (replications' means with ci95). */
  simulation: Result;
  /** Events simulated by the whole search (for the benchmark). */
  events: number;
  /** The loaded cells the search checked: `checked[i * nT + j]`. */
  checked: Uint8Array;
}

/**
 * Problems that make a scenario's requirement impossible for any finite staffing. The loader has
 * already checked the ranges (shares in [0, 1], seconds >= 0); these are the values a staffing
 * search cannot meet.
 */
export function staffingProblems(scenario: Scenario): Problem[] {
  const sl = scenario.service_level;
  const problems: Problem[] = [];
  if (sl.target >= 1) {
    problems.push({ path: 'service_level.target', message: `expected a share below 1 for staffing, got ${sl.target} (no finite staffing answers every contact within the threshold)` });
  }
  if (sl.max_occupancy !== undefined && sl.max_occupancy <= 0) {
    problems.push({ path: 'service_level.max_occupancy', message: `expected a share above 0, got ${sl.max_occupancy} (agents who take contacts are busy some of the time)` });
  }
  if (sl.max_asa_seconds !== undefined && sl.max_asa_seconds <= 0) {
    problems.push({ path: 'service_level.max_asa_seconds', message: `expected a number above 0, got ${sl.max_asa_seconds} (with any load some contacts wait)` });
  }
  const patient = scenario.contact_types.filter((t) => t.patience !== null && t.channel !== 'email');
  if (sl.max_abandon_rate !== undefined && sl.max_abandon_rate <= 0 && patient.length > 0) {
    problems.push({
      path: 'service_level.max_abandon_rate',
      message: `expected a share above 0, got ${sl.max_abandon_rate} (contact type ${patient[0]!.id} has a patience, so some contacts abandon under any staffing)`,
    });
  }
  return problems;
}

/** Throws ScenarioError (exit code 2) when the scenario's requirement cannot be staffed. */
export function checkStaffable(scenario: Scenario): void {
  const problems = staffingProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(scenario.source ?? scenario.name, problems);
}

const ceilShrunk = (n: number, shrinkage: number): number => (n === 0 ? 0 : Math.ceil(n / (1 - shrinkage) - 1e-9));

/** Finds the staffing; see the module comments of analytic.ts and search.ts. */
export function staff(input: Scenario, options: StaffOptions = {}): Staffed {
  const t0 = performance.now();
  checkStaffable(input);
  const scenario = withOverrides(input, { seed: options.seed, days: options.days });
  const settings: SearchOptions = {
    replications: Math.max(2, Math.floor(options.replications ?? DEFAULT_STAFF_OPTIONS.replications)),
    earlyReplications: Math.max(2, Math.floor(options.earlyReplications ?? DEFAULT_STAFF_OPTIONS.earlyReplications)),
    maxIterations: Math.max(1, Math.floor(options.maxIterations ?? DEFAULT_STAFF_OPTIONS.maxIterations)),
    minOffered: options.minOffered ?? DEFAULT_STAFF_OPTIONS.minOffered,
    maxRemovalRounds: Math.max(0, Math.floor(options.maxRemovalRounds ?? DEFAULT_STAFF_OPTIONS.maxRemovalRounds)),
    onProgress: options.onProgress,
  };
  const targets: StaffingTargets = targetsOf(scenario);
  const model = compile(scenario);
  const analytic = analyticPlan(model, targets);
  const searched = searchStaffing(model, analytic, targets, scenario.seed, settings);
  const { outcome, verification, repairs } = options.verifyReplications === undefined ? { outcome: searched, verification: null, repairs: 0 } : repairPlan(scenario, model, searched, settings.replications, options.verifyReplications, options.onProgress);

  const staffedScenario = withPlan(scenario, outcome.plan);
  const staffedModel = compile(staffedScenario);
  const simulation = aggregate(outcome.final.tallies.map((t) => summarise(staffedModel, t, scenario.seed)));

  const nI = model.intervalCount;
  const nT = model.types.length;
  const len = model.intervalSeconds;
  const from = model.firstReportedInterval;
  const groupIds = scenario.agent_groups.map((g) => g.id);
  const typeIds = scenario.contact_types.map((t) => t.id);
  const final = outcome.final;
  const reportedHours = (i: number): number => Math.max(0, Math.min((i + 1) * len, model.horizonSeconds) - Math.max(i * len, model.warmupSeconds)) / 3600;

  const intervals: StaffingInterval[] = [];
  const missed: string[] = [];
  for (let i = 0; i < nI; i++) {
    const start = timestampOf(scenario.horizon.start, i * len);
    const required: Record<string, GroupRequirement> = {};
    const scheduled: Record<string, number> = {};
    scenario.agent_groups.forEach((g, gi) => {
      required[g.id] = { analytic: analytic.agents[gi]![i]!, simulated: outcome.plan[gi]![i]!, exact: outcome.pinned[gi]![i]! === 1 };
      scheduled[g.id] = ceilShrunk(outcome.plan[gi]![i]!, g.shrinkage);
    });
    const reported = i >= from;
    const sl = intervalServiceLevel(final, i, nT);
    const figures = intervalFigures(final, i, nT);
    const by_type: Record<string, TypeFigures> = {};
    let checked = false;
    let meets = true;
    let allPinned = true;
    let offeredExpected = 0;
    for (let j = 0; j < nT; j++) {
      const cell = i * nT + j;
      const isChecked = outcome.checked[cell] === 1;
      offeredExpected += analytic.offered[i]![j]!;
      const cellSl = final.serviceLevel[cell]!;
      const ab = final.abandonRate[cell]!.mean;
      const asa = final.asa[cell]!.mean;
      by_type[typeIds[j]!] = {
        offered_expected: analytic.offered[i]![j]!,
        offered: final.offered[cell]!,
        checked: isChecked,
        service_level: reported ? cellSl.mean : null,
        service_level_ci95: reported ? cellSl.ci95 : null,
        abandon_rate: reported ? ab : null,
        asa_seconds: reported ? asa : null,
      };
      if (!isChecked) continue;
      checked = true;
      // A type served only by groups at their exact Erlang answer misses only when the
      // simulation clearly says so (its whole 95% interval below the target): that answer is
      // exact, and a half-hour of ten replications is noisy.
      let pinnedOnly = true;
      scenario.agent_groups.forEach((_, gi) => {
        if (model.groups[gi]!.proficiency[j]! > 0 && outcome.pinned[gi]![i] !== 1) pinnedOnly = false;
      });
      const abCi = pinnedOnly ? (final.abandonRate[cell]!.ci95 ?? 0) : 0;
      const asaCi = pinnedOnly ? (final.asa[cell]!.ci95 ?? 0) : 0;
      if (cellSl.mean !== null && (pinnedOnly ? cellSl.mean + (cellSl.ci95 ?? 0) < targets.target : cellSl.mean < targets.target)) meets = false;
      if (targets.maxAbandonRate !== undefined && ab !== null && ab - abCi > targets.maxAbandonRate) meets = false;
      if (targets.maxAsaSeconds !== undefined && asa !== null && asa - asaCi > targets.maxAsaSeconds) meets = false;
      if (!pinnedOnly) allPinned = false;
    }
    const occ = final.occupancy[i]!.mean;
    const occCi = allPinned ? (final.occupancy[i]!.ci95 ?? 0) : 0;
    if (checked && targets.maxOccupancy !== undefined && occ !== null && occ - occCi > targets.maxOccupancy) meets = false;
    if (checked && !meets) missed.push(start);
    intervals.push({
      start,
      required,
      service_level: reported ? sl.mean : null,
      service_level_ci95: reported ? sl.ci95 : null,
      scheduled,
      abandon_rate: reported ? figures.abandonRate.mean : null,
      asa_seconds: reported ? figures.asa.mean : null,
      occupancy: reported ? final.occupancy[i]!.mean : null,
      offered_expected: offeredExpected,
      checked,
      meets: checked ? meets : null,
      by_type,
    });
  }

  const groups: Record<string, GroupSummary> = {};
  const headcount: Record<string, number> = {};
  scenario.agent_groups.forEach((g, gi) => {
    let agentHours = 0;
    let analyticHours = 0;
    for (let i = 0; i < nI; i++) {
      agentHours += outcome.plan[gi]![i]! * reportedHours(i);
      analyticHours += analytic.agents[gi]![i]! * reportedHours(i);
    }
    const peak = Math.max(0, ...outcome.plan[gi]!);
    const paid = agentHours / (1 - g.shrinkage);
    const currentHours = rosterHours(model.groups[gi]!.roster, model.warmupSeconds, model.horizonSeconds);
    groups[g.id] = {
      method: analytic.method[gi]!,
      peak_analytic: Math.max(0, ...analytic.agents[gi]!),
      peak_required: peak,
      peak_scheduled: ceilShrunk(peak, g.shrinkage),
      shrinkage: g.shrinkage,
      analytic_agent_hours: analyticHours,
      agent_hours: agentHours,
      paid_hours: paid,
      cost_agents: paid * (g.hourly_cost + scenario.costs.overhead_per_agent_hour),
      current_agent_hours: currentHours,
      current_paid_hours: currentHours / (1 - g.shrinkage),
      current_cost_agents: (currentHours / (1 - g.shrinkage)) * (g.hourly_cost + scenario.costs.overhead_per_agent_hour),
    };
    headcount[g.id] = ceilShrunk(peak, g.shrinkage);
  });

  const shifts: Record<string, GroupShifts> = {};
  const shiftsScenario: Scenario = { ...staffedScenario, agent_groups: [...staffedScenario.agent_groups] };
  scenario.agent_groups.forEach((g, gi) => {
    const templates = templatesOf(g);
    if (templates === null) return;
    const requirement = openRequirement(model, gi, outcome.plan[gi]!);
    const cover = coverWithShifts(requirement, templates, scenario.horizon, scenario.horizon.interval_minutes, payOf(g));
    shifts[g.id] = groupShifts(scenario, gi, requirement, cover, 'greedy');
    shiftsScenario.agent_groups[gi] = { ...shiftsScenario.agent_groups[gi]!, staffing: { kind: 'shifts', shifts: cover.shifts } };
  });

  const result: StaffingResult = {
    intervals,
    headcount,
    cost_total: simulation.totals.cost_total,
    scenario: scenario.name,
    seed: scenario.seed,
    replications: settings.replications,
    target: {
      service_level: targets.target,
      threshold_seconds: targets.thresholdSeconds,
      max_abandon_rate: targets.maxAbandonRate ?? null,
      max_asa_seconds: targets.maxAsaSeconds ?? null,
      max_occupancy: targets.maxOccupancy ?? null,
    },
    groups,
    pooling: pooling(model.groups.some((g) => g.proficiency.filter((p) => p > 0).length >= 2), analytic.separate, outcome.plan, from, nI, reportedHours, groupIds.length),
    shifts,
    search: {
      iterations: outcome.iterations,
      simulations: outcome.simulations,
      replications_run: outcome.replicationsRun,
      contacts_simulated: outcome.contactsSimulated,
      converged: outcome.converged,
      settled: outcome.settled,
      removal_rounds: outcome.removalRounds,
      at_limit: outcome.atLimit,
      seconds: (performance.now() - t0) / 1000,
      min_offered: settings.minOffered,
      missed_intervals: missed,
      verification_repairs: repairs,
    },
  };
  if (verification !== null) result.verification = { plan: verification, shifts: null };
  return { result, scenario: staffedScenario, shiftsScenario: Object.keys(shifts).length > 0 ? shiftsScenario : null, simulation, events: outcome.events, checked: outcome.checked };
}

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

/** Verification rounds of the interval plan before it is written as it is. */
const MAX_PLAN_REPAIR_ROUNDS = 4;

/**
 * Simulates the searched plan on fresh replications (a new set each round, so that the final
 * verdict is on replications no decision was taken on) and, while it does not hold, adds one
 * agent in every loaded interval missing on its mean, to the group serving the type with the
 * most useful capacity per unit of cost, except where the answer is the exact Erlang one.
 */
function repairPlan(
  scenario: Scenario,
  model: ReturnType<typeof compile>,
  outcome: ReturnType<typeof searchStaffing>,
  searchReplications: number,
  replications: number,
  onProgress: ((message: string) => void) | undefined,
): { outcome: ReturnType<typeof searchStaffing>; verification: Verification; repairs: number } {
  const R = Math.max(2, Math.floor(replications));
  const plan = outcome.plan;
  const costed = model.groups.every((g) => g.costPerLoggedSecond > 0);
  let repairs = 0;
  for (let round = 0; ; round++) {
    onProgress?.(`verifying the interval plan on ${R} fresh replications${round > 0 ? ` (after repair round ${round})` : ''}`);
    const { verification } = verifyScenario(withPlan(scenario, plan), outcome.checked, R, FRESH_REPLICATIONS_FROM + round * R);
    if (verification.holds || round >= MAX_PLAN_REPAIR_ROUNDS) {
      if (repairs === 0) return { outcome, verification, repairs };
      // The figures reported are the repaired plan's, on the search's replications.
      return { outcome: { ...outcome, final: evaluatePlan(scenario, plan, scenario.seed, searchReplications) }, verification, repairs };
    }
    let added = 0;
    for (const miss of verification.missed) {
      const j = scenario.contact_types.findIndex((t) => t.id === miss.type);
      let best = -1;
      let bestValue = 0;
      model.groups.forEach((g, gi) => {
        if (!(g.proficiency[j]! > 0) || outcome.pinned[gi]![miss.interval]) return;
        const value = g.proficiency[j]! / (costed ? g.costPerLoggedSecond : 1);
        if (value > bestValue) {
          best = gi;
          bestValue = value;
        }
      });
      if (best < 0) continue;
      plan[best]![miss.interval]!++;
      added++;
    }
    if (added === 0) return { outcome, verification, repairs };
    repairs += added;
    onProgress?.(`repair round ${round + 1}: added ${added} agent-intervals where the plan missed`);
  }
}

/** Agent-hours of a roster (agents logged in over time) between `from` and `to` seconds. */
function rosterHours(roster: Roster, from: number, to: number): number {
  const { times, counts } = roster;
  let seconds = 0;
  for (let k = 0; k < times.length; k++) {
    const a = Math.max(from, times[k]!);
    const b = Math.min(to, k + 1 < times.length ? times[k + 1]! : Infinity);
    if (b > a) seconds += counts[k]! * (b - a);
  }
  return seconds / 3600;
}

/** The pooling comparison, when some group serves two or more contact types. */
function pooling(
  multiSkill: boolean,
  separate: readonly Int32Array[],
  plan: readonly Int32Array[],
  from: number,
  nI: number,
  hours: (i: number) => number,
  nG: number,
): PoolingSummary | null {
  if (!multiSkill) return null;
  let sepHours = 0;
  let planHours = 0;
  let savedSum = 0;
  let loaded = 0;
  for (let i = from; i < nI; i++) {
    let sep = 0;
    let got = 0;
    for (const row of separate) sep += row[i]!;
    for (let g = 0; g < nG; g++) got += plan[g]![i]!;
    sepHours += sep * hours(i);
    planHours += got * hours(i);
    if (sep > 0 && hours(i) > 0) {
      savedSum += sep - got;
      loaded++;
    }
  }
  const perInterval = loaded > 0 ? savedSum / loaded : 0;
  const saved = sepHours - planHours;
  const share = sepHours > 0 ? saved / sepHours : 0;
  const n = Number.isInteger(Math.round(perInterval * 10) / 10) ? String(Math.round(perInterval)) : perInterval.toFixed(1);
  const h = saved.toFixed(1);
  const message =
    perInterval > 0
      ? `pooling saves ${n} agents per interval on average (${h} agent-hours, ${(100 * share).toFixed(1)}%) against separate Erlang teams, one per contact type`
      : perInterval < 0
        ? `the plan needs ${n.replace('-', '')} more agents per interval on average (${h.replace('-', '')} agent-hours) than separate Erlang teams, one per contact type: pooling saves nothing here`
        : 'pooling saves 0 agents against separate Erlang teams, one per contact type';
  return {
    separate_agent_hours: sepHours,
    plan_agent_hours: planHours,
    saved_agent_hours: saved,
    saved_agents_per_interval: perInterval,
    saved_share: share,
    message,
  };
}
