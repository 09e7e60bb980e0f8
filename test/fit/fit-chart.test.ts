/**
 * The fit report chart: drawn from a fit of synthetic history (two queues, an outlier day), the
 * SVG has a bar and a point per hour (24) and weekday (7) for each queue, its axis titles and
 * legend, and no NaN; the spec survives the report's JSON round trip and empty or null input;
 * `ccsim fit --out` writes the chart files beside the YAML (not with --no-charts) and links the
 * PNG from the markdown report.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitHistory, fitReportJson, fitReportText, type FitResult } from '../../src/fit/index.ts';
import { fitChartSpec, type FitChartInput } from '../../src/report/charts/fit.ts';
import { renderChart, type RenderedChart } from '../../src/report/render.ts';
import { syntheticHistory, type SyntheticQueue } from './synthetic.ts';
import { isPng, markGroups, pngStats, roleTexts } from '../report/svg.ts';
import { runCcsim, type CliRun } from '../helpers/cli.ts';


const SALES: SyntheticQueue = {
  name: 'Sales',
  per_day: 800,
  by_hour: [0, 0, 0, 0, 0, 0, 0, 0, 4, 8, 10, 10, 8, 7, 8, 9, 8, 7, 5, 4, 2, 0, 0, 0],
  by_weekday: [1.2, 1.1, 1.05, 1.0, 0.95, 0.5, 0.2],
  by_month: [1, 1.1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  by_date: { '2026-02-17': 2.5 },
  cv: 0.05,
  aht_mean: 300,
  aht_cv: 0.6,
  patience_mean: 120,
  wait_mean: 40,
};

const TECH: SyntheticQueue = {
  name: 'Tech Support',
  per_day: 200,
  by_hour: [1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 5, 5, 5, 5, 5, 5, 4, 4, 3, 3, 2, 1],
  by_weekday: [1, 1, 1, 1, 1, 0.8, 0.6],
  by_month: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  by_date: {},
  cv: 0,
  aht_mean: 600,
  aht_cv: 1,
  patience_mean: 300,
  wait_mean: 60,
};

let csv: string;
let fit: FitResult;
let chart: RenderedChart;
let cwd: string;

beforeAll(async () => {
  csv = syntheticHistory({ seed: 'fit-chart', start: '2026-02-02', end: '2026-03-29', intervalMinutes: 30, queues: [SALES, TECH] }).csv;
  fit = fitHistory(csv, 'history.csv');
  chart = await renderChart(fitChartSpec({ file: fit.history.file, types: fit.types }));
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-fit-chart-'));
  writeFileSync(join(cwd, 'history.csv'), csv);
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/** Items of the data mark groups of one type. */
function items(svg: string, type: string): number[] {
  return markGroups(svg)
    .filter((g) => g.type === type)
    .map((g) => g.items);
}

