import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { ArrivalProcess } from '../../src/center/arrival-process.ts';
import { IntervalBooks } from '../../src/center/interval-books.ts';
import { G, T, GROUP_FIELDS, TIME_FIELDS, newTally } from '../../src/metrics/tally.ts';
import { contactType, group, scenario } from '../helpers/scenarios.ts';

/*
 * The contact center's concept modules on their own, against hand computations: the arrival
 * process's inversion of a piecewise-constant rate, and how interval books spread time over
 * intervals and clip it to [warm-up, horizon).
 */

const HOUR = 3600;

/** A stream that hands out the given uniforms in order. */
const fixed = (us: number[]) => (): (() => number) => () => {
  const u = us.shift();
  if (u === undefined) throw new Error('no uniform left');
  return u;
};
/** The uniform whose exponential inversion -ln(1 - u) is `mass`. */
const forMass = (mass: number): number => -Math.expm1(-mass);

describe('ArrivalProcess', () => {
  // Hour of day 0: 3.6/h (0.001/s), 1: 7.2/h (0.002/s), 2: closed, 3: 3.6/h, then nothing.
  const perHour = [3.6, 7.2, 0, 3.6, ...new Array<number>(20).fill(0)];
  const model = compile(scenario({ contact_types: [contactType('general', { arrivals: { per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 } })] }));

  it('consumes rate mass slot by slot: 0.6 at 0.001/s to the hour, then 0.4 at 0.002/s is 200 s', () => {
    const arrivals = new ArrivalProcess(model, fixed([forMass(1)]));
    expect(arrivals.next(0, 3000)).toBeCloseTo(HOUR + 200, 6);
  });

  it('skips a slot with no arrivals', () => {
    // From 7000 s: 0.002 x 200 s = 0.4 of 0.5 in hour 1, none in hour 2, 0.1 / 0.001 = 100 s into hour 3.
    const arrivals = new ArrivalProcess(model, fixed([forMass(0.5)]));
    expect(arrivals.next(0, 7000)).toBeCloseTo(3 * HOUR + 100, 6);
  });

  it('has no next arrival when the rest of the rates hold less mass than drawn', () => {
    // Left from 3 h 30 min: 0.001 x 1800 s = 1.8 in hour 3, nothing after.
    const arrivals = new ArrivalProcess(model, fixed([forMass(2)]));
    expect(arrivals.next(0, 3.5 * HOUR)).toBe(Infinity);
  });
});

describe('IntervalBooks', () => {
  const model = compile(
    scenario({
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 1 },
      agent_groups: [group('team', { general: 1 }, 5, { hourly_cost: 36, shrinkage: 0.2 })],
    }),
  );

  it('spreads a busy leg over the intervals it spans, from the end of the warm-up', () => {
    const tally = newTally(model);
    const books = new IntervalBooks(model, tally);
    // 00:30 to 02:10: the warm-up hour is not counted; 3,600 s in hour 1 and 600 s in hour 2.
    books.accrueBusy(0, 0, 1800, 2 * HOUR + 600, 0.5);
    expect(tally.groupBusy[0]).toBe(0.5 * 4200);
    expect(tally.intervalTime[0 * TIME_FIELDS + T.busy]).toBe(0);
    expect(tally.intervalTime[1 * TIME_FIELDS + T.busy]).toBe(0.5 * 3600);
    expect(tally.intervalTime[2 * TIME_FIELDS + T.busy]).toBe(0.5 * 600);
    expect(tally.groupTime[2 * GROUP_FIELDS + G.busy]).toBe(0.5 * 600);
  });

  it('pays logged-in time grossed up by shrinkage, and clips it at the horizon', () => {
    const tally = newTally(model);
    const books = new IntervalBooks(model, tally);
    // 3 agents from 00:50 to 01:06:40: 400 s after the warm-up, 1,200 agent-seconds.
    books.accrueLogged(model, 0, 3, 0, 3000, 4000);
    expect(tally.groupLogged[0]).toBe(1200);
    expect(tally.groupPaidHours[0]).toBeCloseTo((1200 / 0.8) / HOUR, 12);
    expect(tally.groupCost[0]).toBeCloseTo((1200 * 36) / 0.8 / HOUR, 9);
    // 2 agents past the horizon's end (24 h): only the last 100 s of the day count.
    books.accrueLogged(model, 0, 2, 0, 24 * HOUR - 100, 24 * HOUR + 500);
    expect(tally.intervalTime[23 * TIME_FIELDS + T.logged]).toBe(200);
  });
});
