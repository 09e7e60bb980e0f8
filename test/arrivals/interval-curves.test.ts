import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { ScenarioError } from '../../src/errors.ts';
import { compile } from '../../src/model/compile.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import type { Result } from '../../src/metrics/types.ts';

/**
 * Per-interval arrival curves, weekday templates, arrivals.scale and handle_time_by_hour.
 * Expected counts come from the curves themselves (hand arithmetic), never from the engine.
 */

function load(yaml: string) {
  return parseScenario(yaml, 'test.yaml').scenario;
}

/** A voice type nobody waits for (patience 0, no agents needed), so only arrivals cost time. */
function arrivalsOnly(arrivals: string, opts: { days: number; interval: number; extra?: string }): string {
  return `
name: curves
seed: 11
horizon: { start: 2026-01-05, days: ${opts.days}, interval_minutes: ${opts.interval} }
contact_types:
  - id: calls
    arrivals: ${arrivals}
    handle_time: 60
    patience: 0
${opts.extra ?? ''}
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 0 }
`;
}

/** Arrivals summed by interval of the day, over every day of the run. */
function byIntervalOfDay(result: Result, perDay: number, key: 'arrivals' | 'answered' = 'arrivals'): number[] {
  const out = new Array<number>(perDay).fill(0);
  result.by_interval.forEach((m, i) => (out[i % perDay]! += m[key]));
  return out;
}

describe('per-interval arrival curves', () => {
  it('a 96-interval per_hour curve gives per-quarter-hour counts matching it (chi-square, 99.9%)', () => {
    // Rates per hour that change within each hour (5, 40, 10, 25 per hour in its four quarters,
    // scaled by the hour), and a night with no contacts at all. An engine that averaged the curve
    // by hour would put the same count in every quarter of an hour and fail by far.
    const quarters = [5, 40, 10, 25];
    const curve = Array.from({ length: 96 }, (_, k) => {
      const hour = Math.floor(k / 4);
      return hour < 6 ? 0 : quarters[k % 4]! * (1 + (hour % 5));
    });
    const days = 60;
    const result = simulate(load(arrivalsOnly(`{ per_hour: [${curve.join(', ')}] }`, { days, interval: 15 })));
    const observed = byIntervalOfDay(result, 96);
    let chi2 = 0;
    let cells = 0;
    curve.forEach((rate, k) => {
      const expectedCount = rate * 0.25 * days;
      if (expectedCount === 0) {
        expect(observed[k], `quarter ${k} has rate 0`).toBe(0);
        return;
      }
      chi2 += (observed[k]! - expectedCount) ** 2 / expectedCount;
      cells++;
    });
    // Under the curve the cells are independent Poisson counts with known means: chi2 ~ chi2(cells).
    // 72 cells with a rate; the 0.999 quantile of chi-square with 72 degrees of freedom is 116.09
    // (scipy.stats.chi2.ppf(0.999, 72)): a correct engine fails this 1 time in 1000 seeds.
    expect(cells).toBe(72);
    expect(chi2).toBeLessThan(116.09);
    // And the curve really is not hourly: the first two quarters of 08:00 differ eightfold.
    expect(observed[33]! / observed[32]!).toBeGreaterThan(5);
  });

  it('a 48-interval by_hour shape spreads per_day over half-hours', () => {
    const shape = Array.from({ length: 48 }, (_, k) => (k % 2 === 0 ? 3 : 1));
    const model = compile(load(arrivalsOnly(`{ per_day: 960, by_hour: [${shape.join(', ')}] }`, { days: 1, interval: 30 })));
    const t = model.types[0]!;
    expect(t.rateSeconds).toBe(1800);
    // 960 a day in weights 3:1 alternating: 24 x (3 + 1) = 96 weight units, 10 contacts per unit.
    expect(t.rates[0]! * 1800).toBeCloseTo(30, 9);
    expect(t.rates[1]! * 1800).toBeCloseTo(10, 9);
  });

  it('a wrong length is an error naming the allowed lengths', () => {
    const bad = (curve: number[], interval: number) => {
      try {
        load(arrivalsOnly(`{ per_hour: [${curve.join(', ')}] }`, { days: 1, interval }));
      } catch (e) {
        return (e as ScenarioError).message;
      }
      return 'no error';
    };
    expect(bad(new Array(48).fill(1), 15)).toContain(
      'contact_types[calls].arrivals.per_hour: expected 24 numbers (one per hour of day) or 96 (one per 15-minute interval of the day) with interval_minutes 15, got 48',
    );
    expect(bad(new Array(30).fill(1), 30)).toContain(
      'expected 24 numbers (one per hour of day) or one per interval of the day (48 at 30 min, 96 at 15 min), got 30',
    );
    expect(() => load(arrivalsOnly(`{ per_hour: [${new Array(48).fill(1).join(', ')}] }`, { days: 1, interval: 30 }))).not.toThrow();
  });
});

