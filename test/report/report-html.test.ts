/**
 * report.html and the report files: self-contained (no script, no URL, no external file), the
 * headline figures with intervals, the charts inline with distinct SVG ids, the key assumptions,
 * the table of figures, A4 print rules, HTML escaping; `--no-charts`; and `ccsim report DIR`
 * rebuilding a saved run folder (library and command line).
 */

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunInput, reportFiles, rewriteReport, savedInputFiles, type ReportInput } from '../../src/report/report-files.ts';
import { escapeHtml, prefixSvgIds } from '../../src/report/html.ts';
import { resultToJson } from '../../src/report/json.ts';
import { planRunFolder, writeRunFolder } from '../../src/report/run-folder.ts';
import { compareBank, runBank, sweepBank } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/ccsim.mjs', import.meta.url));
const ERLANG_C = fileURLToPath(new URL('../../scenarios/erlang-c.yaml', import.meta.url));

let tmp: string;
let simulateInput: Extract<ReportInput, { kind: 'simulate' }>;
let compareInput: Extract<ReportInput, { kind: 'compare' }>;
let sweepInput: Extract<ReportInput, { kind: 'sweep' }>;
let simHtml: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ccsim-report-'));
  const bank = runBank(14, 2);
  simulateInput = { kind: 'simulate', scenario: { ...bank.scenario, name: 'Bank <b>&</b> "Co"' }, result: { ...bank.result, scenario: 'Bank <b>&</b> "Co"' } };
  compareInput = { kind: 'compare', ...compareBank([12, 16], 2) };
  sweepInput = { kind: 'sweep', ...sweepBank([10, 14, 18], 2) };
  simHtml = (await reportFiles(simulateInput, { charts: true }))['report.html'] as string;
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The document with the SVG namespace declarations (not fetched by anything) taken out. */
function withoutNamespaces(html: string): string {
  return html.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
}

