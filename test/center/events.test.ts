import { describe, expect, it } from 'vitest';
import type { Arrivals, Scenario, ScenarioEvent } from '../../src/scenario/types.ts';
import type { Result } from '../../src/metrics/types.ts';
import { normalQuantile } from '../../src/metrics/student-t.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { replicate } from '../helpers/replicate.ts';
import { compile } from '../../src/model/compile.ts';
import { checkWork, expectedContacts } from '../../src/experiment/work-estimate.ts';
import { parseScenario } from '../../src/scenario/load.ts';

/*
 * The four changes an event makes, each against a run of the same scenario without it (common
 * random numbers: same seed, same customers) or against an exact count.
 */

const flat = (perHour: number): Arrivals => ({ per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 });

function event(over: Partial<ScenarioEvent>): ScenarioEvent {
  return {
    name: 'incident',
    from: '2026-01-05T10:00',
    to: '2026-01-05T12:00',
    types: null,
    arrivals_factor: 1,
    handle_time_factor: 1,
    self_service_down: false,
    agents_absent: {},
    ...over,
  };
}

const withEvents = (s: Scenario, events: ScenarioEvent[]): Scenario => ({ ...s, events });

describe('events in the work estimate', () => {
  const base = scenario({
    seed: 3,
    horizon: { start: '2026-01-05', days: 1, interval_minutes: 15, warmup_hours: 0 },
    contact_types: [contactType('general', { arrivals: flat(100), handle_time: exp(60) })],
    agent_groups: [group('team', { general: 1 }, 30)],
  });

  it('counts the contacts events add: overlapping factors multiply (by hand: 100/h over 24 h, plus what the windows add)', () => {
    expect(expectedContacts(compile(base))).toBeCloseTo(2400, 9);
    // x2 from 10:15 to 12:15: +2 h x 100.
    expect(expectedContacts(compile(withEvents(base, [event({ from: '2026-01-05T10:15', to: '2026-01-05T12:15', arrivals_factor: 2 })])))).toBeCloseTo(2600, 9);
    // x1.5 from 10:00 to 12:00 and x1.5 from 11:00 to 13:00: 0.5 h + 1.25 h + 0.5 h extra.
    const two = withEvents(base, [
      event({ from: '2026-01-05T10:00', to: '2026-01-05T12:00', arrivals_factor: 1.5 }),
      event({ from: '2026-01-05T11:00', to: '2026-01-05T13:00', arrivals_factor: 1.5 }),
    ]);
    expect(expectedContacts(compile(two))).toBeCloseTo(2625, 9);
    // Half the arrivals for the whole day (a window beyond the horizon on both sides).
    expect(expectedContacts(compile(withEvents(base, [event({ from: '2026-01-04T00:00', to: '2026-01-07T00:00', arrivals_factor: 0.5 })])))).toBeCloseTo(1200, 9);
  });

  it('a thousand overlapping events are refused as too much work, not simulated for hours', () => {
    const many = withEvents(base, Array.from({ length: 1000 }, (_, i) => event({ name: `e${i}`, arrivals_factor: 1.1 })));
    // 1.1^1000 x 100/h for two hours.
    expect(expectedContacts(compile(many))).toBeGreaterThan(1e40);
    expect(() => checkWork({ contactsPerReplication: expectedContacts(compile(many)), replications: 1, runs: 1 })).toThrow(
      /one replication would simulate about \S+ contacts; the limit is 50,000,000 per replication/,
    );
    // One event's factors have limits of their own, as the other multipliers do.
    const factors = (): unknown => parseScenario(JSON.stringify({ ...base, events: [event({ handle_time_factor: 1e300, arrivals_factor: 1001 })] }), 'events.json');
    expect(factors).toThrow(/events\[0\]\.handle_time_factor: expected at most 100 \(factor\), got 1e\+300/);
    expect(factors).toThrow(/events\[0\]\.arrivals_factor: expected at most 1,000 \(factor\), got 1001/);
    // A thousand and one are more than a scenario may list.
    expect(() => parseScenario(JSON.stringify({ ...base, events: Array.from({ length: 1001 }, (_, i) => event({ name: `e${i}`, arrivals_factor: 1.1 })) }), 'events.json')).toThrow(
      /events: expected at most 1,000 events, got 1,001/,
    );
  });

  it('overlapping handle-time factors may multiply to 100 at most, for any contact type at any time', () => {
    const file = (events: string[]): string => `name: overlaps
horizon: { start: 2026-01-05, days: 1 }
contact_types:
  - { id: general, arrivals: { per_hour: 100 }, handle_time: 60 }
  - { id: sales, arrivals: { per_hour: 10 }, handle_time: 60 }
agent_groups:
  - { id: team, skills: { general: 1, sales: 1 }, agents: 30 }
events:
${events.map((e, i) => `  - { name: e${i}, ${e} }`).join('\n')}
`;
    const parse = (events: string[]): unknown => parseScenario(file(events), 'events.yaml');
    // 10 x 5 = 50 where the first two overlap; the third starts as the second ends ([from, to))
    // and applies to sales only: 10 x 10 = 100 for sales, allowed.
    const fine = [
      'from: "2026-01-05T08:00", to: "2026-01-05T12:00", handle_time_factor: 10',
      'from: "2026-01-05T09:00", to: "2026-01-05T10:00", handle_time_factor: 5',
      'from: "2026-01-05T10:00", to: "2026-01-05T13:00", handle_time_factor: 10, types: [sales]',
    ];
    expect(() => parse(fine)).not.toThrow();
    // One more factor of 2 from 11:00: on general it meets only the first (20), allowed; on sales
    // it meets the first and the third (200).
    expect(() => parse([...fine, 'from: "2026-01-05T11:00", to: "2026-01-05T14:00", handle_time_factor: 2, types: [general]'])).not.toThrow();
    expect(() => parse([...fine, 'from: "2026-01-05T11:00", to: "2026-01-05T14:00", handle_time_factor: 2, types: [sales]'])).toThrow(
      /events\[3\]\.handle_time_factor: overlaps events\[0\], events\[2\] from 2026-01-05T11:00 for 'sales', where their handle-time factors multiply to 200; expected a product of at most 100/,
    );
    // 400 overlapping factors of 10 overflowed every handle time (the run ended in a non-finite
    // result); now the third is refused, naming the first two.
    const many = Array.from({ length: 400 }, () => 'from: "2026-01-05T10:00", to: "2026-01-05T12:00", handle_time_factor: 10');
    expect(() => parse(many)).toThrow(/events\[2\]\.handle_time_factor: overlaps events\[0\], events\[1\] from 2026-01-05T10:00, where their handle-time factors multiply to 1,000/);
  });
});

