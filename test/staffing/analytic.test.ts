import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { erlangA, erlangCAsa, erlangCStaffing } from '../../src/analytic/index.ts';
import { analyticPlan, offeredRates, staff, staffingProblems, targetsOf } from '../../src/staffing/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { UserError } from '../../src/errors.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { arrivals, erlangCExample } from './helpers.ts';

const withLevel = (s: Scenario, level: Partial<Scenario['service_level']>): Scenario => ({ ...s, service_level: { ...s.service_level, ...level } });

describe('analytic staffing', () => {
  it('offered load: self-service thinning and the failed-contact handle factor', () => {
    const s = scenario({
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 0 },
      contact_types: [
        contactType('general', {
          arrivals: arrivals(400),
          handle_time: exp(180),
          self_service: { share_offered: 0.5, containment: 0.5, duration: exp(60), cost_per_session: 0, failed_handle_time_factor: 2 },
        }),
      ],
    });
    const model = compile(s);
    const rate = offeredRates(model);
    // 400/h x (1 - 0.5 x 0.5) = 300/h offered.
    expect(rate[0]![0]! * 3600).toBeCloseTo(300, 9);
    const a = analyticPlan(model, targetsOf(s));
    // Offered contacts: 2/3 never tried (180 s), 1/3 failed self-service (360 s): mean 240 s.
    const expected = erlangCStaffing({ ratePerSecond: 300 / 3600, meanServiceSeconds: 240, thresholdSeconds: 20, target: 0.8 }).servers;
    expect(a.agents[0]![0]).toBe(expected);
  });

  it('proficiency divides the handle-time mean', () => {
    const s = { ...erlangCExample(1), agent_groups: [group('team', { general: 0.5 }, 1)] };
    const a = analyticPlan(compile(s), targetsOf(s));
    expect(a.agents[0]![0]).toBe(erlangCStaffing({ ratePerSecond: 200 / 3600, meanServiceSeconds: 360, thresholdSeconds: 20, target: 0.8 }).servers);
  });

  it('a load no group could hold is a user error at once, not a search (or an Erlang recursion) of hours', () => {
    // The limits of the scenario format, together: a million contacts an hour of a year each.
    const s = scenario({
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: arrivals(1_000_000), handle_time: exp(31_536_000) })],
    });
    const t0 = performance.now();
    expect(() => analyticPlan(compile(s), targetsOf(s))).toThrow(UserError);
    expect(() => staff(s)).toThrow(/staffing: one interval would keep 8\.76e\+9 agents busy .*more than the 100,000 a group may have/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('an interval without load gets 0 agents', () => {
    const rates = new Array<number>(24).fill(0);
    rates[9] = 120;
    const s = scenario({
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: arrivals(rates), handle_time: exp(180) })],
    });
    const { result } = staff(s);
    result.intervals.forEach((iv, i) => {
      if (i === 9) expect(iv.required['team']!.simulated).toBeGreaterThan(0);
      else expect(iv.required['team']).toMatchObject({ analytic: 0, simulated: 0 });
    });
  });

  it('Erlang A with patience; the abandon-rate cap adds agents', () => {
    const base = { ...erlangCExample(1), contact_types: [contactType('general', { arrivals: arrivals(200), handle_time: exp(180), patience: exp(120) })] };
    const plain = analyticPlan(compile(base), targetsOf(base));
    expect(plain.method).toEqual(['erlang_a']);
    expect(plain.agents[0]![0]).toBe(12);
    const capped = withLevel(base, { max_abandon_rate: 0.02 });
    const n = analyticPlan(compile(capped), targetsOf(capped)).agents[0]![0]!;
    const at = (servers: number) => erlangA({ servers, ratePerSecond: 200 / 3600, meanServiceSeconds: 180, meanPatienceSeconds: 120, thresholdSeconds: 20 });
    expect(n).toBeGreaterThan(12);
    expect(at(n).abandonProbability).toBeLessThanOrEqual(0.02);
    expect(at(n - 1).abandonProbability).toBeGreaterThan(0.02);
  });

  it('ASA and occupancy caps', () => {
    const asa = withLevel(erlangCExample(1), { max_asa_seconds: 5 });
    const n = analyticPlan(compile(asa), targetsOf(asa)).agents[0]![0]!;
    expect(erlangCAsa(n, 10, 180)).toBeLessThanOrEqual(5);
    expect(erlangCAsa(n - 1, 10, 180)).toBeGreaterThan(5);
    const occ = withLevel(erlangCExample(1), { max_occupancy: 0.7 });
    expect(analyticPlan(compile(occ), targetsOf(occ)).agents[0]![0]).toBe(15); // 10 / 14 = 0.714 > 0.7
  });

  it('caps no staffing can meet are problems; reachable ones are not', () => {
    const s = { ...erlangCExample(1), contact_types: [contactType('general', { arrivals: arrivals(200), handle_time: exp(180), patience: exp(120) })] };
    expect(staffingProblems(s)).toEqual([]);
    expect(staffingProblems(withLevel(s, { max_abandon_rate: 0.01, max_asa_seconds: 3, max_occupancy: 0.9 }))).toEqual([]);
    const paths = (level: Partial<Scenario['service_level']>): string[] => staffingProblems(withLevel(s, level)).map((p) => p.path);
    expect(paths({ target: 1 })).toEqual(['service_level.target']);
    expect(paths({ max_occupancy: 0 })).toEqual(['service_level.max_occupancy']);
    expect(paths({ max_asa_seconds: 0 })).toEqual(['service_level.max_asa_seconds']);
    expect(paths({ max_abandon_rate: 0 })).toEqual(['service_level.max_abandon_rate']);
    // Nobody abandons without patience: a zero abandon cap is met by any staffing.
    expect(staffingProblems(withLevel(erlangCExample(1), { max_abandon_rate: 0 }))).toEqual([]);
    expect(() => staff(withLevel(s, { max_occupancy: 0 }))).toThrow(/max_occupancy/);
  });
});

