/**
 * Common random numbers: two plans run with the same seed meet the same customers. Whatever the
 * staffing or routing does to queues, abandonments, retries and repeats, the first contacts
 * (new cases) of every type arrive at exactly the same times in each replication, and so every
 * interval counts the same first contacts. The arrival times are observed through the engine's
 * optional trace (`runReplication(..., { firstArrival })`); the per-interval counts through the
 * ordinary replication runner's results (`cases` of each interval).
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/center/run.ts';
import { compile } from '../../src/model/compile.ts';
import { createRunner } from '../../src/experiment/replications.ts';
import type { Result } from '../../src/metrics/types.ts';
import type { AgentGroup, Scenario } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

const SEED = 4242;
const REPLICATIONS = 3;

/**
 * A center where the plan changes a lot downstream of arrival: patience and retries (more of them
 * when short-staffed), repeats (fcr < 1), self-service, a daily overdispersion factor, a
 * time-varying profile, two types and two groups.
 */
function plan(name: string, policy: Scenario['routing']['policy'], groups: AgentGroup[]): Scenario {
  const days = { by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {} };
  const byHour = Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 21 ? 1 + (h % 3) : 0.2));
  return scenario({
    name,
    seed: SEED,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 2 },
    contact_types: [
      contactType('billing', {
        arrivals: { per_day: 2400, by_hour: byHour, ...days, overdispersion_cv: 0.2 },
        handle_time: { distribution: 'lognormal', mean_seconds: 240, cv: 0.8 },
        patience: exp(90),
        retry: { probability: 0.6, after: exp(300) },
        fcr: 0.8,
        repeat_after: exp(3600),
        self_service: { share_offered: 0.4, containment: 0.5, duration: exp(60), cost_per_session: 0.1, failed_handle_time_factor: 1.1 },
      }),
      contactType('sales', {
        arrivals: { per_hour: 40, ...days, overdispersion_cv: 0 },
        handle_time: { distribution: 'gamma', mean_seconds: 300, cv: 2 },
        patience: exp(120),
        fcr: 0.9,
        repeat_after: exp(7200),
      }),
    ],
    agent_groups: groups,
    routing: { policy, transfer_seconds: 45 },
  });
}

const generous = plan('skill-based, generous', 'skill_based', [
  group('generalists', { billing: 1, sales: 0.8 }, 18),
  group('sellers', { sales: 1 }, 6),
]);
const lean = plan('round robin, lean, shifts', 'round_robin', [
  group('generalists', { billing: 0.9, sales: 1 }, 0, {
    staffing: {
      kind: 'shifts',
      shifts: [
        { start: '06:00', hours: 8, agents: 7, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
        { start: '13:00', hours: 9, agents: 5, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
      ],
    },
  }),
  group('sellers', { sales: 1 }, 2),
]);

const traces = new Map<string, number[][]>();

/** First-contact arrival times per type index, in the order they happened (each run once). */
function firstArrivals(s: Scenario, replication: number): number[][] {
  const key = `${s.name}/${replication}`;
  const known = traces.get(key);
  if (known !== undefined) return known;
  const model = compile(s);
  const times: number[][] = model.types.map(() => []);
  runReplication(model, SEED, replication, { firstArrival: (type, time) => times[type]!.push(time) });
  traces.set(key, times);
  return times;
}

describe('two plans on common random numbers', () => {
  it('see identical first-contact arrival times, type by type, in each replication', () => {
    const seen: number[][][] = [];
    for (let r = 0; r < REPLICATIONS; r++) {
      const a = firstArrivals(generous, r);
      const b = firstArrivals(lean, r);
      for (let j = 0; j < a.length; j++) {
        // A day of billing (~2400 x overdispersion) and sales (~960): a real sample, not a few.
        expect(a[j]!.length, `replication ${r}, type ${j}`).toBeGreaterThan(500);
        expect(b[j]!.length, `replication ${r}, type ${j}: first contacts`).toBe(a[j]!.length);
        const differ = a[j]!.findIndex((t, i) => t !== b[j]![i]);
        expect(differ, `replication ${r}, type ${j}: first arrival time that differs between the plans`).toBe(-1);
        // Ascending and inside the horizon.
        expect(a[j]!.every((t, i) => i === 0 || t >= a[j]![i - 1]!)).toBe(true);
        expect(a[j]![a[j]!.length - 1]!).toBeLessThan(86_400);
      }
      seen.push(a);
    }
    // Replications are independent draws, not one stream replayed.
    expect(seen[1]![0]![0]).not.toBe(seen[0]![0]![0]);
    expect(seen[1]![0]!.length).not.toBe(seen[0]![0]!.length);
  });

  it('count identical first contacts in every interval of each replication, while the rest of the day differs', async () => {
    const runner = createRunner(1);
    try {
      for (let r = 0; r < REPLICATIONS; r++) {
        const a: Result = await runner.run(generous, SEED, r);
        const b: Result = await runner.run(lean, SEED, r);
        expect(a.by_interval.map((x) => x.start)).toEqual(b.by_interval.map((x) => x.start));
        expect(a.by_interval.length).toBe(44); // 30-minute intervals from 02:00 (warm-up) to 24:00
        expect(b.by_interval.map((x) => x.cases), `replication ${r}`).toEqual(a.by_interval.map((x) => x.cases));
        for (const id of ['billing', 'sales']) expect(b.by_type[id]!.cases, `${id}, replication ${r}`).toBe(a.by_type[id]!.cases);
        // The plans really differ downstream, so the equality above is not vacuous.
        expect(b.totals.abandoned, `replication ${r}`).toBeGreaterThan(a.totals.abandoned);
        expect(b.totals.arrivals, `replication ${r}: retries and repeats`).not.toBe(a.totals.arrivals);

        // The trace agrees with the engine's own per-interval count of new cases.
        const traced = firstArrivals(generous, r).flat();
        const perInterval = new Array<number>(48).fill(0);
        for (const t of traced) if (t >= 2 * 3600) perInterval[Math.floor(t / 1800)]!++;
        expect(a.by_interval.map((x) => x.cases)).toEqual(perInterval.slice(4));
      }
    } finally {
      await runner.close();
    }
  });

  it('observing arrivals changes nothing: the traced run tallies exactly what the untraced run does', () => {
    const model = compile(lean);
    const plain = runReplication(model, SEED, 1);
    let seen = 0;
    const traced = runReplication(model, SEED, 1, { firstArrival: () => seen++ });
    expect(seen).toBeGreaterThan(1000);
    expect(Array.from(traced.grid)).toEqual(Array.from(plain.grid));
    expect(Array.from(traced.intervalTime)).toEqual(Array.from(plain.intervalTime));
    expect(traced.events).toBe(plain.events);
  });
});
