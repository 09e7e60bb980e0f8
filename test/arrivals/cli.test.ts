import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, runCcsim } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-hours-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = (hours: string) => `name: nights
horizon: { start: 2026-01-05, days: 1, interval_minutes: 60 }
${hours}
contact_types:
  - { id: calls, arrivals: { per_hour: 10 }, handle_time: 60, patience: 60 }
agent_groups:
  - { id: team, skills: { calls: 1 }, shifts: [{ start: "08:00", hours: 12, agents: 3 }] }
`;

describe('ccsim simulate with opening hours', () => {
  it('warns on stderr about the stretches in which contacts are offered to nobody', () => {
    writeFileSync(join(dir, 'open.yaml'), SCENARIO(''));
    const r = runCcsim(dir, 'simulate', 'open.yaml', '--out', 'run1', '--quiet', '--no-charts'); // charts: not what is checked, ~1.5 CPU-s
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: contact type 'calls': contacts are offered while no agent with its skill is logged in");
    expect(r.stderr).toContain('2026-01-05 00:00 to 2026-01-05 08:00 (8 h)');
  });

  it('prints no warning when the hours match the rota, and shows the closed count', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["08:00", "20:00"]`).join(', ');
    writeFileSync(join(dir, 'hours.yaml'), SCENARIO(`open_hours: { ${days} }`));
    const r = runCcsim(dir, 'simulate', 'hours.yaml', '--out', 'run2', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(r.stdout).toMatch(/Closed \(not offered\)\s+\d+/);
  });

  it('a curve of the wrong length is a user error naming the allowed lengths', () => {
    writeFileSync(join(dir, 'bad.yaml'), SCENARIO('').replace('per_hour: 10', `per_hour: [${new Array(48).fill(1).join(', ')}]`).replace('interval_minutes: 60', 'interval_minutes: 15'));
    expectUserError(runCcsim(dir, 'validate', 'bad.yaml'), /arrivals\.per_hour: expected 24 numbers \(one per hour of day\) or 96 \(one per 15-minute interval of the day\)/);
  });
});
