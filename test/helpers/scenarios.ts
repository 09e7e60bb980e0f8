import type { ContactType, Scenario, AgentGroup, Distribution } from '../../src/scenario/types.ts';

/** Test fixtures built in code, with every default of the scenario format spelled out. */

export const exp = (mean: number): Distribution => ({ distribution: 'exponential', mean_seconds: mean });

export function contactType(id: string, over: Partial<ContactType> = {}): ContactType {
  return {
    id,
    channel: 'voice',
    arrivals: { per_hour: 60, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 },
    handle_time: exp(180),
    patience: null,
    retry: null,
    fcr: 1,
    repeat_after: exp(86400),
    priority: 0,
    service_level_seconds: 20,
    self_service: null,
    ...over,
  };
}

export function group(id: string, skills: Record<string, number>, agents: number, over: Partial<AgentGroup> = {}): AgentGroup {
  return { id, skills, staffing: { kind: 'constant', agents }, hourly_cost: 0, shrinkage: 0, concurrency: 1, ...over };
}

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'test',
    seed: 1,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
    service_level: { threshold_seconds: 20, target: 0.8 },
    contact_types: [contactType('general')],
    agent_groups: [group('team', { general: 1 }, 5)],
    routing: { policy: 'skill_based', transfer_seconds: 60 },
    costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0 },
    ...over,
  };
}

/** M/M/c: Poisson arrivals per hour, exponential handle time, c agents, no abandonment. */
export function mmc(perHour: number, meanHandle: number, agents: number, days: number, seed = 7): Scenario {
  return scenario({
    seed,
    horizon: { start: '2026-01-05', days, interval_minutes: 60, warmup_hours: 2 },
    contact_types: [contactType('general', { arrivals: { per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 }, handle_time: exp(meanHandle) })],
    agent_groups: [group('team', { general: 1 }, agents)],
  });
}
