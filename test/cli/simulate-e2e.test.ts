/** `ccsim simulate` and `ccsim validate` end to end, through `node bin/ccsim.mjs`, on a tiny M/M/5. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/types.ts';
import { runCcsim, type CliRun } from '../helpers/cli.ts';


// One voice type at 60 per hour, 3-minute exponential handling, 5 agents: 3 Erlangs on 5 agents.
const TINY = `name: Tiny check
seed: 11
horizon: { days: 0.25, interval_minutes: 60 }
contact_types:
  - id: general
    channel: voice
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { general: 1 }
    agents: 5
`;

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-e2e-'));
  writeFileSync(join(cwd, 'tiny.yaml'), TINY);
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);

const runFolders = (): string[] => (existsSync(join(cwd, 'output')) ? readdirSync(join(cwd, 'output')).sort() : []);

describe('ccsim validate', () => {
  it('reports ok with counts', () => {
    const r = ccsim('validate', 'tiny.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('tiny.yaml: ok (1 contact type, 1 agent group, 0.25 days)\n');
  });

  it('reports a broken scenario with exit 2 and no stack trace', () => {
    writeFileSync(join(cwd, 'broken.yaml'), 'name: broken\ncontact_types: 3\n');
    const r = ccsim('validate', 'broken.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('ccsim simulate', () => {
  it('prints a summary and writes a new run folder', () => {
    const before = runFolders();
    const r = ccsim('simulate', 'tiny.yaml');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Tiny check');
    expect(r.stdout).toContain('seed 11, 0.25 days');
    expect(r.stdout).toContain('Service level');
    expect(r.stdout).toMatch(/general\s+\d/);
    expect(r.stdout).toMatch(
      /Wrote output\/tiny-check-\d{8}-\d{6}(-\d+)?\/ \(summary\.json, intervals\.csv, types\.csv, totals\.csv, metrics\.csv, interval_types\.csv, groups\.csv, interval_groups\.csv, scenario\.json, report\.html, charts\/ \(15 files\)\)\n$/,
    );
    const added = runFolders().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    const dir = join(cwd, 'output', added[0]!);
    expect(readdirSync(dir).sort()).toEqual(['.ccsim-run', 'charts', 'groups.csv', 'interval_groups.csv', 'interval_types.csv', 'intervals.csv', 'metrics.csv', 'report.html', 'scenario.json', 'summary.json', 'totals.csv', 'types.csv']);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.svg')).sort()).toEqual(['cost.svg', 'heatmap.svg', 'intraday.svg', 'ttr-distribution.svg', 'ttr.svg']);
    const result = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Result;
    expect(result.scenario).toBe('Tiny check');
    expect(result.seed).toBe(11);
    // 6 hours at 60-minute intervals: 6 rows plus the header.
    expect(readFileSync(join(dir, 'intervals.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(1 + result.by_interval.length);
    expect(readFileSync(join(dir, 'types.csv'), 'utf8').trimEnd().split('\r\n').map((l) => l.split(',')[0])).toEqual([
      'type',
      'general',
    ]);
  });

  // The tests below check what a run writes besides the charts (the first test checks those), so
  // they pass --no-charts: drawing them costs each run about 1.5 CPU-s, most of this file's time.
  it('never reuses a run folder', () => {
    const before = runFolders().length;
    expect(ccsim('simulate', 'tiny.yaml', '--quiet', '--no-charts').status).toBe(0);
    expect(ccsim('simulate', 'tiny.yaml', '--quiet', '--no-charts').status).toBe(0);
    expect(runFolders()).toHaveLength(before + 2);
  });

  it('--json prints the result and nothing else on stdout; summary.json holds the same', () => {
    const r = ccsim('simulate', 'tiny.yaml', '--json', '--out', 'json-run', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as Result;
    expect(r.stdout.trimEnd()).toBe(JSON.stringify(result, null, 2));
    expect(readFileSync(join(cwd, 'json-run', 'summary.json'), 'utf8')).toBe(r.stdout);
    expect(result.totals.arrivals).toBeGreaterThan(0);
    expect(Object.keys(result.by_type)).toEqual(['general']);
  });

  it('is repeatable: the same seed gives the same result; --seed and --days override', () => {
    // --json alone writes no folder: only stdout is compared here.
    const a = ccsim('simulate', 'tiny.yaml', '--json', '--quiet', '--seed', '5');
    const b = ccsim('simulate', 'tiny.yaml', '--json', '--quiet', '--seed', '5');
    const c = ccsim('simulate', 'tiny.yaml', '--json', '--quiet', '--seed', '6', '--days', '0.5');
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(a.stdout) as Result).seed).toBe(5);
    const other = JSON.parse(c.stdout) as Result;
    expect(other.seed).toBe(6);
    expect(other.by_interval.length).toBe(2 * (JSON.parse(a.stdout) as Result).by_interval.length);
  });

  it('--quiet prints nothing on stdout', () => {
    const r = ccsim('simulate', 'tiny.yaml', '--quiet', '--out', 'quiet-run', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(join(cwd, 'quiet-run', 'summary.json'))).toBe(true);
  });

  it('--replications adds 95% intervals to the summary and the files', () => {
    const r = ccsim('simulate', 'tiny.yaml', '--replications', '3', '--out', 'reps', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('±');
    const result = JSON.parse(readFileSync(join(cwd, 'reps', 'summary.json'), 'utf8')) as Result;
    expect(result.replications).toBe(3);
    expect(result.ci95).toBeDefined();
    expect(readFileSync(join(cwd, 'reps', 'types.csv'), 'utf8')).toContain('service_level_ci95');
  });

  it('refuses a non-empty --out folder before simulating; --force replaces only a run folder', () => {
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'keep.txt'), 'mine');
    const refused = ccsim('simulate', 'tiny.yaml', '--out', 'taken');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--out taken: folder exists and is not empty/);
    expect(refused.stderr).not.toContain('    at ');
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['keep.txt']);

    // Not a ccsim run folder: --force is refused too, and the file is still there.
    const notRun = ccsim('simulate', 'tiny.yaml', '--out', 'taken', '--force', '--no-charts');
    expect(notRun.status).toBe(2);
    expect(notRun.stderr).toMatch(/--out taken: refusing to replace a folder that is not a ccsim run folder/);
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['keep.txt']);

    const first = ccsim('simulate', 'tiny.yaml', '--out', 'run', '--no-charts', '--quiet');
    expect(first.status, first.stderr).toBe(0);
    const forced = ccsim('simulate', 'tiny.yaml', '--out', 'run', '--force', '--no-charts');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('Wrote run/');
    expect(readdirSync(join(cwd, 'run')).sort()).toEqual(['.ccsim-run', 'groups.csv', 'interval_groups.csv', 'interval_types.csv', 'intervals.csv', 'metrics.csv', 'report.html', 'scenario.json', 'summary.json', 'totals.csv', 'types.csv']);
    expect(readdirSync(cwd).filter((f) => f.startsWith('.'))).toEqual([]); // no temporaries left
  });
});
