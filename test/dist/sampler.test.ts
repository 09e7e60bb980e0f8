/**
 * Moments of every duration distribution, drawn through the path the simulation uses: scenario
 * text -> parseScenario -> compile -> the contact type's `handle` sampler fed by a seeded stream.
 *
 * Expected values are closed forms of each distribution's raw moments E[X^k], k = 1..4, written
 * here independently of src/dist/sampler.ts. Tolerances: each check is a two-sided 99.9% normal
 * interval (z_{0.9995} = 3.2905) of the statistic's standard error at the sample size N below:
 *   |sample mean - mu|        <= z * sigma / sqrt(N)
 *   |sample variance - sigma^2| <= z * sqrt(mu4/N - sigma^4 (N-3) / (N (N-1)))
 * where mu4 is the closed-form fourth central moment. Seeds are fixed (SEED, replication 0, one
 * stream per distribution), so the test is deterministic; with ~24 such checks a correct sampler
 * fails one with probability about 2.5%, and a sampler whose variance is off by more than ~1-4%
 * (the relative half-widths at this N) fails.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { randomStream } from '../../src/engine/random.ts';
import type { Sampler } from '../../src/dist/sampler.ts';

const N = 250_000; // draws per distribution
const SEED = 20_261_207;
const Z = 3.2905; // z_{0.9995}: two-sided 99.9%

/** Raw moments [E X, E X^2, E X^3, E X^4]. */
type Raw = [number, number, number, number];

const exponentialRaw = (m: number): Raw => [m, 2 * m ** 2, 6 * m ** 3, 24 * m ** 4];
const deterministicRaw = (m: number): Raw => [m, m ** 2, m ** 3, m ** 4];
/** Gamma with shape k = 1/cv^2 and scale theta = mean/k: E X^n = theta^n k (k+1) ... (k+n-1). */
function gammaRaw(mean: number, cv: number): Raw {
  const k = 1 / cv ** 2;
  const th = mean / k;
  return [k * th, k * (k + 1) * th ** 2, k * (k + 1) * (k + 2) * th ** 3, k * (k + 1) * (k + 2) * (k + 3) * th ** 4];
}
/** Lognormal with mean m and CV c: with w = 1 + c^2, E X^n = m^n w^(n(n-1)/2). */
function lognormalRaw(m: number, cv: number): Raw {
  const w = 1 + cv ** 2;
  return [m, m ** 2 * w, m ** 3 * w ** 3, m ** 4 * w ** 6];
}
function empiricalRaw(values: number[]): Raw {
  const avg = (k: number): number => values.reduce((a, v) => a + v ** k, 0) / values.length;
  return [avg(1), avg(2), avg(3), avg(4)];
}
/** A mixture's raw moments are the weighted raw moments of its parts. */
function mixtureRaw(parts: Array<{ weight: number; raw: Raw }>): Raw {
  const total = parts.reduce((a, p) => a + p.weight, 0);
  const out: Raw = [0, 0, 0, 0];
  for (const p of parts) for (let k = 0; k < 4; k++) out[k]! += (p.weight / total) * p.raw[k]!;
  return out;
}

interface Central {
  mean: number;
  variance: number;
  mu4: number;
}
function central([r1, r2, r3, r4]: Raw): Central {
  return { mean: r1, variance: r2 - r1 ** 2, mu4: r4 - 4 * r1 * r3 + 6 * r1 ** 2 * r2 - 3 * r1 ** 4 };
}

interface Sample {
  mean: number;
  variance: number; // unbiased
  min: number;
  max: number;
}
function draw(sampler: Sampler, purpose: string, n = N): Sample {
  const u = randomStream(SEED, 0, purpose);
  // Welford: numerically stable one pass.
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 1; i <= n; i++) {
    const x = sampler(u);
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { mean, variance: m2 / (n - 1), min, max };
}

function expectMoments(s: Sample, c: Central, what: string, n = N): void {
  const meanTol = (Z * Math.sqrt(c.variance)) / Math.sqrt(n);
  expect(Math.abs(s.mean - c.mean), `${what}: mean ${s.mean} vs ${c.mean} (tolerance ${meanTol})`).toBeLessThanOrEqual(meanTol);
  const varSe = Math.sqrt(c.mu4 / n - (c.variance ** 2 * (n - 3)) / (n * (n - 1)));
  const varTol = Z * varSe;
  expect(
    Math.abs(s.variance - c.variance),
    `${what}: variance ${s.variance} vs ${c.variance} (tolerance ${varTol})`,
  ).toBeLessThanOrEqual(varTol);
  expect(s.min, `${what}: durations are non-negative`).toBeGreaterThanOrEqual(0);
}

