/**
 * Replications on worker threads: the results do not depend on --jobs (each replication is a
 * pure function of scenario, seed and replication number, combined in replication order), and
 * --target-ci stops at the same number of replications whatever the batch size.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.ts';
import { createRunner, replicateScenario, runReplications, simulateParallel } from '../../src/experiment/replications.ts';
import { compare } from '../../src/experiment/compare.ts';
import { resultToJson } from '../../src/report/json.ts';
import { compareJson } from '../../src/report/compare.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** Two types, two groups, abandonment and retries: enough moving parts to expose any sharing. */
function twoTypes(agents = 6): Scenario {
  return scenario({
    name: 'two types',
    seed: 42,
    horizon: { start: '2026-01-05', days: 0.5, interval_minutes: 60, warmup_hours: 1 },
    contact_types: [
      contactType('billing', { handle_time: exp(240), patience: exp(120), retry: { probability: 0.5, after: exp(600) }, fcr: 0.8 }),
      contactType('sales', { handle_time: exp(180), patience: exp(90), fcr: 0.9 }),
    ],
    agent_groups: [group('a', { billing: 1, sales: 0.5 }, agents), group('b', { sales: 1 }, 2)],
  });
}

describe('replications on worker threads', () => {
  it('--jobs 1 and --jobs 2 give identical JSON, equal to the synchronous simulate()', async () => {
    const s = twoTypes();
    const sync = resultToJson(simulate(s, { replications: 6, seed: 3 }));
    const one = resultToJson((await simulateParallel(s, { replications: 6, seed: 3, jobs: 1 })).result);
    const two = resultToJson((await simulateParallel(s, { replications: 6, seed: 3, jobs: 2 })).result);
    expect(one).toBe(sync);
    expect(two).toBe(sync);
  });

  it('returns per-replication results in replication order', async () => {
    const s = twoTypes();
    const results = await runReplications(s, { replications: 4, jobs: 2 });
    const again = await runReplications(s, { replications: 4, jobs: 1 });
    expect(results.map((r) => r.totals.arrivals)).toEqual(again.map((r) => r.totals.arrivals));
    // Different replications see different customers.
    expect(new Set(results.map((r) => r.totals.arrivals)).size).toBeGreaterThan(1);
  });

  it('compare gives identical JSON with 1 and 2 jobs, and one runner serves every plan', async () => {
    const plans = [
      { name: 'six', scenario: twoTypes(6) },
      { name: 'seven', scenario: twoTypes(7) },
    ];
    const one = compareJson((await compare(plans, { replications: 5, jobs: 1 })).result);
    const runner = createRunner(2);
    try {
      const two = compareJson((await compare(plans, { replications: 5, runner })).result);
      expect(two).toBe(one);
    } finally {
      await runner.close();
    }
  });

  it('--target-ci stops at the same replication count whatever --jobs, and meets the target', async () => {
    const s = twoTypes();
    const target = [{ metric: 'service_level' as const, halfWidth: 0.02 }];
    const a = await replicateScenario(s, { targetCi: target, maxReplications: 60, jobs: 1 });
    const b = await replicateScenario(s, { targetCi: target, maxReplications: 60, jobs: 2 });
    expect(a.results.length).toBe(b.results.length);
    expect(a.results.length).toBeGreaterThan(5); // more than the first batch: the rule was exercised
    expect(a.targets).toEqual(b.targets);
    expect(a.targets![0]!.met).toBe(true);
    expect(a.targets![0]!.halfWidth!).toBeLessThanOrEqual(0.02);
    // The shortest prefix that meets the target: one replication fewer does not.
    const shorter = simulate(s, { replications: a.results.length - 1 });
    expect(shorter.ci95!.totals.service_level!).toBeGreaterThan(0.02);
  });

  it('--target-ci stops at --max-replications and says the target was not met', async () => {
    const out = await replicateScenario(twoTypes(), {
      targetCi: [{ metric: 'asa_seconds', halfWidth: 1e-9 }],
      maxReplications: 7,
      jobs: 2,
    });
    expect(out.results.length).toBe(7);
    expect(out.targets![0]!.met).toBe(false);
  });
});
