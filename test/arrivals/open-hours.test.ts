import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { expectConservation } from '../helpers/conservation.ts';

/**
 * Opening hours: voice and chat arriving while closed are counted as `closed` and never offered
 * (some come back at the next opening); email waits in the queue for the opening.
 */

function load(yaml: string) {
  return parseScenario(yaml, 'test.yaml').scenario;
}

const WEEK = 'mon: ["08:00", "20:00"], tue: ["08:00", "20:00"], wed: ["08:00", "20:00"], thu: ["08:00", "20:00"], fri: ["08:00", "20:00"], sat: ["09:00", "17:00"]';

/** Is hour `h` of day `d` (2026-01-05 = Monday = day 0) inside WEEK? */
function openAt(d: number, h: number): boolean {
  const wd = d % 7;
  if (wd <= 4) return h >= 8 && h < 20;
  if (wd === 5) return h >= 9 && h < 17;
  return false;
}

describe('open_hours for voice', () => {
  const text = (extra = '') => `
name: hours
seed: 3
horizon: { start: 2026-01-05, days: 14, interval_minutes: 60 }
open_hours: { ${WEEK} }
contact_types:
  - id: calls
    arrivals: { per_hour: 30 }
    handle_time: 240
    patience: { distribution: exponential, mean_seconds: 120 }
    retry: { probability: 0.3, after: 600 }
    fcr: 0.8
    self_service: { share_offered: 0.5, containment: 0.3, duration: 90 }
${extra}
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 2 }
`;

  it('offers no contact while closed; closed + contained + offered + in self-service = arrivals', () => {
    const result = simulate(load(text()));
    let closedSeen = 0;
    result.by_interval.forEach((m, i) => {
      const d = Math.floor(i / 24);
      const h = i % 24;
      if (openAt(d, h)) {
        expect(m.closed, `day ${d} ${h}:00 is open`).toBe(0);
      } else {
        // Closed for the whole hour: nothing reaches an agent or self-service.
        expect(m.offered, `day ${d} ${h}:00 is closed`).toBe(0);
        expect(m.contained, `day ${d} ${h}:00 is closed`).toBe(0);
        expect(m.closed).toBe(m.arrivals);
        closedSeen += m.closed;
      }
    });
    expect(closedSeen).toBeGreaterThan(0);
    expect(result.totals.closed).toBe(closedSeen);
    expectConservation(result);
    // Sunday is not listed: closed all day.
    expect(result.by_interval.slice(6 * 24, 7 * 24).every((m) => m.offered === 0)).toBe(true);
  });

  it('a type may have its own hours; absent hours mean always open', () => {
    const own = simulate(load(text('    open_hours: { sun: ["00:00", "24:00"] }')));
    own.by_interval.forEach((m, i) => {
      const sunday = Math.floor(i / 24) % 7 === 6;
      if (sunday) expect(m.closed).toBe(0);
      else expect(m.offered).toBe(0);
    });
    const always = load(text().replace(`open_hours: { ${WEEK} }`, ''));
    expect(simulate(always).totals.closed).toBe(0);
  });

  it('hours open around the clock give the very same run as no hours (no random stream moves)', () => {
    const allDay = '["00:00", "24:00"]';
    const open = text().replace(`open_hours: { ${WEEK} }`, `open_hours: { mon: ${allDay}, tue: ${allDay}, wed: ${allDay}, thu: ${allDay}, fri: ${allDay}, sat: ${allDay}, sun: ${allDay} }`);
    const none = text().replace(`open_hours: { ${WEEK} }`, '');
    expect(simulate(load(open))).toEqual(simulate(load(none)));
  });

  it('rejects malformed hours with the field path', () => {
    expect(() => load(text().replace('sat: ["09:00", "17:00"]', 'sat: ["17:00", "09:00"]'))).toThrow(/open_hours\.sat: expected a pair of times/);
    expect(() => load(text().replace('sat: ["09:00", "17:00"]', 'saturday: closed'))).toThrow(/unknown weekday 'saturday'/);
  });
});