/** Compiles one scenario whose contact types each carry one of the given handle-time distributions. */
function compiledSamplers(dists: Record<string, string>): Record<string, Sampler> {
  const ids = Object.keys(dists);
  const text = [
    'name: moments',
    'contact_types:',
    ...ids.flatMap((id) => [`  - id: ${id}`, '    arrivals: { per_hour: 10 }', `    handle_time: ${dists[id]}`]),
    'agent_groups:',
    `  - id: team`,
    `    skills: { ${ids.map((id) => `${id}: 1`).join(', ')} }`,
    '    agents: 5',
  ].join('\n');
  const model = compile(parseScenario(text, 'moments.yaml').scenario);
  return Object.fromEntries(model.types.map((t) => [t.id, t.handle]));
}

const EMPIRICAL = [30, 45, 45, 60, 90, 120, 300, 600, 0, 75];

const samplers = compiledSamplers({
  expo: '{ distribution: exponential, mean_seconds: 240 }',
  expo_minutes: '{ distribution: exponential, mean_minutes: 4 }',
  lognormal: '{ distribution: lognormal, mean_seconds: 300, cv: 0.5 }',
  lognormal_wide: '{ distribution: lognormal, mean_minutes: 5, cv: 1.5 }',
  gamma_small_shape: '{ distribution: gamma, mean_seconds: 200, cv: 2 }',
  gamma_large_shape: '{ distribution: gamma, mean_hours: 0.1, cv: 0.5 }',
  gamma_shape_one: '{ distribution: gamma, mean_seconds: 100, cv: 1 }',
  deterministic: '{ distribution: deterministic, mean_minutes: 2.5 }',
  bare_number: '42',
  empirical: `{ distribution: empirical, values_seconds: [${EMPIRICAL.join(', ')}] }`,
  mixture: [
    '{ distribution: mixture, parts: [',
    '{ weight: 3, distribution: exponential, mean_minutes: 2 },',
    '{ weight: 1, distribution: lognormal, mean_minutes: 10, cv: 0.5 },',
    '{ weight: 1, distribution: deterministic, mean_seconds: 30 } ] }',
  ].join(' '),
  mixture_nested: [
    '{ distribution: mixture, parts: [',
    '{ weight: 0.5, distribution: gamma, mean_seconds: 60, cv: 2 },',
    '{ weight: 0.5, distribution: mixture, parts: [',
    '  { weight: 1, distribution: empirical, values_seconds: [100, 200] },',
    '  { weight: 1, distribution: deterministic, mean_seconds: 500 } ] } ] }',
  ].join(' '),
});

function sampler(id: string): Sampler {
  const s = samplers[id];
  if (s === undefined) throw new Error(`no contact type ${id}`);
  return s;
}

