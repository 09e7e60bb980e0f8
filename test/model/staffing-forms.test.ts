import { describe, expect, it } from 'vitest';
import { buildRoster } from '../../src/model/roster.ts';
import { compile } from '../../src/model/compile.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { UserError } from '../../src/errors.ts';
import { group, scenario } from '../helpers/scenarios.ts';

const DAY = 86_400;
const HOUR = 3600;
/** Agents logged in at moment t. */
const at = (r: { times: Float64Array; counts: Int32Array }, t: number): number => {
  let i = 0;
  while (i + 1 < r.times.length && r.times[i + 1]! <= t) i++;
  return r.counts[i]!;
};

describe('by_interval staffing forms', () => {
  const oneDay = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 10 + h : 0));

  it('one day is repeated daily', () => {
    const r = buildRoster({ kind: 'by_interval', agents: oneDay }, '2026-01-05', HOUR, 3 * DAY, { horizonSeconds: 3 * DAY });
    for (let d = 0; d < 3; d++) for (let h = 0; h < 24; h++) expect(at(r, d * DAY + h * HOUR + 1)).toBe(oneDay[h]);
  });

  it('one week runs from Monday, whatever weekday the horizon starts on', () => {
    // Weekday w has w + 1 agents all day.
    const week = Array.from({ length: 7 * 24 }, (_, i) => Math.floor(i / 24) + 1);
    // 2026-01-07 is a Wednesday (weekday 2).
    const r = buildRoster({ kind: 'by_interval', agents: week }, '2026-01-07', HOUR, 10 * DAY, { horizonSeconds: 10 * DAY });
    const expected = [3, 4, 5, 6, 7, 1, 2, 3, 4, 5];
    expected.forEach((n, d) => expect(at(r, d * DAY + 12 * HOUR)).toBe(n));
  });

  it('every interval of the horizon is taken as written', () => {
    const plan = Array.from({ length: 48 }, (_, i) => i % 5);
    const r = buildRoster({ kind: 'by_interval', agents: plan }, '2026-01-05', HOUR, 2 * DAY, { horizonSeconds: 2 * DAY });
    plan.forEach((n, i) => expect(at(r, i * HOUR + 1)).toBe(n));
  });

  it('a run longer than a horizon-length plan is an error naming the lengths, not a silent repeat', () => {
    const s = scenario({
      horizon: { start: '2026-01-05', days: 2, interval_minutes: 60, warmup_hours: 0 },
      agent_groups: [group('team', { general: 1 }, 0, { staffing: { kind: 'by_interval', agents: new Array(48).fill(5) } })],
    });
    expect(() => compile(s)).not.toThrow();
    let message = '';
    try {
      simulate(s, { days: 3 });
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      message = (e as Error).message;
    }
    expect(message).toContain('agent_groups[team].agents.by_interval: 48 values');
    expect(message).toContain('24 (one day');
    expect(message).toContain('168 (one week from Monday');
    expect(message).toContain('72 (every interval');
  });

  it('a file with another length is refused with the allowed lengths', () => {
    const text = `
horizon: { days: 3, interval_minutes: 60 }
contact_types: [{ id: general, arrivals: { per_hour: 10 }, handle_time: 180 }]
agent_groups: [{ id: team, skills: { general: 1 }, agents: { by_interval: [1, 2, 3] } }]
`;
    expect(() => parseScenario(text, 'x.yaml')).toThrow(/expected 24 values \(one day.*168 \(one week from Monday.*72 \(every interval of the 3-day horizon\), got 3/);
  });
});

describe('staffing_scale', () => {
  it('multiplies every form, rounded to whole agents per interval or shift', () => {
    const opts = { scale: 1.5, horizonSeconds: DAY };
    expect(at(buildRoster({ kind: 'constant', agents: 5 }, '2026-01-05', HOUR, DAY, opts), 0)).toBe(8); // 7.5 -> 8
    const hourly = buildRoster({ kind: 'hourly', agents: Array.from({ length: 24 }, (_, h) => h) }, '2026-01-05', HOUR, DAY, opts);
    for (let h = 0; h < 24; h++) expect(at(hourly, h * HOUR)).toBe(Math.round(h * 1.5));
    const shifts = buildRoster(
      { kind: 'shifts', shifts: [{ start: '08:00', hours: 8, agents: 3, days: ['mon'] }, { start: '12:00', hours: 8, agents: 5, days: ['mon'] }] },
      '2026-01-05',
      HOUR,
      DAY,
      opts,
    );
    expect(at(shifts, 9 * HOUR)).toBe(5); // 4.5 -> 5
    expect(at(shifts, 13 * HOUR)).toBe(5 + 8); // 7.5 -> 8
  });

  it('is read from the file (default 1) and must be > 0', () => {
    const text = (scale: string) => `
contact_types: [{ id: general, arrivals: { per_hour: 10 }, handle_time: 180 }]
agent_groups: [{ id: team, skills: { general: 1 }, agents: 10${scale} }]
`;
    expect(parseScenario(text(''), 'x.yaml').scenario.agent_groups[0]!.staffing_scale).toBe(1);
    expect(parseScenario(text(', staffing_scale: 1.1'), 'x.yaml').scenario.agent_groups[0]!.staffing_scale).toBe(1.1);
    expect(() => parseScenario(text(', staffing_scale: 0'), 'x.yaml')).toThrow(/staffing_scale: expected a number > 0, got 0/);
  });
});
