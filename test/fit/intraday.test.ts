import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { fitHistory } from '../../src/fit/index.ts';
import { scenarioYaml } from '../../src/fit/scenario-yaml.ts';
import { fitReportText } from '../../src/fit/fit-report.ts';
import { parseScenario } from '../../src/scenario/load.ts';

/**
 * `ccsim fit` on 15-minute histories drawn from known intraday shapes: a per-interval shape
 * is written when the history has one within the hour, and weekday templates only for the
 * weekdays whose shape really differs.
 */

function poisson(u: () => number, mean: number): number {
  // Knuth's product of uniforms: exact, fine for the small means of one interval.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** shape(weekday) gives 96 relative weights; perDay(weekday) the day's mean. */
function history(days: number, shape: (wd: number) => number[], perDay: (wd: number) => number, seed: string): string {
  const u = seedrandom.alea(seed);
  const lines = ['date,interval,queue,offered'];
  const start = Date.parse('2026-01-05T00:00:00Z');
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    const wd = d % 7;
    const w = shape(wd);
    const total = w.reduce((a, b) => a + b, 0);
    for (let k = 0; k < 96; k++) {
      const clock = `${String(Math.floor(k / 4)).padStart(2, '0')}:${String((k % 4) * 15).padStart(2, '0')}`;
      lines.push(`${date},${clock},Care,${poisson(u, (perDay(wd) * w[k]!) / total)}`);
    }
  }
  return lines.join('\n') + '\n';
}

const QUARTERS = [1.6, 1.1, 0.8, 0.5];
/** Mon-Fri: 08:00-20:00 with a peak at the top of every hour. */
const weekdayShape = Array.from({ length: 96 }, (_, k) => {
  const h = Math.floor(k / 4);
  return h >= 8 && h < 20 ? (h < 12 ? 3 : 2) * QUARTERS[k % 4]! : 0.05;
});
/** Saturday: 09:00-17:00 flat; Sunday: 10:00-14:00 flat. */
const saturdayShape = Array.from({ length: 96 }, (_, k) => (k >= 36 && k < 68 ? 1 : 0.05));
const sundayShape = Array.from({ length: 96 }, (_, k) => (k >= 40 && k < 56 ? 1 : 0.05));

describe('fit: per-interval shapes and weekday templates', () => {
  const csv = history(56, (wd) => (wd === 5 ? saturdayShape : wd === 6 ? sundayShape : weekdayShape), (wd) => (wd < 5 ? 1000 : wd === 5 ? 500 : 300), 'intraday');
  const fit = fitHistory(csv, 'care.csv');
  const a = fit.types[0]!.arrivals;

  it('writes one value per 15-minute interval when the history has a shape within the hour', () => {
    expect(a.by_hour).toHaveLength(96);
    expect(a.notes.join('\n')).toMatch(/by_hour: one value per 15-minute interval/);
    // by_hour is the Mon-Fri pool: 40 days x 1000 contacts, multinomial shares. Every share is
    // within 4 standard deviations of the truth (96 cells: a false alarm about 0.6% of seeds).
    const total = weekdayShape.reduce((x, y) => x + y, 0);
    const n = 40 * 1000;
    a.by_hour!.forEach((share, k) => {
      const p = weekdayShape[k]! / total;
      expect(Math.abs(share - p), `interval ${k}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    });
  });

  it('keeps templates for Saturday and Sunday only, and says so', () => {
    const t = a.intraday_by_weekday!;
    expect(t.map((x) => x !== null)).toEqual([false, false, false, false, false, true, true]);
    const sunTotal = sundayShape.reduce((x, y) => x + y, 0);
    expect(t[6]![44]!).toBeCloseTo(1 / sunTotal, 2);
    const notes = a.notes.join('\n');
    expect(notes).toMatch(/weekday shapes differ significantly \(p < 0\.001\) on .*Sat .*Sun/);
    expect(notes).toMatch(/intraday_by_weekday: kept a template of its own for Sat, Sun; the other days share by_hour/);
    expect(notes).not.toMatch(/on [^\n]*Mon \(/);
    const report = fitReportText(fit);
    expect(report).toContain('kept a template of its own for Sat, Sun');
  });

  it('writes a scenario that loads, with a 15-minute horizon and the templates', () => {
    const yaml = scenarioYaml(fit);
    expect(yaml).toContain('interval_minutes: 15');
    const s = parseScenario(yaml, 'fitted.yaml').scenario;
    const arr = s.contact_types[0]!.arrivals;
    expect(arr.by_hour).toHaveLength(96);
    expect(Object.keys(arr.intraday_by_weekday!)).toEqual(['sat', 'sun']);
  });

  it('keeps 24 hourly values and one shape when the history has neither', () => {
    const flat = Array.from({ length: 96 }, (_, k) => (Math.floor(k / 4) >= 8 && Math.floor(k / 4) < 20 ? 1 + (Math.floor(k / 4) % 3) : 0.1));
    const plain = fitHistory(history(56, () => flat, () => 800, 'plain'), 'plain.csv').types[0]!.arrivals;
    expect(plain.by_hour).toHaveLength(24);
    expect(plain.intraday_by_weekday ?? null).toBeNull();
    expect(plain.notes.join('\n')).toMatch(/by_hour: 24 hourly values: the history's 15-minute counts show no shape within the hour/);
    expect(plain.notes.join('\n')).toMatch(/no weekday differs significantly/);
  });
});
