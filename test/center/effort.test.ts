import { describe, expect, it } from 'vitest';
import type { Metrics, Result } from '../../src/metrics/types.ts';
import type { Arrivals, Distribution, EffortPoints, Scenario } from '../../src/scenario/types.ts';
import { EFFORT_DEFAULTS } from '../../src/scenario/experience.ts';
import { studentTQuantile } from '../../src/metrics/student-t.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { meanAndError, replicate } from '../helpers/replicate.ts';
import { erlangCExact } from '../analytic/reference.ts';

/*
 * Customer effort per case, end to end: each driver's points against a hand or closed-form
 * expectation. Statistical checks take their tolerance from the run (99.9% Student-t interval
 * of the replication mean); identities that hold run by run are checked to rounding.
 *
 * Cases still open when the run stops are not in effort_mean (it covers cases that ended), and
 * the ones open at the end are biased towards long journeys; where that matters the check uses
 * only cases whose first contact came early enough that none can still be open (the per-interval
 * figures are by the interval of the case's first contact).
 */

const R = 10;
const HOUR = 3600;
const DAY = 86400;
const flat = (perHour: number): Arrivals => ({
  per_hour: perHour,
  by_weekday: [1, 1, 1, 1, 1, 1, 1],
  by_month: new Array<number>(12).fill(1),
  by_date: {},
  overdispersion_cv: 0,
});
const points = (over: Partial<EffortPoints>): { effort: EffortPoints } => ({ effort: { ...EFFORT_DEFAULTS, ...over } });

function lazy<T>(fn: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: fn() }).v;
}

/** Ended cases and their effort sum over the intervals starting before `before` seconds. */
function earlyCases(r: Result, before: number, ivSeconds: number): { ended: number; effort: number; high: number } {
  let ended = 0;
  let effort = 0;
  let high = 0;
  r.by_interval.forEach((m, i) => {
    if ((i + 1) * ivSeconds > before) return;
    const n = m.resolved_cases + m.lost_cases;
    ended += n;
    effort += (m.effort_mean ?? 0) * n;
    high += (m.high_effort_share ?? 0) * n;
  });
  return { ended, effort, high };
}

function expectWithin(values: number[], exact: number, label: string): void {
  const { mean, se } = meanAndError(values);
  const tolerance = studentTQuantile(0.9995, values.length - 1) * se + 1e-12;
  expect(Math.abs(mean - exact), `${label}: simulated ${mean.toFixed(5)} ± ${tolerance.toFixed(5)} vs exact ${exact.toFixed(5)}`).toBeLessThanOrEqual(tolerance);
}

function single(over: { fcr: number; repeat: Distribution; experience: Scenario['experience']; days: number; seed: number }): Scenario {
  return scenario({
    seed: over.seed,
    horizon: { start: '2026-01-05', days: over.days, interval_minutes: 60, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: flat(60), handle_time: exp(180), fcr: over.fcr, repeat_after: over.repeat })],
    // 60/h x 180 s / f = 5 Erlangs at most on 40 agents: P(wait) = Erlang C(40, 5) ~ 1e-17.
    agent_groups: [group('team', { general: 1 }, 40)],
    experience: over.experience,
  });
}

