import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { offeredRates } from '../../src/staffing/index.ts';
import { workforceFactors, writtenFor } from '../../src/staffing/workforce-factors.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { arrivals } from './helpers.ts';

const DAY = 86_400;
const YEAR = 365 * DAY;

describe('the workforce in the analytic start', () => {
  it('scale and proficiency share by hand: attrition e^(−a t), a class joining at half proficiency', () => {
    const s = scenario({
      horizon: { start: '2026-01-05', days: 28, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: arrivals(100), handle_time: exp(180) })],
      agent_groups: [
        group('team', { general: 1 }, 10, {
          headcount: 50,
          attrition_per_year: 0.365,
          cohorts: [{ start: '2026-01-12', agents: 10, ramp: { weeks: 2, from: 0.5 } }],
        }),
      ],
    });
    const model = compile(s);
    const f = workforceFactors(model, 0);
    const a = 0.365 / YEAR;
    // Day 2, 12:30 (interval 60): veterans only, 50·e^(−a t) / 50.
    const t1 = 60.5 * 3600;
    expect(f.scale[60]).toBeCloseTo(Math.exp(-a * t1), 12);
    expect(f.speed[60]).toBe(1);
    // Day 14, 12:30 (interval 14·24 + 12): the class joined 7 days earlier, half-way up its
    // two-week ramp from 0.5: proficiency 0.5 + 0.5 · (7.5208 / 14) of the way.
    const i = 14 * 24 + 12;
    const t = (i + 0.5) * 3600;
    const joined = 7 * DAY;
    const veterans = 50 * Math.exp(-a * t);
    const members = 10 * Math.exp(-a * (t - joined));
    const ramp = 0.5 + (0.5 * (t - joined)) / (14 * DAY);
    expect(f.scale[i]).toBeCloseTo((veterans + members) / 50, 12);
    expect(f.speed[i]).toBeCloseTo((veterans + members * ramp) / (veterans + members), 12);
  });

  it('the plan written puts the requirement on line after the simulator rounds plan × scale', () => {
    for (const scale of [0.83, 0.91, 1, 1.17, 1.25]) {
      for (let n = 1; n <= 40; n++) {
        const p = writtenFor(n, scale);
        expect(Math.round(p * scale)).toBeGreaterThanOrEqual(n);
        expect(p === 1 || Math.round((p - 1) * scale) < n).toBe(true); // the least such count
      }
    }
    expect(writtenFor(0, 0.9)).toBe(0);
  });
});

describe('the repeat load, carried forward by the repeat delay', () => {
  it('a flat load with fcr 0.6 and repeats exactly a day later: day d offers λ · (1 + 0.4 + ... + 0.4^d)', () => {
    const s = scenario({
      horizon: { start: '2026-01-05', days: 4, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [
        contactType('general', { arrivals: arrivals(100), handle_time: exp(180), fcr: 0.6, repeat_after: { distribution: 'deterministic', mean_seconds: DAY } }),
      ],
      agent_groups: [group('team', { general: 1 }, 10)],
    });
    const rates = offeredRates(compile(s));
    // Geometric by hand: each day adds the unresolved 40% of the day before.
    const expected = [100, 140, 156, 162.4];
    for (let d = 0; d < 4; d++) for (let h = 0; h < 24; h++) expect(rates[d * 24 + h]![0]! * 3600).toBeCloseTo(expected[d]!, 9);
  });
});
