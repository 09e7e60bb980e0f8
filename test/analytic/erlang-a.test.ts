import { describe, expect, it } from 'vitest';
import {
  erlangA,
  erlangAStaffing,
  erlangB,
  erlangC,
  erlangCAsa,
  erlangCServiceLevel,
  type ErlangAInput,
} from '../../src/analytic/index.ts';
import { serviceLevelByUniformization } from './reference.ts';

function expectRel(x: number, y: number, tol: number): void {
  expect(Math.abs(x - y)).toBeLessThanOrEqual(tol * Math.abs(y));
}

/**
 * Closed forms for exponential patience from Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of
 * performance measures" (also Garnett, Mandelbaum & Reiman 2002): with x = cμ/θ, y = λ/θ,
 * A(x, y) = 1 + Σ_{j≥1} yʲ / Π_{k=1..j} (x + k), E = Erlang B(c, λ/μ) and ρ = λ/(cμ),
 *   P(W > 0) = A·E / (1 + (A − 1)·E),
 *   P(Ab | W > 0) = 1/(ρA) + 1 − 1/ρ,
 *   E[W] (all callers) = P(Ab)/θ.
 * Computed here by the plain series and a plain direct-sum Erlang B (small c only).
 */
function mandelbaumZeltyn(input: ErlangAInput): { pWait: number; pAbandon: number; meanWait: number } {
  const { servers: c, ratePerSecond: lambda, meanServiceSeconds, meanPatienceSeconds } = input;
  const mu = 1 / meanServiceSeconds;
  const theta = 1 / meanPatienceSeconds;
  const x = (c * mu) / theta;
  const y = lambda / theta;
  let big = 1;
  let term = 1;
  for (let j = 1; j < 1_000_000; j++) {
    term *= y / (x + j);
    big += term;
    if (term < 1e-18 * big) break;
  }
  const a = lambda / mu;
  let sum = 1;
  let t = 1;
  for (let k = 1; k <= c; k++) {
    t *= a / k;
    sum += t;
  }
  const e = t / sum;
  const pWait = (big * e) / (1 + (big - 1) * e);
  const rho = lambda / (c * mu);
  const pAbandon = pWait * (1 / (rho * big) + 1 - 1 / rho);
  return { pWait, pAbandon, meanWait: pAbandon / theta };
}

/** Small fast PRNG (mulberry32), uniform on (0, 1). */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

interface Estimate {
  mean: number;
  se: number;
}

/**
 * Discrete-event Monte Carlo of M/M/c+M (FCFS, exponential patience; a caller abandons at its
 * deadline if not answered by then). Batch means over callers indexed by arrival, after a warm-up.
 */
