import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import type { Metrics, Result } from '../../src/metrics/types.ts';
import { resultToJson } from '../../src/report/json.ts';
import { displayPath, planRunFolder, slug, timestamp, writeRunFolder } from '../../src/report/run-folder.ts';

function metrics(): Metrics {
  return {
    arrivals: 10, contained: 0, offered: 10, answered: 9, abandoned: 1, transfers: 0,
    service_level: 0.8, asa_seconds: 5, wait_probability: 0.3, abandon_rate: 0.1, aht_seconds: 180,
    occupancy: 0.7, fcr: null, containment_rate: null, repeat_rate: 0,
    ttr_hours: { mean: 0.1, p50: 0.05, p90: 0.2 },
    cases: 10, resolved_cases: 9, lost_cases: 1, open_cases: 0,
    cost_total: 100, cost_per_contact: 10, cost_per_resolution: 11.11, closed: 0,
    effort_mean: 1.4, high_effort_share: 0.02, effort_open_mean: null,
    agents: 2, paid_hours: 4, cost_agents: 100, cost_self_service: 0, cost_telephony: 0, cost_contacts: 0,
    waiting_at_end: 0, in_self_service_at_end: 0, cases_reached: 0, self_service_tried: 0,
  };
}

const result: Result = {
  scenario: 'Retail Bank (Q4)',
  seed: 1,
  replications: 1,
  totals: metrics(),
  by_type: { general: metrics() },
  by_interval: [{ start: '2026-01-05T00:00', ...metrics() }],
};
const files = { 'summary.json': resultToJson(result), 'intervals.csv': 'start\r\n', 'charts/sl.svg': new Uint8Array([60, 62]) };
const now = new Date(2026, 10, 23, 20, 30, 0); // local time 2026-11-23 20:30:00

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-run-folder-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/** Names in a folder, hidden ones included (to catch leftover temporaries). */
const list = (dir: string): string[] => readdirSync(dir).sort();

describe('slug and timestamp', () => {
  it('slugs names to lowercase ASCII and dashes', () => {
    expect(slug('Retail Bank (Q4)')).toBe('retail-bank-q4');
    expect(slug('  Crème brûlée — support  ')).toBe('creme-brulee-support');
    expect(slug('***')).toBe('run');
    expect(slug('x'.repeat(100))).toHaveLength(60);
  });
  it('formats local time as YYYYMMDD-HHMMSS', () => {
    expect(timestamp(now)).toBe('20261123-203000');
    expect(timestamp(new Date(2026, 0, 5, 7, 8, 9))).toBe('20260105-070809');
  });
});

describe('automatic run folder', () => {
  it('is output/<slug>-<timestamp>/ under cwd, written completely', () => {
    const plan = planRunFolder({ name: result.scenario, cwd, now });
    expect(plan.dir).toBe(join(cwd, 'output', 'retail-bank-q4-20261123-203000'));
    expect(existsSync(plan.dir)).toBe(false); // planning creates nothing
    const dir = writeRunFolder(plan, files);
    expect(dir).toBe(plan.dir);
    expect(list(dir)).toEqual(['.ccsim-run', 'charts', 'intervals.csv', 'summary.json']);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(result);
    expect([...readFileSync(join(dir, 'charts', 'sl.svg'))]).toEqual([60, 62]);
    expect(list(join(cwd, 'output'))).toEqual(['retail-bank-q4-20261123-203000']); // no temporary left
    expect(displayPath(dir, cwd)).toBe(`output${sep}retail-bank-q4-20261123-203000${sep}`);
  });

  it('never overwrites an existing run: adds -2, -3', () => {
    const first = writeRunFolder(planRunFolder({ name: 'r', cwd, now }), { 'a.txt': 'first' });
    const second = writeRunFolder(planRunFolder({ name: 'r', cwd, now }), { 'a.txt': 'second' });
    const third = writeRunFolder(planRunFolder({ name: 'r', cwd, now }), { 'a.txt': 'third' });
    expect([first, second, third].map((d) => d.slice(cwd.length + 1))).toEqual([
      join('output', 'r-20261123-203000'),
      join('output', 'r-20261123-203000-2'),
      join('output', 'r-20261123-203000-3'),
    ]);
    expect(readFileSync(join(first, 'a.txt'), 'utf8')).toBe('first');
    expect(readFileSync(join(second, 'a.txt'), 'utf8')).toBe('second');
  });

  it('takes the next free name if another run took the planned one meanwhile (even an empty folder)', () => {
    const plan = planRunFolder({ name: 'r', cwd, now });
    mkdirSync(plan.dir, { recursive: true }); // another process claims the name
    const dir = writeRunFolder(plan, { 'a.txt': 'mine' });
    expect(dir).toBe(`${plan.dir}-2`);
    expect(list(plan.dir)).toEqual([]);
  });

  it('leaves no temporary folder behind when writing fails', () => {
    const plan = planRunFolder({ name: 'r', cwd, now });
    expect(() => writeRunFolder(plan, { '../escape.txt': 'x' })).toThrow(/inside the folder/);
    expect(list(join(cwd, 'output'))).toEqual([]);
    expect(existsSync(join(cwd, 'output', 'escape.txt'))).toBe(false);
  });
});

