/**
 * The studio's per-group table (src/studio/page/headline.ts groupRows) on two hand-made
 * replications: means, occupancy pooled as busy over logged hours, and the paired difference
 * with its Student-t half-width, all computed here by hand.
 */
import { describe, expect, it } from 'vitest';
import type { GroupMetrics, Result } from '../../src/metrics/types.ts';
import { groupRows } from '../../src/studio/page/headline.ts';

function run(g: Partial<GroupMetrics>): Result {
  const group: GroupMetrics = { agents: 0, logged_hours: 0, paid_hours: 0, busy_hours: 0, occupancy: null, handled: 0, cost: 0, ...g };
  return { scenario: 's', seed: 1, replications: 1, totals: { by_group: { team: group } } as unknown as Result['totals'], by_type: {}, by_interval: [] };
}

describe('studio group table', () => {
  const base = [run({ agents: 10, logged_hours: 100, busy_hours: 80, handled: 400 }), run({ agents: 10, logged_hours: 100, busy_hours: 90, handled: 440 })];
  const plan = [run({ agents: 12, logged_hours: 120, busy_hours: 84, handled: 410 }), run({ agents: 12, logged_hours: 160, busy_hours: 144, handled: 446 })];

  it('pools occupancy over replications and averages the rest', () => {
    const [row] = groupRows(plan, null);
    expect(row!.group).toBe('team');
    expect(row!.cells.agents.value).toBe(12);
    // (84 + 144) / (120 + 160) = 0.8142857, not the mean of 84/120 = 0.7 and 144/160 = 0.9.
    expect(row!.cells.occupancy.value).toBeCloseTo(228 / 280, 12);
    expect(row!.cells.handled.value).toBe(428);
    expect(row!.cells.handled.difference).toBeNull();
  });

  it('gives the paired difference with its 95% half-width', () => {
    const [row] = groupRows(plan, base);
    // Handled: plan 428, baseline 420, difference +8; per replication +10 and +6: mean 8,
    // sd 2.828, half-width t(0.975, 1) x sd / sqrt 2 = 12.706 x 2 = 25.41.
    expect(row!.cells.handled.difference!.mean).toBe(8);
    expect(row!.cells.handled.difference!.ci95).toBeCloseTo(12.7062 * 2, 2);
    // Occupancy: pooled 228 / 280 against pooled 170 / 200 = 0.85.
    expect(row!.cells.occupancy.difference!.mean).toBeCloseTo(228 / 280 - 0.85, 12);
  });

  it('rates each difference as the cards do: by the paired interval, lower cost better, the rest higher or lower', () => {
    const b = [run({ agents: 10, handled: 400, cost: 1000 }), run({ agents: 10, handled: 440, cost: 1000 })];
    const p = [run({ agents: 12, handled: 410, cost: 990 }), run({ agents: 12, handled: 446, cost: 991 })];
    const [row] = groupRows(p, b);
    // Cost: differences -10 and -9, mean -9.5, sd 0.7071, half-width 12.706 x 0.7071 / sqrt 2
    // = 6.35: the interval excludes zero and less cost is better.
    expect(row!.cells.cost.difference!.ci95).toBeCloseTo(12.7062 * 0.5, 2);
    expect(row!.cells.cost.verdict).toBe('better');
    // Agents: +2 in both replications (half-width 0): clearly higher, with no better direction.
    expect(row!.cells.agents.verdict).toBe('higher');
    // Handled: +8 ± 25.4 includes zero.
    expect(row!.cells.handled.verdict).toBe('no clear difference');
    // No baseline, no verdict.
    expect(groupRows(p, null)[0]!.cells.cost.verdict).toBeNull();
  });
});