function simulate(
  input: ErlangAInput,
  seed: number,
  batches = 20,
  perBatch = 50_000,
  warmup = 20_000,
): Record<'pWait' | 'pAbandon' | 'serviceLevel' | 'asaServed' | 'meanWait', Estimate> {
  const { servers: c, ratePerSecond: lambda, meanServiceSeconds, meanPatienceSeconds, thresholdSeconds: t } = input;
  const rng = mulberry32(seed);
  const exp = (mean: number): number => -mean * Math.log(rng());
  const recorded = warmup + batches * perBatch;
  const stats = Array.from({ length: batches }, () => ({
    n: 0,
    waited: 0,
    abandoned: 0,
    served: 0,
    servedWait: 0,
    allWait: 0,
    within: 0,
  }));
  const record = (id: number, served: boolean, wait: number): void => {
    if (id < warmup || id >= recorded) return;
    const b = stats[Math.floor((id - warmup) / perBatch)]!;
    b.n++;
    if (wait > 0) b.waited++;
    b.allWait += wait;
    if (served) {
      b.served++;
      b.servedWait += wait;
      if (wait <= t) b.within++;
    } else {
      b.abandoned++;
    }
  };
  const busy: number[] = []; // completion times
  let qArrival: number[] = [];
  let qDeadline: number[] = [];
  let qId: number[] = [];
  let head = 0;
  let nextArrival = exp(1 / lambda);
  let id = 0;
  let resolved = 0;
  while (resolved < recorded) {
    let minIndex = -1;
    for (let i = 0; i < busy.length; i++) if (minIndex < 0 || busy[i]! < busy[minIndex]!) minIndex = i;
    if (minIndex >= 0 && busy[minIndex]! <= nextArrival) {
      const now = busy[minIndex]!;
      busy[minIndex] = busy[busy.length - 1]!;
      busy.pop();
      while (head < qArrival.length) {
        const cid = qId[head]!;
        if (qDeadline[head]! < now) {
          record(cid, false, qDeadline[head]! - qArrival[head]!);
          if (cid < recorded) resolved++;
          head++;
          continue;
        }
        record(cid, true, now - qArrival[head]!);
        if (cid < recorded) resolved++;
        head++;
        busy.push(now + exp(meanServiceSeconds));
        break;
      }
      if (head > 100_000) {
        qArrival = qArrival.slice(head);
        qDeadline = qDeadline.slice(head);
        qId = qId.slice(head);
        head = 0;
      }
    } else {
      const now = nextArrival;
      if (busy.length < c) {
        record(id, true, 0);
        if (id < recorded) resolved++;
        busy.push(now + exp(meanServiceSeconds));
      } else {
        qArrival.push(now);
        qDeadline.push(now + exp(meanPatienceSeconds));
        qId.push(id);
      }
      id++;
      nextArrival = now + exp(1 / lambda);
    }
  }
  const estimate = (f: (b: (typeof stats)[number]) => number): Estimate => {
    const xs = stats.map(f);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, se: Math.sqrt(variance / xs.length) };
  };
  return {
    pWait: estimate((b) => b.waited / b.n),
    pAbandon: estimate((b) => b.abandoned / b.n),
    serviceLevel: estimate((b) => b.within / b.n),
    asaServed: estimate((b) => b.servedWait / b.served),
    meanWait: estimate((b) => b.allWait / b.n),
  };
}

const SCENARIOS: Array<{ name: string; input: ErlangAInput }> = [
  {
    name: '10 agents, ρ = 0.9, patience 60 s, t = 20 s',
    input: { servers: 10, ratePerSecond: 0.1, meanServiceSeconds: 90, meanPatienceSeconds: 60, thresholdSeconds: 20 },
  },
  {
    name: '10 agents overloaded (ρ = 1.35), patience 120 s, t = 30 s',
    input: { servers: 10, ratePerSecond: 0.15, meanServiceSeconds: 90, meanPatienceSeconds: 120, thresholdSeconds: 30 },
  },
  {
    name: '1 agent, ρ = 0.83, patience 30 s, t = 10 s',
    input: { servers: 1, ratePerSecond: 1 / 60, meanServiceSeconds: 50, meanPatienceSeconds: 30, thresholdSeconds: 10 },
  },
  {
    name: '3 agents, ρ = 0.83, patience 200 s, t = 15 s',
    input: { servers: 3, ratePerSecond: 0.05, meanServiceSeconds: 50, meanPatienceSeconds: 200, thresholdSeconds: 15 },
  },
];

