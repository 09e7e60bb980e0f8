import { describe, expect, it } from 'vitest';
import { CalculatorInputError, erlangB, erlangC, erlangCalculator } from '../../src/analytic/index.ts';
import { erlangCExact, serviceLevelByUniformization } from './reference.ts';

const CLASSIC = { volume: 100, intervalMinutes: 30, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 };

/**
 * The M/M/c+M birth–death chain by direct products (independent of erlangA's log-space
 * normalisation): π_n ∝ Π λ / (min(k, c)μ + max(k − c, 0)θ). P(wait) = P(N ≥ c), P(abandon) =
 * θ·E[(N − c)+]/λ, occupancy = E[min(N, c)]/c.
 */
function chain(c: number, lambda: number, aht: number, patience: number): { pWait: number; pAbandon: number; occupancy: number } {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const pi = [1];
  let w = 1;
  for (let n = 1; n < 5000; n++) {
    w *= lambda / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
    pi.push(w);
  }
  const total = pi.reduce((s, x) => s + x, 0);
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  pi.forEach((x, n) => {
    const p = x / total;
    if (n >= c) pWait += p;
    queue += Math.max(n - c, 0) * p;
    busy += Math.min(n, c) * p;
  });
  return { pWait, pAbandon: (theta * queue) / lambda, occupancy: busy / c };
}

