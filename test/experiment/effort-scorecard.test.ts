/**
 * Customer effort beside cost, and the scorecard: a sweep that pushes self-service, the
 * scorecard against hand computations, compare's ranking, variants files, the bundled bank
 * trade-off, and clear errors for a scorecard or repeat_channel that names nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenarioObject, parseScenario } from '../../src/scenario/index.ts';
import { sweep } from '../../src/experiment/sweep.ts';
import { compare } from '../../src/experiment/compare.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { loadVariants, type RawScenario } from '../../src/experiment/variants.ts';
import { attainment, scorecardOf } from '../../src/metrics/scorecard.ts';
import { formatCompare, scorecardCsv } from '../../src/report/compare.ts';
import { reportHtml } from '../../src/report/html.ts';
import { formatSummary } from '../../src/report/table.ts';
import type { Metrics } from '../../src/metrics/types.ts';
import { ScenarioError } from '../../src/errors.ts';
import { emptyMetrics } from '../report/fixtures.ts';
import { expectUserError, runCcsim } from '../helpers/cli.ts';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** A call line with an IVR in front whose reach (share_offered) a sweep pushes from 0 to 1. */
const IVR = {
  name: 'IVR push',
  seed: 1310,
  horizon: { days: 1, interval_minutes: 60, warmup_hours: 2 },
  contact_types: [
    {
      id: 'calls',
      arrivals: { per_hour: 120 },
      handle_time: { distribution: 'exponential', mean_minutes: 5 },
      self_service: {
        share_offered: 0,
        containment: 0.3,
        duration: { distribution: 'exponential', mean_minutes: 3 },
        cost_per_session: 0.2,
        failed_handle_time_factor: 1.2,
      },
    },
  ],
  agent_groups: [{ id: 'team', skills: { calls: 1 }, agents: 11, hourly_cost: 30 }],
  costs: { per_minute_voice: 0.03, per_contact: 1.5 },
};

function rawScenario(raw: Record<string, unknown>, file = 'ivr.yaml'): RawScenario {
  return { ...validateScenarioObject(raw, file), file, raw };
}

describe('pushing containment: cheaper per contact, harder for the customer', () => {
  // 120 calls/h of 5 min on 11 agents (91% load) with a bot that contains 30% of those it
  // takes. Pushing more callers into the bot contains more (fewer agent contacts, no fee for
  // them, fewer voice minutes), so cost per contact falls all along. Effort first falls (the
  // queue shortens: waiting points saved), then rises once the failed sessions (0.5 points
  // each, 70% of those offered) outweigh the waits they save.
  const shares = [0, 0.25, 0.5, 0.75, 1];
  let rows: Awaited<ReturnType<typeof sweep>>['document']['rows'];
  beforeAll(async () => {
    rows = (await sweep(rawScenario(IVR), [{ path: 'contact_types[calls].self_service.share_offered', values: shares }], { replications: 10 })).document.rows;
  }, 120_000);

  it('contains more at every step, and cost per contact falls at every step, with intervals', () => {
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.totals.contained).toBeGreaterThan(rows[i - 1]!.totals.contained);
      expect(rows[i]!.totals.cost_per_contact!).toBeLessThan(rows[i - 1]!.totals.cost_per_contact!);
      expect(rows[i]!.ci95!.cost_per_contact!).toBeGreaterThan(0);
    }
    const first = rows[0]!;
    const last = rows.at(-1)!;
    // The whole push saves more than both intervals together.
    expect(first.totals.cost_per_contact! - first.ci95!.cost_per_contact!).toBeGreaterThan(last.totals.cost_per_contact! + last.ci95!.cost_per_contact!);
  });

  it('effort falls while waits shrink, then rises once failed self-service outweighs them', () => {
    const effort = rows.map((r) => r.totals.effort_mean!);
    const half = rows.map((r) => r.ci95!.effort_mean!);
    const best = effort.indexOf(Math.min(...effort));
    expect(best).toBeGreaterThan(0); // the first push helps (the queue was long)...
    expect(best).toBeLessThan(rows.length - 1); // ...but not all the way
    for (let i = best + 1; i < rows.length; i++) expect(effort[i]!).toBeGreaterThan(effort[i - 1]!);
    // The rise from the best point to the full push is larger than both intervals together.
    expect(effort.at(-1)! - half.at(-1)!).toBeGreaterThan(effort[best]! + half[best]!);
    // And it is the failures, not the waits: waiting shrinks all along.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.totals.asa_seconds!).toBeLessThan(rows[i - 1]!.totals.asa_seconds!);
  });
});

