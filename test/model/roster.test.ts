/**
 * The roster as the model compiles it (scenario text -> parseScenario -> compile -> group.roster):
 * agents on duty at chosen moments equal a count made by hand from the scenario. The horizon
 * starts on Monday 2026-01-05; time is seconds from that midnight, and the roster runs on past
 * the horizon (the drain) with hour-of-day patterns and shifts repeating.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import type { Model } from '../../src/model/model.ts';
import type { Roster } from '../../src/model/roster.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const DAY = 86_400;
const at = (day: number, hh: number, mm = 0, ss = 0): number => day * DAY + hh * 3600 + mm * 60 + ss;

/** Agents on duty at time t: the step in force at t (a step starting at t counts). */
function onDuty(r: Roster, t: number): number {
  let n = 0;
  for (let i = 0; i < r.times.length && r.times[i]! <= t; i++) n = r.counts[i]!;
  return n;
}

function roster(groupYaml: string[], horizon = '{ start: 2026-01-05, days: 7, interval_minutes: 60 }'): Roster {
  return compiled(groupYaml, horizon).groups[0]!.roster;
}

function compiled(groupYaml: string[], horizon: string): Model {
  const text = [
    'name: roster',
    `horizon: ${horizon}`,
    'contact_types:',
    '  - id: general',
    '    arrivals: { per_hour: 10 }',
    '    handle_time: { distribution: exponential, mean_seconds: 180 }',
    'agent_groups:',
    '  - id: team',
    '    skills: { general: 1 }',
    ...groupYaml.map((l) => `    ${l}`),
  ].join('\n');
  return compile(parseScenario(text, 'roster.yaml').scenario);
}

/** The step function is well formed: starts at 0, strictly increasing times, no repeated count. */
function expectWellFormed(r: Roster): void {
  expect(r.times[0]).toBe(0);
  for (let i = 1; i < r.times.length; i++) {
    expect(r.times[i]!).toBeGreaterThan(r.times[i - 1]!);
    expect(r.counts[i]).not.toBe(r.counts[i - 1]);
  }
  expect(r.max).toBe(Math.max(...r.counts));
}

