/**
 * A time-varying day of one voice type with an exact reference, independent of the simulator:
 * Poisson arrivals whose rate changes every hour (a quiet night, a busy late morning above
 * capacity, a quiet evening, nothing in the last two hours so every queue drains), two agents,
 * exponential handle time, no abandonment, first come first served, empty at midnight.
 *
 * The number in system n(t) is a birth-death chain with birth rate λ(t) and death rate
 * min(n, c)·μ. An arrival that finds n ≥ c waits for n − c + 1 departures at rate c·μ (later
 * arrivals queue behind it), so P(wait ≤ T | n) = P(Erlang(n − c + 1, cμ) ≤ T), and 1 when
 * n < c. By PASTA the expected number answered within T in hour h is
 * ∫_h λ(t) Σ_n p_n(t) P(wait ≤ T | n) dt; the expected offered is ∫_h λ(t) dt. Their quotient is
 * the exact offered-weighted service level of hour h, which the pooled ratio estimates. The
 * expected busy agent-seconds of hour h are ∫_h Σ_n p_n(t) min(n, c) dt. The forward equations
 * are integrated with RK4 (2 s steps: the rates are below 0.003/s, so the step error is far
 * below any test's tolerance).
 */
import type { ScenarioEvent } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from './scenarios.ts';

export const RATES = [1, 1, 1, 1, 1, 1, 3, 5, 7, 10, 10, 9, 7, 6, 6, 5, 5, 4, 3, 3, 2, 2, 0, 0]; // per hour
export const AGENTS = 2;
export const AHT = 900; // seconds
export const T = 20; // service-level threshold, seconds
export const TARGET = 0.8;

export function dayScenario(seed: number, events?: ScenarioEvent[]) {
  return scenario({
    seed,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
    service_level: { threshold_seconds: T, target: TARGET },
    contact_types: [
      contactType('general', {
        arrivals: { per_hour: RATES, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 },
        handle_time: exp(AHT),
        service_level_seconds: T,
      }),
    ],
    agent_groups: [group('team', { general: 1 }, AGENTS)],
    ...(events === undefined ? {} : { events }),
  });
}

export interface ExactDay {
  /** Expected answered within T, per hour. */
  withinT: number[];
  /** Expected offered, per hour. */
  offered: number[];
  /** Expected busy agent-seconds, per hour. */
  busySeconds: number[];
}

/** Exact expected answered-within-T, offered and busy time per hour, from the transient chain. */
export function exactDay(): ExactDay {
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
  const busy = (q: Float64Array): number => q.reduce((s, v, n) => s + v * Math.min(n, AGENTS), 0);
  const dt = 2;
  const withinT: number[] = [];
  const offered: number[] = [];
  const busySeconds: number[] = [];
  for (const perHour of RATES) {
    const lambda = perHour / 3600;
    let integral = 0;
    let busyIntegral = 0;
    for (let s = 0; s < 3600; s += dt) {
      const g0 = good(p);
      const b0 = busy(p);
      const k1 = deriv(p, lambda);
      const k2 = deriv(p.map((v, i) => v + (dt / 2) * k1[i]!), lambda);
      const k3 = deriv(p.map((v, i) => v + (dt / 2) * k2[i]!), lambda);
      const k4 = deriv(p.map((v, i) => v + dt * k3[i]!), lambda);
      p = p.map((v, i) => v + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
      integral += ((g0 + good(p)) / 2) * dt;
      busyIntegral += ((b0 + busy(p)) / 2) * dt;
    }
    withinT.push(lambda * integral);
    offered.push(perHour);
    busySeconds.push(busyIntegral);
  }
  return { withinT, offered, busySeconds };
}
