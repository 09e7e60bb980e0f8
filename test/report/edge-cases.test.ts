/**
 * Charts and reports for the runs that break naive code: nothing arrives at all (every ratio
 * undefined), a single interval, a single plan without replications, a sweep with one point or
 * with points whose figures are undefined, and a result with no interval at all. Each must
 * render, without warnings, without NaN, and without throwing.
 */

import { describe, expect, it } from 'vitest';
import { reportFiles, type ReportInput } from '../../src/report/report-files.ts';
import { frontierSpec, pointLabels } from '../../src/report/charts/frontier.ts';
import { renderChart } from '../../src/report/render.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { contactType, scenario } from '../helpers/scenarios.ts';
import { compareBank, emptyMetrics, runBank, sweepBank } from './fixtures.ts';
import { countItems, isPng, markGroups, roleTexts } from './svg.ts';

const flat = { by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 };

/** Draws the report and checks what every case must satisfy; returns the files. */
async function drawn(input: ReportInput): Promise<Record<string, string | Uint8Array>> {
  const warnings: string[] = [];
  const files = await reportFiles(input, { charts: true, onWarning: (w) => warnings.push(w) });
  expect(warnings).toEqual([]);
  expect(Object.keys(files)).toContain('report.html');
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') {
      expect(content, name).not.toMatch(/NaN|Infinity|undefined/);
    } else {
      expect(isPng(content), name).toBe(true);
    }
  }
  return files;
}

function text(files: Record<string, string | Uint8Array>, name: string): string {
  const f = files[name];
  if (typeof f !== 'string') throw new Error(`${name} missing or binary`);
  return f;
}

describe('a run in which nothing arrives', () => {
  const s = scenario({ contact_types: [contactType('general', { arrivals: { per_hour: 0, ...flat } })] });
  const result = simulate(s, { replications: 2 });

  it('is really empty: no arrivals, undefined ratios', () => {
    expect(result.totals.arrivals).toBe(0);
    expect(result.totals.service_level).toBeNull();
    expect(result.by_interval.every((iv) => iv.offered === 0)).toBe(true);
  });

  it('still draws every chart and the report', async () => {
    const files = await drawn({ kind: 'simulate', scenario: s, result });
    const intraday = text(files, 'charts/intraday.svg');
    expect(countItems(intraday, 'rect')).toBe(24); // zero-height bars, one per interval
    expect(countItems(intraday, 'symbol')).toBe(0); // no service level anywhere
    expect(countItems(intraday, 'rule')).toBe(1); // the target
    const heatmap = text(files, 'charts/heatmap.svg');
    expect(markGroups(heatmap).find((g) => g.name.startsWith('layer_0'))?.items).toBe(24); // all grey
    expect(markGroups(heatmap).find((g) => g.name.startsWith('layer_1'))?.items).toBe(0);
    // No arrivals: cost per contact is undefined, so the breakdown shows total cost.
    expect(roleTexts(text(files, 'charts/cost.svg'), 'axis-title')).toEqual(['Total cost']);
    expect(text(files, 'charts/ttr.svg')).toContain('No resolved cases');
    const html = text(files, 'report.html');
    expect(html).toContain('<div class="value">–</div>');
  });
});

describe('a run of a single interval', () => {
  const s = scenario({ horizon: { start: '2026-01-05', days: 1 / 24, interval_minutes: 60, warmup_hours: 0 } });
  const result = simulate(s);

  it('draws one bar, one service-level dot and one heatmap cell', async () => {
    expect(result.by_interval.length).toBe(1);
    const files = await drawn({ kind: 'simulate', scenario: s, result });
    const intraday = text(files, 'charts/intraday.svg');
    expect(countItems(intraday, 'rect')).toBe(1);
    expect(countItems(intraday, 'symbol')).toBe(1);
    expect(countItems(text(files, 'charts/heatmap.svg'), 'text')).toBe(1);
    expect(text(files, 'report.html')).toContain('1 hour from 2026-01-05');
  });
});