describe('scorecard', () => {
  const hand = (m: Partial<Metrics>): Metrics => ({ ...emptyMetrics(), ...m });

  it('matches a hand computation', () => {
    // FCR 0.6 against 0.8 (higher is better): 0.75. Effort 2.5 against 3 (lower): met, 1.
    // Cost per contact 6 against 5 (lower): 5/6. ASA 0 against 20 (lower): 1. Weights 2, 1, 1, 1:
    // 100 x (2 x 0.75 + 1 + 5/6 + 1) / 5 = 86.6667.
    const card = scorecardOf(
      [
        { metric: 'fcr', target: 0.8, weight: 2 },
        { metric: 'effort_mean', target: 3, weight: 1 },
        { metric: 'cost_per_contact', target: 5, weight: 1 },
        { metric: 'asa_seconds', target: 20, weight: 1 },
      ],
      hand({ fcr: 0.6, effort_mean: 2.5, cost_per_contact: 6, asa_seconds: 0 }),
    );
    expect(card.score).toBeCloseTo((100 * (2 * 0.75 + 1 + 5 / 6 + 1)) / 5, 10);
    [0.75, 1, 5 / 6, 1].forEach((a, i) => expect(card.parts[i]!.attainment).toBeCloseTo(a, 12));
    expect(card.parts.map((p) => p.value)).toEqual([0.6, 2.5, 6, 0]);
  });

  it('has no score when a part is undefined, and names ttr_hours.* parts', () => {
    expect(scorecardOf([{ metric: 'fcr', target: 0.8, weight: 1 }], hand({ fcr: null })).score).toBeNull();
    const ttr = scorecardOf([{ metric: 'ttr_hours.mean', target: 24, weight: 1 }], hand({ ttr_hours: { mean: 48, p50: 1, p90: 2 } }));
    expect(ttr.score).toBeCloseTo(50, 10);
    expect(attainment('service_level', 0.9, 0.8)).toBe(1);
    expect(attainment('abandon_rate', 0.1, 0.05)).toBeCloseTo(0.5, 12);
  });

  it('of a simulated plan, with replications: the means scored by hand, an interval from the replications', () => {
    const s = parseScenario(
      JSON.stringify({
        ...IVR,
        contact_types: [{ ...IVR.contact_types[0], fcr: 0.7, patience: { distribution: 'exponential', mean_minutes: 3 } }],
        scorecard: [
          { metric: 'service_level', target: 0.8, weight: 1 },
          { metric: 'fcr', target: 0.75, weight: 2 },
          { metric: 'effort_mean', target: 1.5 },
          { metric: 'cost_per_contact', target: 4, weight: 2 },
        ],
      }),
      'card.json',
    ).scenario;
    const r = simulate(s, { replications: 5 });
    const t = r.totals;
    const parts = [
      Math.min(1, t.service_level! / 0.8) * 1,
      Math.min(1, t.fcr! / 0.75) * 2,
      Math.min(1, 1.5 / t.effort_mean!) * 1,
      Math.min(1, 4 / t.cost_per_contact!) * 2,
    ];
    expect(r.scorecard!.score!).toBeCloseTo((100 * parts.reduce((a, b) => a + b, 0)) / 6, 9);
    expect(r.scorecard!.parts[2]!.weight).toBe(1); // weight defaults to 1
    expect(r.ci95!.scorecard!.score!).toBeGreaterThan(0);
    expect(r.scorecard!.score!).toBeLessThan(100);
    const html = reportHtml({ kind: 'simulate', scenario: s, result: r }, null);
    expect(html).toContain(`<h3>Scorecard: ${r.scorecard!.score!.toFixed(1)}`);
    const text = formatSummary(r, s);
    expect(text).toContain(`Scorecard: ${r.scorecard!.score!.toFixed(1)} ±${r.ci95!.scorecard!.score!.toFixed(1)} of 100`);
    expect(text).toMatch(new RegExp(`Effort \\(1-7\\) +${t.effort_mean!.toFixed(2)} +±`));
  });
});