describe('erlangA', () => {
  for (const { name, input } of SCENARIOS) {
    it(`agrees with the Mandelbaum–Zeltyn closed forms: ${name}`, () => {
      const r = erlangA(input);
      const ref = mandelbaumZeltyn(input);
      expectRel(r.waitProbability, ref.pWait, 1e-12);
      expectRel(r.abandonProbability, ref.pAbandon, 1e-12);
      expectRel(r.meanWaitSeconds, ref.meanWait, 1e-12);
    });

    it(`agrees with an independent service-level computation (uniformization): ${name}`, () => {
      expect(Math.abs(erlangA(input).serviceLevel - serviceLevelByUniformization(input))).toBeLessThan(1e-10);
    });

    it(`agrees with a discrete-event Monte Carlo of M/M/c+M: ${name}`, () => {
      const r = erlangA(input);
      const mc = simulate(input, 20240607);
      // 4.5 standard errors: a false alarm has probability ~1e-5 per check (the seed is fixed anyway).
      const close = (analytic: number, e: Estimate): void => {
        expect(Math.abs(analytic - e.mean)).toBeLessThanOrEqual(4.5 * e.se + 1e-12);
      };
      close(r.waitProbability, mc.pWait);
      close(r.abandonProbability, mc.pAbandon);
      close(r.serviceLevel, mc.serviceLevel);
      close(r.asaSeconds, mc.asaServed);
      close(r.meanWaitSeconds, mc.meanWait);
      // The comparison is sharp: it rejects the common mistake ASA = E[W_all]/P(served).
      const naiveAsa = r.meanWaitSeconds / (1 - r.abandonProbability);
      expect(Math.abs(naiveAsa - mc.asaServed.mean)).toBeGreaterThan(10 * mc.asaServed.se);
    });
  }

  it('satisfies the conservation identities', () => {
    for (const { input } of SCENARIOS) {
      const r = erlangA(input);
      const theta = 1 / input.meanPatienceSeconds;
      const a = input.ratePerSecond * input.meanServiceSeconds;
      // P(Ab) = θ·E[Q]/λ = θ·E[W_all] (Little), computed by separate sums in the implementation.
      expectRel(r.abandonProbability, theta * r.meanWaitSeconds, 1e-12);
      // busy agents = carried load: c·occupancy = a·(1 − P(Ab)).
      expectRel(r.occupancy * input.servers, a * (1 - r.abandonProbability), 1e-12);
      // the served wait is at most the all-caller wait / served fraction, and SL ≤ served fraction
      expect(r.serviceLevel).toBeLessThanOrEqual(1 - r.abandonProbability + 1e-15);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(1 - r.waitProbability);
    }
  });

  it('tends to Erlang C as patience grows', () => {
    const base = { servers: 12, ratePerSecond: 0.1, meanServiceSeconds: 110, thresholdSeconds: 20 }; // a = 11
    const c = erlangC(12, 11);
    const sl = erlangCServiceLevel(12, 11, 20, 110);
    const asa = erlangCAsa(12, 11, 110);
    let previous = Infinity;
    for (const patience of [1e3, 1e5, 1e7, 1e9]) {
      const r = erlangA({ ...base, meanPatienceSeconds: patience });
      const gap = Math.abs(r.serviceLevel - sl) + Math.abs(r.waitProbability - c) + Math.abs(r.asaSeconds - asa) / asa;
      expect(gap).toBeLessThan(previous);
      previous = gap;
    }
    const r = erlangA({ ...base, meanPatienceSeconds: 1e9 });
    expectRel(r.waitProbability, c, 1e-5);
    expectRel(r.serviceLevel, sl, 1e-5);
    expectRel(r.asaSeconds, asa, 1e-5);
    expect(r.abandonProbability).toBeLessThan(1e-6);
    // Infinite patience is exactly Erlang C.
    const exact = erlangA({ ...base, meanPatienceSeconds: Infinity });
    expect(exact.waitProbability).toBe(c);
    expect(exact.serviceLevel).toBeCloseTo(sl, 15);
    expect(exact.asaSeconds).toBeCloseTo(asa, 12);
    expect(exact.abandonProbability).toBe(0);
    expect(erlangA({ ...base, meanPatienceSeconds: Infinity, servers: 11 }).asaSeconds).toBe(Infinity);
  });

  it('is stable for 1000+ agents near and beyond load 1', () => {
    for (const [c, a, patience] of [
      [1000, 990, 300],
      [2000, 2000, 180],
      [5000, 5250, 60],
      [1500, 1200, 1e6],
    ] as const) {
      const input = { servers: c, ratePerSecond: a / 200, meanServiceSeconds: 200, meanPatienceSeconds: patience, thresholdSeconds: 20 };
      const r = erlangA(input);
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0);
      expect(r.serviceLevel).toBeLessThanOrEqual(1);
      expectRel(r.abandonProbability, r.meanWaitSeconds / patience, 1e-10);
      expectRel(r.occupancy * c, a * (1 - r.abandonProbability), 1e-10);
    }
    // In overload the abandonment fraction approaches the fluid limit 1 − c/a (Whitt 2004).
    const over = erlangA({ servers: 5000, ratePerSecond: 5250 / 200, meanServiceSeconds: 200, meanPatienceSeconds: 60, thresholdSeconds: 20 });
    expect(over.abandonProbability).toBeCloseTo(1 - 5000 / 5250, 2);
  });

  it('handles the edges', () => {
    const base = { servers: 5, ratePerSecond: 0.02, meanServiceSeconds: 200, meanPatienceSeconds: 60, thresholdSeconds: 20 };
    expect(erlangA({ ...base, ratePerSecond: 0 })).toEqual({
      waitProbability: 0,
      abandonProbability: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: 0,
    });
    const r = erlangA(base);
    expect(erlangA({ ...base, thresholdSeconds: 0 }).serviceLevel).toBeCloseTo(1 - r.waitProbability, 14);
    expect(erlangA({ ...base, thresholdSeconds: Infinity }).serviceLevel).toBeCloseTo(1 - r.abandonProbability, 14);
    // Far more agents than load: waiting is negligible.
    const idle = erlangA({ ...base, servers: 400 });
    expect(idle.waitProbability).toBeLessThan(1e-300);
    expect(idle.serviceLevel).toBe(1);
    expect(() => erlangA({ ...base, servers: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, meanPatienceSeconds: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, thresholdSeconds: -1 })).toThrow(RangeError);
    expect(() => erlangA({ ...base, ratePerSecond: -1 })).toThrow(RangeError);
  });

  it('service level rises and abandonment falls with every added agent', () => {
    const base = { ratePerSecond: 0.5, meanServiceSeconds: 120, meanPatienceSeconds: 90, thresholdSeconds: 20 };
    let sl = -1;
    let ab = 2;
    for (let c = 1; c <= 100; c++) {
      const r = erlangA({ ...base, servers: c });
      expect(r.serviceLevel).toBeGreaterThan(sl);
      expect(r.abandonProbability).toBeLessThan(ab);
      sl = r.serviceLevel;
      ab = r.abandonProbability;
    }
  });
});

