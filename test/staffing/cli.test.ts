import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { runCcsim, type CliRun } from '../helpers/cli.ts';


let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-staff-'));
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);

const SCENARIO = `
name: Staff me
seed: 4
horizon: { days: 0.25, interval_minutes: 30, warmup_hours: 1 }
service_level: { threshold_seconds: 20, target: 0.8, max_abandon_rate: 0.05 }
contact_types:
  - id: calls
    arrivals: { per_hour: [60, 60, 60, 80, 120, 160, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60] }
    handle_time: { distribution: lognormal, mean_minutes: 3, cv: 0.8 }
    patience: { distribution: exponential, mean_seconds: 120 }
agent_groups:
  - id: team
    skills: { calls: 1 }
    agents: 3
    hourly_cost: 25
    shrinkage: 0.25
`;

function write(name: string, text: string): string {
  writeFileSync(join(cwd, name), text);
  return name;
}

describe('ccsim staff', () => {
  it('--json prints {intervals, headcount, cost_total} on stdout and nothing else, and writes the run folder', () => {
    const file = write('staff-me.yaml', SCENARIO);
    // --no-charts: the JSON and the tables are checked here; run4 below draws a staff run's charts.
    const r = ccsim('staff', file, '--json', '--out', 'run1', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      intervals: Array<{ start: string; required: Record<string, { analytic: number; simulated: number }>; service_level: number | null }>;
      headcount: Record<string, number>;
      cost_total: number;
    };
    expect(Object.keys(json).slice(0, 3)).toEqual(['intervals', 'headcount', 'cost_total']);
    expect(json.intervals).toHaveLength(12);
    for (const iv of json.intervals) {
      expect(iv.start).toMatch(/^2026-01-05T\d\d:\d\d$/);
      expect(Object.keys(iv.required)).toEqual(['team']);
      expect(Number.isInteger(iv.required['team']!.analytic)).toBe(true);
      expect(Number.isInteger(iv.required['team']!.simulated)).toBe(true);
      expect(iv.service_level === null || (iv.service_level >= 0 && iv.service_level <= 1)).toBe(true);
    }
    // The warm-up (first two intervals) has no figures; the rest have.
    expect(json.intervals[0]!.service_level).toBeNull();
    expect(json.intervals[5]!.service_level).not.toBeNull();
    const peak = Math.max(...json.intervals.map((iv) => iv.required['team']!.simulated));
    expect(json.headcount).toEqual({ team: Math.ceil(peak / 0.75) });
    expect(json.cost_total).toBeGreaterThan(0);

    for (const f of ['staffing.json', 'staffing.csv', 'staffed.yaml']) expect(existsSync(join(cwd, 'run1', f))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'run1', 'staffing.json'), 'utf8'))).toEqual(json);
    const csv = readFileSync(join(cwd, 'run1', 'staffing.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('start,offered_expected,checked,team_analytic,team_simulated,team_scheduled,service_level,service_level_ci95,abandon_rate,asa_seconds,occupancy,meets');
    expect(csv).toHaveLength(12 + 2);
  }, 120_000);

  it('staffed.yaml is the scenario with the staffing found, ready to simulate', () => {
    const staffed = loadScenario(join(cwd, 'run1', 'staffed.yaml')).scenario;
    const json = JSON.parse(readFileSync(join(cwd, 'run1', 'staffing.json'), 'utf8')) as { intervals: Array<{ required: Record<string, { simulated: number }> }> };
    expect(staffed.agent_groups[0]!.staffing).toEqual({ kind: 'by_interval', agents: json.intervals.map((iv) => iv.required['team']!.simulated) });
    const original = loadScenario(join(cwd, 'staff-me.yaml')).scenario;
    const { source: _a, agent_groups: ga, ...restStaffed } = staffed;
    const { source: _b, agent_groups: gb, ...restOriginal } = original;
    expect(restStaffed).toEqual(restOriginal);
    expect({ ...ga[0]!, staffing: null }).toEqual({ ...gb[0]!, staffing: null });

    const r = ccsim('simulate', join('run1', 'staffed.yaml'), '--json', '--replications', '2', '--jobs', '1', '--out', 'run2', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { totals: { offered: number } }).totals.offered).toBeGreaterThan(0);
  }, 120_000);

  it('prints a summary and writes the table with analytic and simulated agents side by side to staffing.txt', () => {
    const r = ccsim('staff', 'staff-me.yaml', '--out', 'run3', '--quiet', '--no-charts'); // only stdout is checked: no charts (~1.5 CPU-s)
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const t = ccsim('staff', 'staff-me.yaml', '--out', 'run4');
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toContain('Staffing: Staff me');
    // The terminal gets the summary (per group, per day); the per-interval table goes to a file.
    expect(t.stdout).not.toContain('2026-01-05 05:30');
    expect(t.stdout).toMatch(/headcount/);
    expect(t.stdout).toMatch(/staffed\.yaml \(interval plan\): service level on 20 fresh replications/);
    expect(t.stdout).toMatch(/Mon 2026-01-05/);
    expect(readFileSync(join(cwd, 'run4', 'staffing.txt'), 'utf8')).toContain('2026-01-05 05:30');
    expect(t.stdout).toContain('Wrote run4/');
  }, 120_000);

  it('`ccsim report` on a staff folder says plainly why it cannot rebuild it (exit code 2, no stack trace)', () => {
    const before = readFileSync(join(cwd, 'run1', 'report.html'), 'utf8');
    const r = ccsim('report', 'run1');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a `ccsim staff` folder cannot be rebuilt: its report is drawn from the search's simulation of the plan, which the folder does not keep/);
    expect(r.stderr).toMatch(/ccsim simulate run1\/staffed\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing in the folder was touched.
    expect(readFileSync(join(cwd, 'run1', 'report.html'), 'utf8')).toBe(before);
  });

  it('refuses caps that no staffing can meet (exit code 2, the field named)', () => {
    const cases: Array<[string, RegExp]> = [
      ['target: 0.8, max_occupancy: 0', /service_level\.max_occupancy: expected a share above 0/],
      ['target: 0.8, max_asa_seconds: 0', /service_level\.max_asa_seconds: expected a number above 0/],
      ['target: 0.8, max_abandon_rate: 0', /service_level\.max_abandon_rate: expected a share above 0/],
      ['target: 1', /service_level\.target: expected a share below 1/],
      ['target: 0.8, max_occupancy: 1.5', /max_occupancy/],
      ['target: 0.8, max_asa_seconds: -3', /max_asa_seconds/],
    ];
    for (const [cap, message] of cases) {
      const file = write('bad-cap.yaml', SCENARIO.replace('target: 0.8, max_abandon_rate: 0.05', cap));
      const r = ccsim('staff', file, '--out', 'never');
      expect(r.status, `${cap}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('internal error');
      expect(existsSync(join(cwd, 'never'))).toBe(false);
    }
  }, 120_000);
});
