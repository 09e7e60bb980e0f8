/**
 * Hourly arrival-rate curves as the model compiles them (scenario text -> compile ->
 * contact type's `rates`, per second, one per hour of the horizon), against values worked
 * out by hand from the scenario: base rate of the hour of day x weekday x month x date factor.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { parseScenario } from '../../src/scenario/index.ts';

/** Rates per hour (the compiled curve is per second). */
function perHour(arrivals: string, horizon: string): number[] {
  const text = [
    'name: profile',
    `horizon: ${horizon}`,
    'contact_types:',
    '  - id: general',
    `    arrivals: ${arrivals}`,
    '    handle_time: { distribution: exponential, mean_seconds: 180 }',
    'agent_groups:',
    '  - id: team',
    '    skills: { general: 1 }',
    '    agents: 5',
  ].join('\n');
  const type = compile(parseScenario(text, 'profile.yaml').scenario).types[0]!;
  // Hourly curves compile to hour-long rate slots (per-interval curves to interval-long ones).
  expect(type.rateSeconds).toBe(3600);
  return Array.from(type.rates, (r) => r * 3600);
}

const close = (got: number[], want: number[]): void => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g, `hour ${i}`).toBeCloseTo(want[i]!, 9));
};

describe('hourly arrival rates', () => {
  it('a flat per_hour: the same rate every hour, one entry per hour of the horizon', () => {
    close(perHour('{ per_hour: 90 }', '{ start: 2026-01-05, days: 2 }'), new Array(48).fill(90));
  });

  it('a fractional horizon has ceil(hours) entries', () => {
    close(perHour('{ per_hour: 12 }', '{ start: 2026-01-05, days: 1.25 }'), new Array(30).fill(12));
  });

  it('24 per_hour values: hour h of every day gets value h', () => {
    const v = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 100 + h : 5));
    close(perHour(`{ per_hour: [${v.join(', ')}] }`, '{ start: 2026-01-05, days: 2 }'), [...v, ...v]);
  });

  it('per_day without by_hour: spread evenly, per_day / 24 an hour', () => {
    close(perHour('{ per_day: 2400 }', '{ start: 2026-01-05, days: 1 }'), new Array(24).fill(100));
  });

  it('per_day with by_hour weights: per_day x weight / sum of weights', () => {
    // Weights 1 for 08..11, 2 for 12..15, 1 for 16..19, 0 otherwise: sum 16, so a weight-1 hour
    // gets 1600 / 16 = 100 and a weight-2 hour 200.
    const w = Array.from({ length: 24 }, (_, h) => (h >= 12 && h < 16 ? 2 : h >= 8 && h < 20 ? 1 : 0));
    const want = [0, 0, 0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 200, 200, 200, 200, 100, 100, 100, 100, 0, 0, 0, 0];
    close(perHour(`{ per_day: 1600, by_hour: [${w.join(', ')}] }`, '{ start: 2026-01-05, days: 1 }'), want);
  });

  it('by_weekday: Monday 2026-01-05 is weight 0 of the list, Sunday weight 6', () => {
    const got = perHour('{ per_hour: 10, by_weekday: [1, 1.1, 1.2, 1.3, 1.5, 0.5, 0] }', '{ start: 2026-01-05, days: 7 }');
    const days = [1, 1.1, 1.2, 1.3, 1.5, 0.5, 0].map((f) => 10 * f);
    close(got, days.flatMap((r) => new Array(24).fill(r)));
  });

  it('by_weekday on a horizon starting on Thursday 2026-01-01 wraps around the week', () => {
    const got = perHour('{ per_hour: 10, by_weekday: [1, 2, 3, 4, 5, 6, 7] }', '{ start: 2026-01-01, days: 5 }');
    // Thu, Fri, Sat, Sun, Mon.
    close(got, [4, 5, 6, 7, 1].flatMap((f) => new Array(24).fill(10 * f)));
  });

  it('by_month: the factor changes at midnight between 31 January and 1 February', () => {
    const months = '[1, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]';
    const got = perHour(`{ per_hour: 6, by_month: ${months} }`, '{ start: 2026-01-30, days: 4 }');
    close(got, [1, 1, 2, 2].flatMap((f) => new Array(24).fill(6 * f)));
    // December into January across the year end, leap-year February too.
    close(perHour(`{ per_hour: 6, by_month: ${months} }`, '{ start: 2025-12-31, days: 2 }'), [
      ...new Array(24).fill(3),
      ...new Array(24).fill(6),
    ]);
    close(perHour(`{ per_hour: 6, by_month: ${months} }`, '{ start: 2028-02-29, days: 2 }'), [
      ...new Array(24).fill(12),
      ...new Array(24).fill(18),
    ]);
  });

  it('by_date: only the named dates are scaled', () => {
    const got = perHour('{ per_hour: 20, by_date: { 2026-01-06: 1.8, 2026-01-08: 0 } }', '{ start: 2026-01-05, days: 4 }');
    close(got, [1, 1.8, 1, 0].flatMap((f) => new Array(24).fill(20 * f)));
  });

  it('all together: hour-of-day shape x weekday x month x date', () => {
    // per_day 480 with weights 1 at 09..16 (8 hours): 60 an hour in those hours, 0 otherwise.
    // Horizon Fri 2026-01-30 .. Mon 2026-02-02. Friday x1.5, Saturday x0.5, Sunday x0,
    // Monday x1; February x2; 2026-02-02 x1.25.
    const w = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0));
    const got = perHour(
      `{ per_day: 480, by_hour: [${w.join(', ')}], by_weekday: [1, 1, 1, 1, 1.5, 0.5, 0], by_month: [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], by_date: { 2026-02-02: 1.25 } }`,
      '{ start: 2026-01-30, days: 4 }',
    );
    const day = (factor: number): number[] => w.map((x) => x * 60 * factor);
    close(got, [...day(1.5), ...day(0.5), ...day(0), ...day(2 * 1.25)]);
    // The day's total equals per_day times its factor: Monday 480 x 2 x 1.25 = 1200.
    expect(got.slice(72, 96).reduce((a, b) => a + b, 0)).toBeCloseTo(1200, 9);
  });
});
