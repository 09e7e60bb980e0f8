import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import type { GroupMetrics, Metrics } from '../../src/metrics/types.ts';
import { groupsCsv, intervalGroupsCsv, intervalTypesCsv } from '../../src/report/csv.ts';
import { formatSummary } from '../../src/report/table.ts';

const bank = loadScenario(new URL('../../scenarios/retail-bank.yaml', import.meta.url).pathname).scenario;
const result = simulate(bank, { days: 3 });

const sum = (groups: Record<string, GroupMetrics>, key: keyof GroupMetrics): number =>
  Object.values(groups).reduce((a, g) => a + (g[key] ?? 0), 0);

/** by_group summed over groups gives back the row's own agent figures. */
function checkRow(m: Metrics, span: number): void {
  const groups = m.by_group!;
  expect(Object.keys(groups)).toEqual(bank.agent_groups.map((g) => g.id));
  const busy = sum(groups, 'busy_hours');
  const logged = sum(groups, 'logged_hours');
  // Total occupancy is busy / logged: so the groups' busy hours sum to the total busy hours.
  if (m.occupancy !== null) expect(busy).toBeCloseTo(m.occupancy * logged, 6);
  expect(logged * 3600).toBeCloseTo((m.agents ?? 0) * span, 3);
  expect(sum(groups, 'cost')).toBeCloseTo(m.cost_agents, 6);
  expect(sum(groups, 'paid_hours')).toBeCloseTo(m.paid_hours, 6);
  for (const g of Object.values(groups)) {
    if (g.occupancy !== null) expect(g.occupancy).toBeCloseTo(g.busy_hours / g.logged_hours, 12);
  }
}

describe('by_group', () => {
  it('sums to the totals: busy hours to total busy hours, costs to cost_agents, paid hours to paid_hours', () => {
    const span = (3 * 24 - bank.horizon.warmup_hours) * 3600;
    checkRow(result.totals, span);
    // Handled: every finished agent leg of the reported contacts, i.e. the agent contacts less
    // those still in hand when the books closed (none here: the run drains).
    expect(sum(result.totals.by_group!, 'handled')).toBe(Object.values(result.by_type).reduce((a, t) => a + t.answered + t.transfers, 0));
  });

  it('is in every interval, and the intervals add up to the totals', () => {
    for (const iv of result.by_interval) checkRow(iv, bank.horizon.interval_minutes * 60);
    for (const id of Object.keys(result.totals.by_group!)) {
      const busy = result.by_interval.reduce((a, iv) => a + iv.by_group![id]!.busy_hours, 0);
      expect(busy).toBeCloseTo(result.totals.by_group![id]!.busy_hours, 6);
      const handled = result.by_interval.reduce((a, iv) => a + iv.by_group![id]!.handled, 0);
      expect(handled).toBe(result.totals.by_group![id]!.handled);
    }
  });

  it('type x interval rows add up to the interval rows', () => {
    for (const iv of result.by_interval) {
      const types = Object.values(iv.by_type!);
      for (const key of ['arrivals', 'offered', 'answered', 'abandoned'] as const) {
        expect(types.reduce((a, t) => a + t[key], 0)).toBe(iv[key]);
      }
      expect(types.reduce((a, t) => a + t.cost_agents, 0)).toBeCloseTo(iv.cost_agents, 6);
    }
  });

  it('has replication means and ci95 half-widths', () => {
    const r = simulate(bank, { days: 3, replications: 3 });
    expect(r.totals.by_group!['generalists']!.busy_hours).toBeGreaterThan(0);
    expect(r.ci95!.totals.by_group!['generalists']!.busy_hours).toBeGreaterThan(0);
    expect(r.ci95!.by_interval[5]!.by_group!['generalists']).toBeDefined();
  });

  it('goes to groups.csv, interval_groups.csv, interval_types.csv and the terminal summary', () => {
    const groups = groupsCsv(result).trim().split('\r\n');
    expect(groups[0]).toBe('group,agents,logged_hours,paid_hours,busy_hours,occupancy,handled,cost');
    expect(groups).toHaveLength(1 + bank.agent_groups.length);
    const ig = intervalGroupsCsv(result).trim().split('\r\n');
    expect(ig).toHaveLength(1 + result.by_interval.length * bank.agent_groups.length);
    const it2 = intervalTypesCsv(result).trim().split('\r\n');
    expect(it2[0]!.startsWith('start,type,arrivals,')).toBe(true);
    expect(it2).toHaveLength(1 + result.by_interval.length * bank.contact_types.length);
    const text = formatSummary(result, { ...bank, service_level: { ...bank.service_level, max_occupancy: 0.8 } });
    expect(text).toContain('By agent group');
    expect(text).toMatch(/cap 80\.0%/);
    expect(text).toMatch(/generalists .* (over|ok)/);
  });
});
