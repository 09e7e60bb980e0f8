import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenarioObject } from '../../src/scenario/index.ts';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { MINIMAL, expectProblem, scenarioError, tempFile } from './helpers.ts';

const FULL = `name: Full bank
seed: 42
horizon: { start: 2026-03-02, days: 1, interval_minutes: 60, warmup_hours: 1 }
service_level:
  threshold_seconds: 30
  target: 0.9
  max_abandon_rate: 0.05
  max_asa_seconds: 40
  max_occupancy: 0.85
contact_types:
  - id: billing
    channel: voice
    arrivals:
      per_day: 2400
      by_hour: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0, 0]
      by_weekday: [1.2, 1, 1, 1, 0.9, 0.5, 0]
      by_month: [1, 1, 1.1, 1, 1, 1, 0.8, 0.8, 1, 1, 1, 1.3]
      by_date: { 2026-03-02: 1.5, "2026-12-24": 0 }
      overdispersion_cv: 0.1
    handle_time: { distribution: lognormal, mean_minutes: 5, cv: 0.8 }
    patience:
      distribution: mixture
      parts:
        - { weight: 1, distribution: deterministic, mean_seconds: 0 }
        - { weight: 9, distribution: exponential, mean_minutes: 2 }
    retry: { probability: 0.4, after: { distribution: gamma, mean_minutes: 10, cv: 0.5 } }
    fcr: 0.85
    repeat_after: { distribution: exponential, mean_hours: 48 }
    priority: 2
    service_level_seconds: 25
    self_service:
      share_offered: 0.6
      containment: 0.3
      duration: { distribution: empirical, values_seconds: [30, 45, 60, 90] }
      cost_per_session: 0.15
      failed_handle_time_factor: 1.1
  - id: chat
    channel: chat
    arrivals: { per_hour: [0, 0, 0, 0, 0, 0, 0, 5, 10, 20, 20, 20, 20, 20, 20, 20, 20, 15, 10, 5, 0, 0, 0, 0] }
    handle_time: { distribution: gamma, mean_seconds: 400, cv: 0.6 }
    patience: 300
  - id: email
    channel: email
    arrivals: { per_day: 500 }
    handle_time: { distribution: deterministic, mean_minutes: 6 }
    service_level_seconds: 86400
agent_groups:
  - id: generalists
    skills: { billing: 1, chat: 0.8, email: 0.5 }
    agents: 12
    hourly_cost: 28
    shrinkage: 0.3
    concurrency: 2
  - id: day_shift
    skills: { billing: 0.9 }
    shifts:
      - { start: "08:00", hours: 8, agents: 10, days: [mon, tue, wed, thu, fri] }
      - { start: "9:30", hours: 4.5, agents: 3 }
  - id: by_hour
    skills: { chat: 1 }
    agents: [0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 1, 0, 0, 0, 0]
  - id: planned
    skills: { email: 1 }
    agents: { by_interval: [0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0] }
routing: { policy: longest_idle, transfer_seconds: 45 }
costs: { per_minute_voice: 0.02, per_contact: 0.5, overhead_per_agent_hour: 4 }
`;