describe('arrivals_factor', () => {
  it('doubles the expected arrivals of a two-hour window (10:15 to 12:15) and of no other interval', () => {
    const R = 40;
    const base = scenario({
      seed: 3,
      horizon: { start: '2026-01-05', days: 1, interval_minutes: 15, warmup_hours: 0 },
      contact_types: [contactType('general', { arrivals: flat(120), handle_time: exp(60) })],
      agent_groups: [group('team', { general: 1 }, 30)],
    });
    const results = replicate(withEvents(base, [event({ from: '2026-01-05T10:15', to: '2026-01-05T12:15', arrivals_factor: 2 })]), R);
    const intervals = results[0]!.by_interval.length;
    // Sum over replications of one interval's arrivals is Poisson; 99.9% family-wise (Bonferroni).
    const z = normalQuantile(1 - 0.001 / (2 * intervals));
    for (let iv = 0; iv < intervals; iv++) {
      const inWindow = iv >= 41 && iv < 49; // 10:15 .. 12:15 in 15-minute intervals
      const expected = R * (inWindow ? 60 : 30);
      const got = results.reduce((s, r) => s + r.by_interval[iv]!.arrivals, 0);
      expect(Math.abs(got - expected), `interval ${iv}: ${got} arrivals vs ${expected}`).toBeLessThanOrEqual(z * Math.sqrt(expected));
    }
  });

  it('leaves every figure unchanged when the event lies outside the horizon (no stream shifts)', () => {
    const base = scenario({ seed: 5, contact_types: [contactType('general', { arrivals: flat(100), patience: exp(60) })] });
    const plain = replicate(base, 2);
    const later = replicate(withEvents(base, [event({ from: '2026-02-01T10:00', to: '2026-02-01T12:00', arrivals_factor: 3, handle_time_factor: 2 })]), 2);
    expect(later.map((r) => r.by_interval)).toEqual(plain.map((r) => r.by_interval));
  });
});

describe('handle_time_factor', () => {
  it('scales the handle time of exactly the contacts started in the window, with the same draws', () => {
    // Plenty of agents: every contact starts when it arrives, so the interval of arrival is the
    // interval of start, and the same customers are served in both runs.
    const base = scenario({
      seed: 9,
      contact_types: [contactType('general', { arrivals: flat(60), handle_time: exp(240) })],
      agent_groups: [group('team', { general: 1 }, 60)],
    });
    const [plain] = replicate(base, 1) as [Result];
    const [slow] = replicate(withEvents(base, [event({ handle_time_factor: 1.5 })]), 1) as [Result];
    plain.by_interval.forEach((p, iv) => {
      const s = slow.by_interval[iv]!;
      expect(s.arrivals).toBe(p.arrivals);
      expect(s.answered).toBe(p.answered);
      const factor = iv === 10 || iv === 11 ? 1.5 : 1;
      expect(s.aht_seconds!, `interval ${iv}`).toBeCloseTo(p.aht_seconds! * factor, 9);
    });
  });
});

