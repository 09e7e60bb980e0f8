import { describe, expect, it } from 'vitest';
import type { Arrivals, Scenario } from '../../src/scenario/types.ts';
import { normalQuantile } from '../../src/metrics/student-t.ts';
import { recoveryMinutes } from '../../src/metrics/events.ts';
import { aggregate } from '../../src/metrics/aggregate.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { replicate } from '../helpers/replicate.ts';

/*
 * Recovery after a volume spike on one M/M/c queue, against the exact transient of the queue.
 *
 * The number in system is a birth-death chain (births at the arrival rate, deaths at
 * min(n, c) x mu). Its distribution p(t), from an empty start, is computed here by uniformisation
 * of the chain truncated far above any reachable length. A customer arriving at t who finds n in
 * system waits 0 if n < c, else the time of n - c + 1 departures at rate c x mu (FIFO, no
 * abandonment): an Erlang(n - c + 1, c mu) wait. The expected service level of an interval is
 * then the arrival-weighted mean of P(wait <= T) over it. The simulation's pooled service level
 * per interval over many replications must agree, and the recovery time read off both curves
 * must be the same.
 */

const C = 10;
const MU = 1 / 180;
const BASE = 120; // per hour: load 6 on 10 agents
const SPIKE = 3; // x3 from 02:00 to 03:00: load 18
const SPIKE_FROM = 2 * 3600;
const SPIKE_TO = 3 * 3600;
const T = 20;
const TARGET = 0.7; // the exact curve crosses it mid-way between two intervals (0.61, then 0.77)
const HOURS = 10;
const IV = 15 * 60;

const lambdaAt = (t: number): number => ((t >= SPIKE_FROM && t < SPIKE_TO ? SPIKE : 1) * BASE) / 3600;

/** P(wait <= T | n in system at arrival). */
function slGiven(n: number): number {
  if (n < C) return 1;
  const x = C * MU * T;
  let term = Math.exp(-x);
  let cdfTail = term; // sum_{i=0}^{k-1} e^-x x^i / i!, k = n - C + 1 stages
  for (let i = 1; i <= n - C; i++) {
    term *= x / i;
    cdfTail += term;
  }
  return 1 - cdfTail;
}

/** Exact expected service level per 15-minute interval over [0, HOURS). */
function exactServiceLevels(): number[] {
  const N = 600;
  const dt = 5;
  let p = new Float64Array(N + 1);
  p[0] = 1;
  const sl = Float64Array.from({ length: N + 1 }, (_, n) => slGiven(n));
  const slNow = (q: Float64Array): number => q.reduce((s, v, n) => s + v * sl[n]!, 0);
  const out: number[] = [];
  let acc = 0;
  let prev = slNow(p);
  for (let step = 0; step < (HOURS * 3600) / dt; step++) {
    const t = step * dt;
    const lam = lambdaAt(t); // constant over [t, t + dt): the spike's edges lie on the grid
    const big = lam + C * MU;
    // Uniformisation: p(t + dt) = sum_k Poisson(k; big dt) p P^k, P = I + Q / big.
    let term = Float64Array.from(p);
    let weight = Math.exp(-big * dt);
    const next = term.map((v) => v * weight);
    for (let k = 1; k < 60; k++) {
      const moved = new Float64Array(N + 1);
      for (let n = 0; n <= N; n++) {
        const v = term[n]!;
        if (v === 0) continue;
        const up = n < N ? lam : 0;
        const down = Math.min(n, C) * MU;
        moved[n]! += v * (1 - (up + down) / big);
        if (up > 0) moved[n + 1]! += (v * up) / big;
        if (down > 0) moved[n - 1]! += (v * down) / big;
      }
      term = moved;
      weight *= (big * dt) / k;
      for (let n = 0; n <= N; n++) next[n]! += weight * term[n]!;
      if (weight < 1e-16) break;
    }
    p = next;
    const cur = slNow(p);
    acc += ((prev + cur) / 2) * dt; // trapezoid; the arrival rate is flat within an interval
    prev = cur;
    if (((step + 1) * dt) % IV === 0) {
      out.push(acc / IV);
      acc = 0;
    }
  }
  return out;
}

