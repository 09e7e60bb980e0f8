/** Sweeps: the grid, shards, and merging shards into exactly what one unsharded run gives. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridPoint, gridSize, mergeSweeps, shardIndices, sweep, type SweepDocument } from '../../src/experiment/sweep.ts';
import { parseShard, parseTargetCi, parseVaries, parseVary } from '../../src/experiment/specs.ts';
import { createRunner } from '../../src/experiment/replications.ts';
import { loadRawScenario } from '../../src/experiment/variants.ts';
import { formatSweep, sweepCsv, sweepJson } from '../../src/report/sweep.ts';
import { errorOf } from '../helpers/cli.ts';

const BASE = `name: Sweep base
seed: 3
horizon: { days: 0.25, interval_minutes: 60 }
contact_types:
  - id: general
    arrivals: { per_hour: 80 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
    patience: { distribution: exponential, mean_seconds: 100 }
agent_groups:
  - id: team
    skills: { general: 1 }
    agents: 4
    hourly_cost: 30
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccsim-sweep-'));
  writeFileSync(join(dir, 'base.yaml'), BASE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('--vary, --shard and --target-ci', () => {
  it('ranges include both ends and keep the decimals written', () => {
    expect(parseVary('agent_groups[team].agents=30..50:5').values).toEqual([30, 35, 40, 45, 50]);
    expect(parseVary('x.y=0.1..0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseVary('x.y=1..2:0.4').values).toEqual([1, 1.4, 1.8]);
    expect(parseVary('x.y=3..5').values).toEqual([3, 4, 5]);
    expect(parseVary('routing.policy=skill_based,longest_idle')).toEqual({ path: 'routing.policy', values: ['skill_based', 'longest_idle'] });
  });

  it('bad ranges say what was expected', () => {
    expect(errorOf(() => parseVary('agents'))).toMatch(/--vary: expected PATH=FROM\.\.TO:STEP .* got 'agents'/);
    expect(errorOf(() => parseVary('a.b=5..1:1'))).toMatch(/FROM \(5\) is greater than TO \(1\)/);
    expect(errorOf(() => parseVary('a.b=1..5:0'))).toMatch(/STEP must be > 0/);
    expect(errorOf(() => parseVary('a.b=1..x:1'))).toMatch(/TO is not a number \('x'\)/);
    expect(errorOf(() => parseVary('a.b='))).toMatch(/no values after '='/);
    expect(errorOf(() => parseVary('=1..2'))).toMatch(/no field path before '='/);
    expect(errorOf(() => parseVary('a.b=1,,2'))).toMatch(/empty value at position 2/);
    expect(errorOf(() => parseVaries(['a.b=1,2', 'a.b=3,4']))).toMatch(/a\.b is varied twice/);
  });

  it('shards are i/n with 1 <= i <= n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3', '-1/2']) {
      expect(errorOf(() => parseShard(bad))).toMatch(/--shard: expected i\/n with whole numbers 1 <= i <= n/);
    }
  });

  it('targets name a metric and a positive half-width', () => {
    expect(parseTargetCi(['service_level=0.01', 'ttr_hours.mean=0.5'])).toEqual([
      { metric: 'service_level', halfWidth: 0.01 },
      { metric: 'ttr_hours.mean', halfWidth: 0.5 },
    ]);
    expect(errorOf(() => parseTargetCi(['sl=0.01']))).toMatch(/unknown metric 'sl'/);
    expect(errorOf(() => parseTargetCi(['service_level=0']))).toMatch(/expected a half-width > 0/);
  });

  it('the grid is the product of the axes, the first varying slowest; shards partition it', () => {
    const axes = parseVaries(['a=1,2', 'b=10..30:10']);
    expect(gridSize(axes)).toBe(6);
    expect([0, 1, 2, 3, 5].map((k) => gridPoint(axes, k))).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 30 },
    ]);
    const all = [1, 2, 3, 4].flatMap((i) => shardIndices(6, { index: i, count: 4 })).sort((x, y) => x - y);
    expect(all).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shardIndices(6, { index: 2, count: 4 })).toEqual([1, 5]);
  });
});

describe('sweep and merge', () => {
  const axes = parseVaries(['agent_groups[team].agents=3..5:1', 'routing.policy=skill_based,longest_idle']);

  it('the shards merged give byte-identical sweep.json and sweep.csv to the unsharded sweep', async () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    const runner = createRunner(2);
    try {
      const full = (await sweep(base, axes, { replications: 3, runner })).document;
      expect(full.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(full.rows[4]!.point).toEqual({ 'agent_groups[team].agents': 5, 'routing.policy': 'skill_based' });
      expect(full.shard).toBeUndefined();
      // More agents, better service (same customers at every point).
      expect(full.rows[4]!.totals.service_level!).toBeGreaterThan(full.rows[0]!.totals.service_level!);

      const shards: SweepDocument[] = [];
      for (const index of [1, 2, 3, 4]) {
        // jobs 1 for some shards, 2 for others: it must not matter.
        const doc = (await sweep(base, axes, { replications: 3, shard: { index, count: 4 }, ...(index % 2 === 0 ? { runner } : { jobs: 1 }) })).document;
        expect(doc.shard).toEqual({ index, count: 4 });
        shards.push(JSON.parse(sweepJson(doc)) as SweepDocument); // as if read back from disk
      }
      const merged = mergeSweeps([3, 0, 2, 1].map((i) => ({ source: `shard ${i + 1}`, document: shards[i]! })));
      expect(sweepJson(merged)).toBe(sweepJson(full));
      expect(sweepCsv(merged)).toBe(sweepCsv(full));
    } finally {
      await runner.close();
    }
  });

  it('merge refuses missing, repeated and foreign shards', async () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    const part = async (index: number, seed = 3) =>
      JSON.parse(sweepJson((await sweep(base, axes, { shard: { index, count: 3 }, seed, jobs: 1 })).document)) as SweepDocument;
    const [a, b, c, other] = [await part(1), await part(2), await part(3), await part(3, 4)];
    const parts = (...docs: SweepDocument[]) => docs.map((document, i) => ({ source: `dir${i + 1}`, document }));
    expect(errorOf(() => mergeSweeps(parts(a, b)))).toMatch(/2 of 6 grid points are missing \(first: 2, 5\); shards not given: 3\/3/);
    expect(errorOf(() => mergeSweeps(parts(a, b, c, a)))).toMatch(/grid point 0 is in both dir1 and dir4/);
    expect(errorOf(() => mergeSweeps(parts(a, b, other)))).toMatch(/dir3 is not from the same sweep as dir1 \(they differ in seed\)/);
  });

  it('an unknown --vary path is an error naming it', async () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    await expect(sweep(base, parseVaries(['agent_groups[team].agentz=1,2']), { jobs: 1 })).rejects.toThrow(
      "--vary agent_groups[team].agentz: unknown path 'agent_groups[team].agentz' (no key 'agentz'; did you mean 'agents'?)",
    );
    await expect(sweep(base, parseVaries(['agent_groups[team].agents=-2..0:1']), { jobs: 1 })).rejects.toThrow(
      /grid point 0 \(agent_groups\[team\]\.agents=-2\): agent_groups\[team\]\.agents: expected a whole number >= 0, got -2/,
    );
  });
});

describe('the plan summary of a sweep', () => {
  // M/M/c with A = 120/h × 180 s = 6 Erlangs, T = 20 s. Erlang C (closed form, computed by hand
  // in python): service level 0.714 at 8 agents, 0.860 at 9, 0.935 at 10, 0.972 at 11; ASA 32 s
  // at 8, 12 s at 9. Against a target of 80% and an ASA cap of 20 s, the points with 9, 10 and
  // 11 agents meet every target and 9 is the cheapest (pay is agents × 30 per hour). The margins
  // (6 points of service level, 8 s of ASA) are several standard errors of 3 replications of 46
  // reported hours (about 5,500 contacts each).
  const MMC = `name: Sweep summary
seed: 11
horizon: { days: 2, interval_minutes: 60, warmup_hours: 2 }
service_level: { threshold_seconds: 20, target: 0.8, max_asa_seconds: 20 }
costs: { currency: EUR }
contact_types:
  - id: general
    arrivals: { per_hour: 120 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { general: 1 }
    agents: 8
    hourly_cost: 30
`;

  it('names the points that meet every target and the cheapest of them, with cost, FTE and paid hours per period', async () => {
    writeFileSync(join(dir, 'mmc.yaml'), MMC);
    const base = loadRawScenario(join(dir, 'mmc.yaml'));
    const doc = (await sweep(base, parseVaries(['agent_groups[team].agents=7..11:1']), { replications: 3, jobs: 1, period: 'week' })).document;
    expect(doc.rows.map((r) => r.meets_targets)).toEqual([false, false, true, true, true]);
    expect(doc.rows[1]!.missed).toEqual(['service_level', 'asa_seconds']);
    expect(doc.summary).toEqual({ meeting_targets: [2, 3, 4], best: 2, period: 'week', currency: 'EUR' });
    // Constant staffing, no shrinkage: paid hours per week = agents × 168, cost = × 30, FTE = / 40.
    const nine = doc.rows[2]!;
    expect(nine.paid_hours).toBeCloseTo(9 * 168, 6);
    expect(nine.cost_per_period).toBeCloseTo(9 * 168 * 30, 6);
    expect(nine.fte).toBeCloseTo((9 * 168) / 40, 9);
    const text = formatSweep(doc, { targets: ['service level ≥ 80.0%', 'ASA ≤ 20.0 s'], reportedHours: 46 });
    expect(text.replace(/\s*\n\s*/g, ' ')).toContain(
      '3 of 5 grid points meet every target (service level ≥ 80.0%, ASA ≤ 20.0 s); the cheapest is #2 (agents=9): €45,360 per week, 37.8 FTE, 1,512 paid hours per week. Costs and hours per week are scaled from the 46.0 reported hours.',
    );
    expect(text).toMatch(/meets targets\n/);
    expect(text).toMatch(/yes, least cost/);
    expect(text).toMatch(/no \(SL, ASA\)/);
    // Per month: the same points, amounts scaled by 730.5 / 168.
    const month = (await sweep(base, parseVaries(['agent_groups[team].agents=8..9:1']), { replications: 3, jobs: 1, period: 'month' })).document;
    expect(month.summary).toEqual({ meeting_targets: [1], best: 1, period: 'month', currency: 'EUR' });
    expect(month.rows[1]!.cost_per_period).toBeCloseTo(9 * 730.5 * 30, 6);
  });
});