describe('the simulated plan respects the caps', () => {
  it('abandon rate and occupancy stay within their caps in every checked interval', () => {
    const s = withLevel(
      { ...erlangCExample(3), contact_types: [contactType('general', { arrivals: arrivals(200), handle_time: exp(180), patience: exp(120) })] },
      { max_abandon_rate: 0.03, max_occupancy: 0.75 },
    );
    const { result } = staff(s);
    const checked = result.intervals.filter((iv) => iv.checked);
    expect(checked.length).toBe(6);
    // A steady single-skill M/M/c+M load: the plan is the exact Erlang A answer with both caps
    // (checked here directly), and the simulation agrees with it within its 95% interval.
    const at = (servers: number) => erlangA({ servers, ratePerSecond: 200 / 3600, meanServiceSeconds: 180, meanPatienceSeconds: 120, thresholdSeconds: 20 });
    const meetsAll = (n: number): boolean => at(n).serviceLevel >= 0.8 && at(n).abandonProbability <= 0.03 && at(n).occupancy <= 0.75;
    for (const iv of checked) {
      const n = iv.required['team']!.simulated;
      expect(iv.required['team']!.exact).toBe(true);
      expect(meetsAll(n)).toBe(true);
      expect(meetsAll(n - 1)).toBe(false);
      expect(iv.meets).toBe(true);
      // The exact service level lies inside the simulation's 99.9% interval: the reported 95%
      // half-width of 10 replications times t(0.9995, 9) / t(0.975, 9) = 4.781 / 2.262.
      const sl = iv.by_type['general']!;
      expect(Math.abs(sl.service_level! - at(n).serviceLevel)).toBeLessThanOrEqual((sl.service_level_ci95! * 4.781) / 2.262);
    }
  });
});