describe('compare with a scorecard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccsim-scorecard-'));
    writeFileSync(join(dir, 'ivr.json'), JSON.stringify(IVR));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks the plans by score beside cost, and marks those that meet every target', async () => {
    writeFileSync(
      join(dir, 'plans.yaml'),
      [
        'base: ivr.json',
        'base_name: No bot',
        'scorecard:',
        '  - { metric: effort_mean, target: 1.31, weight: 1 }',
        '  - { metric: cost_per_contact, target: 4.4, weight: 1 }',
        'variants:',
        '  - name: Bot for all',
        '    set: { "contact_types[calls].self_service.share_offered": 1 }',
        '  - name: Bot for half',
        '    set: { "contact_types[calls].self_service.share_offered": 0.5 }',
      ].join('\n'),
    );
    const v = loadVariants(join(dir, 'plans.yaml'));
    expect(v.plans.map((p) => p.scenario.scorecard?.length)).toEqual([2, 2, 2]);
    const { result } = await compare(v.plans, { replications: 10 });
    const ranking = result.ranking!;
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Ranked by score, best first.
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.score!).toBeGreaterThanOrEqual(ranking[i]!.score!);
    for (const r of ranking) {
      const plan = result.plans.find((p) => p.name === r.plan)!;
      const t = plan.totals;
      const hand = (100 * (Math.min(1, 1.31 / t.effort_mean!) + Math.min(1, 4.4 / t.cost_per_contact!))) / 2;
      expect(r.score!).toBeCloseTo(hand, 9);
      expect(r.meets_targets).toBe(t.effort_mean! <= 1.31 && t.cost_per_contact! <= 4.4);
      expect(r.score_ci95!).toBeGreaterThan(0);
      expect(r.cost_per_contact).toBe(t.cost_per_contact);
    }
    // From the sweep above: half the callers in the bot is near the effort sweet spot and
    // cheaper than no bot, so it meets both targets; no bot costs too much, a bot for all
    // costs the customer too much effort.
    expect(ranking[0]!.plan).toBe('Bot for half');
    expect(ranking.map((r) => r.meets_targets)).toEqual([true, false, false]);
    const text = formatCompare(result, { title: 'IVR' });
    expect(text).toMatch(/Scorecard/);
    expect(text).toMatch(/1 +Bot for half +\d+\.\d ±\d+\.\d/);
    const csv = scorecardCsv(result)!.split('\r\n');
    expect(csv[0]).toBe('rank,plan,score,score_ci95,score_difference,score_difference_ci95,meets_targets,cost_per_contact,cost_per_contact_ci95,effort_mean_target,effort_mean_weight,effort_mean_value,effort_mean_attainment,cost_per_contact_target,cost_per_contact_weight,cost_per_contact_value,cost_per_contact_attainment');
    expect(csv[1]).toMatch(/^1,Bot for half,/);
    // The score's paired difference to the baseline (No bot) is the mean of the per-replication differences.
    const half = ranking.find((r) => r.plan === 'Bot for half')!;
    expect(half.score_difference!.mean!).toBeGreaterThan(0);
    expect(half.score_difference!.ci95!).toBeGreaterThan(0);
    expect(ranking.find((r) => r.plan === 'No bot')!.score_difference).toBeUndefined();
    // The report ranks them too, and states the effort points it assumed.
    const html = reportHtml({ kind: 'compare', plans: v.plans, compare: result }, null);
    expect(html).toContain('<h3>Scorecard</h3>');
    expect(html).toContain('<h4>Customer effort</h4>');
    expect(html).toMatch(/Each repeat contact \(issue not resolved\)<\/td><td>1\.5<\/td><td>default/);
  }, 120_000);

  it('refuses an unknown or undirected metric, with the file, line and field path (exit 2)', () => {
    writeFileSync(join(dir, 'bad.yaml'), ['base: ivr.json', 'scorecard:', '  - { metric: efort_mean, target: 2 }', 'variants:', '  - { name: X, set: { seed: 2 } }'].join('\n'));
    expect(() => loadVariants(join(dir, 'bad.yaml'))).toThrow(ScenarioError);
    expect(() => loadVariants(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml:3:\d+: scorecard\[0\]\.metric: unknown metric 'efort_mean' \(did you mean 'effort_mean'\?\)/);
    const bad = { ...IVR, scorecard: [{ metric: 'occupancy', target: 0.8 }] };
    writeFileSync(join(dir, 'occ.yaml'), JSON.stringify(bad, null, 1));
    const r = runCcsim(dir, 'validate', 'occ.yaml');
    expectUserError(r, /occ\.yaml.*scorecard\[0\]\.metric.*'occupancy' has no better direction/s);
  });
});

describe('repeat_channel validation', () => {
  it('names an existing contact type', () => {
    const raw = { ...IVR, contact_types: [{ ...IVR.contact_types[0], repeat_channel: 'cals' }] };
    let message = '';
    try {
      validateScenarioObject(raw, 'rc.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/contact_types\[0\]\.repeat_channel|contact_types\[calls\]\.repeat_channel/);
    expect(message).toMatch(/unknown contact type 'cals' \(did you mean 'calls'\?\)/);
  });
});

describe('the bundled bank trade-off', () => {
  it('compares a balanced IVR, an aggressive one and more agents, and scores them', async () => {
    const v = loadVariants(join(SCENARIOS, 'bank-ivr-tradeoff.yaml'));
    expect(v.plans.map((p) => p.name)).toEqual(['Balanced IVR', 'Aggressive IVR', 'More agents']);
    const { result } = await compare(v.plans, { replications: 2, days: 3 });
    const by = (name: string) => result.plans.find((p) => p.name === name)!;
    // The aggressive IVR is cheaper per contact and harder on the customer than the balanced one.
    expect(by('Aggressive IVR').totals.cost_per_contact!).toBeLessThan(by('Balanced IVR').totals.cost_per_contact!);
    expect(by('Aggressive IVR').totals.effort_mean!).toBeGreaterThan(by('Balanced IVR').totals.effort_mean!);
    expect(by('More agents').totals.cost_per_contact!).toBeGreaterThan(by('Balanced IVR').totals.cost_per_contact!);
    expect(result.ranking).toHaveLength(3);
    for (const p of result.plans) expect(p.scorecard!.parts).toHaveLength(6);
  }, 300_000);
});
