/**
 * The staffing of a scenario: the analytic start (analytic.ts), the simulation search
 * (search.ts), the interval plan's verification and repair when asked (plan-repair.ts), and the
 * result's tables (result.ts): requirement per interval and group, figures of the plan, cost
 * against the current plan, shift covers. A generator of simulation requests (simulations.ts).
 */

import { timestampOf } from '../model/calendar.ts';
import { compile } from '../model/compile.ts';
import { aggregate } from '../metrics/aggregate.ts';
import type { Scenario, Shift } from '../scenario/types.ts';
import { withOverrides } from '../experiment/simulate.ts';
import { analyticPlan, exactServiceLevel, targetsOf, type AnalyticPlan, type StaffingTargets } from './analytic.ts';
import type { Model } from '../model/model.ts';
import { evaluationOf, intervalFigures, intervalServiceLevel, withPlan, type Evaluation } from './evaluation.ts';
import { groupShifts, payOf, rosterHours } from './group-shifts.ts';
import { templatesOf } from './patterns.ts';
import { openRequirement } from './open-requirement.ts';
import { repairPlan } from './plan-repair.ts';
import { pooling } from './pooling.ts';
import type { GroupRequirement, GroupShifts, GroupSummary, Staffed, StaffingInterval, StaffingResult, TypeFigures } from './result.ts';
import { searchStaffing, type SearchOptions } from './search.ts';
import { coverWithShifts, evaluateShifts } from './shifts.ts';
import { simulate, type Simulating } from './simulations.ts';
import { checkStaffable } from './staffable.ts';

export const DEFAULT_STAFF_OPTIONS: SearchOptions = {
  replications: 10,
  earlyReplications: 4,
  maxIterations: 60,
  minOffered: 5,
  maxRemovalRounds: 1,
  tolerance: 0.01,
};

export interface StaffOptions extends Partial<SearchOptions> {
  /** Verify (and repair) the interval plan on this many fresh replications (verified.ts sets it). */
  verifyReplications?: number | undefined;
  /** Overrides the scenario's seed. */
  seed?: number | undefined;
  /** Overrides horizon.days. */
  days?: number | undefined;
}

const ceilShrunk = (n: number, shrinkage: number): number => (n === 0 ? 0 : Math.ceil(n / (1 - shrinkage) - 1e-9));

/** Finds the staffing; see the module comments of analytic.ts and search.ts. */
export function* staffSteps(input: Scenario, options: StaffOptions = {}): Simulating<Staffed> {
  const t0 = performance.now();
  checkStaffable(input);
  const scenario = withOverrides(input, { seed: options.seed, days: options.days });
  const settings: SearchOptions = {
    replications: Math.max(2, Math.floor(options.replications ?? DEFAULT_STAFF_OPTIONS.replications)),
    earlyReplications: Math.max(2, Math.floor(options.earlyReplications ?? DEFAULT_STAFF_OPTIONS.earlyReplications)),
    maxIterations: Math.max(1, Math.floor(options.maxIterations ?? DEFAULT_STAFF_OPTIONS.maxIterations)),
    minOffered: options.minOffered ?? DEFAULT_STAFF_OPTIONS.minOffered,
    maxRemovalRounds: Math.max(0, Math.floor(options.maxRemovalRounds ?? DEFAULT_STAFF_OPTIONS.maxRemovalRounds)),
    tolerance: Math.max(0, Math.min(0.05, options.tolerance ?? DEFAULT_STAFF_OPTIONS.tolerance)),
    onProgress: options.onProgress,
  };
  const targets: StaffingTargets = targetsOf(scenario);
  const model = compile(scenario);
  const analytic = analyticPlan(model, targets);
  const can = rosterable(scenario, model.intervalCount);
  const searched = yield* searchStaffing(model, analytic, targets, scenario.seed, { ...settings, rosterable: can });
  const exact = exactLevels(model, analytic, searched.plan, searched.pinned);
  const { outcome, verification, repairs } =
    options.verifyReplications === undefined
      ? { outcome: searched, verification: null, repairs: 0 }
      : yield* repairPlan(scenario, model, searched, settings.replications, options.verifyReplications, options.onProgress, exact, can);

  const staffedScenario = withPlan(scenario, outcome.plan);
  // The final plan's summarised results, for the report: asked for once here (a repair already
  // brings them) rather than on every plan the search simulated.
  const final = outcome.final.results !== null ? outcome.final : yield* finalWithResults(model, staffedScenario, scenario.seed, settings.replications);
  const simulation = aggregate(final.results!);

  const nI = model.intervalCount;
  const nT = model.types.length;
  const len = model.intervalSeconds;
  const from = model.firstReportedInterval;
  const groupIds = scenario.agent_groups.map((g) => g.id);
  const typeIds = scenario.contact_types.map((t) => t.id);
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

/** The plan simulated on the search's replications 0..R−1 with each replication's summarised result. */
function* finalWithResults(model: Model, staffed: Scenario, seed: number, replications: number): Simulating<Evaluation> {
  const simulated = yield* simulate(staffed, seed, replications, 0, true);
  return evaluationOf(model.intervalCount, model.types.length, simulated.counts, simulated.results);
}

/**
 * Where each group can have agents: a group rostered in shifts (its `shift_templates`, or its
 * own shifts) where one of its templates (one agent on each of its weeks) is on duty; any other
 * group everywhere.
 */
function rosterable(scenario: Scenario, nI: number): Uint8Array[] {
  return scenario.agent_groups.map((g) => {
    const templates = templatesOf(g);
    if (templates === null) return new Uint8Array(nI).fill(1);
    const one: Shift[] = templates.flatMap((t) =>
      t.weeks.map((week) => ({ start: t.start, hours: t.hours, agents: 1, days: week, breaks: [], break_window_minutes: t.break_window_minutes })),
    );
    const coverage = evaluateShifts(one, scenario.horizon, scenario.horizon.interval_minutes, nI).coverage;
    return Uint8Array.from({ length: nI }, (_, i) => (coverage[i]! > 0 ? 1 : 0));
  });
}

/**
 * The exact Erlang service level of every cell whose group is kept at its exact answer
 * (`pinned`, exactness.ts); NaN elsewhere.
 */
function exactLevels(model: Model, analytic: AnalyticPlan, plan: readonly Int32Array[], pinned: readonly Uint8Array[]): Float64Array {
  const nT = model.types.length;
  const out = new Float64Array(model.intervalCount * nT).fill(NaN);
  model.groups.forEach((g, gi) => {
    const j = g.proficiency.findIndex((p) => p > 0);
    if (j < 0) return;
    for (let i = 0; i < model.intervalCount; i++) {
      if (pinned[gi]![i]) out[i * nT + j] = exactServiceLevel(model, j, i, analytic.rate[i]![j]!, plan[gi]![i]!, g.proficiency[j]!);
    }
  });
  return out;
}

