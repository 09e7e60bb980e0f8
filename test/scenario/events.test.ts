import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { MINIMAL, expectProblem, parseError } from './helpers.ts';

/** MINIMAL plus an events section (lines 12 on) or extra agent-group keys (after line 11). */
const withEvents = (events: string) => `${MINIMAL}events:\n${events}`;

describe('events: the file format', () => {
  it('reads an event with every change, defaults filled in', () => {
    const s = parseScenario(
      withEvents(`  - name: IVR outage
    from: "2026-01-05T10:00"
    to: "2026-01-05T12:30"
    types: [general]
    arrivals_factor: 1.5
    handle_time_factor: 1.2
    self_service: down
    agents_absent: { team: 3 }
`),
      'ok.yaml',
    ).scenario;
    expect(s.events).toEqual([
      {
        name: 'IVR outage',
        from: '2026-01-05T10:00',
        to: '2026-01-05T12:30',
        types: ['general'],
        arrivals_factor: 1.5,
        handle_time_factor: 1.2,
        self_service_down: true,
        agents_absent: { team: 3 },
      },
    ]);
    expect(parseScenario(MINIMAL, 'ok.yaml').scenario.events).toBeUndefined();
  });

  it('an end before the start', () => {
    const err = parseError(withEvents('  - { name: x, from: "2026-01-05T10:00", to: "2026-01-05T09:00", arrivals_factor: 2 }\n'));
    expectProblem(err, 'events[0].to', 13, "expected 'to' after 'from' (2026-01-05T10:00), got 2026-01-05T09:00");
  });

  it('an event that changes nothing', () => {
    const err = parseError(withEvents('  - { name: x, from: "2026-01-05T10:00", to: "2026-01-05T11:00" }\n'));
    expectProblem(err, 'events[0]', 13, 'an event must change something');
  });

  it('unknown contact types and agent groups, with suggestions', () => {
    const err = parseError(withEvents('  - { name: x, from: "2026-01-05T10:00", to: "2026-01-05T11:00", types: [generl], agents_absent: { teem: 2 } }\n'));
    expectProblem(err, 'events[0].types[0]', 13, "unknown contact type 'generl' (did you mean 'general'?)");
    expectProblem(err, 'events[0].agents_absent.teem', 13, "unknown agent group 'teem' (did you mean 'team'?)");
  });

  it('a malformed time and a bad self_service value', () => {
    const err = parseError(withEvents('  - { name: x, from: "2026-01-05 10:00", to: "2026-01-05T25:00", self_service: off }\n'));
    expectProblem(err, 'events[0].from', 13, 'expected a date and time "YYYY-MM-DDTHH:MM"');
    expectProblem(err, 'events[0].to', 13, 'expected a date and time "YYYY-MM-DDTHH:MM"');
    expectProblem(err, 'events[0].self_service', 13, 'expected down, got "off"');
  });
});

describe('headcount, attrition and cohorts: the file format', () => {
  const withGroup = (extra: string) => MINIMAL.replace('    agents: 20\n', `    agents: 20\n${extra}`);

  it('reads them, and leaves a group without them unchanged', () => {
    const s = parseScenario(
      withGroup('    headcount: 24\n    attrition_per_year: 0.35\n    cohorts:\n      - { start: 2026-02-02, agents: 12, ramp: { weeks: 8, from: 0.5 } }\n'),
      'ok.yaml',
    ).scenario;
    expect(s.agent_groups[0]).toMatchObject({ headcount: 24, attrition_per_year: 0.35, cohorts: [{ start: '2026-02-02', agents: 12, ramp: { weeks: 8, from: 0.5 } }] });
    expect(Object.keys(parseScenario(MINIMAL, 'ok.yaml').scenario.agent_groups[0]!)).not.toContain('headcount');
  });

  it('rejects bad values with their paths', () => {
    const err = parseError(withGroup('    headcount: 0\n    attrition_per_year: -1\n    cohorts:\n      - { start: 2026-02-30, agents: 0, ramp: { weeks: 8, from: 0 } }\n'));
    expectProblem(err, 'agent_groups[team].headcount', 12, 'expected a whole number >= 1, got 0');
    expectProblem(err, 'agent_groups[team].attrition_per_year', 13, 'expected a number >= 0, got -1');
    expectProblem(err, 'agent_groups[team].cohorts[0].start', 15, 'expected an ISO date');
    expectProblem(err, 'agent_groups[team].cohorts[0].agents', 15, 'expected a whole number >= 1, got 0');
    expectProblem(err, 'agent_groups[team].cohorts[0].ramp.from', 15, 'expected a proficiency > 0 and <= 1, got 0');
  });
});

describe('events: null', () => {
  it('means no events (a what-if variant removes the base scenario\'s events this way)', () => {
    expect(parseScenario(`${MINIMAL}events: null\n`, 'ok.yaml').scenario.events).toBeUndefined();
  });
});
