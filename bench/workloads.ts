import type { AgentGroup, ContactType, Distribution, Scenario } from '../src/scenario/types.ts';

/**
 * Benchmark workloads, built in code (no dependency on test/). Every workload is sized by the
 * number of contacts expected to arrive: the horizon is `contacts / (total rate per day)` days,
 * with no warm-up so that every arrival is counted.
 */

export interface Workload {
  /** Name on the command line and in the table, e.g. "W1-1M". */
  id: string;
  description: string;
  /** Contacts expected per replication at full size. */
  contacts: number;
  /** Sequential replications timed together (1 except for R). */
  replications: number;
  /** The scenario sized for `contacts` expected arrivals (smaller sizes serve as warm-up). */
  build(contacts: number): Scenario;
  /**
   * Run on ContactCenter even where runReplication would take SingleQueueCenter: what a model
   * with any of the journey's features (a second type, repeats, shifts...) runs at.
   */
  general?: boolean;
}

const exp = (mean: number): Distribution => ({ distribution: 'exponential', mean_seconds: mean });

function contactType(id: string, perHour: number, handleMean: number, patienceMean: number | null): ContactType {
  return {
    id,
    channel: 'voice',
    arrivals: { per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 },
    handle_time: exp(handleMean),
    patience: patienceMean === null ? null : exp(patienceMean),
    retry: null,
    fcr: 1,
    repeat_after: exp(86400),
    priority: 0,
    service_level_seconds: 20,
    self_service: null,
  };
}

function group(id: string, skills: Record<string, number>, agents: number): AgentGroup {
  return { id, skills, staffing: { kind: 'constant', agents }, hourly_cost: 0, shrinkage: 0, concurrency: 1 };
}

function scenario(name: string, days: number, types: ContactType[], groups: AgentGroup[]): Scenario {
  return {
    name,
    seed: 1,
    horizon: { start: '2026-01-05', days, interval_minutes: 60, warmup_hours: 0 },
    service_level: { threshold_seconds: 20, target: 0.8 },
    contact_types: types,
    agent_groups: groups,
    routing: { policy: 'skill_based', transfer_seconds: 60 },
    costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0 },
  };
}

/** Days of horizon for `contacts` expected arrivals at `perHour` contacts per hour in total. */
const daysFor = (contacts: number, perHour: number): number => contacts / perHour / 24;

const W1_RATE = 5700; // per hour; 100 agents x 60 s mean handle: offered load 95 Erlangs

/** M/M/c: 100 agents, 5,700 contacts/h, exponential handle 60 s, no abandonment. */
export function mmc(contacts: number): Scenario {
  return scenario(
    `W1 M/M/100 (${contacts} contacts)`,
    daysFor(contacts, W1_RATE),
    [contactType('general', W1_RATE, 60, null)],
    [group('team', { general: 1 }, 100)],
  );
}

/** W1 plus exponential patience, mean 120 s (M/M/c+M). */
export function mmcm(contacts: number): Scenario {
  return scenario(
    `W2 M/M/100+M (${contacts} contacts)`,
    daysFor(contacts, W1_RATE),
    [contactType('general', W1_RATE, 60, 120)],
    [group('team', { general: 1 }, 100)],
  );
}

const W3_TYPES = ['a', 'b', 'c', 'd'] as const;
const W3_AGENTS_PER_GROUP = 10;
const W3_HANDLE = 180;
const W3_OCCUPANCY = 0.87;
/** Per type: 40 agents x 0.87 occupancy = 34.8 Erlangs in all, 8.7 per type = 174 contacts/h. */
const W3_RATE_PER_TYPE = (W3_OCCUPANCY * W3_AGENTS_PER_GROUP * W3_TYPES.length * 3600) / W3_HANDLE / W3_TYPES.length;

/** Four contact types; four groups of 10 agents, each skilled for two types in a ring (ab, bc, cd, da). */
export function ring(contacts: number): Scenario {
  const n = W3_TYPES.length;
  return scenario(
    `W3 four-type skill ring (${contacts} contacts)`,
    daysFor(contacts, W3_RATE_PER_TYPE * n),
    W3_TYPES.map((id) => contactType(id, W3_RATE_PER_TYPE, W3_HANDLE, null)),
    W3_TYPES.map((id, i) => {
      const next = W3_TYPES[(i + 1) % n]!;
      return group(`${id}${next}`, { [id]: 1, [next]: 1 }, W3_AGENTS_PER_GROUP);
    }),
  );
}

/** R: replications throughput, W1 at 100k contacts compiled once and replicated this many times. */
export const R_REPLICATIONS = 8;

export const WORKLOADS: Workload[] = [
  { id: 'W1-1M', description: 'M/M/c, 100 agents, 5,700/h, handle exp 60 s', contacts: 1_000_000, replications: 1, build: mmc },
  { id: 'W1-10M', description: 'M/M/c, 100 agents, 5,700/h, handle exp 60 s', contacts: 10_000_000, replications: 1, build: mmc },
  { id: 'W1-general', description: 'W1 1M on the general center (ContactCenter)', contacts: 1_000_000, replications: 1, build: mmc, general: true },
  { id: 'W2', description: 'W1 + patience exp 120 s', contacts: 1_000_000, replications: 1, build: mmcm },
  { id: 'W3', description: '4 types, 40 agents, 2 skills each (ring), occ ~0.87, handle exp 180 s', contacts: 1_000_000, replications: 1, build: ring },
  { id: 'R', description: `W1 at 100k contacts x ${R_REPLICATIONS} sequential replications`, contacts: 100_000, replications: R_REPLICATIONS, build: mmc },
];

export function workload(id: string): Workload {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) throw new Error(`unknown workload "${id}" (known: ${WORKLOADS.map((x) => x.id).join(', ')})`);
  return w;
}