describe('effort: repeat contacts', () => {
  // fcr f and nobody waits: a case has M ~ Geometric repeats (P(M = m) = (1-f)^m f), each worth
  // `repeat` points, so E[score] = 1 + repeat x E[M] = 1 + repeat x (1/f - 1) while the cap at 7
  // does not bind: with repeat 0.5 it binds from M = 13 on, P = 0.4^13 < 1e-5.
  const f = 0.6;
  const repeat = 0.5;
  const days = 2;
  const s = single({ fcr: f, repeat: exp(HOUR), experience: points({ repeat }), days, seed: 1301 });
  const results = lazy(() => replicate(s, R));

  it('mean effort = 1 + repeat points x (1/f - 1)', () => {
    // The repeat delays of a case (M of them, each exp(1 h)) sum to more than t hours with
    // probability (1 - f) e^{-f t}: 0.4 e^{-7.2} < 1e-3 at 12 h, so cases opened 12 h or more
    // before the end have all but surely ended and none is left out.
    const values = results().map((r) => {
      const e = earlyCases(r, days * DAY - 12 * HOUR, HOUR);
      return e.effort / e.ended;
    });
    expectWithin(values, 1 + repeat * (1 / f - 1), 'effort_mean');
  });

  it('keeps every figure between 1 and 7', () => {
    for (const r of results()) {
      for (const m of [r.totals, ...r.by_interval]) {
        if (m.effort_mean === null) continue;
        expect(m.effort_mean).toBeGreaterThanOrEqual(1);
        expect(m.effort_mean).toBeLessThanOrEqual(7);
      }
    }
  });
});

describe('effort: the cap at 7', () => {
  // 10 points per repeat: a case with any repeat scores exactly 7, one without scores 1, so
  // E[score] = f x 1 + (1 - f) x 7 and the high-effort share (>= 5) is 1 - f.
  const f = 0.5;
  const days = 2;
  const s = single({ fcr: f, repeat: exp(HOUR), experience: points({ repeat: 10 }), days, seed: 1302 });
  const results = lazy(() => replicate(s, R));

  it('holds: E[score] = f + 7 (1 - f) and high-effort share = 1 - f', () => {
    const early = results().map((r) => earlyCases(r, days * DAY - 12 * HOUR, HOUR));
    expectWithin(early.map((e) => e.effort / e.ended), f + 7 * (1 - f), 'effort_mean with the cap');
    expectWithin(early.map((e) => e.high / e.ended), 1 - f, 'high_effort_share');
    for (const r of results()) {
      expect(r.totals.effort_mean!).toBeLessThanOrEqual(7);
      // Open at the end: unresolved (2) + any repeat points, capped too.
      if (r.totals.effort_open_mean !== null) expect(r.totals.effort_open_mean).toBeLessThanOrEqual(7);
    }
  });
});

describe('effort: transfers under round robin', () => {
  // Two skills, two specialist groups, round robin: a contact handed to the wrong specialist is
  // transferred once. fcr 1, ample agents (no waiting, no abandonment), so a case's score is
  // exactly 1 + transfer points x its transfers, run by run.
  const transfer = 0.75;
  const s = scenario({
    seed: 1303,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
    contact_types: [contactType('cards', { arrivals: flat(60) }), contactType('loans', { arrivals: flat(40) })],
    agent_groups: [group('card_team', { cards: 1 }, 30), group('loan_team', { loans: 1 }, 30)],
    routing: { policy: 'round_robin', transfer_seconds: 60 },
    experience: points({ transfer }),
  });

  it('each transfer adds exactly the transfer points', () => {
    for (const r of replicate(s, 3)) {
      const rows: Array<[string, Metrics]> = [['totals', r.totals], ...Object.entries(r.by_type)];
      for (const [where, m] of rows) {
        expect(m.transfers, `${where}: some transfers`).toBeGreaterThan(0);
        expect(m.open_cases + m.lost_cases, `${where}: every case resolved`).toBe(0);
        expect(m.asa_seconds, `${where}: nobody waited`).toBe(0);
        const ended = m.resolved_cases;
        expect(m.effort_mean! * ended, where).toBeCloseTo(ended + transfer * m.transfers, 6);
        expect(m.high_effort_share, where).toBe(0);
      }
    }
  });
});

