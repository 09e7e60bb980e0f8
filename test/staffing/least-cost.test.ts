import { describe, expect, it } from 'vitest';
import { staff } from '../../src/staffing/index.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { arrivals } from './helpers.ts';

describe('least cost: the cheaper group per unit of useful capacity is preferred', () => {
  it('staffs a type served by two groups with the cheaper one, whatever their order in the file', () => {
    // 'dear' comes first, is fully proficient and costs 40 + 5 an hour; 'cheap' is 90% as
    // proficient (a contact takes 1/0.9 as long) and costs 20 + 5: 0.9 / 25 > 1 / 45 of useful
    // capacity per unit of cost. The current plan has 14 dear agents and no cheap one.
    const s = scenario({
      name: 'two groups',
      seed: 4,
      horizon: { start: '2026-01-05', days: 5 / 24, interval_minutes: 30, warmup_hours: 2 },
      contact_types: [contactType('general', { arrivals: arrivals(200), handle_time: exp(180) })],
      agent_groups: [group('dear', { general: 1 }, 14, { hourly_cost: 40 }), group('cheap', { general: 0.9 }, 0, { hourly_cost: 20 })],
      costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 5 },
    });
    const { result } = staff(s);
    const checked = result.intervals.filter((iv) => iv.checked);
    expect(checked.length).toBe(6);
    for (const iv of checked) {
      expect(iv.required['dear']!.simulated).toBe(0);
      expect(iv.required['cheap']!.simulated).toBeGreaterThan(0);
      expect(iv.meets).toBe(true);
    }
    const dear = result.groups['dear']!;
    const cheap = result.groups['cheap']!;
    expect(dear.cost_agents).toBe(0);
    // The current plan: 14 dear agents for the 3 reported hours at 45 an hour.
    expect(dear.current_agent_hours).toBeCloseTo(14 * 3, 9);
    expect(dear.current_cost_agents).toBeCloseTo(14 * 3 * 45, 9);
    expect(cheap.current_cost_agents).toBe(0);
    expect(cheap.cost_agents).toBeCloseTo(cheap.agent_hours * 25, 9);
    expect(cheap.cost_agents).toBeLessThan(dear.current_cost_agents);
  }, 60_000);
});
