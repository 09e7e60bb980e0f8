import { describe, expect, it } from 'vitest';
import { intradaySpec } from '../../src/report/charts/intraday.ts';
import { renderChart } from '../../src/report/render.ts';
import { reportHtml } from '../../src/report/html.ts';
import { formatSummary } from '../../src/report/table.ts';
import { markGroups } from './svg.ts';
import { runBank } from './fixtures.ts';

/* Events and the weekly table, as the report shows them. */

const incident = {
  name: 'IVR outage',
  from: '2026-01-05T10:00',
  to: '2026-01-05T12:30',
  types: null,
  arrivals_factor: 1,
  handle_time_factor: 1.4,
  self_service_down: true,
  agents_absent: {},
};

describe('event windows in the report', () => {
  it('the intraday chart shades each event window in both panels and names it', async () => {
    const { scenario, result } = runBank(14, 1, { events: [incident] });
    const spec = intradaySpec({ result, target: 0.8, intervalMinutes: 60 });
    expect(JSON.stringify(spec)).toContain('shaded: events');
    const chart = await renderChart(spec);
    expect(chart.warnings).toEqual([]);
    expect(chart.svg).not.toMatch(/NaN/);
    // Two shading rects (one per panel) plus the arrivals bars; the name as a text mark.
    const rects = markGroups(chart.svg).filter((g) => g.type === 'rect');
    expect(rects.filter((g) => g.items === 1)).toHaveLength(2);
    expect(chart.svg).toContain('IVR outage');
    // Without events nothing is shaded.
    const plain = await renderChart(intradaySpec({ result: runBank(14, 1).result, target: 0.8, intervalMinutes: 60 }));
    expect(markGroups(plain.svg).filter((g) => g.type === 'rect' && g.items === 1)).toHaveLength(0);
    expect(scenario.events).toHaveLength(1);
  });

  it('the HTML report and the terminal summary list the event figures', () => {
    const { scenario, result } = runBank(14, 1, { events: [incident] });
    const html = reportHtml({ kind: 'simulate', scenario, result }, null);
    expect(html).toContain('<h3>Events</h3>');
    expect(html).toContain('IVR outage');
    const text = formatSummary(result, scenario);
    expect(text).toMatch(/Events \(/);
    expect(text).toMatch(/IVR outage\s+2026-01-05 10:00\s+2026-01-05 12:30/);
  });

  it('a multi-week run gets a weekly table in the report and the summary', () => {
    const { scenario, result } = runBank(14, 1, {
      horizon: { start: '2026-01-05', days: 14, interval_minutes: 60, warmup_hours: 0 },
    });
    expect(result.weekly!.map((w) => w.week_start)).toEqual(['2026-01-05', '2026-01-12']);
    expect(result.weekly![0]!.mean_proficiency).toBe(1);
    const html = reportHtml({ kind: 'simulate', scenario, result }, null);
    expect(html).toContain('<h3>By week</h3>');
    expect(formatSummary(result, scenario)).toMatch(/By week[^\n]*\n\s+week of\s+agents\s+employees\s+proficiency\s+AHT\s+FCR\n\s+2026-01-05/);
  });
});