describe('erlangCalculator', () => {
  it('reproduces the published Erlang C example: 100 calls / 30 min, AHT 180 s, 80/20 -> 14 agents, SL 88.83%, ASA 7.84 s', () => {
    const r = erlangCalculator(CLASSIC);
    expect(r.load).toBeCloseTo(10, 12);
    expect(r.erlang_c.agents).toBe(14);
    // Published to 4 and 2 decimals (0.88835 lies on the rounding border, hence 1e-4).
    expect(Math.abs(r.erlang_c.service_level - 0.8883)).toBeLessThanOrEqual(1e-4);
    expect(r.erlang_c.asa_seconds!).toBeCloseTo(7.84, 2);
    // And exactly, from the direct-sum Erlang C in BigInt rationals.
    const c = erlangCExact(14, 10);
    expect(r.erlang_c.wait_probability).toBeCloseTo(c, 12);
    expect(r.erlang_c.service_level).toBeCloseTo(1 - c * Math.exp((-4 * 20) / 180), 12);
    expect(r.erlang_c.asa_seconds!).toBeCloseTo((c * 180) / 4, 10);
    expect(r.erlang_c.occupancy).toBeCloseTo(10 / 14, 12);
    expect(r.erlang_c.fte).toBe(14);
    expect(r.erlang_a).toBeNull();
    // 13 agents fall short (Erlang C 79.6%), so 14 is the fewest.
    const thirteen = erlangCalculator({ ...CLASSIC, agents: 13 }).erlang_c;
    expect(thirteen.service_level).toBeCloseTo(0.7955, 3);
    expect(thirteen.meets).toBe(false);
  });

  it('gives Erlang A figures that match the exact birth-death chain, and the fewest agents meeting the target', () => {
    for (const patience of [60, 120, 600]) {
      const r = erlangCalculator({ ...CLASSIC, patienceSeconds: patience });
      const a = r.erlang_a!;
      const lambda = 100 / 1800;
      const exact = chain(a.agents, lambda, 180, patience);
      expect(a.wait_probability).toBeCloseTo(exact.pWait, 9);
      expect(a.abandon_rate).toBeCloseTo(exact.pAbandon, 9);
      expect(a.occupancy).toBeCloseTo(exact.occupancy, 9);
      const sl = (c: number): number =>
        serviceLevelByUniformization({ servers: c, ratePerSecond: lambda, meanServiceSeconds: 180, meanPatienceSeconds: patience, thresholdSeconds: 20 });
      expect(a.service_level).toBeCloseTo(sl(a.agents), 7);
      expect(sl(a.agents)).toBeGreaterThanOrEqual(0.8);
      expect(sl(a.agents - 1)).toBeLessThan(0.8);
      // Abandonment only shortens the queue: never more agents than Erlang C.
      expect(a.agents).toBeLessThanOrEqual(r.erlang_c.agents);
    }
  });

  it('evaluates a given number of agents (the reverse question)', () => {
    const r = erlangCalculator({ ...CLASSIC, agents: 12, patienceSeconds: 120 });
    expect(r.erlang_c.agents).toBe(12);
    expect(r.erlang_a!.agents).toBe(12);
    const exact = chain(12, 100 / 1800, 180, 120);
    expect(r.erlang_a!.abandon_rate).toBeCloseTo(exact.pAbandon, 9);
    // Too few for Erlang C: no steady state, reported as unbounded (null), never NaN or Infinity.
    const few = erlangCalculator({ ...CLASSIC, agents: 10 }).erlang_c;
    expect(few).toMatchObject({ service_level: 0, asa_seconds: null, wait_probability: 1, meets: false });
    expect(JSON.stringify(few)).not.toMatch(/NaN|Infinity/);
  });

  it('adds shrinkage as FTE, caps occupancy, and counts chat sessions per agent', () => {
    expect(erlangCalculator({ ...CLASSIC, shrinkage: 0.3 }).erlang_c.fte).toBeCloseTo(14 / 0.7, 12);
    // Occupancy at most 70%: 10 Erlangs need 15 agents (10/14 = 71.4% > 70%).
    const capped = erlangCalculator({ ...CLASSIC, maxOccupancy: 0.7 }).erlang_c;
    expect(capped.agents).toBe(15);
    expect(capped.occupancy).toBeLessThanOrEqual(0.7);
    // Concurrency 2: 14 sessions are 7 agents.
    const chat = erlangCalculator({ ...CLASSIC, concurrency: 2 }).erlang_c;
    expect(chat.agents).toBe(7);
    expect(chat.service_level).toBeCloseTo(erlangCalculator(CLASSIC).erlang_c.service_level, 12);
    // Concurrency 3: ⌈14 / 3⌉ = 5 agents, 15 sessions.
    const three = erlangCalculator({ ...CLASSIC, concurrency: 3 }).erlang_c;
    expect(three.agents).toBe(5);
    expect(three.occupancy).toBeCloseTo(10 / 15, 12);
  });

  it('answers zero volume with zero agents and names the field of a bad input', () => {
    const zero = erlangCalculator({ ...CLASSIC, volume: 0, patienceSeconds: 60 });
    expect(zero.erlang_c).toMatchObject({ agents: 0, service_level: 1, asa_seconds: 0 });
    expect(zero.erlang_a).toMatchObject({ agents: 0, abandon_rate: 0 });
    expect(() => erlangCalculator({ ...CLASSIC, target: 1 })).toThrow(CalculatorInputError);
    expect(() => erlangCalculator({ ...CLASSIC, ahtSeconds: 0 })).toThrow(/aht/);
    expect(() => erlangCalculator({ ...CLASSIC, volume: Number.NaN })).toThrow(/volume/);
    expect(() => erlangCalculator({ ...CLASSIC, concurrency: 1.5 })).toThrow(/concurrency/);
  });

  it('refuses a load beyond a center at once (the Erlang B recursion takes a step per agent)', () => {
    // 1e12 contacts in 30 minutes at 180 s: 1e11 Erlangs, which ran for minutes before the cap.
    const t0 = performance.now();
    expect(() => erlangCalculator({ ...CLASSIC, volume: 1e12 })).toThrow(/volume: the offered load .* is 1\.00e\+11 Erlangs; expected at most 100,000/);
    expect(() => erlangCalculator({ ...CLASSIC, agents: 1e9 })).toThrow(/agents: expected an integer from 0 to 100,000/);
    expect(performance.now() - t0).toBeLessThan(1000);
    // At the cap itself (100,000 Erlangs) the answer comes, and is above the load.
    const atCap = erlangCalculator({ ...CLASSIC, volume: 100_000 * 1800 / 180 });
    expect(atCap.load).toBeCloseTo(100_000, 6);
    expect(atCap.erlang_c.agents).toBeGreaterThan(100_000);
    // The library's own functions refuse what would run for hours.
    expect(() => erlangB(1e12, 5)).toThrow(RangeError);
    expect(() => erlangC(10, 1e12)).toThrow(/offered load must be a number from 0 to 10000000 Erlangs/);
  });
});
