import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { runReplication } from '../../src/center/run.ts';
import { summarise } from '../../src/metrics/summarise.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { studentTQuantile } from '../../src/metrics/student-t.ts';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { erlangC, erlangCAsa, erlangCServiceLevel } from '../../src/analytic/index.ts';
import type { Metrics, Result } from '../../src/metrics/types.ts';
import type { Arrivals, Distribution, Scenario } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { expectAgrees, meanAndError, replicate } from '../helpers/replicate.ts';

/*
 * A customer's journey through the center, end to end: repeat contacts and time to resolution,
 * proficiency, routing, determinism, chat concurrency, shifts, retries and email. Every
 * statistical check takes its tolerance from the run (the standard error across independent
 * replications, at the 99.9% Student-t level, see expectAgrees); edge effects of the finite
 * horizon are computed, not guessed.
 */

const R = 10;
const HOUR = 3600;
const DAY = 86400;
const flat = (perHour: number | number[]): Arrivals => ({
  per_hour: perHour,
  by_weekday: [1, 1, 1, 1, 1, 1, 1],
  by_month: new Array<number>(12).fill(1),
  by_date: {},
  overdispersion_cv: 0,
});
const det = (seconds: number): Distribution => ({ distribution: 'deterministic', mean_seconds: seconds });

/** One type, one group, no abandonment: the building block of most cases below. */
function single(opts: { perHour: number; handle: Distribution; agents: number; proficiency?: number; fcr?: number; repeat?: Distribution; days: number; warmupHours?: number; seed: number }): Scenario {
  return scenario({
    seed: opts.seed,
    horizon: { start: '2026-01-05', days: opts.days, interval_minutes: 60, warmup_hours: opts.warmupHours ?? 0 },
    contact_types: [
      contactType('general', {
        arrivals: flat(opts.perHour),
        handle_time: opts.handle,
        fcr: opts.fcr ?? 1,
        repeat_after: opts.repeat ?? exp(DAY),
      }),
    ],
    agent_groups: [group('team', { general: opts.proficiency ?? 1 }, opts.agents)],
  });
}

/** Runs `fn` once, on first use: the work happens inside the tests, not while collecting them. */
function lazy<T>(fn: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: fn() }).v;
}

/** Values of a metric across replications, failing loudly on an undefined ratio. */
function values(results: Result[], pick: (m: Metrics) => number | null): number[] {
  return results.map((r) => {
    const v = pick(r.totals);
    if (v === null) throw new Error('metric undefined in a replication');
    return v;
  });
}

