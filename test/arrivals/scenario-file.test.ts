import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { scenarioToYaml } from '../../src/staffing/index.ts';

const TEXT = `
name: Hours
horizon: { start: 2026-03-02, days: 2, interval_minutes: 30 }
open_hours: { mon: ["08:00", "20:00"], tue: [["08:00", "12:00"], ["13:00", "18:00"]], sat: closed }
contact_types:
  - id: voice
    arrivals:
      per_day: 480
      by_hour: [${Array.from({ length: 48 }, (_, k) => (k >= 16 && k < 40 ? 1 : 0)).join(', ')}]
      intraday_by_weekday: { mon: [${Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 12 ? 2 : 1)).join(', ')}] }
      scale: 1.1
    handle_time: 240
    handle_time_by_hour: [${Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 1.2)).join(', ')}]
    when_closed: { retry_probability: 0.5 }
  - id: mail
    channel: email
    arrivals: { per_hour: 10 }
    handle_time: 300
    open_hours: { sun: ["00:00", "24:00"] }
agent_groups:
  - { id: team, skills: { voice: 1, mail: 1 }, agents: 4 }
`;

describe('the new arrival and opening-hour fields in a written scenario (staffed.yaml)', () => {
  it('load back to the same scenario', () => {
    const { scenario } = parseScenario(TEXT, 'hours.yaml');
    expect(scenario.contact_types[0]!.open_hours!.tue).toEqual([
      [480, 720],
      [780, 1080],
    ]);
    expect(scenario.contact_types[0]!.when_closed).toEqual({
      retry_probability: 0.5,
      after: { distribution: 'exponential', mean_seconds: 1800 },
    });
    // A type's own hours replace the scenario's.
    expect(scenario.contact_types[1]!.open_hours!.mon).toEqual([]);
    const back = parseScenario(scenarioToYaml(scenario), 'hours.yaml').scenario;
    expect(back).toEqual(scenario);
  });
});
