/**
 * Real (short) runs for the report tests: a two-type scenario with a night-time gap (hours with
 * no arrivals, so empty intervals occur naturally), self-service and costs; a comparison and a
 * sweep built from simulate runs of its variants.
 */

import { simulate } from '../../src/experiment/simulate.ts';
import type { CompareResult, Difference, PlanResult, SweepResult } from '../../src/experiment/types.ts';
import type { Metrics, Result } from '../../src/metrics/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

/** 24 hourly rates: nothing from 00:00 to 06:00, a day-time hump. */
export const DAY_PROFILE = [0, 0, 0, 0, 0, 0, 20, 60, 110, 130, 120, 110, 100, 110, 120, 110, 90, 70, 50, 40, 30, 20, 10, 5];

const flat = { by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 };

/** A small bank: voice `general` (per-hour profile) and `billing` (with a self-service bot). */
export function bankScenario(agents = 14, over: Partial<Scenario> = {}): Scenario {
  return scenario({
    name: 'Report test bank',
    seed: 11,
    horizon: { start: '2026-01-05', days: 2, interval_minutes: 60, warmup_hours: 0 },
    service_level: { threshold_seconds: 20, target: 0.8 },
    contact_types: [
      contactType('general', {
        arrivals: { per_hour: DAY_PROFILE, ...flat },
        handle_time: exp(240),
        patience: exp(180),
        fcr: 0.8,
        repeat_after: exp(4 * 3600),
      }),
      contactType('billing', {
        arrivals: { per_hour: DAY_PROFILE.map((r) => r / 2), ...flat },
        handle_time: exp(300),
        patience: exp(240),
        fcr: 0.7,
        repeat_after: exp(8 * 3600),
        self_service: { share_offered: 0.5, containment: 0.4, duration: exp(120), cost_per_session: 0.25, failed_handle_time_factor: 1.1 },
      }),
    ],
    agent_groups: [
      group('generalists', { general: 1, billing: 1 }, agents, {
        staffing: { kind: 'hourly', agents: DAY_PROFILE.map((r) => (r === 0 ? 0 : agents)) },
        hourly_cost: 30,
      }),
    ],
    costs: { per_minute_voice: 0.02, per_contact: 0.1, overhead_per_agent_hour: 5 },
    ...over,
  });
}

export function runBank(agents = 14, replications = 1, over: Partial<Scenario> = {}): { scenario: Scenario; result: Result } {
  const s = bankScenario(agents, over);
  return { scenario: s, result: simulate(s, { replications }) };
}

function planResult(name: string, result: Result): PlanResult {
  return { name, totals: result.totals, ci95: result.ci95?.totals ?? null };
}

/** A comparison of the given agent counts, each run with `replications` (hand-built, no paired intervals). */
export function compareBank(agentCounts: readonly number[], replications = 3): { plans: Array<{ name: string; scenario: Scenario }>; compare: CompareResult } {
  const runs = agentCounts.map((a) => ({ name: `${a} agents`, ...runBank(a, replications) }));
  const plans = runs.map((r) => planResult(r.name, r.result));
  const differences: Difference[] = [];
  const base = plans[0]!;
  for (const p of plans.slice(1)) {
    for (const metric of ['service_level', 'cost_per_contact'] as const) {
      const a = p.totals[metric];
      const b = base.totals[metric];
      differences.push({ plan: p.name, baseline: base.name, metric, mean: a !== null && b !== null ? a - b : null, ci95: 0.01 });
    }
  }
  return {
    plans: runs.map((r) => ({ name: r.name, scenario: r.scenario })),
    compare: { seed: 11, replications, plans, differences },
  };
}

/** A sweep over agent counts: one row per count. */
export function sweepBank(agentCounts: readonly number[], replications = 2): { scenario: Scenario; sweep: SweepResult } {
  const rows = agentCounts.map((a, index) => {
    const { result } = runBank(a, replications);
    return { index, point: { 'agent_groups[generalists].agents': a }, replications, totals: result.totals, ci95: result.ci95?.totals ?? null };
  });
  return { scenario: bankScenario(agentCounts[0]), sweep: { scenario: 'Report test bank', replications, rows } };
}

/** Metrics with every figure zero or undefined: a run in which nothing arrived. */
export function emptyMetrics(): Metrics {
  return {
    arrivals: 0, contained: 0, offered: 0, answered: 0, abandoned: 0, transfers: 0,
    service_level: null, asa_seconds: null, wait_probability: null, abandon_rate: null, aht_seconds: null,
    occupancy: null, fcr: null, containment_rate: null, repeat_rate: null,
    ttr_hours: { mean: null, p50: null, p90: null },
    cases: 0, resolved_cases: 0, lost_cases: 0, open_cases: 0,
    cost_total: 0, cost_per_contact: null, cost_per_resolution: null, closed: 0,
    effort_mean: null, high_effort_share: null, effort_open_mean: null,
    agents: 0, paid_hours: 0, cost_agents: 0, cost_self_service: 0, cost_telephony: 0, cost_contacts: 0,
    waiting_at_end: 0, in_self_service_at_end: 0, cases_reached: 0, self_service_tried: 0,
  };
}
