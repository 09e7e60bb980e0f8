/** `ccsim compare`, `sweep` and `merge` end to end, through `node bin/ccsim.mjs`. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCcsim, type CliRun, expectUserError } from '../helpers/cli.ts';


const BASE = `name: Small center
seed: 21
horizon: { days: 0.25, interval_minutes: 60 }
contact_types:
  - id: billing
    arrivals: { per_hour: 70 }
    handle_time: { distribution: exponential, mean_seconds: 200 }
    patience: { distribution: exponential, mean_seconds: 120 }
  - id: sales
    arrivals: { per_hour: 20 }
    handle_time: { distribution: exponential, mean_seconds: 150 }
agent_groups:
  - id: generalists
    skills: { billing: 1, sales: 0.8 }
    agents: 4
    hourly_cost: 30
  - id: sellers
    skills: { sales: 1 }
    agents: 1
    hourly_cost: 35
routing: { policy: longest_idle }
costs: { per_minute_voice: 0.01, per_contact: 0.2 }
`;

const VARIANTS = `base: small.yaml
variants:
  - name: Skill-based + one more
    set:
      routing.policy: skill_based
      agent_groups[generalists].agents: 5
`;

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-exp-cli-'));
  writeFileSync(join(cwd, 'small.yaml'), BASE);
  writeFileSync(join(cwd, 'whatif.yaml'), VARIANTS);
  writeFileSync(join(cwd, 'typo.yaml'), VARIANTS.replace('routing.policy', 'routing.polcy'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);


describe('--jobs does not change results', () => {
  it('simulate --replications 6: --jobs 1 and --jobs 2 print identical JSON', () => {
    const one = ccsim('simulate', 'small.yaml', '--replications', '6', '--jobs', '1', '--json', '--quiet');
    const two = ccsim('simulate', 'small.yaml', '--replications', '6', '--jobs', '2', '--json', '--quiet');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr + two.stderr).toBe(''); // --quiet: no progress, no "Wrote"
    const parsed = JSON.parse(one.stdout) as { replications: number; ci95?: unknown };
    expect(parsed.replications).toBe(6);
    expect(parsed.ci95).toBeDefined();
  });

  it('compare: --jobs 1 and --jobs 2 print identical JSON', () => {
    const one = ccsim('compare', 'whatif.yaml', '--replications', '5', '--jobs', '1', '--json', '--quiet', '--no-charts');
    const two = ccsim('compare', 'whatif.yaml', '--replications', '5', '--jobs', '2', '--json', '--quiet', '--no-charts');
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const parsed = JSON.parse(one.stdout) as { plans: Array<{ name: string; ci95: unknown }>; differences: Array<{ plan: string; baseline: string; metric: string }> };
    expect(parsed.plans.map((p) => p.name)).toEqual(['baseline', 'Skill-based + one more']);
    expect(parsed.differences.map((d) => d.metric)).toEqual([
      'service_level',
      'asa_seconds',
      'abandon_rate',
      'occupancy',
      'fcr',
      'ttr_hours.mean',
      'effort_mean',
      'high_effort_share',
      'cost_per_contact',
      'cost_per_resolution',
      'cost_total',
    ]);
  });
});

describe('ccsim compare', () => {
  it('prints the table and writes compare.json, compare.csv, differences.csv and the report', () => {
    const r = ccsim('compare', 'whatif.yaml', '--replications', '4', '--out', 'cmp');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Skill-based \+ one more − baseline/);
    expect(r.stdout).toMatch(/every target/); // the plan summary
    expect(r.stdout).toMatch(/routing\.policy: skill_based/); // what the variant changes
    expect(r.stdout).toMatch(/Service level/);
    expect(r.stdout).toMatch(/Wrote cmp\/ \(compare\.json, compare\.csv, differences\.csv, .*report\.html.*charts\//);
    expect(readFileSync(join(cwd, 'cmp', 'report.html'), 'utf8')).toMatch(/<html/i);
    const json = JSON.parse(readFileSync(join(cwd, 'cmp', 'compare.json'), 'utf8')) as { replications: number };
    expect(json.replications).toBe(4);
    expect(readFileSync(join(cwd, 'cmp', 'compare.csv'), 'utf8').split('\r\n')[0]).toMatch(/^plan,replications,arrivals,/);
    expect(readFileSync(join(cwd, 'cmp', 'differences.csv'), 'utf8').split('\r\n')[0]).toBe(
      'plan,baseline,metric,mean,ci95,low,high,excludes_zero,ci95_unpaired,verdict',
    );
  });

  it('a bad variant path exits 2 naming the variant and the path', () => {
    expectUserError(ccsim('compare', 'typo.yaml'), /variant 'Skill-based \+ one more': unknown path 'routing\.polcy' \(no key 'polcy'; did you mean 'policy'\?\)/);
  });
});

describe('ccsim sweep and merge', () => {
  const VARY = ['--vary', 'agent_groups[generalists].agents=3..5:1', '--vary', 'routing.policy=skill_based,longest_idle'];

  it('three shards merged give the same sweep.json, sweep.csv, table and workbook as one unsharded run', async () => {
    // --no-charts: the charts would cost each of these four runs about 1.4 CPU-s (the compare
    // test above checks a report with its charts).
    const full = ccsim('sweep', 'small.yaml', ...VARY, '--replications', '2', '--out', 'full', '--no-charts', '--xlsx');
    expect(full.status, full.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const r = ccsim('sweep', 'small.yaml', ...VARY, '--replications', '2', '--shard', `${i}/3`, '--out', `shard-${i}`, '--jobs', String(1 + (i % 2)), '--quiet', '--no-charts');
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = ccsim('merge', 'shard-2', 'shard-3', 'shard-1', '--out', 'merged', '--no-charts', '--xlsx');
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/from 3 shard outputs/);
    for (const f of ['sweep.json', 'sweep.csv']) {
      expect(readFileSync(join(cwd, 'merged', f), 'utf8'), f).toBe(readFileSync(join(cwd, 'full', f), 'utf8'));
    }
    // The table printed (targets and the plan line included), up to the line naming the folder.
    const table = (stdout: string): string => stdout.slice(0, stdout.indexOf('\nWrote '));
    expect(table(full.stdout)).toMatch(/^Small center: sweep of 6 points/);
    expect(table(merged.stdout)).toBe(table(full.stdout));
    // The workbooks hold the same sheets and cells (the files differ in their creation time).
    const cells = async (dir: string): Promise<unknown[]> => {
      const book = new ExcelJS.Workbook();
      const bytes = readFileSync(join(cwd, dir, 'results.xlsx'));
      await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return book.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
    };
    const fullBook = await cells('full');
    expect(fullBook.length).toBeGreaterThan(1);
    expect(await cells('merged')).toEqual(fullBook);
    const doc = JSON.parse(readFileSync(join(cwd, 'full', 'sweep.json'), 'utf8')) as { rows: Array<{ point: Record<string, unknown> }> };
    expect(doc.rows).toHaveLength(6);
    expect(doc.rows[0]!.point).toEqual({ 'agent_groups[generalists].agents': 3, 'routing.policy': 'skill_based' });
  });

  it('sweep --json prints {rows: [{point, totals, ci95}]} on stdout only', () => {
    const r = ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[sellers].agents=1,2', '--replications', '2', '--json', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Array<{ point: unknown; totals: unknown; ci95: unknown }> };
    expect(doc.rows.map((row) => row.point)).toEqual([{ 'agent_groups[sellers].agents': 1 }, { 'agent_groups[sellers].agents': 2 }]);
    expect(doc.rows[0]!.ci95).not.toBeNull();
    // Progress may precede it on a slow machine (runs over a second show progress on stderr).
    expect(r.stderr).toMatch(/^Wrote /m);
  });

  it('bad ranges, bad shard specs and unknown paths exit 2 with what was expected', () => {
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[generalists].agents=5..1:1'), /FROM \(5\) is greater than TO \(1\)/);
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[generalists].agents=1..5:-1'), /STEP must be > 0/);
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agents'), /--vary: expected PATH=FROM\.\.TO:STEP/);
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[generalists].agents=1..5:1', '--shard', '4/3'), /--shard: expected i\/n with whole numbers 1 <= i <= n/);
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[generalists].agents=1..5:1', '--shard', 'half'), /--shard: expected i\/n/);
    expectUserError(ccsim('sweep', 'small.yaml', '--vary', 'agent_groups[nobody].agents=1,2'), /unknown path 'agent_groups\[nobody\]\.agents' \(no item with id 'nobody'/);
    expectUserError(ccsim('sweep', 'small.yaml'), /give at least one --vary/);
    expectUserError(ccsim('merge', 'nowhere'), /merge: nowhere: no such folder or file/);
    // Shard outputs given as bare sweep.json files: merged, but no workbook without a scenario.
    for (const i of [1, 2, 3]) writeFileSync(join(cwd, `bare-${i}.json`), readFileSync(join(cwd, `shard-${i}`, 'sweep.json')));
    expectUserError(ccsim('merge', 'bare-1.json', 'bare-2.json', 'bare-3.json', '--xlsx'), /merge --xlsx: no shard folder holds the scenario\.json/);
    expectUserError(ccsim('simulate', 'small.yaml', '--jobs', '0'), /--jobs: expected an integer >= 1, got '0'/);
    expectUserError(ccsim('simulate', 'small.yaml', '--target-ci', 'service_level'), /--target-ci: expected METRIC=HALFWIDTH/);
  });
});