describe('when_closed retries', () => {
  it('come back with the given probability, at the opening plus an exponential delay', () => {
    // Open 08:00-20:00 every day, 40 calls an hour, plenty of agents and no abandonment, fcr 1:
    // every arrival beyond the first contact of its case is a closed retry, so per interval
    // retries = arrivals - cases exactly.
    const days = 30;
    const every = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["08:00", "20:00"]`).join(', ');
    const result = simulate(
      load(`
name: retries
seed: 8
horizon: { start: 2026-01-05, days: ${days}, interval_minutes: 15 }
open_hours: { ${every} }
contact_types:
  - id: calls
    arrivals: { per_hour: 40 }
    handle_time: 60
    when_closed: { retry_probability: 0.4, after: { distribution: exponential, mean_minutes: 30 } }
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 20 }
`),
    );
    expectConservation(result);
    // Closed contacts whose next opening is inside the horizon (not those of the last evening).
    let closedBeforeAnOpening = 0;
    const retriesByQuarterAfterOpening = new Array<number>(48).fill(0);
    result.by_interval.forEach((m, i) => {
      const q = i % 96; // quarter of the day
      const d = Math.floor(i / 96);
      if (!(d === days - 1 && q >= 80)) closedBeforeAnOpening += m.closed;
      if (q >= 32 && q < 80) retriesByQuarterAfterOpening[q - 32]! += m.arrivals - m.cases;
      else expect(m.arrivals - m.cases, 'no retry arrives while closed').toBe(0);
    });
    const retries = retriesByQuarterAfterOpening.reduce((a, b) => a + b, 0);
    // Binomial(closed, 0.4): within 3.29 standard deviations (99.9%).
    const n = closedBeforeAnOpening;
    expect(Math.abs(retries - 0.4 * n)).toBeLessThan(3.29 * Math.sqrt(n * 0.4 * 0.6));
    // Delays after the opening: exponential, mean 30 min. Quarter k after 08:00 holds the share
    // e^(-k/2) - e^(-(k+1)/2); the first 8 quarters and the rest as a ninth cell. The 0.999
    // quantile of chi-square with 8 degrees of freedom is 26.12 (scipy.stats.chi2.ppf(0.999, 8)).
    const cells = Array.from({ length: 9 }, (_, k) =>
      k < 8 ? Math.exp(-k / 2) - Math.exp(-(k + 1) / 2) : Math.exp(-4),
    );
    const observed = [...retriesByQuarterAfterOpening.slice(0, 8), retriesByQuarterAfterOpening.slice(8).reduce((a, b) => a + b, 0)];
    const chi2 = cells.reduce((sum, p, k) => sum + (observed[k]! - p * retries) ** 2 / (p * retries), 0);
    expect(chi2).toBeLessThan(26.12);
  });

  it('come back on the type a retry of theirs arrives as (repeat_channel), like a retry after abandoning', () => {
    // Calls open 08:00-20:00; a closed call comes back with probability 0.4 as a chat, a type with
    // no arrivals of its own. So every chat is such a retry, and no call is.
    const days = 10;
    const every = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["08:00", "20:00"]`).join(', ');
    const result = simulate(
      load(`
name: retries on another channel
seed: 8
horizon: { start: 2026-01-05, days: ${days}, interval_minutes: 15 }
open_hours: { ${every} }
contact_types:
  - id: calls
    arrivals: { per_hour: 40 }
    handle_time: 60
    repeat_channel: chat
    when_closed: { retry_probability: 0.4, after: { distribution: exponential, mean_minutes: 30 } }
  - { id: chat, channel: chat, arrivals: { per_hour: 0 }, handle_time: 60 }
agent_groups:
  - { id: team, skills: { calls: 1, chat: 1 }, agents: 20 }
`),
    );
    expectConservation(result);
    const calls = result.by_type['calls']!;
    const chat = result.by_type['chat']!;
    expect(calls.arrivals).toBe(calls.cases);
    expect(chat.cases).toBe(0);
    // Closed calls whose next opening is inside the horizon (not those of the last evening).
    let n = 0;
    result.by_interval.forEach((m, i) => {
      if (!(Math.floor(i / 96) === days - 1 && i % 96 >= 80)) n += m.closed;
    });
    // Binomial(n, 0.4): within 3.29 standard deviations (99.9%).
    expect(n).toBeGreaterThan(4000);
    expect(Math.abs(chat.arrivals - 0.4 * n)).toBeLessThan(3.29 * Math.sqrt(n * 0.4 * 0.6));
  });

  it('without when_closed, a closed contact does not come back and its case is lost', () => {
    const result = simulate(
      load(`
name: lost
horizon: { start: 2026-01-05, days: 2, interval_minutes: 60 }
open_hours: { ${WEEK} }
contact_types:
  - { id: calls, arrivals: { per_hour: 10 }, handle_time: 60 }
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 3 }
`),
    );
    expect(result.totals.closed).toBeGreaterThan(0);
    expect(result.totals.lost_cases).toBe(result.totals.closed);
    expect(result.totals.arrivals).toBe(result.totals.cases);
  });
});