describe('repeat contacts: FCR and time to resolution', () => {
  // fcr f, handle time H ~ exp(h), repeat delay D ~ exp(d), ample agents (nobody waits): a case
  // needs N ~ Geometric(f) contacts, E[N] = 1/f, and TTR = N handles + (N - 1) delays.
  const f = 0.6;
  const h = 180;
  const d = HOUR;
  const perHour = 60;
  const days = 3;
  const T = days * DAY;
  // Load 60/h x 180 s / f = 5 Erlangs on 40 agents: P(wait) = Erlang C(40, 5) ~ 1e-17.
  const s = single({ perHour, handle: exp(h), agents: 40, fcr: f, repeat: exp(d), days, seed: 101 });
  const results = lazy(() => replicate(s, R));

  // Horizon edge: a repeat due after the horizon is not simulated, so contact k of a case opened
  // at s is seen only if its arrival s + S_{k-1} < T, where S_m is the sum of m cycles
  // (handle + delay; mean c, variance v). With uniform opening times (Poisson arrivals),
  //   E[arrivals] / E[cases] = sum_k P(N >= k) E[(T - S_{k-1})^+] / T = 1/f - c (1 - f) / (f^2 T)
  // (P(S_{k-1} > T) is negligible: T is ~70 mean cycles). The same weighting gives TTR over the
  // cases resolved by the end: a case is resolved in the run iff its last contact arrives in it.
  const c = h + d;
  const v = h * h + d * d; // variance of exp(h) + exp(d)
  const m1 = (1 - f) / f; // E[N - 1]
  const m2 = (1 - f) / (f * f) + m1 * m1; // E[(N - 1)^2]
  const ttrAll = h / f + d * m1; // E[TTR] = E[N] h + (E[N] - 1) d
  // E[S_{N-1}] = c m1, E[S_{N-1}^2] = v m1 + c^2 m2; resolved in the run with probability
  // E[(T - S)^+] / T, and E[TTR; resolved] = E[(S + h)(T - S)^+] / T.
  const ttrResolved = (ttrAll - (v * m1 + c * c * m2 + h * c * m1) / T) / (1 - (c * m1) / T);

  it('arrivals per case approach 1/f (less the computed horizon edge)', () => {
    const exact = 1 / f - (c * (1 - f)) / (f * f * T);
    expect(1 / f - exact, 'the edge effect is small but not negligible').toBeGreaterThan(0.01);
    expectAgrees(results(), (m) => m.arrivals / m.cases, exact, 'arrivals per case');
  });

  it('repeat_rate is 1 - f per arrival, and FCR is f', () => {
    // repeats / arrivals = (E[N] - 1) / E[N] = 1 - f, with the same edge correction on both.
    const arrivalsPerCase = 1 / f - (c * (1 - f)) / (f * f * T);
    expectAgrees(results(), (m) => m.repeat_rate, (arrivalsPerCase - 1) / arrivalsPerCase, 'repeat rate');
    expectAgrees(results(), (m) => m.fcr, f, 'FCR');
    for (const r of results()) expect(r.totals.wait_probability).toBe(0);
  });

  it('mean TTR approaches E[N] h + (E[N] - 1) d (for the cases resolved in the run)', () => {
    expect(Math.abs(ttrAll - ttrResolved) / ttrAll, 'censoring matters at this length').toBeGreaterThan(0.02);
    expectAgrees(results(), (m) => (m.ttr_hours.mean === null ? null : m.ttr_hours.mean * HOUR), ttrResolved, 'TTR mean (s)');
  });
});

describe('proficiency', () => {
  // Proficiency p divides the handle-time mean by p and multiplies fcr by p. Ample agents.
  const f = 0.8;
  const h = 240;
  for (const p of [1, 0.5]) {
    it(`proficiency ${p}: AHT = h / p and FCR = f x p`, () => {
      const results = replicate(single({ perHour: 60, handle: exp(h), agents: 40, proficiency: p, fcr: f, repeat: exp(HOUR), days: 2, seed: 200 + p * 10 }), R);
      expectAgrees(results, (m) => m.aht_seconds, h / p, 'AHT');
      expectAgrees(results, (m) => m.fcr, f * p, 'FCR');
    });
  }

  it('with the default fcr of 1, proficiency 0.5 still resolves only half the cases at first contact', () => {
    const results = replicate(single({ perHour: 60, handle: exp(h), agents: 40, proficiency: 0.5, fcr: 1, repeat: exp(HOUR), days: 2, seed: 260 }), R);
    expectAgrees(results, (m) => m.fcr, 0.5, 'FCR');
    for (const r of results) expect(r.totals.repeat_rate!).toBeGreaterThan(0.3);
  });

  it('proficiency 0.5 doubles AHT and halves FCR relative to proficiency 1, same customers', () => {
    const run = (p: number) => replicate(single({ perHour: 60, handle: exp(h), agents: 40, proficiency: p, fcr: f, repeat: exp(HOUR), days: 2, seed: 250 }), R);
    const full = run(1);
    const half = run(0.5);
    // Paired by replication: the same first-contact customers (common random numbers).
    const aht = meanAndError(full.map((r, i) => half[i]!.totals.aht_seconds! / r.totals.aht_seconds!));
    const fcr = meanAndError(full.map((r, i) => half[i]!.totals.fcr! / r.totals.fcr!));
    const t = studentTQuantile(0.9995, R - 1);
    expect(Math.abs(aht.mean - 2), `AHT ratio ${aht.mean.toFixed(4)} ± ${(t * aht.se).toFixed(4)}`).toBeLessThanOrEqual(t * aht.se + 1e-9);
    expect(Math.abs(fcr.mean - 0.5), `FCR ratio ${fcr.mean.toFixed(4)} ± ${(t * fcr.se).toFixed(4)}`).toBeLessThanOrEqual(t * fcr.se + 1e-9);
  });
});

