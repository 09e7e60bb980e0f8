import { describe, expect, it } from 'vitest';
import type { Arrivals, Scenario } from '../../src/scenario/types.ts';
import type { Result } from '../../src/metrics/types.ts';
import { normalQuantile } from '../../src/metrics/student-t.ts';
import { contactType, group, scenario } from '../helpers/scenarios.ts';
import { replicate } from '../helpers/replicate.ts';

const flat = (perHour: number): Arrivals => ({ per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 });
const WEEK = 7 * 86_400;

describe('cohorts: a class of new hires ramping up', () => {
  // Ten veterans and a class of ten joining on day one, ramping from half speed to full over 4
  // weeks; handle time 300 s at full speed. The load is light (1 erlang on 20 agents) and routing
  // is longest idle, so each agent takes about every 20th contact whatever its speed and starts
  // are spread evenly over time: a member's AHT over a week is 300 s x the week's mean of
  // 1 / ramp(t). (Skill-based routing would send the new hires almost nothing: see below.)
  const WEEKS = 4;
  const FROM = 0.5;
  const ramp = (t: number): number => Math.min(1, FROM + ((1 - FROM) * t) / (WEEKS * WEEK));
  /** Mean of f over week w, by the midpoint rule on a fine grid (independent of the code). */
  const weekMean = (w: number, f: (t: number) => number): number => {
    const n = 20_000;
    let s = 0;
    for (let i = 0; i < n; i++) s += f((w + (i + 0.5) / n) * WEEK);
    return s / n;
  };
  const s: Scenario = scenario({
    seed: 17,
    horizon: { start: '2026-01-05', days: 42, interval_minutes: 60, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: flat(12), handle_time: { distribution: 'deterministic', mean_seconds: 300 } })],
    agent_groups: [group('team', { general: 1 }, 10, { headcount: 10, cohorts: [{ start: '2026-01-05', agents: 10, ramp: { weeks: WEEKS, from: FROM } }] })],
    routing: { policy: 'longest_idle', transfer_seconds: 60 },
  });

  it('gives the class its share of the agents on line, with the configured mean proficiency by week', () => {
    const [r] = replicate(s, 1) as [Result];
    expect(r.weekly).toHaveLength(6);
    r.weekly!.forEach((week, w) => {
      const c = week.cohorts['team:2026-01-05']!;
      expect(c.agents!, `week ${w}`).toBeCloseTo(10, 9);
      expect(week.agents!).toBeCloseTo(20, 9);
      expect(c.proficiency!, `week ${w}`).toBeCloseTo(weekMean(w, ramp), 6);
      expect(week.mean_proficiency!).toBeCloseTo((10 + 10 * weekMean(w, ramp)) / 20, 6);
    });
  });

  it('cohort AHT by week is within 1% of the configured ramp (long run)', () => {
    const [r] = replicate(s, 1) as [Result];
    r.weekly!.forEach((week, w) => {
      const expected = 300 * weekMean(w, (t) => 1 / ramp(t));
      const got = week.cohorts['team:2026-01-05']!.aht_seconds!;
      expect(Math.abs(got / expected - 1), `week ${w}: ${got.toFixed(2)} s vs ${expected.toFixed(2)} s`).toBeLessThan(0.01);
    });
  });
});

describe('skill-based routing and new hires still ramping', () => {
  it('a new hire gets a contact only when no veteran of the group is free: the overflow of an Erlang loss system', () => {
    // Ten veterans and ten new hires at half to 54% proficiency (a year's ramp), 6 erlangs
    // (72 contacts/h of 300 s). Skill-based routing prefers the most proficient idle agent, so
    // the veterans form a loss system whose overflow goes to the new hires: by PASTA and Erlang
    // B's insensitivity, the share of contacts the new hires take is B(10, 6), computed here by
    // the recursion B(n) = A B(n-1) / (n + A B(n-1)). (Queueing is negligible: the new hires
    // carry about 0.5 erlang on ten agents.) Longest-idle routing would give them about half.
    let erlangB = 1;
    for (let n = 1; n <= 10; n++) erlangB = (6 * erlangB) / (n + 6 * erlangB);
    const s = scenario({
      seed: 5,
      horizon: { start: '2026-01-05', days: 28, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: flat(72), handle_time: { distribution: 'exponential', mean_seconds: 300 } })],
      agent_groups: [group('team', { general: 1 }, 10, { headcount: 10, cohorts: [{ start: '2026-01-05', agents: 10, ramp: { weeks: 52, from: 0.5 } }] })],
    });
    const R = 10;
    const shares = (replicate(s, R) as Result[]).map((r) => {
      const hires = r.weekly!.reduce((sum, week) => sum + week.cohorts['team:2026-01-05']!.handled!, 0);
      return hires / r.totals.answered;
    });
    const mean = shares.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    // The replications are independent: a 99.9% Student t interval (t(0.9995, 9) = 4.781).
    expect(Math.abs(mean - erlangB), `share ${mean.toFixed(4)} against B(10, 6) = ${erlangB.toFixed(4)}`).toBeLessThan((4.781 * sd) / Math.sqrt(R));
    expect(mean).toBeLessThan(0.1);
  });
});

