import { describe, expect, it } from 'vitest';
import { staffVerified } from '../../src/staffing/verified.ts';
import { staffParallel } from '../../src/library/api.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { twoSkillPool } from './helpers.ts';

describe('staffing on worker threads', () => {
  it('gives the same plan and figures with --jobs 1 and --jobs 2 (library: staffParallel)', async () => {
    // A multi-skill pool: the simulation, not Erlang, decides, so every replication matters.
    const s: Scenario = { ...twoSkillPool(), horizon: { start: '2026-01-05', days: 0.25, interval_minutes: 30, warmup_hours: 1 } };
    const options = { replications: 4, earlyReplications: 2, maxIterations: 12, verifyReplications: 4 };
    const one = await staffVerified(s, { ...options, jobs: 1 });
    // Through the library's staffParallel (checked arguments, `jobs` option) on two threads.
    const two = await staffParallel(s, { ...options, jobs: 2 });
    const strip = (r: typeof one.result): unknown => ({ ...r, search: { ...r.search, seconds: 0 } });
    expect(two.result.search.simulations).toBeGreaterThan(1);
    expect(strip(two.result)).toEqual(strip(one.result));
    expect(two.planVerification).toEqual(one.planVerification);
  }, 120_000);

  it('the library checks the new options by name', async () => {
    const s = twoSkillPool();
    await expect(staffParallel(s, { jobs: 0 })).rejects.toThrow(/options\.jobs/);
    await expect(staffParallel(s, { tolerance: 0.5 })).rejects.toThrow(/options\.tolerance: expected a share between 0 and 0.05/);
  });
});