describe('loading a scenario', () => {
  it('loads the minimal Erlang C example with every default applied', () => {
    const file = tempFile('erlang-c.yaml', MINIMAL);
    const { scenario, warnings } = loadScenario(file);
    expect(warnings).toEqual([]);
    expect(scenario).toEqual({
      name: 'Erlang C check',
      seed: 7,
      horizon: { start: '2026-01-05', days: 3, interval_minutes: 60, warmup_hours: 2 },
      service_level: { threshold_seconds: 20, target: 0.8 },
      contact_types: [
        {
          id: 'general',
          channel: 'voice',
          arrivals: {
            per_hour: 360,
            by_weekday: [1, 1, 1, 1, 1, 1, 1],
            by_month: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
            by_date: {},
            overdispersion_cv: 0,
          },
          handle_time: { distribution: 'exponential', mean_seconds: 180 },
          patience: null,
          retry: null,
          fcr: 1,
          repeat_after: { distribution: 'exponential', mean_seconds: 86400 },
          priority: 0,
          service_level_seconds: 20,
          self_service: null,
        },
      ],
      agent_groups: [
        {
          id: 'team',
          skills: { general: 1 },
          staffing: { kind: 'constant', agents: 20 },
          hourly_cost: 0,
          shrinkage: 0,
          staffing_scale: 1,
          absence: 0,
          concurrency: 1,
        },
      ],
      routing: { policy: 'skill_based', transfer_seconds: 60 },
      costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0 },
      // The effort points of the scenario format, written out.
      experience: {
        effort: {
          per_wait_minute: 0.1,
          max_wait_points: 2,
          abandon: 1,
          transfer: 1,
          repeat: 1.5,
          self_service_failed: 0.5,
          channel_switch: 0.5,
          unresolved: 2,
          high_threshold: 5,
        },
      },
      source: file,
    });
  });

  it('names a scenario without a name after its file and takes defaults for seed and horizon', () => {
    const text = MINIMAL.replace(/^name:.*\n/m, '').replace(/^seed:.*\n/m, '').replace(/^horizon:.*\n/m, '');
    const { scenario } = parseScenario(text, 'scenarios/retail-bank.yaml');
    expect(scenario.name).toBe('retail-bank');
    expect(scenario.seed).toBe(1);
    expect(scenario.horizon).toEqual({ start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 0 });
    expect(scenario.source).toBeUndefined();
  });

  it('loads a scenario using every field and normalizes it', () => {
    const { scenario, warnings } = parseScenario(FULL, 'full.yaml');
    expect(scenario.name).toBe('Full bank');
    expect(scenario.seed).toBe(42);
    expect(scenario.horizon).toEqual({ start: '2026-03-02', days: 1, interval_minutes: 60, warmup_hours: 1 });
    expect(scenario.service_level).toEqual({
      threshold_seconds: 30,
      target: 0.9,
      max_abandon_rate: 0.05,
      max_asa_seconds: 40,
      max_occupancy: 0.85,
    });
    expect(scenario.routing).toEqual({ policy: 'longest_idle', transfer_seconds: 45 });
    expect(scenario.costs).toEqual({ per_minute_voice: 0.02, per_contact: 0.5, overhead_per_agent_hour: 4 });

    const [billing, chat, email] = scenario.contact_types;
    expect(billing!.arrivals).toMatchObject({ per_day: 2400, overdispersion_cv: 0.1 });
    expect(billing!.arrivals.per_hour).toBeUndefined();
    expect(billing!.arrivals.by_hour).toHaveLength(24);
    expect(billing!.arrivals.by_date).toEqual({ '2026-03-02': 1.5, '2026-12-24': 0 });
    expect(billing!.handle_time).toEqual({ distribution: 'lognormal', mean_seconds: 300, cv: 0.8 });
    expect(billing!.patience).toEqual({
      distribution: 'mixture',
      parts: [
        { weight: 0.1, dist: { distribution: 'deterministic', mean_seconds: 0 } },
        { weight: 0.9, dist: { distribution: 'exponential', mean_seconds: 120 } },
      ],
    });
    expect(billing!.retry).toEqual({ probability: 0.4, after: { distribution: 'gamma', mean_seconds: 600, cv: 0.5 } });
    expect(billing!.repeat_after).toEqual({ distribution: 'exponential', mean_seconds: 48 * 3600 });
    expect(billing).toMatchObject({ fcr: 0.85, priority: 2, service_level_seconds: 25 });
    expect(billing!.self_service).toEqual({
      share_offered: 0.6,
      containment: 0.3,
      duration: { distribution: 'empirical', values_seconds: [30, 45, 60, 90] },
      cost_per_session: 0.15,
      failed_handle_time_factor: 1.1,
    });

    expect(chat!.channel).toBe('chat');
    expect(chat!.arrivals.per_hour).toHaveLength(24);
    expect(chat!.patience).toEqual({ distribution: 'deterministic', mean_seconds: 300 });
    expect(chat!.service_level_seconds).toBe(30); // the top-level threshold

    expect(email!.channel).toBe('email');
    expect(email!.handle_time).toEqual({ distribution: 'deterministic', mean_seconds: 360 });
    expect(email!.service_level_seconds).toBe(86400);

    const [generalists, dayShift, byHour, planned] = scenario.agent_groups;
    expect(generalists).toEqual({
      id: 'generalists',
      skills: { billing: 1, chat: 0.8, email: 0.5 },
      staffing: { kind: 'constant', agents: 12 },
      hourly_cost: 28,
      shrinkage: 0.3,
      staffing_scale: 1,
      absence: 0,
      concurrency: 2,
    });
    expect(dayShift!.staffing).toEqual({
      kind: 'shifts',
      shifts: [
        { start: '08:00', hours: 8, agents: 10, days: ['mon', 'tue', 'wed', 'thu', 'fri'], breaks: [], break_window_minutes: 60 },
        { start: '09:30', hours: 4.5, agents: 3, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], breaks: [], break_window_minutes: 60 },
      ],
    });
    expect(byHour!.staffing.kind).toBe('hourly');
    expect(planned!.staffing).toMatchObject({ kind: 'by_interval' });
    expect(planned!.staffing.kind === 'by_interval' && planned!.staffing.agents).toHaveLength(24);
    expect(warnings).toEqual([]);
  });

  it('reads `id: 0123` as the id "0123", not the number 123', () => {
    const text = MINIMAL.replace('id: general', 'id: 0123').replace('{ general: 1 }', '{ 0123: 1 }');
    const { scenario } = parseScenario(text, 'ids.yaml');
    expect(scenario.contact_types[0]!.id).toBe('0123');
    expect(scenario.agent_groups[0]!.skills).toEqual({ '0123': 1 });
  });

  it('reads a bare number as deterministic seconds, so patience: 0 works', () => {
    const text = MINIMAL.replace(
      '    handle_time: { distribution: exponential, mean_seconds: 180 }',
      '    handle_time: { distribution: exponential, mean_hours: 0.05 }\n    patience: 0',
    );
    const { scenario } = parseScenario(text, 'zero.yaml');
    expect(scenario.contact_types[0]!.patience).toEqual({ distribution: 'deterministic', mean_seconds: 0 });
    expect(scenario.contact_types[0]!.handle_time).toEqual({ distribution: 'exponential', mean_seconds: 180 });
  });

  it('reads names and times that YAML would take for numbers as written', () => {
    const text = MINIMAL.replace('name: Erlang C check', 'name: 2024').replace(
      '    agents: 20',
      '    shifts: [{ start: 7:00, hours: 8, agents: 3 }]',
    );
    const { scenario } = parseScenario(text, 'n.yaml');
    expect(scenario.name).toBe('2024');
    expect(scenario.agent_groups[0]!.staffing).toEqual({
      kind: 'shifts',
      shifts: [{ start: '07:00', hours: 8, agents: 3, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], breaks: [], break_window_minutes: 60 }],
    });
  });

  it('loads a JSON file, with line numbers in its problems', () => {
    const json = {
      contact_types: [{ id: 'general', arrivals: { per_hour: 10 }, handle_time: { distribution: 'exponential', mean_seconds: 60 } }],
      agent_groups: [{ id: 'team', skills: { general: 1 }, agents: 2 }],
    };
    const file = tempFile('small.json', JSON.stringify(json, null, 2));
    const { scenario } = loadScenario(file);
    expect(scenario.name).toBe('small');
    expect(scenario.agent_groups[0]!.staffing).toEqual({ kind: 'constant', agents: 2 });

    json.contact_types[0]!.arrivals.per_hour = -5;
    const bad = tempFile('bad.json', JSON.stringify(json, null, 2));
    const err = scenarioError(() => loadScenario(bad));
    expectProblem(err, 'contact_types[general].arrivals.per_hour', 6, 'expected a number >= 0, got -5');
  });

  it('validates an already-parsed object, naming list items by id', () => {
    const obj = {
      contact_types: [{ id: 'general', arrivals: { per_hour: 10 }, handle_time: 60, fcr: 1.5 }],
      agent_groups: [{ id: 'team', skills: { general: 1 }, agents: 2 }],
    };
    const err = scenarioError(() => validateScenarioObject(obj, 'variant high-fcr'));
    expect(err.problems).toEqual([
      { path: 'contact_types[general].fcr', message: 'expected a share between 0 and 1, got 1.5' },
    ]);
    expect(err.message).toBe('variant high-fcr: contact_types[general].fcr: expected a share between 0 and 1, got 1.5');
  });

  it('warns, without failing, about patience on email and concurrency without chat', () => {
    const text = `${MINIMAL.replace('    agents: 20', '    agents: 20\n    concurrency: 3')}
  - id: mail_team
    skills: { mail: 1 }
    agents: 1
`.replace(
      'agent_groups:',
      `  - id: mail
    channel: email
    arrivals: { per_day: 100 }
    handle_time: 300
    patience: { distribution: exponential, mean_hours: 4 }
agent_groups:`,
    );
    const { scenario, warnings } = parseScenario(text, 'warn.yaml');
    expect(scenario.contact_types[1]!.patience).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warn\.yaml:12:\d+: contact_types\[mail\]\.patience: patience is ignored for email/);
    expect(warnings[1]).toMatch(/^warn\.yaml:17:\d+: agent_groups\[team\]\.concurrency: concurrency 3 has no effect/);
  });
});
