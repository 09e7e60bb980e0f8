import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError, UserError } from '../../src/errors.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { fitHistory } from '../../src/fit/index.ts';

/*
 * Issue 15: over random documents and random rows, the scenario loader and fit's CSV reader
 * never crash and never hang (a time bound per case), and every failure is a user error: a
 * ScenarioError whose every problem has a field path or a position, or a UserError naming the file.
 */

const PER_CASE_MS = 2000;

const key = fc.constantFrom(
  'name', 'seed', 'horizon', 'days', 'contact_types', 'agent_groups', 'id', 'arrivals', 'per_hour', 'per_day', 'by_hour',
  'handle_time', 'patience', 'retry', 'probability', 'after', 'distribution', 'mean_seconds', 'cv', 'skills', 'agents',
  'shifts', 'by_interval', 'routing', 'policy', 'costs', '__proto__', 'constructor', 'prototype', 'x',
);
const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -1, 1e308, Number.NaN, Infinity, 'exponential', 'billing', 'skill_based', '08:00', ''),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;

/** A plausible scenario with random values put into it, so the checks deep inside are reached too. */
const nearlyValid = fc.record({
  perHour: leaf,
  mean: leaf,
  agents: leaf,
  fcr: leaf,
  extra: fc.dictionary(key, value, { maxKeys: 2 }),
}).map(({ perHour, mean, agents, fcr, extra }) => ({
  contact_types: [{ id: 'billing', arrivals: { per_hour: perHour }, handle_time: { distribution: 'exponential', mean_seconds: mean }, fcr }],
  agent_groups: [{ id: 'team', skills: { billing: 1 }, agents, ...extra }],
}));

function checkUserFailure(f: () => unknown): void {
  const t0 = performance.now();
  try {
    f();
  } catch (e) {
    if (!(e instanceof UserError)) throw e; // a crash: fast-check shrinks and reports it
    if (e instanceof ScenarioError) {
      for (const p of e.problems) expect(p.path !== '' || p.line !== undefined || /file|YAML|mapping|empty|alias/.test(p.message), p.message).toBe(true);
    }
  }
  expect(performance.now() - t0).toBeLessThan(PER_CASE_MS);
}

describe('property: the scenario loader', () => {
  it('random YAML documents', () => {
    fc.assert(
      fc.property(value, (doc) => checkUserFailure(() => parseScenario(stringify(doc), 'random.yaml'))),
      { numRuns: 300, seed: 15 },
    );
  });
  it('random JSON-ish text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => checkUserFailure(() => parseScenario(text, 'random.yaml'))), { numRuns: 300, seed: 15 });
  });
  it('nearly valid scenarios with random values', () => {
    fc.assert(fc.property(nearlyValid, (doc) => checkUserFailure(() => parseScenario(JSON.stringify(doc), 'near.json'))), { numRuns: 300, seed: 15 });
  });
});

describe("property: fit's CSV reader", () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'NaN', '-', '12', '3,5', '1.234,5', '315,700', '1e308', '-4', '08:00', '2026-01-05', '"q;x"', 'billing', '05:30'),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -5, max: 500 }).map(String),
  );
  const row = fc.array(cell, { minLength: 1, maxLength: 8 });
  const header = fc.constantFrom('date,interval,queue,offered,handled,abandoned,aht', 'date;interval;queue;offered;handled;abandoned;aht', 'a,b', 'offered');
  it('random rows under a header', () => {
    fc.assert(
      fc.property(header, fc.array(row, { maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (h, rows, sep) => {
        const text = [h, ...rows.map((r) => r.join(sep))].join('\n');
        checkUserFailure(() => {
          try {
            fitHistory(text, 'random.csv');
          } catch (e) {
            if (e instanceof UserError) expect(e.message).toMatch(/random\.csv|--map|--delimiter/);
            throw e;
          }
        });
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
