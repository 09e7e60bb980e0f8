import { describe, expect, it } from 'vitest';
import { erlangCStaffing } from '../../src/analytic/index.ts';
import { staff } from '../../src/staffing/index.ts';
import { formatStaffing } from '../../src/report/staffing.ts';
import { twoSkillPool } from './helpers.ts';

describe('a two-skill group pools its load', () => {
  const { result } = staff(twoSkillPool());
  const separate = 2 * erlangCStaffing({ ratePerSecond: 100 / 1800, meanServiceSeconds: 180, thresholdSeconds: 20, target: 0.8 }).servers;

  it('needs fewer agents than two separate Erlang C teams, in every checked interval', () => {
    expect(separate).toBe(28);
    const checked = result.intervals.filter((iv) => iv.checked);
    expect(checked.length).toBe(6);
    for (const iv of checked) {
      expect(iv.required['pool']!.simulated).toBeLessThan(separate);
      expect(iv.meets).toBe(true);
      // Each type on its own meets the target too.
      for (const t of ['billing', 'orders']) expect(iv.by_type[t]!.service_level!).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('the analytic start is the pooled Erlang C (exact here: same handle time)', () => {
    const pooled = erlangCStaffing({ ratePerSecond: 200 / 1800, meanServiceSeconds: 180, thresholdSeconds: 20, target: 0.8 }).servers;
    expect(result.groups['pool']!.method).toBe('pooled_erlang_c');
    for (const iv of result.intervals) expect(iv.required['pool']!.analytic).toBe(pooled);
  });

  it('the report says how much pooling saves', () => {
    const pooling = result.pooling!;
    expect(pooling).not.toBeNull();
    expect(pooling.saved_agents_per_interval).toBeGreaterThan(0);
    const n = /pooling saves (\d+(?:\.\d)?) agents/.exec(pooling.message);
    expect(n, pooling.message).not.toBeNull();
    expect(Number(n![1])).toBeCloseTo(pooling.saved_agents_per_interval, 0);
    expect(formatStaffing(result)).toContain(pooling.message);
  });
});
