/**
 * Every chart drawn from real (short) runs: a simulation of a small bank with replications, a
 * comparison of three staffing plans and a sweep over four agent counts. Each SVG is checked for
 * its marks (one item per data point), its axis titles and legend, and for the absence of NaN;
 * each PNG for its signature and for ink (not blank), with text drawn by the bundled font.
 */

import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpecs, type ChartEntry, type ReportInput } from '../../src/report/report-files.ts';
import { renderChart, svgToPng, type RenderedChart } from '../../src/report/render.ts';
import { emptyChart } from '../../src/report/charts/common.ts';
import { weekdayHourCells } from '../../src/report/charts/heatmap.ts';
import { paretoFront } from '../../src/report/charts/frontier.ts';
import { compareBank, runBank, sweepBank } from './fixtures.ts';
import { countItems, isPng, markGroups, pngSize, pngStats, roleTexts } from './svg.ts';

interface Drawn {
  entry: ChartEntry;
  chart: RenderedChart;
}

async function drawAll(input: ReportInput): Promise<Map<string, Drawn>> {
  const out = new Map<string, Drawn>();
  for (const entry of chartSpecs(input)) out.set(entry.name, { entry, chart: await renderChart(entry.spec) });
  return out;
}

function get(charts: Map<string, Drawn>, name: string): RenderedChart {
  const d = charts.get(name);
  if (d === undefined) throw new Error(`no chart ${name}`);
  return d.chart;
}

/** Items of the mark groups whose vega name starts with `prefix` (e.g. `concat_1_layer_1`). */
function itemsNamed(svg: string, type: string, prefix: string): number {
  return markGroups(svg)
    .filter((g) => g.type === type && g.name.startsWith(prefix))
    .reduce((n, g) => n + g.items, 0);
}

const AGENTS = [12, 14, 16];
const GRID = [10, 12, 14, 16];

let simulateInput: Extract<ReportInput, { kind: 'simulate' }>;
let compareInput: Extract<ReportInput, { kind: 'compare' }>;
let sweepInput: Extract<ReportInput, { kind: 'sweep' }>;
let sim: Map<string, Drawn>;
let cmp: Map<string, Drawn>;
let swp: Map<string, Drawn>;

beforeAll(async () => {
  simulateInput = { kind: 'simulate', ...runBank(14, 2) };
  compareInput = { kind: 'compare', ...compareBank(AGENTS, 2) };
  sweepInput = { kind: 'sweep', ...sweepBank(GRID, 2) };
  sim = await drawAll(simulateInput);
  cmp = await drawAll(compareInput);
  swp = await drawAll(sweepInput);
});

describe('every chart', () => {
  it('has the expected charts per kind of run', () => {
    expect([...sim.keys()]).toEqual(['intraday', 'heatmap', 'cost', 'ttr', 'ttr-distribution']);
    expect([...cmp.keys()]).toEqual(['differences', 'compare', 'cost', 'tradeoff', 'ttr']);
    expect([...swp.keys()]).toEqual(['frontier-service-level', 'frontier-fcr', 'tradeoff', 'cost']);
  });

  it('renders without warnings, NaN or external references, with the bundled font named', () => {
    for (const charts of [sim, cmp, swp]) {
      for (const [name, { chart, entry }] of charts) {
        expect(chart.warnings, name).toEqual([]);
        expect(chart.svg, name).toMatch(/^<svg /);
        expect(chart.svg, name).not.toMatch(/NaN|Infinity|undefined/);
        expect(chart.svg, name).not.toMatch(/(href|src)="https?:/);
        expect(chart.svg, name).toContain('font-family="DejaVu Sans"');
        const title = entry.spec.title;
        const text = typeof title === 'object' && title !== null && 'text' in title ? title.text : title;
        expect(roleTexts(chart.svg, 'title-text'), name).toEqual([text]);
      }
    }
  });

  it('makes a PNG that is not blank, with text drawn by the bundled font', () => {
    for (const charts of [sim, cmp, swp]) {
      for (const [name, { chart }] of charts) {
        const png = chart.png!;
        expect(isPng(png), name).toBe(true);
        const { width, height } = pngSize(png);
        const widthSvg = Number(/width="(\d+(\.\d+)?)"/.exec(chart.svg)?.[1]);
        expect(width, name).toBe(Math.round(widthSvg * 2)); // 2 px per SVG px
        expect(height, name).toBeGreaterThan(100);
        const stats = pngStats(png);
        expect(stats.inked, name).toBeGreaterThan(0.03);
        expect(stats.colours, name).toBeGreaterThan(8);
        expect(stats.dark, name).toBeGreaterThan(0.002); // titles, labels, axes
      }
    }
  });

  it('draws text with the bundled font only (without it, text would silently vanish)', async () => {
    const { svg } = await renderChart(emptyChart('Title', 'A message about nothing'), { png: false });
    const withFont = pngStats(await svgToPng(svg));
    // The control: resvg with no font at all draws no text, so the picture is (nearly) white.
    const bare = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 }, background: 'white' });
    const withoutFont = pngStats(new Uint8Array(bare.render().asPng()));
    expect(withoutFont.dark).toBe(0);
    expect(withFont.dark).toBeGreaterThan(0.001);
  });
});