describe('routing on the bundled bank', () => {
  const bank = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios', 'retail-bank.yaml');

  it('skill_based gives higher FCR and lower mean TTR than round_robin (paired replications)', () => {
    const base = loadScenario(bank).scenario;
    const reps = 6;
    const runs = (policy: Scenario['routing']['policy']): Result[] => {
      const model = compile({ ...base, routing: { ...base.routing, policy } });
      return Array.from({ length: reps }, (_, r) => summarise(model, runReplication(model, base.seed, r), base.seed));
    };
    const rr = runs('round_robin');
    const sb = runs('skill_based');
    const t = studentTQuantile(0.975, reps - 1);
    // Differences per replication: the same seed drives the same customers under both policies.
    const fcrGain = meanAndError(sb.map((r, i) => r.totals.fcr! - rr[i]!.totals.fcr!));
    const ttrGain = meanAndError(sb.map((r, i) => rr[i]!.totals.ttr_hours.mean! - r.totals.ttr_hours.mean!));
    expect(fcrGain.mean - t * fcrGain.se, `FCR gain ${fcrGain.mean.toFixed(4)} ± ${(t * fcrGain.se).toFixed(4)}`).toBeGreaterThan(0);
    expect(ttrGain.mean - t * ttrGain.se, `TTR gain (h) ${ttrGain.mean.toFixed(3)} ± ${(t * ttrGain.se).toFixed(3)}`).toBeGreaterThan(0);
    // Round robin hands contacts to unskilled agents, who transfer them; skill-based never does.
    for (const r of sb) expect(r.totals.transfers).toBe(0);
    for (const r of rr) expect(r.totals.transfers).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  const s = scenario({
    seed: 5,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 1 },
    contact_types: [
      contactType('calls', {
        arrivals: { ...flat(120), overdispersion_cv: 0.1 },
        handle_time: { distribution: 'lognormal', mean_seconds: 300, cv: 0.7 },
        patience: { distribution: 'mixture', parts: [{ weight: 0.1, dist: det(0) }, { weight: 0.9, dist: exp(120) }] },
        retry: { probability: 0.4, after: exp(600) },
        fcr: 0.8,
        repeat_after: exp(6 * HOUR),
        self_service: { share_offered: 0.5, containment: 0.3, duration: exp(60), cost_per_session: 0.2, failed_handle_time_factor: 1.1 },
      }),
      contactType('chat', { channel: 'chat', arrivals: flat(40), handle_time: exp(600), patience: exp(300), fcr: 0.7, service_level_seconds: 60 }),
    ],
    agent_groups: [group('voice', { calls: 1 }, 9, { hourly_cost: 30 }), group('mixed', { calls: 0.7, chat: 1 }, 4, { concurrency: 2, hourly_cost: 28 })],
    costs: { per_minute_voice: 0.01, per_contact: 0.1, overhead_per_agent_hour: 5 },
  });

  it('the same scenario and seed give byte-identical results', () => {
    expect(JSON.stringify(simulate(s, { seed: 42 }))).toBe(JSON.stringify(simulate(s, { seed: 42 })));
    expect(JSON.stringify(simulate(s, { seed: 42, replications: 3 }))).toBe(JSON.stringify(simulate(s, { seed: 42, replications: 3 })));
  });

  it('another seed gives different numbers', () => {
    const a = simulate(s, { seed: 42 }).totals;
    const b = simulate(s, { seed: 43 }).totals;
    expect(a.arrivals).not.toBe(b.arrivals);
    expect(a.asa_seconds).not.toBe(b.asa_seconds);
    expect(a.cost_total).not.toBe(b.cost_total);
  });
});

describe('chat concurrency', () => {
  const chat = (perHour: number, agents: number, concurrency: number, seed: number, warmupHours = 2): Scenario =>
    scenario({
      seed,
      horizon: { start: '2026-01-05', days: 2, interval_minutes: 60, warmup_hours: warmupHours },
      contact_types: [contactType('chat', { channel: 'chat', arrivals: flat(perHour), handle_time: exp(600), service_level_seconds: 60 })],
      agent_groups: [group('chat-team', { chat: 1 }, agents, { concurrency })],
    });

  for (const k of [1, 2, 3]) {
    it(`occupancy = λ·h / (c·k) with concurrency ${k} when nobody waits`, () => {
      // 60 chats/h x 600 s = 10 Erlangs on 30 agents x k slots: P(wait) <= Erlang C(30, 10) ~ 1e-6.
      const results = replicate(chat(60, 30, k, 300 + k), R);
      expectAgrees(results, (m) => m.occupancy, (60 * 600) / 3600 / (30 * k), `occupancy, k=${k}`);
    });
  }

  it('10 agents with concurrency 2 carry the load of 20 single-chat agents at the same service level (M/M/20)', () => {
    // 108 chats/h x 600 s = 18 Erlangs; 10 agents x 2 slots behave as 20 servers.
    const results = replicate(chat(108, 10, 2, 310), 20);
    const load = 18;
    expectAgrees(results, (m) => m.wait_probability, erlangC(20, load), 'P(wait)');
    expectAgrees(results, (m) => m.asa_seconds, erlangCAsa(20, load, 600), 'ASA');
    expectAgrees(results, (m) => m.service_level, erlangCServiceLevel(20, load, 60, 600), 'service level @60s');
    expectAgrees(results, (m) => m.occupancy, load / 20, 'occupancy');
  });
});

describe('shifts', () => {
  // Two shifts on one group; deterministic 120 s contacts; arrivals only while staffed. From 14:00
  // to 16:00 the load (260/h x 120 s = 8.7 Erlangs) exceeds the 8 agents, so at 16:00 a queue is
  // waiting and every agent is busy: the five whose shift ends are all in a contact.
  const handle = 120;
  const perHour = [0, 0, 0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100, 100, 260, 260, 60, 60, 0, 0, 0, 0, 0, 0];
  const s = scenario({
    seed: 400,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: flat(perHour), handle_time: det(handle) })],
    agent_groups: [
      group('team', { general: 1 }, 0, {
        staffing: {
          kind: 'shifts',
          shifts: [
            { start: '08:00', hours: 8, agents: 5, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
            { start: '12:00', hours: 6, agents: 3, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
          ],
        },
      }),
    ],
  });
  const run = lazy(() => simulate(s));
  const agentsAt = (hhmm: string): number | null => run().by_interval.find((m) => m.start.endsWith(`T${hhmm}`))!.agents;

  it('agents log in and out per the shifts', () => {
    const expected = (t: number): number => (t >= 8 && t < 16 ? 5 : 0) + (t >= 12 && t < 18 ? 3 : 0);
    for (const m of run().by_interval) {
      const [hh, mm] = m.start.slice(11).split(':').map(Number) as [number, number];
      const t = hh + mm / 60;
      // Skip the interval right after a shift ends: leavers may still finish a contact there.
      if (t === 16 || t === 18) continue;
      expect(m.agents, `mean agents logged in at ${m.start.slice(11)}`).toBe(expected(t));
    }
  });

  it('an agent whose shift ends finishes the contact in hand', () => {
    // Right after 16:00 the early shift's agents who were busy stay until their contact ends:
    // more than the 3 rostered, but at most 5 extra for one handle time.
    const after = agentsAt('16:00')!;
    expect(after).toBeGreaterThan(3);
    expect(after).toBeLessThanOrEqual(3 + (5 * handle) / 1800 + 1e-9);
    // No contact is cut short: every answered contact took its whole (deterministic) handle time.
    const result = run();
    expect(result.totals.answered).toBeGreaterThan(1000);
    expect(result.totals.aht_seconds).toBeCloseTo(handle, 9);
    for (const m of result.by_interval) if (m.answered > 0) expect(m.aht_seconds, m.start).toBeCloseTo(handle, 9);
  });
});

