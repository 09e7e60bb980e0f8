import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverWithShiftsExact, FRESH_REPLICATIONS_FROM } from '../../src/staffing/index.ts';
import { staffVerified } from '../../src/staffing/verified.ts';
import { scenarioToYaml } from '../../src/staffing/scenario-file.ts';
import type { Scenario, Shift } from '../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { expectUserError, runCcsim } from '../helpers/cli.ts';
import { arrivals } from './helpers.ts';

const MONDAY = { start: '2026-01-05', days: 1 };
const shift = (start: string, hours: number, days: Shift['days'] = ['mon']): Shift => ({ start, hours, agents: 0, days });
const hourly = (f: (h: number) => number): number[] => Array.from({ length: 24 }, (_, h) => f(h));

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('coverWithShiftsExact (integer program, HiGHS)', () => {
  it('finds the true optimum, found by enumeration, with an LP bound below it (seeded)', async () => {
    const r = rng(11);
    const templates = [shift('06:00', 8), shift('10:00', 6), shift('12:00', 8), shift('16:00', 4)];
    for (let trial = 0; trial < 25; trial++) {
      const req = hourly((h) => (h >= 6 && h < 20 ? Math.floor(r() * 4) : 0));
      const c = await coverWithShiftsExact(req, templates, MONDAY, 60);
      let best = Infinity;
      for (let code = 0; code < 4 ** 4; code++) {
        const x = [code % 4, Math.floor(code / 4) % 4, Math.floor(code / 16) % 4, Math.floor(code / 64) % 4];
        const cov = new Array<number>(24).fill(0);
        templates.forEach((t, j) => {
          const s = Number(t.start.slice(0, 2));
          for (let h = s; h < s + t.hours; h++) cov[h]! += x[j]!;
        });
        if (!req.every((v, h) => cov[h]! >= v)) continue;
        best = Math.min(best, x.reduce((a, n, j) => a + n * templates[j]!.hours, 0));
      }
      expect(c.paidHours).toBe(best);
      req.forEach((x, i) => expect(c.coverage[i]).toBeGreaterThanOrEqual(x));
      expect(c.lowerBoundHours).toBeLessThanOrEqual(best + 1e-6);
      expect(c.gap).toBeCloseTo((best - c.lowerBoundHours) / c.lowerBoundHours, 9);
    }
  });
});

/** A day with night load (00:00-06:00) and day load, and a shift group with day templates only. */
function nightGap(): Scenario {
  return scenario({
    name: 'night gap',
    seed: 3,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: arrivals(hourly((h) => (h < 6 ? 40 : h >= 8 && h < 20 ? 80 : 0))), handle_time: exp(180) })],
    agent_groups: [
      group('team', { general: 1 }, 0, {
        staffing: { kind: 'shifts', shifts: [{ start: '08:00', hours: 8, agents: 5, days: ['mon'] }, { start: '12:00', hours: 8, agents: 5, days: ['mon'] }] },
        hourly_cost: 30,
      }),
    ],
  });
}

describe('staffVerified', () => {
  it('reports the intervals no template covers and the template that would (start, length, days)', async () => {
    const v = await staffVerified(nightGap(), { replications: 4, earlyReplications: 2, maxIterations: 10, verifyReplications: 4 });
    expect(v.templateGaps.length).toBe(1);
    const gap = v.templateGaps[0]!;
    expect(gap.group).toBe('team');
    expect(gap.intervals).toEqual(['2026-01-05T00:00', '2026-01-05T01:00', '2026-01-05T02:00', '2026-01-05T03:00', '2026-01-05T04:00', '2026-01-05T05:00']);
    expect(gap.suggestions).toEqual([{ start: '00:00', hours: 8, days: ['mon'] }]);
    expect(gap.message).toMatch(/no shift template covers 6 intervals.*start: "00:00", hours: 8, days: \[mon\]/);
    // The shift plan cannot hold (nobody at night); the day is judged and says so.
    expect(v.shiftsVerification!.holds).toBe(false);
    expect(v.result.shifts['team']!.method).toBe('integer_program');
    // Verified on replications the search never used.
    expect(v.planVerification.first_replication).toBe(FRESH_REPLICATIONS_FROM);
    expect(v.planVerification.by_day.map((d) => d.date)).toEqual(['2026-01-05']);
    for (const x of [v.planVerification.by_type['general']!, v.planVerification.by_day[0]!.by_type['general']!]) {
      expect(x.meets).toBe(x.service_level! - x.ci95! >= 0.8);
    }
  }, 120_000);
});

describe('ccsim staff --strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-staff-strict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('exits with code 2 and names the missing template when no template covers the night', () => {
    writeFileSync(join(dir, 'night.yaml'), scenarioToYaml(nightGap()));
    const r = runCcsim(dir, 'staff', 'night.yaml', '--strict', '--quiet', '--out', 'run', '--no-charts'); // the exit code and message are checked, not the charts
    expectUserError(r, /no shift template covers 6 intervals.*start: "00:00", hours: 8/);
    const relaxed = runCcsim(dir, 'staff', 'night.yaml', '--quiet', '--out', 'run2', '--no-charts'); // the warning is checked, not the charts
    expect(relaxed.status, relaxed.stderr).toBe(0);
    expect(relaxed.stderr).toMatch(/warning: team: no shift template covers/);
  }, 240_000);
});
