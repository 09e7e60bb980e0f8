/** `ccsim fit` end to end: stdout, --out and its report files, --map, --strict, --json, exit codes. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { syntheticHistory } from './synthetic.ts';
import { expectUserError, runCcsim, type CliRun } from '../helpers/cli.ts';

let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-fit-'));
  const { csv } = syntheticHistory({
    seed: 'cli',
    start: '2026-02-02',
    end: '2026-03-29',
    intervalMinutes: 60,
    queues: [
      {
        name: 'Billing',
        per_day: 300,
        by_hour: [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0],
        by_weekday: [1.2, 1.1, 1, 1, 1, 0.5, 0.2],
        by_month: [1, 1.1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        by_date: {},
        cv: 0.05,
        aht_mean: 240,
        aht_cv: 0.7,
        patience_mean: 90,
        wait_mean: 30,
        agents: 8,
      },
    ],
  });
  writeFileSync(join(cwd, 'history.csv'), csv);
  // The same data as an export with other column names.
  const renamed = csv.replace(/^.*\n/, 'Day,Slot,Skill,Calls In,Answered,Abandoned,AHT,ASA,Agents\n');
  writeFileSync(join(cwd, 'export.csv'), renamed);
  writeFileSync(join(cwd, 'bad.csv'), csv.replace(/\n2026-02-03,09:00,Billing,\d+/, '\n2026-02-03,09:00,Billing,-4'));
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);

function lineOf(file: string, prefix: string): number {
  return readFileSync(join(cwd, file), 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('ccsim fit', () => {
  it('prints the scenario YAML on stdout and the fit report on stderr', () => {
    const r = ccsim('fit', 'history.csv');
    expect(r.status, r.stderr).toBe(0);
    const { scenario } = parseScenario(r.stdout, 'fitted.yaml');
    expect(scenario.contact_types[0]!.id).toBe('billing');
    expect(scenario.horizon.interval_minutes).toBe(60);
    // Staffed agents from the agents column.
    expect(scenario.agent_groups[0]!.staffing).toEqual({ kind: 'hourly', agents: new Array<number>(24).fill(8) });
    expect(r.stderr).toContain('# Fit report: history.csv');
    expect(r.stderr).toContain('### By hour and weekday');
  });

  // The chart written beside them is fit-chart.test.ts's: drawing it here again would double the
  // cost of this test (vega and resvg load in every run) and check nothing more.
  it('--out writes the YAML and the report beside it, and refuses to replace them without --force', () => {
    const r = ccsim('fit', 'history.csv', '--out', 'plan.yaml', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^billing: per_day /m);
    for (const f of ['plan.yaml', 'plan.fit.md', 'plan.fit.json']) expect(existsSync(join(cwd, f)), f).toBe(true);
    const report = JSON.parse(readFileSync(join(cwd, 'plan.fit.json'), 'utf8')) as { rows: { read: number } };
    expect(report.rows.read).toBe(56 * 24);

    const again = ccsim('fit', 'history.csv', '--out', 'plan.yaml', '--no-charts');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/plan\.yaml, .*already exist; add --force/);
    expect(ccsim('fit', 'history.csv', '--out', 'plan.yaml', '--force', '--no-charts').status).toBe(0);
    // --force replaces fit's own files, never the user's: a hand-written plan.yaml or report
    // beside it stays as it is, and nothing is written.
    writeFileSync(join(cwd, 'mine.yaml'), 'my own notes\n');
    const refused = ccsim('fit', 'history.csv', '--out', 'mine.yaml', '--force', '--no-charts');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--out: mine\.yaml was not written by ccsim fit; --force replaces only its own files/);
    expect(readFileSync(join(cwd, 'mine.yaml'), 'utf8')).toBe('my own notes\n');
    expect(existsSync(join(cwd, 'mine.fit.md'))).toBe(false);
    writeFileSync(join(cwd, 'plan.fit.md'), '# my report\n');
    expect(ccsim('fit', 'history.csv', '--out', 'plan.yaml', '--force', '--no-charts').stderr).toMatch(/plan\.fit\.md was not written by ccsim fit/);
    expect(readFileSync(join(cwd, 'plan.fit.md'), 'utf8')).toBe('# my report\n');
    // A pipe of the name is not fit's either (opening it to look would wait for a writer).
    execFileSync('mkfifo', [join(cwd, 'pipe.yaml')]);
    expect(ccsim('fit', 'history.csv', '--out', 'pipe.yaml', '--force', '--no-charts').stderr).toMatch(/pipe\.yaml was not written by ccsim fit/);
  });

  it('--map names columns the aliases miss; a bad --map is exit 2', () => {
    const r = ccsim('fit', 'export.csv', '--map', 'Slot=interval', '--map', 'Calls In=offered');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Columns: Day -> date (alias), Slot -> interval (map), Skill -> queue (alias), Calls In -> offered (map)');
    expect(parseScenario(r.stdout, 'x.yaml').scenario.contact_types[0]!.arrivals.per_day).toBeGreaterThan(0);
    const bad = ccsim('fit', 'export.csv', '--map', 'Slot');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--map: expected COLUMN=FIELD, got 'Slot'/);
  });

  it('bad rows are skipped with their lines, or rejected with --strict (exit 2)', () => {
    const line = lineOf('bad.csv', '2026-02-03,09:00,Billing,-4');
    const r = ccsim('fit', 'bad.csv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: bad.csv: skipped 1 of ${56 * 24} rows: 1 negative value`);
    expect(r.stderr).toContain(`bad.csv:${line}: offered is negative: -4`);
    const strict = ccsim('fit', 'bad.csv', '--strict');
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain(`bad.csv:${line}: offered is negative: -4`);
    expect(strict.stderr).not.toContain('    at ');
  });

  it('--json prints the fit report as JSON', () => {
    const r = ccsim('fit', 'history.csv', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { types: Array<{ id: string; arrivals: { per_day: number } }> };
    expect(report.types[0]!.id).toBe('billing');
  });

  it('values too large for any interval are bad rows; volumes beyond a scenario\'s limits are exit 2 (both were an internal error)', () => {
    // Two cells of 1e308 summed to Infinity, and the fitted scenario failed to load.
    writeFileSync(join(cwd, 'huge.csv'), 'date,interval,queue,offered\n2026-01-05,00:00,Care,1e308\n2026-01-06,00:00,Care,1e308\n');
    expectUserError(ccsim('fit', 'huge.csv'), /huge\.csv:2: offered is too large for a count or a duration: 1e308/);
    // 900 million contacts an hour for two weeks: readable numbers, but 21.6 billion a day.
    const rows = Array.from({ length: 14 * 24 }, (_, i) => `2026-01-${String(5 + Math.floor(i / 24)).padStart(2, '0')},${String(i % 24).padStart(2, '0')}:00,Care,900000000`);
    writeFileSync(join(cwd, 'vast.csv'), ['date,interval,queue,offered', ...rows].join('\n') + '\n');
    expectUserError(
      ccsim('fit', 'vast.csv'),
      /vast\.csv: the fitted figures go beyond what a scenario may hold:\n  contact_types\[care\]\.arrivals\.per_day: expected at most 24,000,000 contacts per day, got 21600000000/,
    );
  });

  it('a missing file is exit 2', () => {
    const r = ccsim('fit', 'nope.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.csv: file not found/);
  });
});