describe('intraday profile', () => {
  it('has a bar per interval, a dot per interval with a service level, the agents line and one target rule', () => {
    const { svg } = get(sim, 'intraday');
    const r = simulateInput.result;
    const withSl = r.by_interval.filter((iv) => iv.service_level !== null).length;
    expect(r.by_interval.length).toBe(48);
    expect(withSl).toBeGreaterThan(30);
    expect(withSl).toBeLessThan(48); // the first night has no arrivals
    expect(itemsNamed(svg, 'rect', 'concat_0')).toBe(48);
    expect(itemsNamed(svg, 'line', 'concat_0')).toBe(1);
    expect(itemsNamed(svg, 'symbol', 'concat_1')).toBe(withSl);
    expect(itemsNamed(svg, 'area', 'concat_1')).toBe(1); // the 95% band (replicated)
    expect(itemsNamed(svg, 'rule', 'concat_1')).toBe(1);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Arrivals per interval', 'Agents on line', 'Service level']);
    expect(roleTexts(svg, 'legend-label')).toEqual(['Arrivals', 'Agents on line', 'Service level', 'Target']);
    // Over two days the time axis is labelled once per day, on the scenario's clock.
    expect(roleTexts(svg, 'axis-label')).toEqual(expect.arrayContaining(['Mon 05 Jan', 'Tue 06 Jan']));
  });
});

describe('weekday x hour heatmap', () => {
  it('has one cell and one label per weekday and hour covered; empty hours are grey', () => {
    const { svg } = get(sim, 'heatmap');
    const cells = weekdayHourCells(simulateInput.result);
    expect(cells.length).toBe(48); // Mon and Tue, 24 hours each
    const empty = cells.filter((c) => c.service_level === null).length;
    expect(empty).toBe(6); // Monday 00:00-06:00: nobody calls yet
    expect(itemsNamed(svg, 'rect', 'layer_0')).toBe(empty);
    expect(itemsNamed(svg, 'rect', 'layer_1')).toBe(48 - empty);
    expect(countItems(svg, 'text')).toBe(48);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Hour of day']);
    expect(roleTexts(svg, 'axis-label')).toEqual(expect.arrayContaining(['Mon', 'Tue', '0', '23']));
    expect(roleTexts(svg, 'legend-title')).toEqual(['Service level']);
  });

  it('pools intervals by weekday and hour weighted by offered contacts', () => {
    const base = simulateInput.result;
    const iv = (start: string, offered: number, sl: number | null) => ({ ...base.by_interval[0]!, start, offered, service_level: sl });
    // Two Mondays at 09:xx (30-minute intervals): (10 x 1.0 + 30 x 0.5) / 40 = 0.625.
    const result = {
      ...base,
      by_interval: [iv('2026-01-05T09:00', 10, 1), iv('2026-01-05T09:30', 30, 0.5), iv('2026-01-12T09:00', 0, null), iv('2026-01-06T10:00', 0, null)],
    };
    const cells = weekdayHourCells(result);
    expect(cells).toEqual([
      { weekday: 0, day: 'Mon', hour: 9, offered: 40, service_level: 0.625 },
      { weekday: 1, day: 'Tue', hour: 10, offered: 0, service_level: null },
    ]);
  });
});

describe('plan comparison', () => {
  it('has a bar and an error bar per plan in each of the four panels', () => {
    const { svg } = get(cmp, 'compare');
    for (let panel = 0; panel < 4; panel++) {
      expect(itemsNamed(svg, 'rect', `concat_${panel}_layer_0`)).toBe(AGENTS.length);
      expect(itemsNamed(svg, 'rule', `concat_${panel}_layer_2`)).toBe(AGENTS.length); // whiskers
      expect(itemsNamed(svg, 'text', `concat_${panel}_layer_1`)).toBe(AGENTS.length); // value labels
    }
    expect(roleTexts(svg, 'axis-title')).toEqual(['Service level', 'First-contact resolution', 'Mean time to resolution (h)', 'Cost per contact']);
    expect(roleTexts(svg, 'axis-label')).toEqual(expect.arrayContaining(['12 agents', '14 agents', '16 agents']));
  });
});