describe('--out DIR', () => {
  it('creates a new folder (and its parents)', () => {
    const plan = planRunFolder({ name: 'r', out: 'results/run1', cwd });
    const dir = writeRunFolder(plan, { 'a.txt': 'x' });
    expect(dir).toBe(join(cwd, 'results', 'run1'));
    expect(list(join(cwd, 'results'))).toEqual(['run1']);
    expect(displayPath(dir, cwd)).toBe(`results${sep}run1${sep}`);
  });

  it('uses an existing empty folder', () => {
    mkdirSync(join(cwd, 'empty'));
    const dir = writeRunFolder(planRunFolder({ name: 'r', out: 'empty', cwd }), { 'a.txt': 'x' });
    expect(list(dir)).toEqual(['.ccsim-run', 'a.txt']);
  });

  it('refuses an existing non-empty folder without --force', () => {
    mkdirSync(join(cwd, 'full'));
    writeFileSync(join(cwd, 'full', 'old.txt'), 'old');
    expect(() => planRunFolder({ name: 'r', out: 'full', cwd })).toThrow(UserError);
    expect(() => planRunFolder({ name: 'r', out: 'full', cwd })).toThrow(/--out full: folder exists and is not empty.*--force/);
    expect(list(join(cwd, 'full'))).toEqual(['old.txt']);
  });

  it('re-checks at write time: a folder filled after planning is not replaced', () => {
    const plan = planRunFolder({ name: 'r', out: 'late', cwd });
    mkdirSync(join(cwd, 'late'));
    writeFileSync(join(cwd, 'late', 'old.txt'), 'old');
    expect(() => writeRunFolder(plan, { 'a.txt': 'x' })).toThrow(UserError);
    expect(list(join(cwd, 'late'))).toEqual(['old.txt']);
    expect(list(cwd)).toEqual(['late']); // no temporary left
  });

  it('replaces an earlier run folder with --force, old files gone, nothing left beside it', () => {
    writeRunFolder(planRunFolder({ name: 'r', out: 'full', cwd }), { 'old.txt': 'old' });
    const plan = planRunFolder({ name: 'r', out: 'full', force: true, cwd });
    const dir = writeRunFolder(plan, { 'a.txt': 'new' });
    expect(list(dir)).toEqual(['.ccsim-run', 'a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new');
    expect(list(cwd)).toEqual(['full']);
  });

  it('refuses a file, even with --force', () => {
    writeFileSync(join(cwd, 'afile'), 'x');
    expect(() => planRunFolder({ name: 'r', out: 'afile', force: true, cwd })).toThrow(/not a folder/);
  });

  it('refuses to --force-replace the working directory or a folder holding it', () => {
    writeFileSync(join(cwd, 'keep.txt'), 'x');
    expect(() => planRunFolder({ name: 'r', out: '.', force: true, cwd })).toThrow(/refusing/);
    const inner = join(cwd, 'a', 'b');
    mkdirSync(inner, { recursive: true });
    expect(() => planRunFolder({ name: 'r', out: '..', force: true, cwd: inner })).toThrow(/refusing/);
    expect(existsSync(join(cwd, 'keep.txt'))).toBe(true);
  });
});