describe('self_service: down', () => {
  it('sends every contact of the window to the agents and leaves the others as they were', () => {
    const base = scenario({
      seed: 4,
      contact_types: [
        contactType('general', {
          arrivals: flat(80),
          self_service: { share_offered: 0.7, containment: 0.5, duration: exp(60), cost_per_session: 0, failed_handle_time_factor: 1 },
        }),
      ],
      agent_groups: [group('team', { general: 1 }, 20)],
    });
    const [plain] = replicate(base, 1) as [Result];
    const [down] = replicate(withEvents(base, [event({ self_service_down: true })]), 1) as [Result];
    for (let iv = 0; iv < 24; iv++) {
      const d = down.by_interval[iv]!;
      expect(d.arrivals).toBe(plain.by_interval[iv]!.arrivals);
      if (iv === 10 || iv === 11) {
        expect(d.contained, `interval ${iv}`).toBe(0);
        expect(d.offered, `interval ${iv}`).toBe(d.arrivals);
        expect(plain.by_interval[iv]!.contained).toBeGreaterThan(0);
      } else if (iv < 9 || iv > 12) {
        // Away from the window (self-service lasts about a minute), nothing changes.
        expect(d.contained).toBe(plain.by_interval[iv]!.contained);
      }
    }
  });
});

describe('agents_absent', () => {
  it('removes n agents for the window; the agent-time lost is n x window less the contacts they finish', () => {
    const handle = 300;
    const base = scenario({
      seed: 8,
      contact_types: [contactType('general', { arrivals: flat(100), handle_time: { distribution: 'deterministic', mean_seconds: handle } })],
      agent_groups: [group('team', { general: 1 }, 10)],
    });
    const [plain] = replicate(base, 1) as [Result];
    const [absent] = replicate(withEvents(base, [event({ agents_absent: { team: 4 } })]), 1) as [Result];
    const loggedSeconds = (r: Result) => r.totals.agents! * 86_400;
    const lost = loggedSeconds(plain) - loggedSeconds(absent);
    // Each of the 4 finishes at most one contact in hand (at most `handle` seconds) before leaving.
    expect(lost).toBeLessThanOrEqual(4 * 7200 + 1e-6);
    expect(lost).toBeGreaterThanOrEqual(4 * 7200 - 4 * handle - 1e-6);
    expect(absent.by_interval[11]!.agents).toBeCloseTo(6, 9);
    expect(absent.by_interval[12]!.agents).toBeCloseTo(10, 9);
    expect(absent.by_interval[10]!.agents!).toBeGreaterThanOrEqual(6);
    expect(absent.by_interval[10]!.agents!).toBeLessThanOrEqual(6 + (4 * handle) / 3600 + 1e-9);
  });
});

describe('event figures', () => {
  it('reports service level and abandons during the window and the queue at its end', () => {
    const base = scenario({
      seed: 2,
      contact_types: [contactType('general', { arrivals: flat(100), patience: exp(120), handle_time: exp(180) })],
      agent_groups: [group('team', { general: 1 }, 6)],
    });
    const [r] = replicate(withEvents(base, [event({ arrivals_factor: 2 })]), 1) as [Result];
    const ev = r.events![0]!;
    // Every contact is born at its arrival here: the window's counts are the two intervals'.
    const window = [r.by_interval[10]!, r.by_interval[11]!];
    expect(ev.offered_during).toBe(window[0]!.offered + window[1]!.offered);
    expect(ev.abandoned_during).toBe(window[0]!.abandoned + window[1]!.abandoned);
    const inSl = window.reduce((s, m) => s + m.service_level! * m.offered, 0);
    expect(ev.service_level_during!).toBeCloseTo(inSl / ev.offered_during, 9);
    expect(ev.waiting_at_end_of_event).toBeGreaterThanOrEqual(0);
    expect(ev.recovery_minutes === null || ev.recovery_minutes >= 0).toBe(true);
  });

  it('counts exactly the contacts waiting at the end: with every agent away, all who arrived in the window', () => {
    const base = scenario({
      seed: 6,
      contact_types: [contactType('general', { arrivals: flat(60), handle_time: exp(120) })],
      agent_groups: [group('team', { general: 1 }, 5)],
    });
    const [r] = replicate(withEvents(base, [event({ from: '2026-01-05T10:00', to: '2026-01-05T11:00', agents_absent: { team: 5 } })]), 1) as [Result];
    const ev = r.events![0]!;
    // Nobody is answered in the window (agents finishing a contact log out), nobody abandons.
    expect(r.by_interval[10]!.arrivals).toBeGreaterThan(30);
    expect(ev.waiting_at_end_of_event).toBe(r.by_interval[10]!.arrivals);
    expect(ev.offered_during).toBe(r.by_interval[10]!.arrivals);
    expect(ev.abandoned_during).toBe(0);
  });
});