describe('email and opening hours', () => {
  it('email arriving while closed waits in the queue and is served after the opening', () => {
    const result = simulate(
      load(`
name: email
seed: 4
horizon: { start: 2026-01-05, days: 5, interval_minutes: 60 }
open_hours: { ${WEEK} }
contact_types:
  - id: mail
    channel: email
    arrivals: { per_hour: 6 }
    handle_time: 300
    service_level_seconds: 3600
agent_groups:
  - { id: team, skills: { mail: 1 }, agents: 10 }
`),
    );
    expectConservation(result);
    expect(result.totals.closed).toBe(0);
    result.by_interval.forEach((m, i) => {
      const d = Math.floor(i / 24);
      const h = i % 24;
      expect(m.offered, 'email is offered on arrival, open or not').toBe(m.arrivals);
      if (m.answered === 0) return;
      if (openAt(d, h)) {
        // 10 agents for 6 an hour: once the night's backlog (about 72 x 5 min over 10 agents,
        // some 36 minutes) is cleared, mail is answered at once.
        if (h >= 10) expect(m.asa_seconds, `day ${d} ${h}:00`).toBe(0);
      } else if (h < 8) {
        // Sent h:xx, answered from 08:00: the wait runs from its arrival, at least 8 - h - 1 hours.
        expect(m.asa_seconds!).toBeGreaterThanOrEqual((8 - h - 1) * 3600);
        expect(m.asa_seconds!).toBeLessThanOrEqual((8 - h + 1) * 3600);
        // Service level stays honest: a night's mail is not answered within the hour.
        if (h < 7) expect(m.service_level).toBe(0);
      } else {
        // Sent after 20:00: waits for the next morning.
        expect(m.asa_seconds!).toBeGreaterThanOrEqual((24 - h - 1 + 8) * 3600);
      }
    });
    // Friday evening's mail is answered on Saturday morning, after the horizon: none is left.
    expect(result.totals.waiting_at_end).toBe(0);
    expect(result.totals.answered).toBe(result.totals.offered);
  });

  it('email for a type that never opens is still waiting at the end (and counted so)', () => {
    const result = simulate(
      load(`
name: never
horizon: { start: 2026-01-05, days: 1, interval_minutes: 60 }
contact_types:
  - { id: mail, channel: email, arrivals: { per_hour: 6 }, handle_time: 300, open_hours: {} }
agent_groups:
  - { id: team, skills: { mail: 1 }, agents: 2 }
`),
    );
    expectConservation(result);
    expect(result.totals.offered).toBeGreaterThan(0);
    expect(result.totals.answered).toBe(0);
    expect(result.totals.waiting_at_end).toBe(result.totals.offered);
  });
});

describe('unstaffed stretches', () => {
  const text = (hours: string) => `
name: unstaffed
horizon: { start: 2026-01-05, days: 2, interval_minutes: 60 }
${hours}
contact_types:
  - { id: calls, arrivals: { per_hour: 10 }, handle_time: 60, patience: 60 }
agent_groups:
  - { id: team, skills: { calls: 1 }, shifts: [{ start: "08:00", hours: 12, agents: 3 }] }
`;

  it('a warning names each stretch of an hour or more with contacts offered and nobody logged in', () => {
    const result = simulate(load(text('')));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings![0]).toContain("contact type 'calls'");
    expect(result.warnings![0]).toContain('2026-01-05 00:00 to 2026-01-05 08:00 (8 h)');
    expect(result.warnings![0]).toContain('2026-01-05 20:00 to 2026-01-06 08:00 (12 h)');
    expect(result.warnings![0]).toContain('2026-01-06 20:00 to 2026-01-07 00:00 (4 h)');
  });

  it('no warning when the opening hours match the staffing', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["08:00", "20:00"]`).join(', ');
    expect(simulate(load(text(`open_hours: { ${days} }`))).warnings).toBeUndefined();
  });
});

describe('when_closed that cannot apply', () => {
  const warningsOf = (yaml: string) => parseScenario(yaml, 'w.yaml').warnings.join('\n');
  it('is pointed out for email and for a type that is always open', () => {
    const text = (channel: string, hours: string) => `
name: w
${hours}
contact_types:
  - { id: t, channel: ${channel}, arrivals: { per_hour: 1 }, handle_time: 60, when_closed: { retry_probability: 0.5 } }
agent_groups:
  - { id: g, skills: { t: 1 }, agents: 1 }
`;
    expect(warningsOf(text('email', 'open_hours: { mon: ["08:00", "18:00"] }'))).toMatch(/when_closed is ignored for email/);
    expect(warningsOf(text('voice', ''))).toMatch(/when_closed has no effect: this type has no open_hours/);
    expect(warningsOf(text('voice', 'open_hours: { mon: ["08:00", "18:00"] }'))).toBe('');
  });
});
