import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erlangCExact } from '../analytic/reference.ts';
import { expectUserError, runCcsim, type CliRun } from '../helpers/cli.ts';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-erlang-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);
/** Fewest agents for 80% within 20 s at `load` Erlangs (AHT 180 s), from the exact BigInt Erlang C. */
function fewestExact(load: number): number {
  for (let c = load + 1; ; c++) if (1 - erlangCExact(c, load) * Math.exp((-(c - load) * 20) / 180) >= 0.8) return c;
}
const CLASSIC = ['erlang', '--volume', '100', '--interval-minutes', '30', '--aht', '180', '--target', '0.8', '--threshold', '20'];

describe('ccsim erlang', () => {
  it('prints the published answer as JSON: 14 agents, SL 0.8883, ASA 7.84 s; Erlang A only with --patience', () => {
    const r = ccsim(...CLASSIC, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Record<string, number>>;
    expect(Object.keys(out)).not.toContain('erlang_a');
    const c = out['erlang_c']!;
    expect(c['agents']).toBe(14);
    expect(Math.abs(c['service_level']! - 0.8883)).toBeLessThanOrEqual(1e-4);
    expect(c['asa_seconds']).toBeCloseTo(7.84, 2);
    expect(c['wait_probability']).toBeCloseTo(erlangCExact(14, 10), 12);
    expect(c['occupancy']).toBeCloseTo(10 / 14, 12);
    expect(c['fte']).toBe(14);

    const a = ccsim(...CLASSIC, '--patience', '120', '--shrinkage', '30%', '--json');
    expect(a.status, a.stderr).toBe(0);
    const both = JSON.parse(a.stdout) as Record<string, Record<string, number>>;
    expect(both['erlang_a']!['agents']).toBeLessThan(14);
    expect(both['erlang_a']!['abandon_rate']).toBeGreaterThan(0);
    expect(both['erlang_c']!['fte']).toBeCloseTo(20, 12);
  });

  it('answers the reverse question with --agents, and prints a readable table', () => {
    const r = ccsim(...CLASSIC, '--agents', '13', '--json');
    const out = JSON.parse(r.stdout) as Record<string, Record<string, number | boolean>>;
    expect(out['erlang_c']!['agents']).toBe(13);
    expect(out['erlang_c']!['meets']).toBe(false);
    const t = ccsim(...CLASSIC, '--patience', '120');
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/agents required\s+14\s+12/);
    expect(t.stdout).toMatch(/Erlang A \(patience 120 s\)/);
  });

  it('sizes every interval of a history CSV (the export ccsim fit reads)', () => {
    writeFileSync(
      join(cwd, 'volumes.csv'),
      ['date,interval,queue,offered,aht', '2026-01-05,09:00,sales,100,180', '2026-01-05,09:30,sales,200,180', '2026-01-05,10:00,sales,0,', '2026-01-05,10:30,sales,oops,180'].join('\n') + '\n',
    );
    const r = ccsim('erlang', '--csv', 'volumes.csv', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/skipped 1 of 4 rows/);
    const out = JSON.parse(r.stdout) as { interval_minutes: number; intervals: Array<{ interval: string; erlang_c: { agents: number } }> };
    expect(out.interval_minutes).toBe(30);
    expect(out.intervals.map((i) => [i.interval, i.erlang_c.agents])).toEqual([
      ['09:00', 14],
      ['09:30', fewestExact(20)],
      ['10:00', 0],
    ]);
    const table = ccsim('erlang', '--csv', 'volumes.csv');
    expect(table.stdout).toContain(`3 intervals of 30 min: Erlang C ${((14 + fewestExact(20)) / 2).toFixed(1)} agent-hours`);
    expectUserError(ccsim('erlang', '--csv', 'volumes.csv', '--strict'), /volumes\.csv/);
  });

  it('refuses bad input with exit code 2 and a message naming the flag', () => {
    expectUserError(ccsim('erlang', '--aht', '180'), /--volume N .* or --csv FILE/);
    expectUserError(ccsim('erlang', '--volume', '100'), /--aht/);
    expectUserError(ccsim('erlang', '--volume', '100', '--aht', '180', '--target', '1'), /--target: expected a share in \[0, 1\)/);
    expectUserError(ccsim(...CLASSIC, '--shrinkage', '120%'), /--shrinkage/);
    expectUserError(ccsim(...CLASSIC, '--concurrency', '0'), /--concurrency/);
    expectUserError(ccsim('erlang', '--csv', 'missing.csv'), /missing\.csv: file not found/);
  });
});
