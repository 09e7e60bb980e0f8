import { describe, expect, it } from 'vitest';
import { buildRoster, type Roster } from '../../src/model/roster.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { contactType, group, scenario } from '../helpers/scenarios.ts';
import type { Shift } from '../../src/scenario/types.ts';

const DAY = 86_400;
const noCalls = contactType('general', {
  arrivals: { per_hour: 0, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 },
});

/** Agent-seconds the roster has logged in over [from, to). */
function agentSeconds(r: Roster, from: number, to: number): number {
  let sum = 0;
  for (let i = 0; i < r.times.length; i++) {
    const lo = Math.max(from, r.times[i]!);
    const hi = Math.min(to, i + 1 < r.times.length ? r.times[i + 1]! : Infinity);
    if (hi > lo) sum += r.counts[i]! * (hi - lo);
  }
  return sum;
}

const shift = (over: Partial<Shift> = {}): Shift => ({
  start: '08:00',
  hours: 9,
  agents: 12,
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  breaks: [{ after_hours: 4, minutes: 30, paid: false }],
  break_window_minutes: 60,
  ...over,
});

describe('breaks', () => {
  it('take exactly agents x minutes off the logged-in time, staggered so no interval loses more than its share', () => {
    const r = buildRoster({ kind: 'shifts', shifts: [shift()] }, '2026-01-05', 900, DAY);
    // Hand computation: 12 agents x 9 h logged, less 12 x 30 min of break.
    expect(agentSeconds(r, 0, DAY)).toBe(12 * 9 * 3600 - 12 * 30 * 60);
    const lostTotal = 12 * 30 * 60;
    const window = 60 * 60;
    let intervalsLosing = 0;
    for (let t = 8 * 3600; t < 17 * 3600; t += 900) {
      const lost = 12 * 900 - agentSeconds(r, t, t + 900);
      // Spread evenly over the window: an interval loses at most (its length / window) of the total.
      expect(lost).toBeLessThanOrEqual((lostTotal * 900) / window + 1e-9);
      if (lost > 0) intervalsLosing++;
    }
    expect(intervalsLosing).toBeGreaterThanOrEqual(5); // 11:30-12:30 window + 30 min: 11:30..13:00
    // Never more than ceil(30 / (60 / 12)) = 6 agents away at once, never all 12.
    expect(Math.min(...r.counts.filter((_, i) => r.times[i]! >= 8 * 3600 && r.times[i]! < 17 * 3600))).toBe(6);
  });

  it('an unpaid break is not paid, a paid one is paid beside logged-in hours grossed up by shrinkage', () => {
    for (const paid of [false, true]) {
      const s = scenario({
        contact_types: [noCalls],
        horizon: { start: '2026-01-05', days: 1, interval_minutes: 15, warmup_hours: 0 },
        agent_groups: [
          group('team', { general: 1 }, 0, {
            staffing: { kind: 'shifts', shifts: [shift({ breaks: [{ after_hours: 4, minutes: 30, paid }] })] },
            shrinkage: 0.2,
            hourly_cost: 10,
          }),
        ],
      });
      const g = simulate(s).totals.by_group!['team']!;
      expect(g.logged_hours).toBeCloseTo(12 * 9 - 6, 9);
      const paidHours = (12 * 9 - 6) / 0.8 + (paid ? 6 : 0);
      expect(g.paid_hours).toBeCloseTo(paidHours, 9);
      expect(g.cost).toBeCloseTo(paidHours * 10, 6);
    }
  });

  it('an agent busy when the break starts finishes the contact first (logged in a little longer)', () => {
    const busy = contactType('general', {
      arrivals: { per_hour: 200, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array(12).fill(1), by_date: {}, overdispersion_cv: 0 },
      handle_time: { distribution: 'deterministic', mean_seconds: 600 },
    });
    const s = scenario({
      contact_types: [busy],
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 15, warmup_hours: 0 },
      agent_groups: [group('team', { general: 1 }, 0, { staffing: { kind: 'shifts', shifts: [shift({ start: '00:00', hours: 9 })] } })],
    });
    const g = simulate(s).totals.by_group!['team']!;
    // Overloaded: everyone is busy at each break start and at the shift end, so each of the 12
    // agents is logged in past the planned 8.5 h (by up to one 10-minute contact per leaving).
    expect(g.logged_hours).toBeGreaterThan(12 * 8.5);
    expect(g.logged_hours).toBeLessThanOrEqual(12 * 8.5 + 12 * 2 * (600 / 3600) + 1e-9);
  });
});

describe('absence', () => {
  /** 99.9% two-sided normal bound on a binomial count. */
  const within = (x: number, n: number, p: number): void => {
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(x - n * p)).toBeLessThanOrEqual(3.29 * sd);
  };

  it('removes the expected share of agent-days on shifts (binomial)', () => {
    const days = 28;
    const s = scenario({
      seed: 11,
      contact_types: [noCalls],
      horizon: { start: '2026-01-05', days, interval_minutes: 60, warmup_hours: 0 },
      agent_groups: [
        group('team', { general: 1 }, 0, {
          staffing: { kind: 'shifts', shifts: [shift({ agents: 50, hours: 8, breaks: [] })] },
          absence: 0.1,
          shrinkage: 0.25,
        }),
      ],
    });
    const g = simulate(s).totals.by_group!['team']!;
    const presentDays = g.logged_hours / 8;
    expect(Number.isInteger(Math.round(presentDays * 1e6) / 1e6)).toBe(true);
    within(presentDays, 50 * days, 0.9);
    expect(presentDays).toBeLessThan(50 * days); // some are absent
    // Absent agents are not paid: pay follows logged-in hours only.
    expect(g.paid_hours).toBeCloseTo(g.logged_hours / 0.75, 9);
  });

  it('removes the expected share of agent-days for a constant staffing, and varies by replication', () => {
    const days = 28;
    const s = scenario({
      seed: 5,
      contact_types: [noCalls],
      horizon: { start: '2026-01-05', days, interval_minutes: 60, warmup_hours: 0 },
      agent_groups: [group('team', { general: 1 }, 20, { absence: 0.2 })],
    });
    const one = simulate(s).totals.by_group!['team']!;
    within(one.logged_hours / 24, 20 * days, 0.8);
    const other = simulate({ ...s, seed: 6 }).totals.by_group!['team']!;
    expect(other.logged_hours).not.toBe(one.logged_hours);
  });

  it('does not move the other random streams: absence 0 gives the very same run as no absence key', () => {
    const base = scenario({ horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 0 } });
    const withZero = scenario({ ...base, agent_groups: [group('team', { general: 1 }, 5, { absence: 0 })] });
    expect(simulate(withZero).totals).toEqual(simulate(base).totals);
  });
});
