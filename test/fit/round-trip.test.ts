/**
 * Round trip: a six-month history drawn from a known model (weekday and month shape, holidays,
 * a campaign day, overdispersion) is fitted, and the fit must recover the model within its
 * sampling error (4 standard errors, each computed here from the true rates and counts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fitHistory, scenarioYaml, fitReportText, fitReportJson, type FitResult, type TypeFit } from '../../src/fit/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { syntheticHistory, type SyntheticQueue, type TruthDay } from './synthetic.ts';

const HOURS_SALES = [0, 0, 0, 0, 0, 0, 0, 0, 4, 8, 10, 10, 8, 7, 8, 9, 8, 7, 5, 4, 2, 0, 0, 0];
const HOURS_TECH = [1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 5, 5, 5, 5, 5, 5, 4, 4, 3, 3, 2, 1];

const SALES: SyntheticQueue = {
  name: 'Sales',
  per_day: 2000,
  by_hour: HOURS_SALES,
  by_weekday: [1.2, 1.1, 1.05, 1.0, 0.95, 0.5, 0.2],
  by_month: [1.15, 1.1, 1.0, 0.95, 0.9, 0.85, 1, 1, 1, 1, 1, 1],
  // New Year's Day and Good Friday (holidays), and a campaign day.
  by_date: { '2026-01-01': 0.3, '2026-04-03': 0.3, '2026-03-10': 2.0 },
  cv: 0.1,
  aht_mean: 300,
  aht_cv: 0.6,
  patience_mean: 120,
  wait_mean: 40,
};

const TECH: SyntheticQueue = {
  name: 'Tech Support',
  per_day: 400,
  by_hour: HOURS_TECH,
  by_weekday: [1, 1, 1, 1, 1, 0.8, 0.6],
  by_month: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  by_date: {},
  cv: 0,
  aht_mean: 600,
  aht_cv: 1.0,
  patience_mean: 300,
  wait_mean: 60,
};

let fit: FitResult;
let truth: TruthDay[];

beforeAll(() => {
  const { csv, days } = syntheticHistory({
    seed: 'ccsim-fit-round-trip',
    start: '2026-01-01',
    end: '2026-06-30',
    intervalMinutes: 30,
    queues: [SALES, TECH],
  });
  truth = days;
  fit = fitHistory(csv, 'history.csv');
});

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function typeFit(id: string): TypeFit {
  const t = fit.types.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no type ${id}`);
  return t;
}

/** The true model normalized the way the fit is: by_weekday mean 1 over 7, by_month over Jan..Jun. */
function normalized(q: SyntheticQueue) {
  const covered = [0, 1, 2, 3, 4, 5];
  const mw = mean(q.by_weekday);
  const mm = mean(covered.map((j) => q.by_month[j]!));
  return {
    per_day: q.per_day * mw * mm,
    by_weekday: q.by_weekday.map((x) => x / mw),
    by_month: q.by_month.map((x, j) => (covered.includes(j) ? x / mm : 1)),
  };
}

/** True expected totals of the ordinary days (no by_date) of a queue. */
function ordinaryDays(q: SyntheticQueue): TruthDay[] {
  return truth.filter((d) => d.queue === q.name && q.by_date[d.date] === undefined);
}

