import { describe, expect, it } from 'vitest';
import { staffVerified } from '../../src/staffing/verified.ts';
import { withPlan } from '../../src/staffing/evaluation.ts';
import type { OpenHours, Scenario } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { arrivals } from './helpers.ts';

const EIGHT_TO_SIX: OpenHours = { mon: [[480, 1080]], tue: [[480, 1080]], wed: [[480, 1080]], thu: [[480, 1080]], fri: [[480, 1080]], sat: [[480, 1080]], sun: [[480, 1080]] };

/** Email around the clock (30 an hour), answered 08:00-18:00 within 4 hours; a day of warm-up, a day reported. */
function emailDesk(): Scenario {
  return scenario({
    name: 'email desk',
    seed: 21,
    horizon: { start: '2026-01-05', days: 2, interval_minutes: 60, warmup_hours: 24 },
    service_level: { threshold_seconds: 14_400, target: 0.8 },
    contact_types: [contactType('email', { channel: 'email', arrivals: arrivals(30), handle_time: exp(360), service_level_seconds: 14_400, open_hours: EIGHT_TO_SIX })],
    agent_groups: [group('desk', { email: 1 }, 4, { hourly_cost: 30 })],
  });
}

describe('staffing under opening hours', () => {
  it('checks only open intervals, puts no agent where the type is closed, and its plan holds on fresh replications', async () => {
    const v = await staffVerified(emailDesk(), { replications: 4, earlyReplications: 2, maxIterations: 20, verifyReplications: 10 });
    const hours = v.result.intervals.map((iv) => Number(iv.start.slice(11, 13)));
    v.result.intervals.forEach((iv, i) => {
      const open = hours[i]! >= 8 && hours[i]! < 18;
      // An agent cannot serve a closed type (SCENARIO.md, Opening hours): none are planned.
      if (!open) expect(iv.required['desk']!.simulated, iv.start).toBe(0);
      if (!open) expect(iv.by_type['email']!.checked, iv.start).toBe(false);
    });
    // Every open reported hour has 30 arrivals: all ten are checked.
    expect(v.result.intervals.filter((iv) => iv.checked).length).toBe(10);
    // Before, the night's email (14 hours x 30) kept the search adding until its iteration limit.
    expect(v.result.search.settled).toBe(true);
    expect(v.result.search.iterations).toBeLessThan(20);
    expect(v.planVerification.holds).toBe(true);
    // The night's arrivals (14 of 24 hours) are reported apart, not in the total.
    const outside = v.planVerification.outside_open_hours['email']!;
    expect(outside.offered).toBeGreaterThan(14 * 30 * 0.8);
    expect(outside.offered).toBeLessThan(14 * 30 * 1.2);
  }, 120_000);

  it('a plan is in agents logged in: staffing_scale is not applied to it again', () => {
    const s = emailDesk();
    const scaled = { ...s, agent_groups: [{ ...s.agent_groups[0]!, staffing_scale: 1.5 }] };
    const planned = withPlan(scaled, [new Int32Array(48).fill(3)]);
    expect(planned.agent_groups[0]!.staffing_scale).toBeUndefined();
    expect(planned.agent_groups[0]!.staffing).toEqual({ kind: 'by_interval', agents: new Array<number>(48).fill(3) });
  });
});