describe('erlangAStaffing', () => {
  it('finds the fewest agents (checked by brute force)', () => {
    for (const [rate, aht, patience, t, target, maxAbandon] of [
      [100 / 1800, 180, 120, 20, 0.8, undefined],
      [0.5, 120, 90, 20, 0.9, 0.01],
      [10, 240, 180, 30, 0.8, undefined],
      [0.01, 300, 60, 10, 0.5, 0.05],
    ] as const) {
      const input = { ratePerSecond: rate, meanServiceSeconds: aht, meanPatienceSeconds: patience, thresholdSeconds: t };
      const s = erlangAStaffing({ ...input, target, maxAbandonRate: maxAbandon });
      const ok = (c: number): boolean => {
        const r = erlangA({ ...input, servers: c });
        return r.serviceLevel >= target && (maxAbandon === undefined || r.abandonProbability <= maxAbandon);
      };
      expect(ok(s.servers)).toBe(true);
      for (let c = 1; c < s.servers; c++) expect(ok(c)).toBe(false);
      expect(s.serviceLevel).toBe(erlangA({ ...input, servers: s.servers }).serviceLevel);
    }
  });

  it('needs no more agents than Erlang C for the classic example, and equals it with infinite patience', () => {
    const common = { ratePerSecond: 100 / 1800, meanServiceSeconds: 180, thresholdSeconds: 20, target: 0.8 };
    expect(erlangAStaffing({ ...common, meanPatienceSeconds: Infinity }).servers).toBe(14);
    const withAbandon = erlangAStaffing({ ...common, meanPatienceSeconds: 120 });
    expect(withAbandon.servers).toBeLessThanOrEqual(14);
    expect(erlangAStaffing({ ...common, ratePerSecond: 0, meanPatienceSeconds: 120 }).servers).toBe(0);
    expect(() => erlangAStaffing({ ...common, meanPatienceSeconds: 120, target: 2 })).toThrow(RangeError);
  });

  it('agrees with Erlang B as the building block', () => {
    // P(W > 0) → Erlang B as patience → 0 (everyone who would wait leaves at once: M/M/c/c).
    const r = erlangA({ servers: 8, ratePerSecond: 0.05, meanServiceSeconds: 120, meanPatienceSeconds: 1e-9, thresholdSeconds: 0 });
    expectRel(r.abandonProbability, erlangB(8, 6), 1e-6);
  });
});