describe('duration distributions as compiled by the model: mean and variance within 99.9% of the closed form', () => {
  it('exponential: mean m, variance m^2 (mean_seconds 240; mean_minutes 4 is the same 240 s)', () => {
    expectMoments(draw(sampler('expo'), 'expo'), central(exponentialRaw(240)), 'exponential 240 s');
    expectMoments(draw(sampler('expo_minutes'), 'expo_minutes'), central(exponentialRaw(240)), 'exponential 4 min');
  });

  it('lognormal given mean and CV: mean m, variance (cv m)^2', () => {
    const c = central(lognormalRaw(300, 0.5));
    expect(c.variance).toBeCloseTo((0.5 * 300) ** 2, 6);
    expectMoments(draw(sampler('lognormal'), 'lognormal'), c, 'lognormal cv 0.5');
  });

  it('lognormal with CV 1.5 (mean_minutes 5 = 300 s): the mean', () => {
    // The sample variance of so heavy a tail (kurtosis ~ 10^4) is far from normal at this N, so
    // only the mean is held to the normal interval; its standard error needs only the variance.
    const c = central(lognormalRaw(300, 1.5));
    const s = draw(sampler('lognormal_wide'), 'lognormal_wide');
    const tol = (Z * Math.sqrt(c.variance)) / Math.sqrt(N);
    expect(Math.abs(s.mean - 300), `mean ${s.mean} (tolerance ${tol})`).toBeLessThanOrEqual(tol);
  });

  it('gamma with shape < 1 (CV 2, shape 0.25): mean m, variance (2m)^2', () => {
    const c = central(gammaRaw(200, 2));
    expect(c.variance).toBeCloseTo((2 * 200) ** 2, 6);
    expectMoments(draw(sampler('gamma_small_shape'), 'gamma_small_shape'), c, 'gamma cv 2');
  });

  it('gamma with shape > 1 (CV 0.5, shape 4; mean_hours 0.1 = 360 s) and shape 1 (the exponential)', () => {
    expectMoments(draw(sampler('gamma_large_shape'), 'gamma_large_shape'), central(gammaRaw(360, 0.5)), 'gamma cv 0.5');
    expectMoments(draw(sampler('gamma_shape_one'), 'gamma_shape_one'), central(exponentialRaw(100)), 'gamma cv 1');
  });

  it('deterministic (mean_minutes 2.5) and a bare number of seconds: every draw is the value', () => {
    for (const [id, value] of [
      ['deterministic', 150],
      ['bare_number', 42],
    ] as const) {
      const s = draw(sampler(id), id, 1000);
      expect(s.min).toBe(value);
      expect(s.max).toBe(value);
      expectMoments(s, central(deterministicRaw(value)), id, 1000);
    }
  });

  it('empirical: draws are the listed values, resampled uniformly (mean and population variance of the list)', () => {
    const c = central(empiricalRaw(EMPIRICAL));
    const s = draw(sampler('empirical'), 'empirical');
    expectMoments(s, c, 'empirical');
    expect(s.min).toBe(0);
    expect(s.max).toBe(600);
    // Each distinct value's frequency is its multiplicity / 10, within 99.9% binomial bounds
    // (Bonferroni over the 9 distinct values: z_{1 - 0.0005/9} = 3.8627).
    const u = randomStream(SEED, 0, 'empirical-frequencies');
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const x = sampler('empirical')(u);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([...new Set(EMPIRICAL)].sort((a, b) => a - b));
    for (const [value, count] of counts) {
      const p = EMPIRICAL.filter((v) => v === value).length / EMPIRICAL.length;
      const tol = 3.8627 * Math.sqrt(p * (1 - p) * N);
      expect(Math.abs(count - p * N), `value ${value}: ${count} draws`).toBeLessThanOrEqual(tol);
    }
  });

  it('mixture: mean = weighted means, variance by the law of total variance (weights 3:1:1 normalised)', () => {
    const parts = [
      { weight: 3, raw: exponentialRaw(120) },
      { weight: 1, raw: lognormalRaw(600, 0.5) },
      { weight: 1, raw: deterministicRaw(30) },
    ];
    const c = central(mixtureRaw(parts));
    // Independent of the raw-moment route: E[X] = sum w_i m_i, Var = E[Var(X|part)] + Var(E[X|part]).
    const w = [0.6, 0.2, 0.2];
    const m = [120, 600, 30];
    const v = [120 ** 2, (0.5 * 600) ** 2, 0];
    const mean = w.reduce((a, wi, i) => a + wi * m[i]!, 0);
    const variance = w.reduce((a, wi, i) => a + wi * v[i]!, 0) + w.reduce((a, wi, i) => a + wi * (m[i]! - mean) ** 2, 0);
    expect(mean).toBe(198);
    expect(c.mean).toBeCloseTo(mean, 9);
    expect(c.variance).toBeCloseTo(variance, 6);
    expectMoments(draw(sampler('mixture'), 'mixture'), c, 'mixture');
  });

  it('a mixture nesting a gamma (shape 0.25), an empirical list and a deterministic value', () => {
    const inner = mixtureRaw([
      { weight: 1, raw: empiricalRaw([100, 200]) },
      { weight: 1, raw: deterministicRaw(500) },
    ]);
    const c = central(mixtureRaw([
      { weight: 0.5, raw: gammaRaw(60, 2) },
      { weight: 0.5, raw: inner },
    ]));
    expect(c.mean).toBeCloseTo(0.5 * 60 + 0.5 * (0.5 * 150 + 0.5 * 500), 9);
    expectMoments(draw(sampler('mixture_nested'), 'mixture_nested'), c, 'nested mixture');
  });
});