describe('fit round trip: six months drawn from a known model', () => {
  it('reads every row, infers the 30-minute interval and the two queues', () => {
    expect(fit.history.problems).toEqual([]);
    expect(fit.history.rowsRead).toBe(181 * 48 * 2);
    expect(fit.history.intervalMinutes).toBe(30);
    expect(fit.types.map((t) => t.id)).toEqual(['sales', 'tech_support']);
  });

  for (const q of [SALES, TECH]) {
    const id = q === SALES ? 'sales' : 'tech_support';

    it(`${q.name}: per_day and by_weekday within 4 standard errors`, () => {
      const a = typeFit(id).arrivals;
      const n = normalized(q);
      const days = ordinaryDays(q);
      const c2 = q.cv * q.cv;
      // Relative SE of a sum of day totals: sqrt(sum(E + c^2 E^2)) / sum(E).
      const relSe = (group: readonly TruthDay[]) =>
        Math.sqrt(sumOf(group.map((d) => d.expected + c2 * d.expected ** 2))) / sumOf(group.map((d) => d.expected));
      const overall = relSe(days);
      expect(Math.abs(a.per_day / n.per_day - 1)).toBeLessThan(4 * overall);
      expect(a.by_weekday).not.toBeNull();
      for (let wd = 0; wd < 7; wd++) {
        const se = Math.hypot(relSe(days.filter((d) => d.weekday === wd)), overall);
        expect(Math.abs(a.by_weekday![wd]! / n.by_weekday[wd]! - 1), `weekday ${wd}`).toBeLessThan(4 * se);
      }
      // And "within a few percent" on average.
      expect(mean(a.by_weekday!.map((x, wd) => Math.abs(x / n.by_weekday[wd]! - 1)))).toBeLessThan(0.04);
    });

    it(`${q.name}: by_month over the six covered months within 4 standard errors`, () => {
      const a = typeFit(id).arrivals;
      const n = normalized(q);
      expect(a.months_covered).toEqual([0, 1, 2, 3, 4, 5]);
      const days = ordinaryDays(q);
      const c2 = q.cv * q.cv;
      for (let j = 0; j < 12; j++) {
        if (j >= 6) {
          expect(a.by_month![j]).toBe(1);
          continue;
        }
        const group = days.filter((d) => d.month === j);
        const se = Math.sqrt(sumOf(group.map((d) => d.expected + c2 * d.expected ** 2))) / sumOf(group.map((d) => d.expected));
        expect(Math.abs(a.by_month![j]! / n.by_month[j]! - 1), `month ${j}`).toBeLessThan(4 * Math.SQRT2 * se);
      }
    });

    it(`${q.name}: by_hour shares within 4 multinomial standard errors`, () => {
      const a = typeFit(id).arrivals;
      const total = sumOf(ordinaryDays(q).map((d) => d.total));
      const weights = sumOf(q.by_hour);
      for (let h = 0; h < 24; h++) {
        const p = q.by_hour[h]! / weights;
        const se = Math.sqrt((p * (1 - p)) / total);
        expect(Math.abs(a.by_hour![h]! - p), `hour ${h}`).toBeLessThanOrEqual(4 * se + 1e-12);
      }
    });
  }

  it('Sales: the holidays and the campaign day are flagged as by_date, with their ratios', () => {
    const a = typeFit('sales').arrivals;
    const flagged = new Map(a.by_date.map((d) => [d.date, d]));
    for (const [date, factor] of Object.entries(SALES.by_date)) {
      const d = flagged.get(date);
      expect(d, date).toBeDefined();
      const e = truth.find((t) => t.queue === 'Sales' && t.date === date)!.expected;
      // Ratio error: the day's own gamma factor and Poisson noise, plus the expectation's.
      const se = factor * Math.sqrt(SALES.cv ** 2 + 1 / e + 0.02 ** 2);
      expect(Math.abs(d!.ratio - factor), date).toBeLessThan(4 * se);
    }
    // Few ordinary days flagged by chance: k is about 3.6 sd for 181 days, but the gamma day
    // factor's right tail is longer than the normal one the threshold assumes.
    expect(a.by_date.length - Object.keys(SALES.by_date).length).toBeLessThanOrEqual(2);
  });

  it('Tech Support: no outlier days', () => {
    expect(typeFit('tech_support').arrivals.by_date.length).toBeLessThanOrEqual(2);
  });

  it('overdispersion_cv within 4 of its standard errors (0.1 for Sales, 0 for Tech Support)', () => {
    for (const q of [SALES, TECH]) {
      const od = typeFit(q === SALES ? 'sales' : 'tech_support').arrivals.overdispersion;
      expect(od).not.toBeNull();
      const days = ordinaryDays(q);
      const c2 = q.cv * q.cv;
      // (obs - E)^2 has variance about 2 (E + c^2 E^2)^2; cv^2 = sum((obs-E)^2 - E) / sum E^2.
      const seC2 = Math.sqrt(sumOf(days.map((d) => 2 * (d.expected + c2 * d.expected ** 2) ** 2))) / sumOf(days.map((d) => d.expected ** 2));
      if (q.cv > 0) expect(Math.abs(od!.value - q.cv)).toBeLessThan((4 * seC2) / (2 * q.cv));
      else expect(od!.value).toBeLessThan(Math.sqrt(4 * seC2));
      // The fit's own standard error is of the right size.
      if (q.cv > 0) expect(od!.se!).toBeGreaterThan(seC2 / (2 * q.cv) / 2);
    }
  });

  it('handle time: mean within 4 SE; the cv bracket holds the true cv', () => {
    for (const q of [SALES, TECH]) {
      const ht = typeFit(q === SALES ? 'sales' : 'tech_support').handle_time;
      const handled = sumOf(truth.filter((d) => d.queue === q.name).map((d) => d.total)) * 0.7;
      expect(Math.abs(ht.mean_seconds! / q.aht_mean - 1)).toBeLessThan((4 * q.aht_cv) / Math.sqrt(handled));
      expect(ht.cv_lower!).toBeLessThan(q.aht_cv);
      // Intervals here share one mean, so the upper bound estimates the contact-level cv itself.
      expect(Math.abs(ht.cv_upper! / q.aht_cv - 1)).toBeLessThan(0.1);
    }
    // 0.6 is outside [lower, upper ~ 0.6]: fitted; 1.0 holds the default 0.8 in its bracket.
    expect(typeFit('sales').handle_time.cv).toBeCloseTo(typeFit('sales').handle_time.cv_upper!, 10);
    expect(typeFit('tech_support').handle_time.cv).toBe(0.8);
  });

  it('patience (exponential) within 4 SE of the truth', () => {
    for (const q of [SALES, TECH]) {
      const p = typeFit(q === SALES ? 'sales' : 'tech_support').patience;
      expect(p.mean_seconds).not.toBeNull();
      expect(Math.abs(p.mean_seconds! / q.patience_mean - 1)).toBeLessThan(4 / Math.sqrt(p.abandoned));
    }
  });

  it('writes a commented scenario that loads and carries the fitted values', () => {
    const yaml = scenarioYaml(fit);
    expect(yaml).toMatch(/^# Fitted by `ccsim fit` from history\.csv/);
    expect(yaml).toContain('FILL IN');
    const { scenario } = parseScenario(yaml, 'fitted.yaml');
    expect(scenario.horizon.interval_minutes).toBe(30);
    expect(scenario.horizon.start).toBe('2026-07-06');
    const sales = scenario.contact_types.find((t) => t.id === 'sales')!;
    const a = typeFit('sales').arrivals;
    expect(sales.arrivals.per_day).toBeCloseTo(a.per_day, 1);
    sales.arrivals.by_weekday.forEach((x, wd) => expect(x).toBeCloseTo(a.by_weekday![wd]!, 3));
    sales.arrivals.by_month.forEach((x, j) => expect(x).toBeCloseTo(a.by_month![j]!, 3));
    expect(Object.keys(sales.arrivals.by_date)).toEqual(expect.arrayContaining(Object.keys(SALES.by_date)));
    expect(sales.arrivals.overdispersion_cv).toBeCloseTo(a.overdispersion!.value, 3);
    const byHour = sales.arrivals.by_hour!;
    const sum = sumOf(byHour);
    byHour.forEach((x, h) => expect(x / sum).toBeCloseTo(a.by_hour![h]!, 4));
    expect(sales.handle_time).toMatchObject({ distribution: 'lognormal' });
    expect(sales.patience).toMatchObject({ distribution: 'exponential' });
    expect(scenario.agent_groups.map((g) => g.id)).toEqual(['sales-team', 'tech_support-team']);
  });

  it('the fitted scenario simulates', () => {
    const { scenario } = parseScenario(scenarioYaml(fit), 'fitted.yaml');
    const result = simulate(scenario, { days: 1 });
    expect(result).toBeDefined();
  });

  it('the fit report compares observed and fitted by weekday, month, hour and weekday x hour', () => {
    const text = fitReportText(fit);
    for (const heading of ['### By weekday', '### By month', '### Outlier days', '### By hour:', '### By hour and weekday']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('2026-04-03');
    const json = JSON.parse(fitReportJson(fit)) as { types: Array<{ arrivals: { comparison: { by_weekday_hour: unknown[][] } } }> };
    expect(json.types[0]!.arrivals.comparison.by_weekday_hour).toHaveLength(7);
    expect(json.types[0]!.arrivals.comparison.by_weekday_hour[0]).toHaveLength(24);
    // Margins match by construction of the maximum-likelihood fit.
    for (const row of typeFit('sales').arrivals.comparison.by_weekday) expect(row.observed).toBeCloseTo(row.fitted, 6);
  });
});
