/** Arrival fits on a calendar with a closed weekday, a closed holiday, a gap and a partial month. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fitHistory, type ArrivalFit } from '../../src/fit/index.ts';
import { syntheticHistory } from './synthetic.ts';

let a: ArrivalFit;

beforeAll(() => {
  const { csv } = syntheticHistory({
    seed: 'profiles',
    start: '2026-01-28',
    end: '2026-04-26',
    intervalMinutes: 15,
    queues: [
      {
        name: 'Care',
        per_day: 800,
        by_hour: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 2, 2, 1, 0, 0, 0, 0, 0, 0],
        by_weekday: [1.2, 1.1, 1, 1, 1, 0.6, 0],
        by_month: [1, 1, 1.1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1],
        by_date: { '2026-02-16': 0 },
        cv: 0.05,
        aht_mean: 400,
        aht_cv: 0.8,
        patience_mean: 100,
        wait_mean: 20,
      },
    ],
  });
  // Closed on Sundays and not exported; one day missing from the export.
  const lines = csv.split('\n').filter((line) => {
    const date = line.slice(0, 10);
    if (!/^\d{4}-/.test(date)) return true;
    return new Date(`${date}T00:00:00Z`).getUTCDay() !== 0 && date !== '2026-03-04';
  });
  a = fitHistory(lines.join('\n'), 'care.csv').types[0]!.arrivals;
});

describe('arrival profiles', () => {
  it('a weekday never in the history is closed: by_weekday 0, said so', () => {
    expect(a.by_weekday![6]).toBe(0);
    expect(a.notes.join('\n')).toMatch(/no rows on Sun in \d+ days: read as closed/);
  });

  it('a date with no rows at all is a gap, not a zero, and is named', () => {
    expect(a.notes.join('\n')).toMatch(/1 date between 2026-01-28 and 2026-04-25 has no rows.*2026-03-04 \(Wed\).*by_date: 0/);
    expect(a.by_date.map((d) => d.date)).not.toContain('2026-03-04');
  });

  it('a closed holiday exported as zeros is flagged with ratio 0', () => {
    const d = a.by_date.find((x) => x.date === '2026-02-16');
    expect(d).toMatchObject({ observed: 0, ratio: 0 });
    expect(d!.expected).toBeGreaterThan(500);
  });

  it('a month with few days is left out of the fits, the others get factors with mean 1', () => {
    expect(a.months_covered).toEqual([1, 2, 3]);
    expect(a.notes.join('\n')).toMatch(/by_month: Jan \(\d days\) has fewer than 14 days: left out of the fits, factor 1/);
    expect(a.by_month![0]).toBe(1);
    expect((a.by_month![1]! + a.by_month![2]! + a.by_month![3]!) / 3).toBeCloseTo(1, 12);
    expect(a.by_month![2]! / a.by_month![3]!).toBeCloseTo(1.1 / 0.9, 1);
  });

  it('by_weekday has mean 1 over the 7 days, and per_day x by_weekday x by_month gives each weekday mean', () => {
    expect(a.by_weekday!.reduce((s, x) => s + x, 0) / 7).toBeCloseTo(1, 12);
    for (const row of a.comparison.by_weekday) {
      if (row.days === 0) continue;
      expect(row.fitted).toBeCloseTo(row.observed, 6);
    }
    // Mean daily volume over the week of a typical month: per_day.
    const byMonth = a.by_month!;
    const monthMean = (byMonth[1]! + byMonth[2]! + byMonth[3]!) / 3;
    expect(monthMean * a.by_weekday!.reduce((s, x) => s + x, 0) / 7).toBeCloseTo(1, 12);
    expect(a.per_day).toBeGreaterThan(800 * (5.9 / 7) * 0.9);
    expect(a.per_day).toBeLessThan(800 * (5.9 / 7) * 1.1);
  });

  it('15-minute intervals are summed into hours', () => {
    expect(a.by_hour!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(a.by_hour![7]! / a.by_hour![9]!).toBeCloseTo(1 / 3, 1);
  });
});