describe('retries', () => {
  it('abandoned contacts come back with probability p: arrivals exceed cases even with fcr 1', () => {
    const p = 0.4;
    const patience = 120;
    const after = 300;
    const days = 2;
    // 360/h x 180 s = 18 Erlangs on 17 agents: overloaded, so many abandon (Erlang A).
    const s = single({ perHour: 360, handle: exp(180), agents: 17, days, seed: 500 });
    s.contact_types[0]!.patience = exp(patience);
    s.contact_types[0]!.retry = { probability: p, after: exp(after) };
    const results = replicate(s, R);
    for (const r of results) {
      expect(r.totals.fcr).toBe(1);
      expect(r.totals.arrivals).toBeGreaterThan(r.totals.cases);
      expect(r.totals.repeat_rate).toBe(0); // retries are not repeats
    }
    // Every arrival beyond a case's first is a retry (fcr 1), and each abandonment retries with
    // probability p. Edge: the retry of a contact abandoning near the end falls after the
    // horizon and is not simulated; expected shortfall <= abandonments per second x (mean
    // patience + mean delay), computed from the run.
    // As a share of all abandonments: p x (patience + delay) / T.
    const ratio = values(results, (m) => (m.arrivals - m.cases) / m.abandoned);
    const edge = (p * (patience + after)) / (days * DAY);
    const { mean, se } = meanAndError(ratio);
    const t = studentTQuantile(0.9995, R - 1);
    expect(mean, `retries per abandonment ${mean.toFixed(4)}`).toBeLessThanOrEqual(p + t * se);
    expect(mean, `retries per abandonment ${mean.toFixed(4)}`).toBeGreaterThanOrEqual(p - edge - t * se);
  });
});