describe('cost against effort and FCR (trade-off)', () => {
  it('has a point, a horizontal and a vertical 95% interval and a label per plan in both panels', () => {
    const { svg } = get(cmp, 'tradeoff');
    for (let panel = 0; panel < 2; panel++) {
      expect(itemsNamed(svg, 'rule', `concat_${panel}_layer_0`)).toBe(AGENTS.length); // cost interval
      expect(itemsNamed(svg, 'rule', `concat_${panel}_layer_1`)).toBe(AGENTS.length); // effort / FCR interval
      expect(itemsNamed(svg, 'symbol', `concat_${panel}_layer_2`)).toBe(AGENTS.length);
      expect(itemsNamed(svg, 'text', `concat_${panel}_layer_3`)).toBe(AGENTS.length);
    }
    expect(roleTexts(svg, 'axis-title')).toEqual(['Cost per contact', 'Customer effort (1-7, low is good)', 'Cost per contact', 'First-contact resolution']);
  });

  it('has one point per grid point of a sweep', () => {
    const { svg } = get(swp, 'tradeoff');
    expect(itemsNamed(svg, 'symbol', 'concat_0_layer_2')).toBe(GRID.length);
    expect(itemsNamed(svg, 'symbol', 'concat_1_layer_2')).toBe(GRID.length);
  });
});

describe('cost breakdown', () => {
  it('stacks agents, self-service, telephony and per-contact fees per plan, labelled with the total', () => {
    const { svg } = get(cmp, 'cost');
    expect(itemsNamed(svg, 'rect', 'layer_0')).toBe(AGENTS.length * 4);
    expect(itemsNamed(svg, 'text', 'layer_1')).toBe(AGENTS.length);
    expect(roleTexts(svg, 'legend-label')).toEqual(['Agents', 'Self-service', 'Telephony', 'Per-contact fees']);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Cost per contact']);
    // The totals printed on the bars are the plans' cost per contact.
    const printed = [...svg.matchAll(/<g class="mark-text role-mark layer_1_marks"[^>]*>([\s\S]*?)<\/g>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]),
    );
    expect(printed).toEqual(compareInput.compare.plans.map((p) => p.totals.cost_per_contact!.toFixed(2)));
  });

  it('for a run: all contacts and each contact type', () => {
    const { svg } = get(sim, 'cost');
    expect(itemsNamed(svg, 'rect', 'layer_0')).toBe(3 * 4);
    expect(roleTexts(svg, 'axis-label')).toEqual(expect.arrayContaining(['All contacts', 'general', 'billing']));
  });
});

describe('time to resolution', () => {
  it('has a median-to-p90 bar and three markers per plan', () => {
    const { svg } = get(cmp, 'ttr');
    expect(itemsNamed(svg, 'rect', 'layer_0')).toBe(AGENTS.length);
    expect(itemsNamed(svg, 'symbol', 'layer_1')).toBe(AGENTS.length * 3);
    expect(roleTexts(svg, 'axis-title')).toEqual(['Hours']);
    expect(roleTexts(svg, 'legend-label')).toEqual(['Median (p50)', 'Mean', '90th percentile']);
  });
});

describe('sweep frontier', () => {
  it('has one point per grid point, the front joined by a line and labelled', () => {
    for (const [name, measure] of [['frontier-service-level', 'service_level'], ['frontier-fcr', 'fcr']] as const) {
      const { svg } = get(swp, name);
      const rows = sweepInput.sweep.rows;
      const front = paretoFront(rows.map((r) => ({ cost: r.totals.cost_per_contact!, value: r.totals[measure]! })));
      expect(itemsNamed(svg, 'symbol', 'layer_1'), name).toBe(GRID.length);
      expect(itemsNamed(svg, 'line', 'layer_0'), name).toBe(1);
      expect(itemsNamed(svg, 'text', 'layer_2'), name).toBe(front.filter(Boolean).length);
      expect(roleTexts(svg, 'axis-title'), name).toEqual(['Cost per contact', measure === 'fcr' ? 'First-contact resolution' : 'Service level']);
      expect(roleTexts(svg, 'legend-label'), name).toEqual(['Pareto front', 'Dominated']);
    }
    // Grid points are labelled with the varied field's last segment.
    expect(get(swp, 'frontier-service-level').svg).toContain('agents=10');
  });

  it('marks the Pareto front: minimise cost, maximise the measure', () => {
    const points = [
      { cost: 1, value: 0.5 }, // cheapest: front
      { cost: 2, value: 0.7 }, // front
      { cost: 2.5, value: 0.6 }, // dominated by (2, 0.7)
      { cost: 3, value: 0.9 }, // front
      { cost: 3, value: 0.9 }, // a tie: both on the front
      { cost: 4, value: 0.9 }, // as good, dearer: dominated
    ];
    expect(paretoFront(points)).toEqual([true, true, false, true, true, false]);
    expect(paretoFront([])).toEqual([]);
  });
});
