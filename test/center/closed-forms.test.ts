import { describe, it } from 'vitest';
import { erlangB, erlangC, erlangCAsa, erlangCServiceLevel, erlangA } from '../../src/analytic/index.ts';
import { contactType, exp, group, mmc, scenario } from '../helpers/scenarios.ts';
import { expectAgrees, replicate } from '../helpers/replicate.ts';
import type { Result } from '../../src/metrics/types.ts';
import type { Arrivals } from '../../src/scenario/types.ts';

/*
 * The simulation against queueing theory's closed forms. Each case runs R independent
 * replications with a fixed seed; the exact value must fall inside the 99.9% t-interval of the
 * replication mean (see expectAgrees). A two-hour warm-up removes the empty-start transient.
 */

const R = 20;
const flat = (perHour: number): Arrivals => ({ per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 });

function expectErlangC(results: Result[], perHour: number, meanHandle: number, agents: number, threshold = 20, label = ''): void {
  const load = (perHour * meanHandle) / 3600;
  expectAgrees(results, (m) => m.wait_probability, erlangC(agents, load), `${label} P(wait)`);
  expectAgrees(results, (m) => m.asa_seconds, erlangCAsa(agents, load, meanHandle), `${label} ASA`);
  expectAgrees(results, (m) => m.service_level, erlangCServiceLevel(agents, load, threshold, meanHandle), `${label} service level`);
  expectAgrees(results, (m) => m.occupancy, load / agents, `${label} occupancy`);
}

describe('M/M/c agrees with Erlang C', () => {
  it('the textbook case: 100 calls per 30 min, 180 s, 14 agents (load 10)', () => {
    expectErlangC(replicate(mmc(200, 180, 14, 2, 11), R), 200, 180, 14);
  });

  it('occupancy 0.90: 360 calls/h, 180 s, 20 agents', () => {
    expectErlangC(replicate(mmc(360, 180, 20, 4, 12), R), 360, 180, 20);
  });

  it('occupancy 0.95 with 100 agents: 5,700 calls/h, 60 s (the W1 benchmark)', () => {
    expectErlangC(replicate(mmc(5700, 60, 100, 2, 13), R), 5700, 60, 100);
  });
});

describe('abandonment', () => {
  it('exponential patience agrees with Erlang A (M/M/c+M)', () => {
    const s = mmc(360, 180, 18, 3, 21); // load 18 on 18 agents: stable only thanks to abandonment
    s.contact_types[0]!.patience = exp(120);
    const results = replicate(s, R);
    const a = erlangA({ servers: 18, ratePerSecond: 360 / 3600, meanServiceSeconds: 180, meanPatienceSeconds: 120, thresholdSeconds: 20 });
    expectAgrees(results, (m) => m.abandon_rate, a.abandonProbability, 'P(abandon)');
    expectAgrees(results, (m) => m.wait_probability, a.waitProbability, 'P(wait)');
    expectAgrees(results, (m) => m.asa_seconds, a.asaSeconds, 'ASA of answered');
    expectAgrees(results, (m) => m.service_level, a.serviceLevel, 'service level');
    expectAgrees(results, (m) => m.occupancy, a.occupancy, 'occupancy');
  });

  it('zero patience is a loss system: abandonment agrees with Erlang B', () => {
    const s = mmc(160, 180, 10, 3, 22); // load 8 on 10 lines
    s.contact_types[0]!.patience = { distribution: 'deterministic', mean_seconds: 0 };
    const results = replicate(s, R);
    expectAgrees(results, (m) => m.abandon_rate, erlangB(10, 8), 'blocking');
    expectAgrees(results, (m) => m.asa_seconds, 0, 'ASA');
  });
});

describe('pooled and split agent groups', () => {
  const twoTypes = (groups: ReturnType<typeof group>[], seed: number) =>
    scenario({
      seed,
      horizon: { start: '2026-01-05', days: 3, interval_minutes: 60, warmup_hours: 2 },
      contact_types: [contactType('a', { arrivals: flat(180) }), contactType('b', { arrivals: flat(180) })],
      agent_groups: groups,
    });

  it('one pool with both skills behaves as one Erlang C queue', () => {
    const results = replicate(twoTypes([group('pool', { a: 1, b: 1 }, 20)], 31), R);
    expectErlangC(results, 360, 180, 20, 20, 'pooled');
  });

  it('two specialist groups behave as two separate Erlang C queues', () => {
    const results = replicate(twoTypes([group('for-a', { a: 1 }, 10), group('for-b', { b: 1 }, 10)], 32), R);
    for (const id of ['a', 'b']) {
      const load = 9;
      expectAgrees(results, (m) => m.wait_probability, erlangC(10, load), `${id} P(wait)`, (r) => r.by_type[id]!);
      expectAgrees(results, (m) => m.asa_seconds, erlangCAsa(10, load, 180), `${id} ASA`, (r) => r.by_type[id]!);
      expectAgrees(results, (m) => m.service_level, erlangCServiceLevel(10, load, 20, 180), `${id} service level`, (r) => r.by_type[id]!);
    }
  });
});

describe('self-service in front of the queue', () => {
  it('thins the offered stream: the agent queue is Erlang C at the uncontained rate', () => {
    const s = mmc(500, 180, 21, 3, 41);
    s.contact_types[0]!.self_service = { share_offered: 0.6, containment: 0.4, duration: exp(90), cost_per_session: 0, failed_handle_time_factor: 1 };
    const results = replicate(s, R);
    const offeredPerHour = 500 * (1 - 0.6 * 0.4); // Poisson thinning; delays keep it Poisson
    expectAgrees(results, (m) => m.containment_rate, 0.4, 'containment rate');
    expectAgrees(results, (m) => m.contained / m.arrivals, 0.24, 'contained share of arrivals');
    expectErlangC(results, offeredPerHour, 180, 21, 20, 'after self-service');
  });
});