describe('effort: waiting follows the Erlang C wait', () => {
  // M/M/20 at 18 Erlangs (360/h, 180 s), no abandonment, fcr 1: a case is one contact whose wait
  // W has P(W > t) = C e^{-theta t}, theta = c mu - lambda = 1/90 per second. Waiting points are
  // per_wait_minute x min(W, cap) / 60 with cap = max_wait_points / per_wait_minute minutes, so
  //   E[score] = 1 + per_wait_minute / 60 x E[min(W, cap)],  E[min(W, cap)] = C / theta x (1 - e^{-theta cap}).
  const C = erlangCExact(20, 18);
  const theta = 20 / 180 - 360 / HOUR;
  const expected = (perWaitMinute: number, maxPoints: number): number => {
    const cap = (maxPoints / perWaitMinute) * 60;
    return 1 + (perWaitMinute / 60) * (C / theta) * (1 - Math.exp(-theta * cap));
  };
  const run = (experience: Scenario['experience'], seed: number): Result[] =>
    replicate(
      scenario({
        seed,
        horizon: { start: '2026-01-05', days: 2, interval_minutes: 60, warmup_hours: 2 },
        contact_types: [contactType('general', { arrivals: flat(360), handle_time: exp(180) })],
        agent_groups: [group('team', { general: 1 }, 20)],
        experience,
      }),
      R,
    );

  it('with the default points (the cap of 20 minutes all but never binds)', () => {
    const results = run(undefined, 1304);
    expectWithin(results.map((r) => r.totals.effort_mean!), expected(0.1, 2), 'effort_mean');
    expect(expected(0.1, 2) - (1 + (0.1 / 60) * (C / theta))).toBeGreaterThan(-1e-6); // the cap is irrelevant here
  });

  it('with a binding cap (2 points per minute, at most 1 point: capped at 30 s)', () => {
    const results = run(points({ per_wait_minute: 2, max_wait_points: 1 }), 1305);
    const exact = expected(2, 1);
    // The cap matters: uncapped it would be 1 + 2/60 x C/theta.
    expect(1 + (2 / 60) * (C / theta) - exact).toBeGreaterThan(0.2);
    expectWithin(results.map((r) => r.totals.effort_mean!), exact, 'effort_mean (capped waits)');
  });
});

