import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { loadVariants } from '../../src/experiment/variants.ts';
import { expectConservation } from '../helpers/conservation.ts';

/* The two bundled scenarios of events and workforce changes, run over their whole horizon. */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

describe('retail-bank-incident.yaml', () => {
  it('reports both incidents, and the what-if file removes them', () => {
    const { scenario } = loadScenario(join(DIR, 'retail-bank-incident.yaml'));
    const result = simulate(scenario);
    expectConservation(result);
    expect(result.events!.map((e) => e.name)).toEqual(['IVR outage', 'CRM slowdown']);
    for (const e of result.events!) {
      expect(e.offered_during).toBeGreaterThan(0);
      expect(e.service_level_during!).toBeGreaterThanOrEqual(0);
    }
    const { plans } = loadVariants(join(DIR, 'what-if', 'retail-bank-incident-cost.yaml'));
    expect(plans.map((p) => p.name)).toEqual(['no incidents', 'with incidents']);
    expect(plans[0]!.scenario.events).toBeUndefined();
    expect(plans[1]!.scenario.events).toHaveLength(2);
  });
});

describe('tech-support-quarter.yaml', () => {
  it('has thirteen reported weeks from Monday 30 March, with both hiring classes ramping up', () => {
    const { scenario } = loadScenario(join(DIR, 'tech-support-quarter.yaml'));
    const result = simulate(scenario);
    expectConservation(result);
    const weeks = result.weekly!;
    expect(weeks).toHaveLength(13);
    expect(weeks[0]!.week_start).toBe('2026-03-30');
    expect(weeks[12]!.week_start).toBe('2026-06-22');
    const network = weeks.map((w) => w.cohorts['network-team:2026-04-13']!);
    // Not yet hired in the first two weeks; then on line, below full speed, ramping up.
    expect(network[0]!.agents).toBe(0);
    expect(network[3]!.agents!).toBeGreaterThan(0);
    expect(network[3]!.proficiency!).toBeLessThan(network[8]!.proficiency!);
    expect(network[12]!.proficiency!).toBeCloseTo(1, 9);
    // Attrition: fewer employees at the end than the week after the last class joined.
    expect(weeks[12]!.employees).toBeLessThan(weeks[7]!.employees);
  });
});
