/**
 * `ccsim staff` with shift templates, end to end (issue 11, parts 3 and 6): report.html has a
 * Staffing section with the chart of required against planned agents and the summary tables,
 * formatted by the metric catalogue; staffed-shifts.yaml keeps the weeks and the breaks, and
 * `ccsim simulate` on it logs in the agents the chart says were planned.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { evaluateShifts } from '../../src/staffing/shifts.ts';
import { formatMetric } from '../../src/metrics/format.ts';
import type { StaffingResult } from '../../src/staffing/index.ts';
import { runCcsim } from '../helpers/cli.ts';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-staff-shifts-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

// Two weekdays, calls 08:00-18:00 only (closed at night), an interval plan today and the
// templates the planner may roster: 5 on 2 off with a lunch, and a 4-hour midday shift.
const SCENARIO = `
name: Shift week
seed: 9
horizon: { start: 2026-01-05, days: 2, interval_minutes: 30, warmup_hours: 0 }
service_level: { threshold_seconds: 20, target: 0.8 }
costs: { currency: EUR }
contact_types:
  - id: calls
    arrivals: { per_hour: [0, 0, 0, 0, 0, 0, 0, 0, 60, 90, 100, 100, 110, 100, 90, 90, 80, 60, 0, 0, 0, 0, 0, 0] }
    handle_time: { distribution: exponential, mean_seconds: 240 }
    open_hours: { mon: [["08:00", "18:00"]], tue: [["08:00", "18:00"]], wed: [["08:00", "18:00"]], thu: [["08:00", "18:00"]], fri: [["08:00", "18:00"]] }
agent_groups:
  - id: team
    skills: { calls: 1 }
    agents: [0, 0, 0, 0, 0, 0, 0, 0, 6, 8, 8, 8, 8, 8, 8, 8, 8, 6, 0, 0, 0, 0, 0, 0]
    hourly_cost: 30
    shrinkage: 0.2
    shift_templates:
      - { start: "08:00", hours: 8.5, days_on: 5, breaks: [{ after_hours: 4, minutes: 30, paid: false }] }
      - { start: "09:30", hours: 8.5, days_on: 5, breaks: [{ after_hours: 4, minutes: 30, paid: false }] }
      - { start: "11:00", hours: 4, days: [mon, tue, wed, thu, fri] }
`;

describe('ccsim staff with shift templates', () => {
  let result: StaffingResult;
  let html: string;
  it('writes report.html with the Staffing section, its chart once, and staffed-shifts.yaml with weeks and breaks', () => {
    writeFileSync(join(cwd, 'week.yaml'), SCENARIO);
    const r = runCcsim(cwd, 'staff', 'week.yaml', '--out', 'run', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['report.html', 'charts/staffing.vl.json', 'charts/staffing.svg', 'staffed-shifts.yaml', 'staffing.json']) expect(existsSync(join(cwd, 'run', f)), f).toBe(true);
    result = JSON.parse(readFileSync(join(cwd, 'run', 'staffing.json'), 'utf8')) as StaffingResult;
    html = readFileSync(join(cwd, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<section class="staffing"><h2>Staffing</h2>');
    expect(html.split('id="fig-staffing"').length - 1).toBe(1);
    // The section comes before the interval plan's own figures.
    expect(html.indexOf('<h2>Staffing</h2>')).toBeLessThan(html.indexOf('<h2>Headline figures</h2>'));

    const team = result.shifts['team']!;
    expect(team.method).toBe('integer_program');
    // Every shift written is a template's week: five consecutive days, or one weekday of the 4-hour shift.
    const used = team.shifts.filter((s) => s.agents > 0);
    expect(used.length).toBeGreaterThan(0);
    for (const s of used) expect(s.days.length).toBe(s.template === 2 ? 1 : 5);

    const staffed = loadScenario(join(cwd, 'run', 'staffed-shifts.yaml')).scenario;
    const g = staffed.agent_groups[0]!;
    expect(g.shift_templates?.map((t) => t.start)).toEqual(['08:00', '09:30', '11:00']);
    expect(g.staffing.kind).toBe('shifts');
    const shifts = g.staffing.kind === 'shifts' ? g.staffing.shifts : [];
    for (const s of shifts) {
      if (s.start !== '11:00') expect(s.breaks).toEqual([{ after_hours: 4, minutes: 30, paid: false }]);
    }
  }, 180_000);

  it('the tables read as the catalogue formats them: per group, per day with the 95% interval, the shift plan', () => {
    const team = result.shifts['team']!;
    const group = result.groups['team']!;
    expect(html).toContain(`<td class="num">${formatMetric('paid_hours', team.paid_hours)}</td>`);
    expect(html).toContain(`<td class="num">${formatMetric('cost_agents', team.cost_agents, { currency: 'EUR' }).replace(/&/g, '&amp;')}</td>`);
    expect(html).toContain(`<td class="num">${formatMetric('cost_agents', group.current_cost_agents, { currency: 'EUR' })}</td>`);
    // Headcount of the shift plan: one person per agent on a 5-day week, the busiest day's 4-hour
    // agents (they may work any weekday), grossed up by shrinkage 0.2.
    const weekly = team.shifts.filter((x) => x.template !== 2).reduce((n, x) => n + x.agents, 0);
    const daily = Math.max(0, ...team.shifts.filter((x) => x.template === 2).map((x) => x.agents));
    expect(team.headcount).toBe(Math.ceil((weekly + daily) / 0.8 - 1e-9));
    expect(html).toContain(`<td>team</td><td>shift plan</td><td class="num">${team.headcount}</td>`);
    expect(html).toMatch(/<td>Mon 2026-01-05<\/td><td class="num">\d+\.\d% ±\d+\.\d pp/);
    expect(html).toMatch(/<td>Tue 2026-01-06<\/td>/);
    expect(html).toContain('staffed-shifts.yaml (shift plan)');
    expect(html).toMatch(/<td>08:00<\/td><td class="num">8.5<\/td><td>\w{3}-\w{3}<\/td>/);
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('the chart plots the requirement and what simulate logs in under staffed-shifts.yaml', () => {
    const spec = JSON.parse(readFileSync(join(cwd, 'run', 'charts', 'staffing.vl.json'), 'utf8')) as { data: { values: Array<{ t: number; group: string; series: string; agents: number }> } };
    const series = (name: string): number[] => spec.data.values.filter((v) => v.series === name).map((v) => v.agents);
    const n = result.intervals.length;
    // Required: the search's answer, 0 while closed (18:00-08:00).
    expect(series('Required')).toEqual(result.intervals.map((iv) => (iv.start.slice(11) >= '08:00' && iv.start.slice(11) < '18:00' ? iv.required['team']!.simulated : 0)));
    // Planned: the roster of the shifts written, by its own evaluation here.
    const staffed = loadScenario(join(cwd, 'run', 'staffed-shifts.yaml')).scenario;
    const g = staffed.agent_groups[0]!;
    const planned = evaluateShifts(g.staffing.kind === 'shifts' ? g.staffing.shifts : [], staffed.horizon, 30, n).coverage;
    series('Planned').forEach((x, i) => expect(x).toBeCloseTo(planned[i]!, 9));
    // Current: the hourly plan of the scenario, 2 intervals per hour.
    const hourly = [0, 0, 0, 0, 0, 0, 0, 0, 6, 8, 8, 8, 8, 8, 8, 8, 8, 6, 0, 0, 0, 0, 0, 0];
    expect(series('Current plan')).toEqual(Array.from({ length: n }, (_, i) => hourly[Math.floor((i % 48) / 2)]!));
    // simulate plays the plan: agents logged in per interval as planned (no absence here).
    const r = runCcsim(cwd, 'simulate', join('run', 'staffed-shifts.yaml'), '--replications', '2', '--json', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout) as { by_interval: Array<{ agents: number | null }> };
    // Agents finish the contact in hand before a break or logging out, so the simulator's mean is at least the plan.
    sim.by_interval.forEach((iv, i) => expect(iv.agents ?? 0).toBeGreaterThanOrEqual(planned[i]! - 1e-9));
  }, 120_000);
});