describe('report.html', () => {
  it('is self-contained: no script, no link, no URL, no external file', () => {
    for (const tag of ['<script', '<link', '<img', '<iframe', '<object', '@import', '@font-face']) expect(simHtml).not.toContain(tag);
    expect(withoutNamespaces(simHtml)).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|url\((?!#)/i);
    expect(simHtml).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('has the headline figures with their intervals', () => {
    // Labels from the metric catalogue; durations carry their unit in the value (`14.2 s`).
    for (const label of ['Service level', 'ASA', 'Abandon rate', 'Occupancy', 'FCR', 'TTR mean', 'Cost per contact']) {
      expect(simHtml).toContain(`<div class="label">${escapeHtml(label)}</div>`);
    }
    const asa = simulateInput.result.totals.asa_seconds!;
    expect(simHtml).toMatch(new RegExp(`<div class="label">ASA</div><div class="value">${asa < 120 ? `${asa.toFixed(1)} s` : `${(asa / 60).toFixed(1)} min`}</div>`));
    const sl = simulateInput.result.totals.service_level!;
    const half = simulateInput.result.ci95!.totals.service_level!;
    expect(simHtml).toContain(`<div class="value">${(sl * 100).toFixed(1)}%</div><div class="ci">±${(half * 100).toFixed(1)} pp (95%)</div>`);
    expect(simHtml).toMatch(/target 80\.0% within 20 s: <strong class="(met|missed)">/);
  });

  it('has every chart inline, captioned, with ids that no two charts share', () => {
    expect((simHtml.match(/<figure /g) ?? []).length).toBe(5);
    expect((simHtml.match(/<svg /g) ?? []).length).toBe(5);
    expect((simHtml.match(/<figcaption>/g) ?? []).length).toBe(5);
    const ids = [...simHtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the key assumptions: volumes, staffing, routing, self-service, costs', () => {
    for (const heading of ['Key assumptions', '<h4>Volumes</h4>', '<h4>Staffing</h4>', '<h4>Self-service</h4>', '>Routing<', '>Costs<', '>Horizon<']) {
      expect(simHtml).toContain(heading);
    }
    expect(simHtml).toContain('1,305 per day by hour profile (peak 130/h)');
    expect(simHtml).toContain('by hour of day: 0–14 agents');
    expect(simHtml).toContain('skill based; a transfer takes 60 s');
    expect(simHtml).toContain('agent overhead 5.00/h; voice 0.020/min; 0.10 per contact');
  });

  it('has a row per interval in the interval table', () => {
    const table = /<table class="intervals">([\s\S]*?)<\/table>/.exec(simHtml)?.[1] ?? '';
    expect((table.match(/<tr>/g) ?? []).length).toBe(1 + simulateInput.result.by_interval.length);
    expect(table).toContain('2026-01-05 00:00');
    expect(table).toContain('2026-01-06 23:00');
  });

  it('prints on A4: page size, no chart or row split across pages, repeated table headers', () => {
    const print = /@media print \{([\s\S]*)\}\s*<\/style>/.exec(simHtml)?.[1] ?? '';
    expect(print).toContain('@page { size: A4');
    expect(print).toMatch(/tr, td, th \{ break-inside: avoid/);
    expect(print).toContain('thead { display: table-header-group; }');
    expect(simHtml).toMatch(/figure \{[^}]*break-inside: avoid/);
  });

  it('escapes what comes from the scenario', () => {
    expect(simHtml).toContain('<h1>Bank &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;</h1>');
    expect(simHtml).not.toContain('<b>&</b>');
  });

  it('for a comparison: plans side by side with intervals, and the paired differences', async () => {
    const html = (await reportFiles(compareInput, { charts: false }))['report.html'] as string;
    expect(html).toContain('<h1>Comparison: 12 agents vs 16 agents</h1>');
    expect(html).toContain('Differences to the baseline');
    // Verdict words by the metric's better direction, not "excludes 0".
    expect(html).toContain('<span class="better">better</span>'); // service level up
    expect(html).toContain('<span class="worse">worse</span>'); // cost per contact up
    expect(html).not.toContain('excludes 0');
    // The baseline's assumptions in full; the other plans only by what they change.
    expect((html.match(/<div class="plan-assumptions">/g) ?? []).length).toBe(1);
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('for a sweep: the grid table with the Pareto front and the cheapest point meeting the target', async () => {
    const html = (await reportFiles(sweepInput, { charts: false }))['report.html'] as string;
    expect(html).toContain('<h1>Sweep: Report test bank</h1>');
    expect(html).toMatch(/Cheapest grid point meeting the service-level target of 80\.0%: <strong>agents=(14|18)<\/strong>/);
    expect((html.match(/<td>●<\/td>/g) ?? []).length).toBeGreaterThan(0);
  });

  it('for a sweep with its plan summary: the sentence, and per point FTE, cost per period and whether it meets the targets', async () => {
    const { scenario, sweep } = sweepInput;
    // Hand-made figures: point 1 meets every target at the lower cost.
    const rows = sweep.rows.map((r, i) => ({ ...r, fte: 10 + i, paid_hours: 400 + 40 * i, cost_per_period: 1000 * (i + 1), meets_targets: i > 0, missed: i > 0 ? [] : ['service_level'] }));
    const last = rows.length - 1;
    const withSummary = { ...sweep, rows, period: 'month' as const, currency: 'EUR', summary: { meeting_targets: rows.slice(1).map((r) => r.index!), best: rows[1]!.index!, period: 'month' as const, currency: 'EUR' } };
    const html = (await reportFiles({ kind: 'sweep', scenario, sweep: withSummary }, { charts: false }))['report.html'] as string;
    expect(html).toContain(`${last} of ${rows.length} grid points meet every target`);
    expect(html).toContain('€2,000 per month, 11.0 FTE, 440 paid hours per month.');
    expect(html).toContain('<th class="num">Cost per month</th>');
    expect(html).toContain('<strong class="met">yes, least cost</strong>');
    expect(html).toContain('<span class="missed">no</span> <span class="ci">(service_level)</span>');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('--no-charts: report.html only, saying so, and no chart library loaded', async () => {
    const files = await reportFiles(simulateInput, { charts: false });
    expect(Object.keys(files)).toEqual(['report.html']);
    expect(files['report.html']).toContain('Charts were not drawn');
    expect(files['report.html']).not.toContain('<svg');
  });

  it('writes each chart as vega-lite JSON, SVG and PNG', async () => {
    const files = await reportFiles(compareInput, { charts: true });
    expect(Object.keys(files).sort()).toEqual([
      'charts/compare.png', 'charts/compare.svg', 'charts/compare.vl.json',
      'charts/cost.png', 'charts/cost.svg', 'charts/cost.vl.json',
      'charts/differences.png', 'charts/differences.svg', 'charts/differences.vl.json',
      'charts/tradeoff.png', 'charts/tradeoff.svg', 'charts/tradeoff.vl.json',
      'charts/ttr.png', 'charts/ttr.svg', 'charts/ttr.vl.json',
      'report.html',
    ]);
    const spec = JSON.parse(files['charts/compare.vl.json'] as string) as { $schema: string };
    expect(spec.$schema).toContain('vega-lite/v6');
  });

  it('keeps SVG ids apart with a prefix', () => {
    const svg = '<svg><defs><linearGradient id="g1"/></defs><rect fill="url(#g1)"/><use href="#g1"/></svg>';
    expect(prefixSvgIds(svg, 'c')).toBe('<svg><defs><linearGradient id="c-g1"/></defs><rect fill="url(#c-g1)"/><use href="#c-g1"/></svg>');
  });
});

describe('rebuilding a saved run folder', () => {
  function save(name: string, input: ReportInput, result: Record<string, string>): string {
    const plan = planRunFolder({ name, out: join(tmp, name) });
    return writeRunFolder(plan, { ...result, ...savedInputFiles(input), 'charts/stale.svg': '<svg/>' });
  }

  it('reads back each kind of run as it was given', () => {
    const sim = save('sim', simulateInput, { 'summary.json': resultToJson(simulateInput.result) });
    expect(readRunInput(sim)).toEqual(simulateInput);
    const cmp = save('cmp', compareInput, { 'compare.json': JSON.stringify(compareInput.compare) });
    expect(readRunInput(cmp)).toEqual(compareInput);
    const swp = save('swp', sweepInput, { 'sweep.json': JSON.stringify(sweepInput.sweep) });
    expect(readRunInput(swp)).toEqual(sweepInput);
  });

  it('replaces report.html and the whole charts folder, leaving no temporary file', async () => {
    const dir = save('rebuild', simulateInput, { 'summary.json': resultToJson(simulateInput.result) });
    rewriteReport(dir, await reportFiles(readRunInput(dir), { charts: true }));
    expect(readdirSync(dir).sort()).toEqual(['.ccsim-run', 'charts', 'report.html', 'scenario.json', 'summary.json']);
    expect(readdirSync(join(dir, 'charts'))).not.toContain('stale.svg');
    expect(readdirSync(join(dir, 'charts')).length).toBe(15);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(simHtml);
  });

  it('says what is missing or wrong', () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    expect(() => readRunInput(dir)).toThrow(/not a ccsim run folder/);
    // A run's files copied into a folder of the user's: refused, so its report.html is not replaced.
    writeFileSync(join(dir, 'summary.json'), '{}');
    expect(() => readRunInput(dir)).toThrow(/not a ccsim run folder \(it has no \.ccsim-run marker, which every run writes\)/);
    writeFileSync(join(dir, '.ccsim-run'), '{}');
    expect(() => readRunInput(dir)).toThrow(/scenario\.json is missing/);
    writeFileSync(join(dir, 'scenario.json'), '{');
    expect(() => readRunInput(dir)).toThrow(/summary\.json: not a simulation result/);
    writeFileSync(join(dir, 'compare.json'), '{"plans": []}');
    expect(() => readRunInput(dir)).toThrow(/plans\.json is missing/);
    expect(() => readRunInput(join(dir, 'nope'))).toThrow(/not a folder/);
  });

  it('ccsim report DIR on the command line, after simulate --no-charts', () => {
    const out = join(tmp, 'cli-run');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    const sim = run('simulate', ERLANG_C, '--days', '0.25', '--out', out, '--no-charts', '--quiet');
    expect(sim.status, sim.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.ccsim-run', 'groups.csv', 'interval_groups.csv', 'interval_types.csv', 'intervals.csv', 'metrics.csv', 'report.html', 'scenario.json', 'summary.json', 'totals.csv', 'types.csv']);
    const before = readFileSync(join(out, 'report.html'), 'utf8');
    expect(before).not.toContain('<svg');

    const rebuilt = run('report', out);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/Wrote .*cli-run\/ \(report\.html, charts\/ \(15 files\)\)\n$/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg');
    expect(existsSync(join(out, 'charts', 'intraday.png'))).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual(['.ccsim-run']); // the marker, no temporaries

    const bad = run('report', join(tmp, 'no-such-folder'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/error: report: .*no-such-folder: not a folder/);
  });
});
