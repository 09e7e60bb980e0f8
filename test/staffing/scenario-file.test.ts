import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { scenarioToYaml, withPlan } from '../../src/staffing/index.ts';
import { loadScenario } from '../../src/files/scenario-file.ts';

const RICH = `
name: Rich
seed: 9
horizon: { start: 2026-03-02, days: 0.5, interval_minutes: 60, warmup_hours: 1 }
service_level: { threshold_seconds: 30, target: 0.75, max_abandon_rate: 0.1, max_asa_seconds: 60, max_occupancy: 0.9 }
contact_types:
  - id: voice
    arrivals: { per_day: 480, by_hour: [0,0,0,0,0,0,0,1,2,3,3,3,2,2,2,2,2,1,1,0,0,0,0,0], by_weekday: [1,1,1,1,0.9,0.5,0.2], by_date: { 2026-03-03: 1.5 }, overdispersion_cv: 0.1 }
    handle_time: { distribution: lognormal, mean_minutes: 4, cv: 0.7 }
    patience: { distribution: mixture, parts: [ { weight: 1, distribution: deterministic, mean_seconds: 0 }, { weight: 9, distribution: exponential, mean_seconds: 90 } ] }
    retry: { probability: 0.3, after: { distribution: gamma, mean_minutes: 10, cv: 0.5 } }
    fcr: 0.85
    priority: 1
    self_service: { share_offered: 0.4, containment: 0.3, duration: 45, cost_per_session: 0.2 }
  - id: mail
    channel: email
    arrivals: { per_hour: 10 }
    handle_time: { distribution: empirical, values_seconds: [120, 300, 600] }
    service_level_seconds: 14400
agent_groups:
  - id: front
    skills: { voice: 1, mail: 0.5 }
    shifts: [ { start: "07:00", hours: 8, agents: 4 }, { start: "12:00", hours: 8, agents: 3, days: [mon, tue] } ]
    hourly_cost: 20
    shrinkage: 0.2
  - id: back
    skills: { mail: 1 }
    agents: [0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0]
routing: { policy: longest_idle, transfer_seconds: 30 }
costs: { per_minute_voice: 0.01, per_contact: 0.5, overhead_per_agent_hour: 3 }
`;

describe('scenarioToYaml', () => {
  it('writes a scenario that loads back to the same scenario', () => {
    const { scenario } = parseScenario(RICH, 'rich.yaml');
    const back = parseScenario(scenarioToYaml(scenario, 'a comment'), 'rich.yaml').scenario;
    expect(back).toEqual(scenario);
  });

  it('writes a by_interval staffing with one value per interval, lists on one line', () => {
    const { scenario } = parseScenario(RICH, 'rich.yaml');
    const plan = [Int32Array.from({ length: 12 }, (_, i) => i), Int32Array.from({ length: 12 }, () => 2)];
    const text = scenarioToYaml(withPlan(scenario, plan), 'Staffed\nby a test');
    expect(text.startsWith('# Staffed\n# by a test\n')).toBe(true);
    expect(text).toContain('by_interval: [ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ]');
    const back = parseScenario(text, 'staffed.yaml').scenario;
    expect(back.agent_groups.map((g) => g.staffing)).toEqual([
      { kind: 'by_interval', agents: [...plan[0]!] },
      { kind: 'by_interval', agents: [...plan[1]!] },
    ]);
  });
});

describe('scenarioToYaml on the bundled scenarios with a workforce and incidents', () => {
  // A written plan must be the same scenario with new staffing: headcount, attrition, hiring
  // classes, events, effort points and scorecard included (else `ccsim simulate staffed.yaml`
  // plays another center than the one staffed).
  for (const file of ['scenarios/tech-support-quarter.yaml', 'scenarios/retail-bank-incident.yaml']) {
    it(`${file} loads back to the same scenario`, () => {
      const { scenario } = loadScenario(file);
      const { source: _source, ...loaded } = scenario;
      const back = parseScenario(scenarioToYaml(scenario), file).scenario;
      const { source: _back, ...written } = back;
      expect(written).toEqual(loaded);
    });
  }

  it('keeps the workforce and the events that the quarter and the incident scenario use', () => {
    const quarter = parseScenario(scenarioToYaml(loadScenario('scenarios/tech-support-quarter.yaml').scenario), 'q.yaml').scenario;
    const network = quarter.agent_groups.find((g) => g.id === 'network-team')!;
    expect(network.headcount).toBe(60);
    expect(network.attrition_per_year).toBe(0.35);
    expect(network.cohorts).toEqual([{ start: '2026-04-13', agents: 12, ramp: { weeks: 8, from: 0.5 } }]);
    const incident = parseScenario(scenarioToYaml(loadScenario('scenarios/retail-bank-incident.yaml').scenario), 'i.yaml').scenario;
    expect(incident.events?.length ?? 0).toBeGreaterThan(0);
  });
});