describe('arrivals.scale', () => {
  it('multiplies every rate of the compiled model, and the volume', () => {
    const base = load(arrivalsOnly('{ per_hour: 100 }', { days: 5, interval: 60 }));
    const scaled = load(arrivalsOnly('{ per_hour: 100, scale: 1.5 }', { days: 5, interval: 60 }));
    const r0 = compile(base).types[0]!.rates;
    const r1 = compile(scaled).types[0]!.rates;
    r0.forEach((r, i) => expect(r1[i]).toBeCloseTo(1.5 * r, 12));
    const n = simulate(scaled).totals.arrivals;
    // Poisson with mean 150 x 120 h = 18000: 99.9% within 3.29 standard deviations.
    expect(Math.abs(n - 18000)).toBeLessThan(3.29 * Math.sqrt(18000));
  });

  it('must be > 0', () => {
    expect(() => load(arrivalsOnly('{ per_hour: 100, scale: 0 }', { days: 1, interval: 60 }))).toThrow(/arrivals\.scale: expected a number > 0, got 0/);
  });
});

describe('intraday_by_weekday', () => {
  it('a weekday template applies on its weekday only', () => {
    // Flat shape every day but Wednesday, whose contacts all come 09:00-12:00.
    const wed = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 12 ? 1 : 0));
    const days = 14; // 2026-01-05 is a Monday: Wednesdays are days 2 and 9
    const result = simulate(
      load(arrivalsOnly(`{ per_day: 480, intraday_by_weekday: { wed: [${wed.join(', ')}] } }`, { days, interval: 60 })),
    );
    let wedInside = 0;
    let otherInside = 0;
    let otherTotal = 0;
    result.by_interval.forEach((m, i) => {
      const day = Math.floor(i / 24);
      const hour = i % 24;
      const inside = hour >= 9 && hour < 12;
      if (day % 7 === 2) {
        if (!inside) expect(m.arrivals, `Wednesday ${hour}:00`).toBe(0);
        else wedInside += m.arrivals;
      } else {
        otherTotal += m.arrivals;
        if (inside) otherInside += m.arrivals;
      }
    });
    // Wednesdays keep their daily volume: Poisson, mean 2 x 480.
    expect(Math.abs(wedInside - 960)).toBeLessThan(3.29 * Math.sqrt(960));
    // Other days stay flat: 3 of 24 hours, binomial share 1/8 (99.9% interval).
    const share = otherInside / otherTotal;
    expect(Math.abs(share - 1 / 8)).toBeLessThan(3.29 * Math.sqrt((1 / 8) * (7 / 8) / otherTotal));
  });

  it('shapes per_day only', () => {
    expect(() => load(arrivalsOnly('{ per_hour: 10, intraday_by_weekday: { mon: [1, 2] } }', { days: 1, interval: 60 }))).toThrow(
      /intraday_by_weekday/,
    );
  });
});

describe('handle_time_by_hour', () => {
  const scenarioWith = (extra: string) => `
name: aht
seed: 5
horizon: { start: 2026-01-05, days: 3, interval_minutes: 60 }
contact_types:
  - id: calls
    arrivals: { per_hour: 20 }
    handle_time: { distribution: deterministic, mean_seconds: 100 }
${extra}
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 30 }
`;

  it('scales the handle time of contacts whose service starts in those hours', () => {
    // 30 agents for 20 calls an hour of 100-200 s: nobody waits, so service starts on arrival.
    const mult = Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : h < 18 ? 2 : 0.5));
    const result = simulate(load(scenarioWith(`    handle_time_by_hour: [${mult.join(', ')}]`)));
    result.by_interval.forEach((m, i) => {
      if (m.answered === 0) return;
      expect(m.asa_seconds).toBe(0);
      expect(m.aht_seconds, `hour ${i % 24}`).toBeCloseTo(100 * mult[i % 24]!, 9);
    });
  });

  it('does not move any other random stream: arrivals and waits of the unscaled hours are unchanged', () => {
    const plain = simulate(load(scenarioWith('')));
    const ones = simulate(load(scenarioWith(`    handle_time_by_hour: [${new Array(24).fill(1).join(', ')}]`)));
    expect(ones).toEqual(plain);
    const lognormal = (extra: string) => scenarioWith(extra).replace('{ distribution: deterministic, mean_seconds: 100 }', '{ distribution: lognormal, mean_seconds: 100, cv: 1 }');
    const a = simulate(load(lognormal('')));
    const b = simulate(load(lognormal(`    handle_time_by_hour: [${new Array(24).fill(3).join(', ')}]`)));
    // Same customers, three times the handling: every handle time triples, arrivals are the same.
    expect(b.totals.arrivals).toBe(a.totals.arrivals);
    expect(b.totals.answered).toBe(a.totals.answered);
    expect(b.totals.aht_seconds!).toBeCloseTo(3 * a.totals.aht_seconds!, 6);
  });

  it('takes one multiplier per interval of the day', () => {
    const mult = Array.from({ length: 96 }, (_, k) => (k % 4 === 0 ? 2 : 1));
    const text = scenarioWith(`    handle_time_by_hour: [${mult.join(', ')}]`).replace('interval_minutes: 60', 'interval_minutes: 15');
    const result = simulate(load(text));
    result.by_interval.forEach((m, i) => {
      if (m.answered > 0) expect(m.aht_seconds, `quarter ${i % 96}`).toBeCloseTo(100 * mult[i % 96]!, 9);
    });
  });
});
