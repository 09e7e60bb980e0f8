/**
 * Ratios across replications are pooled (Σ numerator / Σ denominator), with delta-method 95%
 * intervals. Reference: an exact transient Markov chain of the simulated center, independent
 * of the simulator.
 *
 * The center: one voice type, Poisson arrivals whose rate changes every hour (a quiet night,
 * a busy late morning above capacity, a quiet evening, nothing in the last two hours so every
 * queue drains), two agents, exponential handle time, no abandonment, first come first served,
 * empty at midnight. The number in system n(t) is a birth-death chain with birth rate λ(t) and
 * death rate min(n, c)·μ. An arrival that finds n ≥ c waits for n − c + 1 departures at rate
 * c·μ (later arrivals queue behind it), so P(wait ≤ T | n) = P(Erlang(n − c + 1, cμ) ≤ T), and 1
 * when n < c. By PASTA the expected number answered within T in hour h is
 * ∫_h λ(t) Σ_n p_n(t) P(wait ≤ T | n) dt; the expected offered is ∫_h λ(t) dt. Their quotient is
 * the exact offered-weighted service level of hour h, which the pooled ratio estimates. The
 * forward equations are integrated with RK4 (2 s steps: the rates are below 0.003/s, so the
 * step error is far below the tolerances).
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/types.ts';
import { aggregate } from '../../src/metrics/aggregate.ts';
import { studentTQuantile } from '../../src/metrics/student-t.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { replicate } from '../helpers/replicate.ts';

const RATES = [1, 1, 1, 1, 1, 1, 3, 5, 7, 10, 10, 9, 7, 6, 6, 5, 5, 4, 3, 3, 2, 2, 0, 0]; // per hour
const AGENTS = 2;
const AHT = 900; // seconds
const T = 20; // service-level threshold, seconds

function dayScenario(seed: number) {
  return scenario({
    seed,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
    service_level: { threshold_seconds: T, target: 0.8 },
    contact_types: [
      contactType('general', {
        arrivals: { per_hour: RATES, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 },
        handle_time: exp(AHT),
        service_level_seconds: T,
      }),
    ],
    agent_groups: [group('team', { general: 1 }, AGENTS)],
  });
}

/** Exact expected answered-within-T and offered per hour, from the transient chain. */
function exactByHour(): { withinT: number[]; offered: number[] } {
  const N = 80; // truncation: P(n ≥ 80) is negligible (at most ~30 arrivals in any 3 hours)
  const mu = 1 / AHT;
  const x = AGENTS * mu * T;
  const f = new Float64Array(N + 1);
  for (let n = 0; n <= N; n++) {
    if (n < AGENTS) {
      f[n] = 1;
      continue;
    }
    const k = n - AGENTS + 1;
    let term = Math.exp(-x);
    let cdfComplement = 0;
    for (let j = 0; j < k; j++) {
      cdfComplement += term;
      term *= x / (j + 1);
    }
    f[n] = 1 - cdfComplement;
  }
  let p = new Float64Array(N + 1);
  p[0] = 1;
  const deriv = (q: Float64Array, lambda: number): Float64Array => {
    const d = new Float64Array(N + 1);
    for (let n = 0; n <= N; n++) {
      const out = (n < N ? lambda : 0) + Math.min(n, AGENTS) * mu;
      d[n]! -= out * q[n]!;
      if (n < N) d[n + 1]! += lambda * q[n]!;
      if (n > 0) d[n - 1]! += Math.min(n, AGENTS) * mu * q[n]!;
    }
    return d;
  };
  const good = (q: Float64Array): number => q.reduce((s, v, n) => s + v * f[n]!, 0);
  const dt = 2;
  const withinT: number[] = [];
  const offered: number[] = [];
  for (const perHour of RATES) {
    const lambda = perHour / 3600;
    let integral = 0;
    for (let s = 0; s < 3600; s += dt) {
      const g0 = good(p);
      const k1 = deriv(p, lambda);
      const k2 = deriv(p.map((v, i) => v + (dt / 2) * k1[i]!), lambda);
      const k3 = deriv(p.map((v, i) => v + (dt / 2) * k2[i]!), lambda);
      const k4 = deriv(p.map((v, i) => v + dt * k3[i]!), lambda);
      p = p.map((v, i) => v + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
      integral += ((g0 + good(p)) / 2) * dt;
    }
    withinT.push(lambda * integral);
    offered.push(perHour);
  }
  return { withinT, offered };
}

const exact = exactByHour();
const exactSl = exact.withinT.map((w, h) => (exact.offered[h]! > 0 ? w / exact.offered[h]! : null));
/** How much wider a 99.9% interval is than a 95% one, at `n` replications. */
const widen = (n: number): number => studentTQuantile(0.9995, n - 1) / studentTQuantile(0.975, n - 1);


describe('pooled service level per interval of a time-varying day', () => {
  const R = 2000;
  const runs: Result[] = replicate(dayScenario(5), R);
  const pooled = aggregate(runs);

  it('agrees with the exact offered-weighted value in every hour (Student-t, 99.9% over the 22 hours)', () => {
    // The pooled ratio estimates E[answered within T] / E[offered] = R0 exactly when
    // u_r = answered-within-T_r − R0 · offered_r has mean 0 over replications; the test is the
    // 99.9% Student-t interval of mean(u), with u's spread measured at the exact value (a
    // score-type check). 22 hours are tested at once, so each at 1 − 0.001/22 (Bonferroni):
    // the whole family holds with probability 99.9%.
    for (let h = 0; h < 22; h++) {
      const value = pooled.by_interval[h]!.service_level!;
      const u = runs.map((r) => {
        const m = r.by_interval[h]!;
        return (m.service_level ?? 0) * m.offered - exactSl[h]! * m.offered;
      });
      const mean = u.reduce((a, b) => a + b, 0) / R;
      const sd = Math.sqrt(u.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
      const half = (studentTQuantile(1 - 0.0005 / 22, R - 1) * sd) / Math.sqrt(R);
      expect(Math.abs(mean), `hour ${h}: pooled ${value}, exact ${exactSl[h]}`).toBeLessThanOrEqual(half);
      // The pooled value is mean(answered within T) / mean(offered): the same statement.
      const offered = runs.reduce((a, r) => a + r.by_interval[h]!.offered, 0) / R;
      expect(value - exactSl[h]!).toBeCloseTo(mean / offered, 9);
    }
  });

  it('where the mean of per-replication ratios does not', () => {
    // The old estimator: average each replication's ratio (replications with nothing offered
    // left out), Student-t interval. It overweights replications with few contacts, which in
    // a busy hour are the ones that waited least.
    const off: string[] = [];
    for (let h = 0; h < 22; h++) {
      const sl = runs.map((r) => r.by_interval[h]!.service_level).filter((v): v is number => v !== null);
      const n = sl.length;
      const mean = sl.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(sl.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const half999 = (studentTQuantile(0.9995, n - 1) * sd) / Math.sqrt(n);
      if (Math.abs(mean - exactSl[h]!) > half999) off.push(`hour ${h}: mean of ratios ${mean.toFixed(4)}, exact ${exactSl[h]!.toFixed(4)}`);
    }
    expect(off.length, off.join('\n')).toBeGreaterThanOrEqual(3);
  });

  it('the day total is the pooled ratio of the hours', () => {
    const within = exact.withinT.reduce((a, b) => a + b, 0);
    const offered = exact.offered.reduce((a, b) => a + b, 0);
    const half = pooled.ci95!.totals.service_level!;
    expect(Math.abs(pooled.totals.service_level! - within / offered)).toBeLessThanOrEqual(half * widen(R));
  });
});

describe('coverage of the delta-method 95% interval of a pooled ratio', () => {
  it('covers the exact day service level in 90-99% of 200 runs of 10 replications', () => {
    const truth = exact.withinT.reduce((a, b) => a + b, 0) / exact.offered.reduce((a, b) => a + b, 0);
    let covered = 0;
    const runs = 200;
    for (let k = 0; k < runs; k++) {
      const agg = aggregate(replicate(dayScenario(1000 + k), 10));
      const v = agg.totals.service_level!;
      const h = agg.ci95!.totals.service_level!;
      if (Math.abs(v - truth) <= h) covered++;
    }
    // Binomial(200, 0.95) lies in [180, 198] with probability above 0.999.
    expect(covered / runs).toBeGreaterThanOrEqual(0.9);
    expect(covered / runs).toBeLessThanOrEqual(0.99);
  }, 120_000);
});
