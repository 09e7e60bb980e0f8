import { describe, expect, it } from 'vitest';
import { fitHistory } from '../../src/fit/index.ts';
import { scenarioYaml } from '../../src/fit/scenario-yaml.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { Rng } from './synthetic.ts';

/**
 * `ccsim fit` writes the opening hours a history shows: on each weekday, from the first to the
 * last 15-minute interval with contacts; a weekday without rows is closed.
 */

/** Four weeks from Monday 2026-01-05; `open(queue, weekday, hour)`; no rows on a weekday `rows` says no to. */
function history(queues: string[], open: (q: string, wd: number, h: number) => boolean, rows: (wd: number) => boolean = () => true): string {
  const rng = new Rng('opening-hours');
  const lines = ['date,interval,queue,offered'];
  for (let d = 0; d < 28; d++) {
    const date = new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
    const wd = d % 7;
    if (!rows(wd)) continue;
    for (const q of queues) {
      for (let k = 0; k < 96; k++) {
        const clock = `${String(Math.floor(k / 4)).padStart(2, '0')}:${String((k % 4) * 15).padStart(2, '0')}`;
        // Six contacts an interval when open: an open interval empty on all four days has
        // probability e^-24.
        lines.push(`${date},${clock},${q},${open(q, wd, k / 4) ? rng.poisson(6) : 0}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

const fitted = (csv: string): string => scenarioYaml(fitHistory(csv, 'history.csv'));

describe('fit: opening hours', () => {
  it('Mon-Fri 08:00-20:00, Sat 09:00-17:30 and no Sunday rows give exactly those hours, for the center', () => {
    const yaml = fitted(history(['Care'], (_, wd, h) => (wd <= 4 ? h >= 8 && h < 20 : h >= 9 && h < 17.5), (wd) => wd !== 6));
    expect(yaml).toContain(
      'open_hours: { mon: ["08:00", "20:00"], tue: ["08:00", "20:00"], wed: ["08:00", "20:00"], thu: ["08:00", "20:00"], fri: ["08:00", "20:00"], sat: ["09:00", "17:30"], sun: closed }',
    );
    const s = parseScenario(yaml, 'fitted.yaml').scenario;
    expect(s.open_hours).toBeDefined();
  });

  it('a center open around the clock gets no opening hours', () => {
    expect(fitted(history(['Care'], () => true))).not.toContain('open_hours');
  });

  it('queues with different hours get their own', () => {
    const yaml = fitted(history(['Care', 'Sales'], (q, _, h) => (q === 'Care' ? h >= 7 && h < 22 : h >= 9 && h < 18)));
    expect(yaml).not.toMatch(/^open_hours/m);
    const every = (from: string, to: string) =>
      `{ ${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["${from}", "${to}"]`).join(', ')} }`;
    expect(yaml).toContain(`    open_hours: ${every('07:00', '22:00')}`);
    expect(yaml).toContain(`    open_hours: ${every('09:00', '18:00')}`);
    const s = parseScenario(yaml, 'fitted.yaml').scenario;
    expect(s.contact_types.map((t) => t.open_hours !== undefined)).toEqual([true, true]);
  });
});