describe('fitChartSpec', () => {
  it('draws observed bars and fitted points for 24 hours and 7 weekdays per queue', () => {
    expect(fit.types.map((t) => t.queue)).toEqual(['Sales', 'Tech Support']);
    expect(chart.warnings).toEqual([]);
    // Per queue: an hour panel then a weekday panel, each a bar mark and a line with its points.
    expect(items(chart.svg, 'rect')).toEqual([24, 7, 24, 7]);
    expect(items(chart.svg, 'symbol')).toEqual([24, 7, 24, 7]);
    expect(items(chart.svg, 'line')).toEqual([1, 1, 1, 1]);
  });

  it('has its titles, axis titles and legend, no NaN, and the bundled font', () => {
    const svg = chart.svg;
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).toContain('font-family="DejaVu Sans"');
    // vega draws the queues' titles before the chart's.
    const titles = roleTexts(svg, 'title-text');
    expect(titles).toEqual(['Sales', 'Tech Support', 'Observed vs fitted arrivals']);
    const subtitles = roleTexts(svg, 'title-subtitle');
    expect(subtitles).toHaveLength(3);
    expect(subtitles[2]).toContain('history.csv');
    const outliers = fit.types[0]!.arrivals.by_date.map((d) => d.date);
    expect(outliers).toContain('2026-02-17');
    expect(subtitles[0]).toContain('2026-02-17');
    expect(subtitles[1]).toContain('no outlier days');
    const axes = roleTexts(svg, 'axis-title');
    for (const t of ['Hour of day', 'Contacts per hour', 'Weekday', 'Contacts per day']) {
      expect(axes.filter((a) => a === t), t).toHaveLength(2);
    }
    const legend = roleTexts(svg, 'legend-label');
    expect(legend).toContain('Observed');
    expect(legend).toContain('Fitted');
    expect(isPng(chart.png!)).toBe(true);
    expect(pngStats(chart.png!).inked).toBeGreaterThan(0.02);
  });

  it('draws the same from the JSON report as from the fit', async () => {
    const report = JSON.parse(fitReportJson(fit)) as FitChartInput;
    expect(fitChartSpec(report)).toEqual(fitChartSpec({ file: fit.history.file, types: fit.types }));
  });

  it('is safe with empty, null and non-finite input', async () => {
    for (const input of [{}, { types: null }, { types: [] }, { types: [null] }, { types: [{ id: 'x', arrivals: null }] }] satisfies FitChartInput[]) {
      const r = await renderChart(fitChartSpec(input), { png: false });
      expect(r.warnings).toEqual([]);
      expect(roleTexts(r.svg, 'title-text')).toEqual(['Observed vs fitted arrivals']);
      expect(r.svg).toContain('No queues to show');
    }
    // Daily totals only (no hours), holes and NaN: the weekday panel alone, with what is finite.
    const daily: FitChartInput = {
      types: [
        {
          id: 'mail',
          arrivals: {
            days_used: 10,
            by_date: [null, { date: '2026-01-01', ratio: null }],
            comparison: {
              by_hour: [],
              by_weekday: [
                { label: 'Mon', days: 2, observed: 10, fitted: 11 },
                { label: 'Tue', days: 2, observed: Number.NaN, fitted: null },
                null,
                { label: 'Thu', days: 0, observed: 0, fitted: 0 },
                { label: 'Fri', days: 2, observed: 0, fitted: Infinity },
                { label: 'Sat', days: 1, observed: 0, fitted: 0 },
                { label: 'Sun', days: 1, observed: 0, fitted: 0 },
              ],
            },
          },
        },
      ],
    };
    const r = await renderChart(fitChartSpec(daily), { png: false });
    expect(r.warnings).toEqual([]);
    expect(r.svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(roleTexts(r.svg, 'axis-title')).not.toContain('Hour of day');
    expect(roleTexts(r.svg, 'title-subtitle').join(' ')).toContain('2026-01-01');
    // Bars for the finite observed values (Mon, Fri, Sat, Sun); points for the finite fitted ones.
    expect(items(r.svg, 'rect')).toEqual([4]);
    expect(items(r.svg, 'symbol')).toEqual([3]);
    // All zero: a 0..1 axis, not a degenerate one.
    const zero = fitChartSpec({ types: [{ id: 'z', arrivals: { comparison: { by_weekday: [{ label: 'Mon', days: 1, observed: 0, fitted: 0 }] } } }] });
    const z = await renderChart(zero, { png: false });
    expect(z.warnings).toEqual([]);
    expect(z.svg).not.toMatch(/NaN|Infinity/);
  });
});

describe('the fit report', () => {
  it('links the chart image only when given one', () => {
    expect(fitReportText(fit)).not.toContain('![');
    expect(fitReportText(fit, { chart: 'my plan.fit.png' })).toContain('](my%20plan.fit.png)');
  });
});

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);

describe('ccsim fit --out', () => {
  const CHART_FILES = ['plan.fit.svg', 'plan.fit.png', 'plan.fit.vl.json'];

  it('writes the chart beside the YAML, links it from plan.fit.md, and respects --force', () => {
    const r = ccsim('fit', 'history.csv', '--out', 'plan.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
    for (const f of ['plan.yaml', 'plan.fit.md', 'plan.fit.json', ...CHART_FILES]) expect(existsSync(join(cwd, f)), f).toBe(true);
    expect(r.stderr).toContain('plan.fit.png');
    expect(readFileSync(join(cwd, 'plan.fit.md'), 'utf8')).toContain('](plan.fit.png)');
    const svg = readFileSync(join(cwd, 'plan.fit.svg'), 'utf8');
    expect(items(svg, 'rect')).toEqual([24, 7, 24, 7]);
    expect(svg).not.toMatch(/NaN/);
    expect(isPng(new Uint8Array(readFileSync(join(cwd, 'plan.fit.png'))))).toBe(true);
    const spec = JSON.parse(readFileSync(join(cwd, 'plan.fit.vl.json'), 'utf8')) as { $schema: string };
    expect(spec.$schema).toMatch(/vega-lite/);

    // A chart file alone is enough to refuse without --force.
    for (const f of ['plan.yaml', 'plan.fit.md', 'plan.fit.json', 'plan.fit.vl.json']) rmSync(join(cwd, f));
    const again = ccsim('fit', 'history.csv', '--out', 'plan.yaml');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/plan\.fit\.svg, plan\.fit\.png already exist; add --force/);
    expect(ccsim('fit', 'history.csv', '--out', 'plan.yaml', '--force').status).toBe(0);
  });

  it('--no-charts writes no chart and no link', () => {
    const r = ccsim('fit', 'history.csv', '--out', 'bare.yaml', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['bare.fit.svg', 'bare.fit.png', 'bare.fit.vl.json']) expect(existsSync(join(cwd, f)), f).toBe(false);
    expect(readFileSync(join(cwd, 'bare.fit.md'), 'utf8')).not.toContain('![');
  });
});
