import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { formatSummary } from '../../src/report/table.ts';

const FILE = fileURLToPath(new URL('../../scenarios/planner-week.yaml', import.meta.url));

describe('the planner week', () => {
  const { scenario, warnings } = loadScenario(FILE);

  it('is a 15-minute week of voice and chat with three groups, opening hours, a Saturday template, breaks, absence and shrinkage', () => {
    expect(scenario.open_hours).toBeDefined();
    for (const t of scenario.contact_types) expect(t.arrivals.intraday_by_weekday?.['sat']).toBeDefined();
    expect(warnings).toEqual([]);
    expect(scenario.horizon).toMatchObject({ days: 7, interval_minutes: 15 });
    expect(new Set(scenario.contact_types.map((t) => t.channel))).toEqual(new Set(['voice', 'chat']));
    expect(scenario.agent_groups).toHaveLength(3);
    for (const g of scenario.agent_groups) {
      expect(g.absence).toBeGreaterThan(0);
      expect(g.shrinkage).toBeGreaterThan(0);
      expect(g.staffing.kind === 'shifts' && g.staffing.shifts.every((s) => (s.breaks ?? []).length > 0)).toBe(true);
    }
  });

  it('offers nothing while closed (Sunday, Saturday outside 09:00-17:00) and prints the per-group table', () => {
    // How long the week takes is a benchmark figure (see the README), not a test.
    const result = simulate(scenario);
    expect(result.by_interval).toHaveLength(7 * 96);
    const offered = (iv: (typeof result.by_interval)[number]) => iv.by_type!['calls']!.offered + iv.by_type!['chats']!.offered;
    const sunday = result.by_interval.filter((iv) => iv.start.startsWith('2026-03-08'));
    expect(sunday.reduce((a, iv) => a + offered(iv), 0)).toBe(0);
    const saturday = result.by_interval.filter((iv) => iv.start.startsWith('2026-03-07'));
    const outside = saturday.filter((iv) => iv.start.slice(11) < '09:00' || iv.start.slice(11) >= '17:00');
    expect(outside.reduce((a, iv) => a + offered(iv), 0)).toBe(0);
    // Repeat calls that land on the closed Sunday are counted as closed, not offered.
    expect(sunday.reduce((a, iv) => a + iv.by_type!['calls']!.closed, 0)).toBeGreaterThan(0);
    const text = formatSummary(result, scenario);
    expect(text).toMatch(/By agent group/);
    for (const id of ['voice', 'chat', 'blended']) expect(text).toMatch(new RegExp(`\\n  ${id} +\\d`));
    expect(text).toMatch(/cap 85\.0%/);
  });
});
