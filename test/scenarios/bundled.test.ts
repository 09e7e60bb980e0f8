import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { studentTQuantile } from '../../src/metrics/student-t.ts';
import type { Metrics } from '../../src/metrics/types.ts';
import { expectConservation } from '../helpers/conservation.ts';
import { MINIMAL } from '../scenario/helpers.ts';
import { isVariantsFile, loadVariants } from '../../src/experiment/variants.ts';

/*
 * Every scenario shipped in scenarios/ loads without a warning, runs, keeps its books
 * (conservation), and reports sane figures. The runs are brief: the warm-up plus half a day, so
 * that the reported part is never empty. The Erlang C example is checked against its closed form.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const ALL = readdirSync(DIR)
  .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)))
  .sort();
// Variants files (a base scenario and what-ifs, for `ccsim compare`) sit beside the scenarios.
const VARIANTS = ALL.filter((f) => isVariantsFile(join(DIR, f)));
const FILES = ALL.filter((f) => !VARIANTS.includes(f));

const isShare = (x: number | null): boolean => x !== null && x >= 0 && x <= 1;
const isFiniteNonNegative = (x: number | null): boolean => x !== null && Number.isFinite(x) && x >= 0;

function expectSane(m: Metrics, where: string): void {
  expect(m.arrivals, `${where}: arrivals`).toBeGreaterThan(0);
  expect(m.answered, `${where}: answered`).toBeGreaterThan(0);
  for (const key of ['service_level', 'wait_probability', 'abandon_rate', 'occupancy', 'fcr', 'repeat_rate'] as const) {
    expect(isShare(m[key]), `${where}: ${key} = ${m[key]} is a share`).toBe(true);
  }
  expect(m.occupancy!, `${where}: occupancy`).toBeGreaterThan(0);
  expect(isFiniteNonNegative(m.asa_seconds), `${where}: asa_seconds = ${m.asa_seconds}`).toBe(true);
  expect(isFiniteNonNegative(m.aht_seconds) && m.aht_seconds! > 0, `${where}: aht_seconds = ${m.aht_seconds}`).toBe(true);
  if (m.resolved_cases > 0) {
    const { mean, p50, p90 } = m.ttr_hours;
    for (const [k, v] of [['mean', mean], ['p50', p50], ['p90', p90]] as const) {
      expect(isFiniteNonNegative(v), `${where}: ttr_hours.${k} = ${v}`).toBe(true);
    }
    expect(p50!, `${where}: ttr p50 <= p90`).toBeLessThanOrEqual(p90!);
  }
  for (const key of ['cost_total', 'cost_agents', 'cost_self_service', 'cost_telephony', 'cost_contacts', 'paid_hours'] as const) {
    expect(isFiniteNonNegative(m[key]), `${where}: ${key} = ${m[key]}`).toBe(true);
  }
  expect(isFiniteNonNegative(m.cost_per_contact), `${where}: cost_per_contact = ${m.cost_per_contact}`).toBe(true);
  expect(m.cost_agents + m.cost_self_service + m.cost_telephony + m.cost_contacts, `${where}: cost parts add up`).toBeCloseTo(m.cost_total, 6);
}

describe('bundled scenarios', () => {
  it('the folder holds the documented examples', () => {
    expect(FILES).toEqual([
      'email-backoffice.yaml',
      'erlang-c.yaml',
      'planner-week.yaml',
      'retail-bank-incident.yaml',
      'retail-bank-skills-bot.yaml',
      'retail-bank.yaml',
      'tech-support-quarter.yaml',
      'tech-support.yaml',
    ]);
    expect(VARIANTS).toEqual(['bank-ivr-tradeoff.yaml']);
  });

  for (const file of VARIANTS) {
    it(`${file}: every plan loads without warnings`, () => {
      const v = loadVariants(join(DIR, file));
      expect(v.warnings).toEqual([]);
      expect(v.plans.length).toBeGreaterThanOrEqual(2);
    });
  }

  for (const file of FILES) {
    describe(file, () => {
      const path = join(DIR, file);

      it('loads without warnings', () => {
        const { warnings } = loadScenario(path);
        expect(warnings).toEqual([]);
      });

      it('runs briefly, keeps its books, and reports sane figures', () => {
        const { scenario } = loadScenario(path);
        const days = scenario.horizon.warmup_hours / 24 + 0.5;
        const result = simulate(scenario, { days });
        expectConservation(result);
        expectSane(result.totals, 'totals');
        for (const [id, m] of Object.entries(result.by_type)) expectSane(m, `type ${id}`);
        expect(result.by_interval.length).toBe(Math.ceil((days * 1440) / scenario.horizon.interval_minutes) - Math.floor((scenario.horizon.warmup_hours * 60) / scenario.horizon.interval_minutes));
        for (const t of scenario.contact_types) {
          const m = result.by_type[t.id]!;
          if (t.channel === 'email') expect(m.abandoned, `${t.id}: email never abandons`).toBe(0);
          if (t.self_service !== null) expect(m.containment_rate, `${t.id}: containment`).toBeGreaterThan(0);
        }
      });
    });
  }
});

describe('erlang-c.yaml agrees with Erlang C', () => {
  const path = join(DIR, 'erlang-c.yaml');

  // The closed form, computed here from first principles (Erlang B recursion, then C).
  const perHour = 360;
  const meanHandle = 180;
  const servers = 20;
  const threshold = 20;
  const load = (perHour * meanHandle) / 3600; // 18 Erlangs
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (load * erlangB) / (k + load * erlangB);
  const pWait = (servers * erlangB) / (servers - load * (1 - erlangB));
  const asa = (pWait * meanHandle) / (servers - load);
  const serviceLevel = 1 - pWait * Math.exp((-(servers - load) * threshold) / meanHandle);
  const occupancy = load / servers;

  it('is exactly the minimal example of the scenario format', () => {
    const file = loadScenario(path).scenario;
    const minimal = parseScenario(MINIMAL, path).scenario;
    delete file.source;
    expect(file).toEqual(minimal);
    expect(minimal.contact_types[0]!.arrivals.per_hour).toBe(perHour);
    expect(minimal.agent_groups[0]!.staffing).toEqual({ kind: 'constant', agents: servers });
  });

  it('states the right answer in its comments', () => {
    const text = readFileSync(path, 'utf8');
    const stated = (label: RegExp): number => {
      const m = label.exec(text);
      if (!m) throw new Error(`no ${label} in the comments`);
      return Number(m[1]);
    };
    expect(stated(/P\(wait\)\s+=\s+([\d.]+)/)).toBeCloseTo(pWait, 4);
    expect(stated(/ASA\s+=.*=\s+([\d.]+) s/)).toBeCloseTo(asa, 2);
    expect(stated(/service level @20s\s+=.*=\s+([\d.]+)/)).toBeCloseTo(serviceLevel, 4);
    expect(stated(/occupancy\s+=.*=\s+([\d.]+)/)).toBeCloseTo(occupancy, 3);
  });

  it('lands within the 99.9% interval of 10 replications', () => {
    const R = 10;
    const result = simulate(loadScenario(path).scenario, { replications: R });
    expect(result.replications).toBe(R);
    const ci = result.ci95!.totals;
    // ci95 holds t(0.975, R-1) x s / sqrt(R); widen it to the 99.9% level.
    const widen = studentTQuantile(0.9995, R - 1) / studentTQuantile(0.975, R - 1);
    const check = (key: 'wait_probability' | 'asa_seconds' | 'service_level' | 'occupancy', exact: number): void => {
      const mean = result.totals[key]!;
      const tolerance = ci[key]! * widen + 1e-9;
      expect(Math.abs(mean - exact), `${key}: simulated ${mean.toFixed(4)} ± ${tolerance.toFixed(4)} vs Erlang C ${exact.toFixed(4)}`).toBeLessThanOrEqual(tolerance);
    };
    check('wait_probability', pWait);
    check('asa_seconds', asa);
    check('service_level', serviceLevel);
    check('occupancy', occupancy);
    expect(result.totals.abandoned).toBe(0);
  });
});