describe('a result with no interval at all', () => {
  it('says so instead of drawing empty axes', async () => {
    const { scenario: s, result } = runBank(14, 1, { horizon: { start: '2026-01-05', days: 1 / 24, interval_minutes: 60, warmup_hours: 0 } });
    const files = await drawn({ kind: 'simulate', scenario: s, result: { ...result, by_interval: [] } });
    expect(text(files, 'charts/intraday.svg')).toContain('No intervals to show');
    expect(text(files, 'charts/heatmap.svg')).toContain('No intervals to show');
    expect(text(files, 'report.html')).toContain('No intervals were reported');
  });
});

describe('a comparison of a single plan without replications', () => {
  it('draws one bar per panel and no whiskers', async () => {
    const { plans, compare } = compareBank([14], 1);
    expect(compare.plans[0]!.ci95).toBeNull();
    const files = await drawn({ kind: 'compare', plans, compare });
    const svg = text(files, 'charts/compare.svg');
    expect(countItems(svg, 'rect')).toBe(4);
    expect(countItems(svg, 'rule')).toBe(1); // no whisker: only the service-level target line
    expect(svg).toContain('Single runs: no intervals');
    expect(countItems(text(files, 'charts/cost.svg'), 'rect')).toBe(4);
  });

  it('copes with a plan whose figures are all undefined', async () => {
    const { plans, compare } = compareBank([14], 1);
    const empty = { name: 'closed', totals: emptyMetrics(), ci95: null };
    const files = await drawn({ kind: 'compare', plans, compare: { ...compare, plans: [...compare.plans, empty] } });
    // The undefined plan has no bar in any panel, and cost falls back to totals for both.
    expect(countItems(text(files, 'charts/compare.svg'), 'rect')).toBe(4);
    expect(roleTexts(text(files, 'charts/cost.svg'), 'axis-title')).toEqual(['Total cost']);
  });
});

describe('sweeps', () => {
  it('draws a single grid point', async () => {
    const { scenario: s, sweep } = sweepBank([14], 1);
    const files = await drawn({ kind: 'sweep', scenario: s, sweep });
    expect(countItems(text(files, 'charts/frontier-service-level.svg'), 'symbol')).toBe(1);
    expect(text(files, 'charts/frontier-service-level.svg')).toContain('1 grid point;');
  });

  it('leaves out points whose figures are undefined, and says how many', async () => {
    const { scenario: s, sweep } = sweepBank([12, 14], 1);
    const rows = [...sweep.rows, { point: { 'agent_groups[generalists].agents': 0 }, totals: emptyMetrics(), ci95: null }];
    const files = await drawn({ kind: 'sweep', scenario: s, sweep: { ...sweep, rows } });
    const svg = text(files, 'charts/frontier-service-level.svg');
    expect(countItems(svg, 'symbol')).toBe(2);
    expect(svg).toContain('1 without a defined value not shown');
  });

  it('draws a message when no point can be placed', async () => {
    const { svg, warnings } = await renderChart(frontierSpec({ rows: [{ point: { a: 1 }, totals: emptyMetrics(), ci95: null }], measure: 'fcr' }), { png: false });
    expect(warnings).toEqual([]);
    expect(svg).toContain('No grid point has both figures defined');
  });

  it('labels grid points with the shortest path suffix that keeps them apart', () => {
    expect(pointLabels([{ 'agent_groups[team].agents': 40, 'routing.policy': 'skill_based' }])).toEqual(['agents=40, policy=skill_based']);
    expect(pointLabels([{ 'agent_groups[a].agents': 1, 'agent_groups[b].agents': 2 }])).toEqual(['agent_groups[a].agents=1, agent_groups[b].agents=2']);
    expect(pointLabels([{}])).toEqual(['']);
  });
});
