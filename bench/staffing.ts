/**
 * The staffing benchmark: `ccsim staff` (Erlang C/A + the simulation-based search) on a week of a
 * three-type center in 30-minute intervals, with the default search settings. Built in code.
 *
 *   billing  voice, 4,000 a day, handle lognormal 300 s (cv 0.8), patience exp 150 s
 *   tech     voice, 2,000 a day, handle lognormal 480 s (cv 1.0), patience exp 240 s
 *   sales    voice, 1,200 a day, handle exp 240 s, patience exp 120 s, priority 1
 *   groups   billing (billing), tech (tech), flex (billing 0.9, sales 1, tech 0.8): a free flex
 *            agent takes a waiting sales call first, and billing or tech overflow otherwise
 *
 * Open 07:00–22:00 with a two-peak day; Saturday at 60%, Sunday at 30%; 80% within 20 s and an
 * abandon rate of at most 5%.
 */
import type { AgentGroup, ContactType, Distribution, Scenario } from '../src/scenario/types.ts';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/files/scenario-file.ts';
import { staff } from '../src/staffing/index.ts';

const exp = (mean: number): Distribution => ({ distribution: 'exponential', mean_seconds: mean });
const lognormal = (mean: number, cv: number): Distribution => ({ distribution: 'lognormal', mean_seconds: mean, cv });

/** Relative weight per hour of day: closed at night, peaks at 10:00 and 15:00. */
const BY_HOUR = [0, 0, 0, 0, 0, 0, 0, 3, 7, 10, 11, 10, 8, 8, 9, 10, 9, 7, 6, 5, 4, 3, 0, 0];
const BY_WEEKDAY = [1, 1, 1, 1, 1, 0.6, 0.3];

function contactType(id: string, perDay: number, handle: Distribution, patience: Distribution, priority = 0): ContactType {
  return {
    id,
    channel: 'voice',
    arrivals: { per_day: perDay, by_hour: BY_HOUR, by_weekday: BY_WEEKDAY, by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 },
    handle_time: handle,
    patience,
    retry: null,
    fcr: 1,
    repeat_after: exp(86400),
    priority,
    service_level_seconds: 20,
    self_service: null,
  };
}

function group(id: string, skills: Record<string, number>, hourlyCost: number): AgentGroup {
  return { id, skills, staffing: { kind: 'constant', agents: 0 }, hourly_cost: hourlyCost, shrinkage: 0.3, concurrency: 1 };
}

/** The week to staff; `days` shortens it (for a warm-up run). */
export function staffingScenario(days = 7): Scenario {
  return {
    name: 'staffing bench: 3 types, 7 days, 30-min intervals',
    seed: 1,
    horizon: { start: '2026-01-05', days, interval_minutes: 30, warmup_hours: 0 },
    service_level: { threshold_seconds: 20, target: 0.8, max_abandon_rate: 0.05 },
    contact_types: [
      contactType('billing', 4000, lognormal(300, 0.8), exp(150)),
      contactType('tech', 2000, lognormal(480, 1), exp(240)),
      contactType('sales', 1200, exp(240), exp(120), 1),
    ],
    agent_groups: [group('billing', { billing: 1 }, 30), group('tech', { tech: 1 }, 40), group('flex', { billing: 0.9, sales: 1, tech: 0.8 }, 36)],
    routing: { policy: 'skill_based', transfer_seconds: 60 },
    costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0 },
  };
}

export interface StaffingBench {
  seconds: number;
  iterations: number;
  simulations: number;
  replications: number;
  contacts: number;
  events: number;
  converged: boolean;
  missedIntervals: number;
  checkedIntervals: number;
  /** The bundled tech-support week (scenarios/tech-support.yaml): search and interval-plan verification, one thread. */
  techSupport: { seconds: number; cpuSeconds: number; iterations: number; simulations: number; replications: number; holds: boolean };
}

/** `staff` on scenarios/tech-support.yaml with the plan verified on 20 fresh replications (as `ccsim staff` does), on this thread. */
function benchTechSupport(): StaffingBench['techSupport'] {
  const { scenario } = loadScenario(fileURLToPath(new URL('../scenarios/tech-support.yaml', import.meta.url)));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { result } = staff(scenario, { verifyReplications: 20 });
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    iterations: result.search.iterations,
    simulations: result.search.simulations,
    replications: result.search.replications_run,
    holds: result.verification?.plan.holds ?? false,
  };
}

/** Runs `staff` on the benchmark week (or `days` of it) with the default settings and times it. */
export function benchStaffing(days = 7): StaffingBench {
  const t0 = performance.now();
  const { result, events } = staff(staffingScenario(days));
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    iterations: result.search.iterations,
    simulations: result.search.simulations,
    replications: result.search.replications_run,
    contacts: result.search.contacts_simulated,
    events,
    converged: result.search.converged,
    missedIntervals: result.search.missed_intervals.length,
    checkedIntervals: result.intervals.filter((iv) => iv.checked).length,
    techSupport: benchTechSupport(),
  };
}
