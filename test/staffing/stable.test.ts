import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { compile } from '../../src/model/compile.ts';
import { analyticPlan, staff, targetsOf } from '../../src/staffing/index.ts';
import { exactCells } from '../../src/staffing/exactness.ts';
import { erlangCExact } from '../analytic/reference.ts';
import { sinusoidalDay } from './helpers.ts';

const ERLANG_C_YAML = fileURLToPath(new URL('../../scenarios/erlang-c.yaml', import.meta.url));

describe('stable answers: equal load gives an equal requirement', () => {
  it('the flat Erlang C scenario gets the exact Erlang C answer in every interval', () => {
    const { scenario } = loadScenario(ERLANG_C_YAML);
    const a = 18; // 360 an hour x 180 s
    const { threshold_seconds: t, target } = scenario.service_level;
    // The fewest agents by the direct-sum BigInt Erlang C (independent of the code under test).
    let exact = a + 1;
    while (1 - erlangCExact(exact, a) * Math.exp((-(exact - a) * t) / 180) < target) exact++;
    const { result } = staff(scenario);
    expect(result.intervals.length).toBe(72);
    for (const iv of result.intervals) expect(iv.required['team']).toEqual({ analytic: exact, simulated: exact, exact: true });
  }, 60_000);

  it('keeps the exact answer only where the load is steady; a change of load is left to the simulation', () => {
    // Hourly rates, 30-minute intervals: the second half of every hour has the load of the first.
    const s = sinusoidalDay();
    const model = compile(s);
    const pinned = exactCells(model, analyticPlan(model, targetsOf(s)))[0]!;
    for (let i = 1; i < model.intervalCount; i++) {
      const rates = s.contact_types[0]!.arrivals.per_hour as number[];
      const steady = rates[Math.floor(i / 2)] === rates[Math.floor((i - 1) / 2)];
      expect(pinned[i], `interval ${i}`).toBe(steady ? 1 : 0);
    }
    // A lognormal handle time is not Erlang's: nothing is pinned.
    const lognormal = { ...s, contact_types: [{ ...s.contact_types[0]!, handle_time: { distribution: 'lognormal' as const, mean_seconds: 240, cv: 1 } }] };
    const m2 = compile(lognormal);
    expect([...exactCells(m2, analyticPlan(m2, targetsOf(lognormal)))[0]!].every((x) => x === 0)).toBe(true);
  });
});