describe('email', () => {
  it('never abandons, even with a tiny staff and a patience in the scenario', () => {
    // 60 emails/h x 180 s = 3 Erlangs on 1 agent: the backlog grows all day.
    const s = single({ perHour: 60, handle: exp(180), agents: 1, days: 1, seed: 600 });
    s.contact_types[0]!.channel = 'email';
    s.contact_types[0]!.patience = exp(60);
    s.contact_types[0]!.retry = { probability: 0.5, after: exp(600) };
    s.contact_types[0]!.service_level_seconds = 4 * HOUR;
    const results = replicate(s, 3);
    for (const r of results) {
      expect(r.totals.abandoned).toBe(0);
      expect(r.totals.abandon_rate).toBe(0);
      expect(r.totals.lost_cases).toBe(0);
      expect(r.totals.arrivals).toBe(r.totals.cases); // no abandonment, so no retries
      // The backlog is worked off after the horizon (contacts in the system are finished):
      // everything offered is answered, after waiting hours, by an agent busy all day.
      expect(r.totals.answered).toBe(r.totals.offered);
      expect(r.totals.asa_seconds!).toBeGreaterThan(4 * HOUR);
      expect(r.totals.service_level!).toBeLessThan(0.5);
      expect(r.totals.occupancy!).toBeGreaterThan(0.99);
    }
  });
});
