/** The plan summary of compare: targets, the cheapest plan meeting them, per-period figures. */
import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/metrics/types.ts';
import { planFigures, summarisePlans, targetsOf } from '../../src/experiment/plan-summary.ts';
import { scenarioChanges } from '../../src/experiment/scenario-diff.ts';
import { formatCompare, summarySentence } from '../../src/report/compare.ts';
import { compare } from '../../src/experiment/compare.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

const totals = (over: Partial<Metrics>): Metrics => ({ service_level: 0.85, abandon_rate: 0.02, asa_seconds: 10, occupancy: 0.8, agents: 10, paid_hours: 0, cost_total: 0, ...over }) as Metrics;

// 3 days with a 24-hour warm-up: 48 reported hours.
const s = scenario({
  horizon: { start: '2026-01-05', days: 3, interval_minutes: 60, warmup_hours: 24 },
  service_level: { threshold_seconds: 20, target: 0.8, max_abandon_rate: 0.05 },
  costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0, currency: 'EUR' },
});

describe('plan summary', () => {
  it('scales paid hours and cost from the reported hours to a week or a month; FTE = paid hours per week / 40', () => {
    const f = planFigures('p', s, totals({ paid_hours: 480, cost_total: 14_400 }), 'week');
    expect(f.paid_hours).toBeCloseTo((480 * 168) / 48, 9); // 1680 h per week
    expect(f.cost_per_period).toBeCloseTo((14_400 * 168) / 48, 9);
    expect(f.fte).toBeCloseTo(1680 / 40, 9);
    const m = planFigures('p', s, totals({ paid_hours: 480, cost_total: 14_400 }), 'month');
    expect(m.cost_per_period).toBeCloseTo((14_400 * 730.5) / 48, 6); // 365.25/12 days = 730.5 h
    expect(m.fte).toBeCloseTo(f.fte, 12); // FTE does not depend on the period
  });

  it('holds every plan to the service level and the caps; the cheapest plan that meets them is best', () => {
    expect(targetsOf(s)).toEqual([
      { metric: 'service_level', bound: 'min', value: 0.8 },
      { metric: 'abandon_rate', bound: 'max', value: 0.05 },
    ]);
    const { summary, figures } = summarisePlans(
      [
        { name: 'base', scenario: s, totals: totals({ service_level: 0.78, cost_total: 1000 }) }, // misses SL
        { name: 'rich', scenario: s, totals: totals({ cost_total: 1300 }) },
        { name: 'lean', scenario: s, totals: totals({ cost_total: 1100 }) },
        { name: 'cheap', scenario: s, totals: totals({ cost_total: 900, abandon_rate: 0.06 }) }, // misses the cap
      ],
      'week',
      (name) => (name === 'lean' ? { mean: 100, ci95: 20 } : undefined),
    );
    expect(summary.meeting_targets).toEqual(['rich', 'lean']);
    expect(summary.best).toBe('lean');
    expect(summary.currency).toBe('EUR');
    expect(figures.map((f) => f.meets_targets)).toEqual([false, true, true, false]);
    expect(summary.cost_difference!.mean).toBeCloseTo((100 * 168) / 48, 9);
    expect(summary.cost_difference!.ci95).toBeCloseTo((20 * 168) / 48, 9);
  });

  it('holds a plan with a scorecard to every part of it', () => {
    const card = (attainments: number[]) => ({ score: 90, parts: attainments.map((a) => ({ metric: 'service_level', target: 0.8, weight: 1, value: 0.8 * a, attainment: a })) });
    expect(planFigures('p', s, totals({}), 'week', card([1, 1])).missed).toEqual([]);
    expect(planFigures('p', s, totals({}), 'week', card([1, 0.9])).missed).toEqual(['scorecard']);
    expect(planFigures('p', s, totals({ service_level: 0.7 }), 'week', card([0.9])).missed).toEqual(['service_level', 'scorecard']);
  });

  it('has no best plan when none meets every target', () => {
    const { summary } = summarisePlans([{ name: 'a', scenario: s, totals: totals({ service_level: 0.5 }) }], 'month');
    expect(summary.best).toBeNull();
    expect(summary.meeting_targets).toEqual([]);
  });
});

describe('what a plan changes', () => {
  it('lists changed fields by path, lists matched by id', () => {
    const a = scenario({ agent_groups: [group('team', { general: 1 }, 5)] });
    const b = scenario({ name: 'other', agent_groups: [group('team', { general: 1 }, 6)], routing: { policy: 'longest_idle', transfer_seconds: 60 } });
    expect(scenarioChanges(a, b)).toEqual(['agent_groups[team].staffing.agents: 6', 'routing.policy: longest_idle']);
  });
});

describe('compare prints the plan summary', () => {
  it('names the plans meeting every target, the cheapest, and the difference per period in the currency', async () => {
    const make = (agents: number) =>
      scenario({
        name: `${agents} agents`,
        seed: 3,
        horizon: { start: '2026-01-05', days: 0.5, interval_minutes: 60, warmup_hours: 1 },
        service_level: { threshold_seconds: 20, target: 0.8 },
        contact_types: [contactType('general', { handle_time: exp(200), patience: exp(150) })],
        agent_groups: [group('team', { general: 1 }, agents, { hourly_cost: 30 })],
        costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0, currency: 'EUR' },
      });
    // 60 calls an hour of 200 s: 3.3 Erlangs. 4 agents miss 80%; 6 and 7 meet it, 6 costs less.
    const out = await compare(
      [4, 6, 7].map((a) => ({ name: `${a} agents`, scenario: make(a) })),
      { replications: 6, period: 'month' },
    );
    const r = out.result;
    expect(r.summary!.meeting_targets).toEqual(['6 agents', '7 agents']);
    expect(r.summary!.best).toBe('6 agents');
    expect(r.summary!.period).toBe('month');
    expect(r.plans[1]!.cost_per_period).toBeCloseTo((6 * 30 * 11 * 730.5) / 11, 6); // 6 agents x 30/h, every hour of the month
    const text = formatCompare(r, { title: 'agents', reportedHours: 11, targets: ['service level ≥ 80.0%'] });
    const sentence = summarySentence(r, { reportedHours: 11, targets: ['service level ≥ 80.0%'] });
    expect(text.replace(/\n/g, ' ')).toContain(sentence);
    expect(sentence).toContain('6 agents costs least (€131,490 per month), €43,830 ±€0 per month more than 4 agents'); // (6 − 4) agents × €30 × 730.5 h
    expect(sentence).toContain('scaled from the 11.0 reported hours');
    expect(summarySentence(r)).toMatch(/^2 of 3 plans meet every target/);
    expect(text).toMatch(/Meets every target\s+no\s+yes, least cost\s+yes/);
    expect(text).toMatch(/Service level .* (better|worse|no clear difference)/);
    expect(text).not.toContain('excludes 0');
  }, 60_000);
});