describe('roster: agents on duty at chosen moments', () => {
  it('constant agents: the same number at every moment, drain included', () => {
    const r = roster(['agents: 7']);
    expectWellFormed(r);
    for (const t of [0, at(0, 13, 17), at(3, 23, 59, 59), at(6, 12), at(9, 4)]) expect(onDuty(r, t), `t=${t}`).toBe(7);
    expect(r.max).toBe(7);
  });

  it('24 hourly numbers: the hour of day picks the number, every day, past the horizon too', () => {
    const hourly = [0, 0, 0, 0, 0, 0, 2, 4, 8, 10, 12, 12, 9, 12, 12, 11, 10, 8, 6, 4, 3, 2, 1, 1];
    const r = roster([`agents: [${hourly.join(', ')}]`], '{ start: 2026-01-05, days: 2, interval_minutes: 30 }');
    expectWellFormed(r);
    expect(onDuty(r, at(0, 0))).toBe(0);
    expect(onDuty(r, at(0, 5, 59, 59))).toBe(0);
    expect(onDuty(r, at(0, 6))).toBe(2);
    expect(onDuty(r, at(0, 12, 30))).toBe(9);
    expect(onDuty(r, at(1, 13))).toBe(12);
    expect(onDuty(r, at(1, 23, 30))).toBe(1);
    expect(onDuty(r, at(2, 8, 15))).toBe(8); // day 3: after the 2-day horizon, in the drain
    expect(r.max).toBe(12);
  });

  it('by_interval: one number per interval; a one-day plan (here also the horizon) repeats daily after it', () => {
    // 30-minute intervals over one day: 48 values, interval i = [30 i, 30 (i + 1)) minutes.
    const values = Array.from({ length: 48 }, (_, i) => (i < 14 ? 1 : i < 36 ? 3 + (i % 4) : 2));
    values[47] = 5;
    const r = roster([`agents: { by_interval: [${values.join(', ')}] }`], '{ start: 2026-01-05, days: 1, interval_minutes: 30 }');
    expectWellFormed(r);
    expect(onDuty(r, at(0, 0))).toBe(1);
    expect(onDuty(r, at(0, 6, 59))).toBe(1); // interval 13
    expect(onDuty(r, at(0, 7))).toBe(5); // interval 14: 3 + 14 % 4 = 5
    expect(onDuty(r, at(0, 7, 30))).toBe(6); // interval 15: 3 + 3
    expect(onDuty(r, at(0, 8))).toBe(3); // interval 16: 3 + 0
    expect(onDuty(r, at(0, 10, 15))).toBe(3 + (20 % 4)); // interval 20
    expect(onDuty(r, at(0, 18))).toBe(2); // interval 36
    expect(onDuty(r, at(0, 23, 29))).toBe(2); // interval 46
    expect(onDuty(r, at(0, 23, 30))).toBe(5); // interval 47
    expect(onDuty(r, at(1, 12))).toBe(values[24]); // after the horizon: the day repeats (interval 24)
    expect(r.max).toBe(6);
  });

  it('shifts: overlaps add up, shifts cross midnight, `days` picks the weekdays, a shift begun the day before the horizon counts', () => {
    // Horizon Mon 2026-01-05 .. Sun 2026-01-11 (days 0..6).
    const r = roster([
      'shifts:',
      '  - { start: "08:00", hours: 8, agents: 5, days: [mon, tue, wed, thu, fri] }', // A
      '  - { start: "12:00", hours: 8, agents: 3 }', // B, every day
      '  - { start: "22:00", hours: 9, agents: 2, days: [fri] }', // C: Fri 22:00 -> Sat 07:00
      '  - { start: "20:00", hours: 10, agents: 4, days: [sun] }', // D: Sun 20:00 -> Mon 06:00
      '  - { start: "7:30", hours: 1.5, agents: 1, days: [sat, sun] }', // E: 07:30 -> 09:00
      '  - { start: "12:00", hours: 4, agents: 2, days: [wed] }', // F: stacks on A and B
    ]);
    expectWellFormed(r);
    const cases: Array<[string, number, number]> = [
      ['Mon 00:00, D from Sunday before the horizon', at(0, 0), 4],
      ['Mon 05:59:59', at(0, 5, 59, 59), 4],
      ['Mon 06:00, D ended', at(0, 6), 0],
      ['Mon 07:59', at(0, 7, 59), 0],
      ['Mon 08:00, A', at(0, 8), 5],
      ['Mon 12:00, A + B', at(0, 12), 8],
      ['Mon 15:59:59, A + B', at(0, 15, 59, 59), 8],
      ['Mon 16:00, B', at(0, 16), 3],
      ['Mon 20:00, none', at(0, 20), 0],
      ['Wed 13:00, A + B + F', at(2, 13), 10],
      ['Wed 16:00, B', at(2, 16), 3],
      ['Thu 13:00, A + B', at(3, 13), 8],
      ['Fri 21:59, none', at(4, 21, 59), 0],
      ['Fri 22:00, C', at(4, 22), 2],
      ['Sat 03:00, C across midnight', at(5, 3), 2],
      ['Sat 07:00, C ended', at(5, 7), 0],
      ['Sat 07:30, E', at(5, 7, 30), 1],
      ['Sat 09:00, none', at(5, 9), 0],
      ['Sat 12:00, B only (A is weekdays)', at(5, 12), 3],
      ['Sun 08:00, E', at(6, 8), 1],
      ['Sun 19:59, B', at(6, 19, 59), 3],
      ['Sun 20:00, B ends as D starts', at(6, 20), 4],
      ['Mon (day 7, drain) 02:00, D', at(7, 2), 4],
      ['Mon (day 7, drain) 09:00, A', at(7, 9), 5],
    ];
    for (const [what, t, n] of cases) expect(onDuty(r, t), what).toBe(n);
    expect(r.max).toBe(10);
  });

  it('back-to-back shifts: a 24-hour shift every day, and two 12-hour halves, are one constant step', () => {
    for (const shifts of [
      ['  - { start: "06:00", hours: 24, agents: 4 }'],
      ['  - { start: "06:00", hours: 12, agents: 4 }', '  - { start: "18:00", hours: 12, agents: 4 }'],
    ]) {
      const model = compiled(['shifts:', ...shifts], '{ start: 2026-01-05, days: 3 }');
      const r = model.groups[0]!.roster;
      expectWellFormed(r);
      // The roster covers the horizon and the drain after it; the last generated shift may end
      // later, where the run never goes.
      const until = model.horizonSeconds + model.drainSeconds;
      expect(until).toBeGreaterThan(3 * DAY);
      expect(Array.from(r.times).filter((t) => t < until)).toEqual([0]);
      expect(r.counts[0]).toBe(4);
    }
  });

  it('shifts on a horizon starting on a Saturday: weekdays follow the calendar', () => {
    // 2026-01-10 is a Saturday: day 0 = Sat, day 1 = Sun, day 2 = Mon.
    const r = roster(
      ['shifts:', '  - { start: "09:00", hours: 8, agents: 6, days: [mon] }', '  - { start: "23:00", hours: 2, agents: 1, days: [fri, sun] }'],
      '{ start: 2026-01-10, days: 3, interval_minutes: 15 }',
    );
    expectWellFormed(r);
    expect(onDuty(r, at(0, 0, 30))).toBe(1); // Friday 23:00 shift runs into Saturday 01:00
    expect(onDuty(r, at(0, 1))).toBe(0);
    expect(onDuty(r, at(0, 10))).toBe(0); // Saturday: no Monday shift
    expect(onDuty(r, at(1, 23, 15))).toBe(1); // Sunday 23:00
    expect(onDuty(r, at(2, 0, 59))).toBe(1); // into Monday
    expect(onDuty(r, at(2, 9))).toBe(6); // Monday 09:00
    expect(onDuty(r, at(2, 17))).toBe(0);
  });
});