describe('repeat_channel: a failed chat comes back as a call', () => {
  // Chat at 60/h, handle H ~ exp(h = 300 s), fcr 0.7; an unresolved chat comes back after
  // D ~ exp(d = 1800 s) as a call (voice, fcr 1). Ample agents: nobody waits. A chat opened at s
  // brings a call with probability 0.3 if s + H + D < T, so over the horizon the calls it adds are
  //   lambda (1 - f) integral_0^T P(H + D < T - s) ds = lambda (1 - f) (T - E[min(H + D, T)]),
  //   E[min(H + D, T)] = (h^2 (1 - e^{-T/h}) - d^2 (1 - e^{-T/d})) / (h - d).
  const lambda = 60 / HOUR;
  const f = 0.7;
  const h = 300;
  const d = 1800;
  const days = 2;
  const T = days * DAY;
  const extraCalls = lambda * (1 - f) * (T - (h * h * (1 - Math.exp(-T / h)) - d * d * (1 - Math.exp(-T / d))) / (h - d));
  const build = (voicePerHour: number, repeatChannel: boolean): Scenario =>
    scenario({
      seed: 1306,
      horizon: { start: '2026-01-05', days, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [
        contactType('chat', {
          channel: 'chat',
          arrivals: flat(60),
          handle_time: exp(h),
          fcr: f,
          repeat_after: exp(d),
          ...(repeatChannel ? { repeat_channel: 'calls' } : {}),
        }),
        contactType('calls', { arrivals: flat(voicePerHour), handle_time: exp(240) }),
      ],
      agent_groups: [group('chat_team', { chat: 1 }, 30), group('phone_team', { calls: 1 }, 30)],
    });

  it('the voice type gains the expected number of arrivals, all repeats, on common random numbers', () => {
    const without = replicate(build(30, false), R);
    const withSwitch = replicate(build(30, true), R);
    const gained = withSwitch.map((r, i) => r.by_type['calls']!.arrivals - without[i]!.by_type['calls']!.arrivals);
    expectWithin(gained, extraCalls, 'calls gained');
    withSwitch.forEach((r, i) => {
      const calls = r.by_type['calls']!;
      // The calls' own customers are the same in both runs; everything gained is a repeat.
      expect(Math.round(calls.repeat_rate! * calls.arrivals)).toBe(gained[i]);
      // Chats no longer come back as chats.
      expect(r.by_type['chat']!.repeat_rate).toBe(0);
      expect(r.by_type['chat']!.arrivals).toBe(r.by_type['chat']!.cases);
    });
  });

  it('FCR, TTR and effort follow the case across channels', () => {
    // With no calls of their own, every case is a chat case.
    const results = replicate(build(0, true), R);
    // FCR of chat cases: resolved by the first (chat) contact, whoever resolves the rest.
    expectWithin(results.map((r) => r.by_type['chat']!.fcr!), f, 'chat fcr');
    for (const r of results) {
      expect(r.by_type['calls']!.cases).toBe(0);
      expect(r.by_type['calls']!.fcr).toBeNull();
    }
    // TTR of a chat case: H, plus on failure D and a call's handle time (mean 240 s).
    const early = (r: Result) => r.by_interval.filter((_, i) => (i + 1) * HOUR <= T - 12 * HOUR);
    const ttr = results.map((r) => {
      const rows = early(r);
      const n = rows.reduce((a, m) => a + m.resolved_cases, 0);
      return rows.reduce((a, m) => a + (m.ttr_hours.mean ?? 0) * m.resolved_cases, 0) / n;
    });
    expectWithin(ttr, (h + (1 - f) * (d + 240)) / HOUR, 'chat ttr_hours.mean');
    // Effort: a failed chat adds a repeat (1.5) on another channel (0.5), resolved by the call.
    const effort = results.map((r) => {
      const e = earlyCases(r, T - 12 * HOUR, HOUR);
      return e.effort / e.ended;
    });
    expectWithin(effort, 1 + (1 - f) * (EFFORT_DEFAULTS.repeat + EFFORT_DEFAULTS.channel_switch), 'chat effort_mean');
  });
});

describe('effort: abandonment, loss and failed self-service, run by run', () => {
  it('a lost case scores 1 + abandon + unresolved; an answered one 1 (nobody waits: patience 0)', () => {
    // One agent and callers who hang up unless the agent is free at once: a case is answered
    // without waiting (score 1) or lost (1 + abandon + unresolved = 5 with abandon 2: high effort).
    const s = scenario({
      seed: 1307,
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: flat(20), handle_time: exp(180), patience: { distribution: 'deterministic', mean_seconds: 0 } })],
      agent_groups: [group('team', { general: 1 }, 1)],
      experience: points({ abandon: 2 }),
    });
    for (const r of replicate(s, 3)) {
      const m = r.totals;
      expect(m.lost_cases).toBeGreaterThan(0);
      expect(m.lost_cases).toBe(m.abandoned);
      const ended = m.resolved_cases + m.lost_cases;
      expect(m.effort_mean! * ended).toBeCloseTo(m.resolved_cases + 5 * m.lost_cases, 6);
      expect(m.high_effort_share! * ended).toBeCloseTo(m.lost_cases, 6);
    }
  });

  it('each failed self-service session adds its points', () => {
    // Everyone tries the bot first; 40% are contained, the rest reach an (idle) agent.
    const s = scenario({
      seed: 1308,
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [
        contactType('general', {
          arrivals: flat(60),
          self_service: { share_offered: 1, containment: 0.4, duration: exp(120), cost_per_session: 0, failed_handle_time_factor: 1 },
        }),
      ],
      agent_groups: [group('team', { general: 1 }, 30)],
      experience: points({ self_service_failed: 0.8 }),
    });
    for (const r of replicate(s, 3)) {
      const m = r.totals;
      expect(m.open_cases).toBe(0);
      expect(m.asa_seconds).toBe(0);
      // Every offered contact failed self-service first.
      expect(m.effort_mean! * m.resolved_cases).toBeCloseTo(m.resolved_cases + 0.8 * m.offered, 6);
    }
  });
});