describe('attrition', () => {
  it("surviving employees by week are within binomial tolerance of exp(-rate x t), and staffing follows them", () => {
    const RATE = 0.35;
    const HEAD = 200;
    const R = 5;
    const s = scenario({
      seed: 23,
      horizon: { start: '2026-01-05', days: 91, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: flat(2) })],
      agent_groups: [group('team', { general: 1 }, HEAD, { attrition_per_year: RATE })],
    });
    const results = replicate(s, R);
    const weeks = results[0]!.weekly!.length;
    expect(weeks).toBe(13);
    const z = normalQuantile(1 - 0.001 / (2 * weeks));
    for (let w = 0; w < weeks; w++) {
      const p = Math.exp((-RATE * (w + 1) * 7) / 365);
      const n = R * HEAD;
      const survivors = results.reduce((sum, r) => sum + r.weekly![w]!.employees, 0);
      expect(Math.abs(survivors - n * p), `week ${w + 1}: ${survivors} of ${n} vs ${(n * p).toFixed(1)}`).toBeLessThanOrEqual(z * Math.sqrt(n * p * (1 - p)));
      for (const r of results) {
        // Staffing is the plan x H(t) / headcount = H(t): its weekly mean lies between the
        // employees at the week's start and at its end.
        const before = w === 0 ? HEAD : r.weekly![w - 1]!.employees;
        expect(r.weekly![w]!.agents!).toBeLessThanOrEqual(before + 1e-9);
        expect(r.weekly![w]!.agents!).toBeGreaterThanOrEqual(r.weekly![w]!.employees - 1e-9);
      }
    }
  });

  it('cohort members leave too, from the day they join', () => {
    const RATE = 0.35;
    const R = 5;
    const s = scenario({
      seed: 29,
      horizon: { start: '2026-01-05', days: 56, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: flat(2) })],
      agent_groups: [group('team', { general: 1 }, 100, { attrition_per_year: RATE, cohorts: [{ start: '2026-01-26', agents: 100, ramp: { weeks: 2, from: 0.6 } }] })],
    });
    const results = replicate(s, R);
    const z = normalQuantile(1 - 0.001 / (2 * 8));
    for (let w = 0; w < 8; w++) {
      const t = (w + 1) * 7;
      const pOld = Math.exp((-RATE * t) / 365);
      const pNew = t > 21 ? Math.exp((-RATE * (t - 21)) / 365) : 0;
      const mean = R * 100 * (pOld + pNew);
      const variance = R * 100 * (pOld * (1 - pOld) + pNew * (1 - pNew));
      const got = results.reduce((sum, r) => sum + r.weekly![w]!.employees, 0);
      expect(Math.abs(got - mean), `week ${w + 1}`).toBeLessThanOrEqual(z * Math.sqrt(variance) + 1e-9);
    }
  });

  it('leaves a scenario without attrition or cohorts exactly as it was', () => {
    const base = scenario({ seed: 3, contact_types: [contactType('general', { arrivals: flat(100) })] });
    const same = scenario({
      seed: 3,
      contact_types: [contactType('general', { arrivals: flat(100) })],
      agent_groups: [group('team', { general: 1 }, 5, { attrition_per_year: 0 })],
    });
    expect(replicate(same, 2).map((r) => r.by_interval)).toEqual(replicate(base, 2).map((r) => r.by_interval));
  });
});
