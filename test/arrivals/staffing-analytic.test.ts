import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { compile } from '../../src/model/compile.ts';
import { analyticPlan, offeredRates, targetsOf } from '../../src/staffing/analytic.ts';

describe('the analytic staffing load with opening hours and handle_time_by_hour', () => {
  const every = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `${d}: ["08:00", "20:00"]`).join(', ');
  const scenario = parseScenario(
    `
name: analytic
horizon: { start: 2026-01-05, days: 1, interval_minutes: 60 }
open_hours: { ${every} }
contact_types:
  - id: calls
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
    handle_time_by_hour: [${Array.from({ length: 24 }, (_, h) => (h >= 12 && h < 18 ? 2 : 1)).join(', ')}]
agent_groups:
  - { id: team, skills: { calls: 1 }, agents: 5 }
`,
    'a.yaml',
  ).scenario;
  const model = compile(scenario);

  it('offers nothing while closed', () => {
    const rates = offeredRates(model);
    rates.forEach((r, h) => expect(r[0]! * 3600, `hour ${h}`).toBeCloseTo(h >= 8 && h < 20 ? 60 : 0, 9));
  });

  it('sizes each hour with its own handle time (Erlang C by hand: 3 Erlangs need 5 agents, 6 need 9)', () => {
    // 80% within 20 s. A = 60/h x 180 s = 3 Erlangs: 5 agents give SL 81.1% (4 give less);
    // at 360 s, A = 6: 9 agents give 83.4% (8 give less). Computed from the Erlang C formula.
    const plan = analyticPlan(model, targetsOf(scenario));
    const row = plan.separate[0]!;
    expect(row[3]).toBe(0);
    expect(row[9]).toBe(5);
    expect(row[13]).toBe(9);
    expect(row[19]).toBe(5);
  });
});