const flat = (perHour: number): Arrivals => ({ per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 });

function spikeScenario(): Scenario {
  return {
    ...scenario({
      seed: 21,
      horizon: { start: '2026-01-05', days: HOURS / 24, interval_minutes: 15, warmup_hours: 0 },
      service_level: { threshold_seconds: T, target: TARGET },
      contact_types: [contactType('general', { arrivals: flat(BASE), handle_time: exp(1 / MU) })],
      agent_groups: [group('team', { general: 1 }, C)],
    }),
    events: [
      {
        name: 'spike',
        from: '2026-01-05T02:00',
        to: '2026-01-05T03:00',
        types: null,
        arrivals_factor: SPIKE,
        handle_time_factor: 1,
        self_service_down: false,
        agents_absent: {},
      },
    ],
  };
}

describe('recovery after a volume spike (M/M/c transient)', () => {
  it('the pooled service level per interval and the recovery time agree with the exact transient', () => {
    const exact = exactServiceLevels();
    const R = 800;
    const results = replicate(spikeScenario(), R);
    const intervals = exact.length;
    const z = normalQuantile(1 - 0.001 / (2 * intervals)); // 99.9% family-wise
    const pooled: number[] = [];
    const halfWidths: number[] = [];
    for (let iv = 0; iv < intervals; iv++) {
      const d = results.map((r) => r.by_interval[iv]!.offered);
      const n = results.map((r) => Math.round((r.by_interval[iv]!.service_level ?? 0) * r.by_interval[iv]!.offered));
      const sd = d.reduce((a, b) => a + b, 0);
      const ratio = n.reduce((a, b) => a + b, 0) / sd;
      // Delta method for a ratio of sums over independent replications.
      const resid = n.map((x, i) => x - ratio * d[i]!);
      const variance = resid.reduce((a, b) => a + b * b, 0) / (R - 1) / R / (sd / R) ** 2;
      pooled.push(ratio);
      // Where (almost) no contact of an interval is answered in time, the delta method's spread
      // collapses to 0; a proportion from sd trials is never known better than about z^2 / sd
      // (the binomial interval at 0 or sd successes), so that is the floor.
      halfWidths.push(Math.max(z * Math.sqrt(variance), (z * z) / sd));
      expect(Math.abs(ratio - exact[iv]!), `interval ${iv}: simulated ${ratio.toFixed(4)} vs exact ${exact[iv]!.toFixed(4)}`).toBeLessThanOrEqual(
        halfWidths[iv]! + 1e-9,
      );
    }

    // Recovery from the exact curve, by hand: the first interval from the spike's end at target.
    const endIv = SPIKE_TO / IV;
    let exactIv = -1;
    for (let iv = endIv; iv < intervals; iv++) {
      if (exact[iv]! >= TARGET) {
        exactIv = iv;
        break;
      }
    }
    expect(exactIv).toBeGreaterThan(endIv); // the spike leaves a backlog: recovery takes time
    // The comparison means something only if no interval is within the noise of the target.
    for (let iv = endIv; iv <= exactIv; iv++) expect(Math.abs(exact[iv]! - TARGET)).toBeGreaterThan(halfWidths[iv]!);
    const exactMinutes = (exactIv * IV - SPIKE_TO) / 60;
    const simulated = recoveryMinutes(SPIKE_TO, IV, 0, intervals, TARGET, (iv) => pooled[iv]!);
    expect(simulated).toBe(exactMinutes);

    // Each replication reports its own recovery (read off its own intervals); with replications
    // the Result holds their mean, which is not the recovery of the mean curve (the first
    // passage of a mean is not the mean first passage), so it is only checked to exist here.
    const agg = aggregate(results);
    expect(agg.events![0]!.recovery_minutes).not.toBeNull();
    expect(results.every((r) => r.events![0]!.recovery_minutes !== null)).toBe(true);
  });
});
