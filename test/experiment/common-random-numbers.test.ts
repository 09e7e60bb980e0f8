/**
 * Common random numbers: plans run with the same seed meet the same customers, so the paired
 * interval of a difference is narrower than the interval of two independent runs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.ts';
import { pairedDifference, welchHalfWidth } from '../../src/experiment/metrics.ts';
import { loadPlans } from '../../src/experiment/variants.ts';
import { ci95HalfWidth, studentTQuantile } from '../../src/metrics/student-t.ts';
import type { Metrics } from '../../src/metrics/types.ts';
import type { Difference } from '../../src/experiment/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';

const scenarioFile = (name: string): string => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

function diff(diffs: readonly Difference[], metric: string): Difference {
  const d = diffs.find((x) => x.metric === metric);
  if (d === undefined) throw new Error(`no difference for ${metric}`);
  return d;
}

describe('paired differences', () => {
  it('with equal denominators, the delta-method interval is the Student-t interval of the per-replication differences; unpaired is Welch', () => {
    // Every replication offers 100 contacts: the pooled ratio is then the mean of the ratios
    // and the linearised residuals are the centred per-replication differences.
    const row = (sl: number): Metrics => ({ service_level: sl, offered: 100, ttr_hours: { mean: null, p50: null, p90: null } }) as unknown as Metrics;
    const base = [0.7, 0.8, 0.75, 0.9, 0.65].map(row);
    const plan = [0.74, 0.83, 0.8, 0.93, 0.7].map(row);
    const d = pairedDifference(plan, base, 'service_level');
    const diffs = [0.04, 0.03, 0.05, 0.03, 0.05];
    expect(d.mean!).toBeCloseTo(0.04, 12);
    expect(d.ci95!).toBeCloseTo(ci95HalfWidth(diffs)!, 12);
    // Welch with equal n and variances: df = 2(n-1) = 8.
    const a = plan.map((m) => m.service_level!);
    const b = base.map((m) => m.service_level!);
    const sd = (xs: number[]): number => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const se = Math.sqrt(sd(a) ** 2 / 5 + sd(b) ** 2 / 5);
    const nu = se ** 4 / ((sd(a) ** 2 / 5) ** 2 / 4 + (sd(b) ** 2 / 5) ** 2 / 4);
    expect(welchHalfWidth(a, b)!).toBeCloseTo(studentTQuantile(0.975, nu) * se, 12);
    expect(d.ci95Unpaired!).toBeCloseTo(studentTQuantile(0.975, nu) * se, 12);
    expect(d.ci95!).toBeLessThan(d.ci95Unpaired!);
  });

  it('are differences of pooled ratios: a replication where the ratio is undefined adds nothing', () => {
    const row = (x: number | null, answered: number): Metrics => ({ asa_seconds: x, answered, ttr_hours: { mean: null, p50: null, p90: null } }) as unknown as Metrics;
    const plan = [row(1, 1), row(2, 3), row(null, 0), row(4, 1)];
    const base = [row(0, 1), row(null, 0), row(1, 2), row(1, 1)];
    const d = pairedDifference(plan, base, 'asa_seconds');
    // Plan: (1·1 + 2·3 + 4·1) / 5 = 11/5; baseline: (0 + 1·2 + 1·1) / 4 = 3/4.
    expect(d.mean!).toBeCloseTo(11 / 5 - 3 / 4, 12);
  });

  it('on a small center, adding an agent: paired intervals are narrower than unpaired', async () => {
    const make = (agents: number) =>
      scenario({
        name: `${agents} agents`,
        seed: 9,
        horizon: { start: '2026-01-05', days: 0.5, interval_minutes: 60, warmup_hours: 1 },
        contact_types: [contactType('general', { handle_time: exp(200), patience: exp(150) })],
        agent_groups: [group('team', { general: 1 }, agents, { hourly_cost: 30 })],
        costs: { per_minute_voice: 0.02, per_contact: 0.1, overhead_per_agent_hour: 5 },
      });
    const { result } = await compare(
      [
        { name: 'four', scenario: make(4) },
        { name: 'five', scenario: make(5) },
      ],
      { replications: 12, jobs: 2 },
    );
    for (const metric of ['service_level', 'cost_per_contact', 'asa_seconds']) {
      const d = diff(result.differences, metric);
      expect(d.ci95!, metric).toBeLessThan(d.ci95_unpaired!);
    }
  });
});

describe('retail-bank vs retail-bank-skills-bot (the bundled scenarios)', () => {
  const files = ['retail-bank.yaml', 'retail-bank-skills-bot.yaml'].map(scenarioFile);

  it('the paired intervals of the cost-per-contact and service-level differences are narrower than the unpaired ones', async () => {
    for (const f of files) expect(existsSync(f), `${f} is bundled`).toBe(true);
    const { plans } = loadPlans(files);
    // Three days: the scenarios discard a 48-hour warm-up, so one full day is reported.
    const { result } = await compare(plans, { replications: 10, days: 3, jobs: 2 });
    expect(result.replications).toBe(10);
    for (const metric of ['cost_per_contact', 'service_level']) {
      const d = diff(result.differences, metric);
      expect(d.mean, `${metric}: difference defined`).not.toBeNull();
      expect(d.ci95!, `${metric}: paired ${d.ci95} vs unpaired ${d.ci95_unpaired}`).toBeLessThan(d.ci95_unpaired!);
    }
  });
});
