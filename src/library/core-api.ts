/**
 * The core's public functions as a program calls them (src/core.ts and src/index.ts export
 * these): each checks its arguments (see arguments.ts) and the work asked for (see
 * experiment/work-estimate.ts) first, and throws ArgumentError / WorkLimitError. No Node-only
 * import: this runs in a browser too. Inside ccsim the unchecked functions are called directly.
 */
import { ArgumentError } from '../errors.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';
import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import type { RunTrace } from '../center/trace.ts';
import { compile as compileModel } from '../model/compile.ts';
import { runReplication as runOne } from '../center/run.ts';
import { summarise as summariseTally } from '../metrics/summarise.ts';
import { aggregate as aggregateResults } from '../metrics/aggregate.ts';
import { simulate as simulateScenario, withOverrides, type SimulateOptions } from '../experiment/simulate.ts';
import { checkWork, expectedContacts } from '../experiment/work-estimate.ts';
import { optionsArgument, scenarioArgument } from './arguments.ts';
import { expected } from '../scenario/messages.ts';

/** The work check for plans of these (override-applied) scenarios. */
export function checkScenarioWork(scenarios: readonly Scenario[], replications: number, runs: number, allowLong: boolean | undefined): void {
  let most = 0;
  for (const s of scenarios) most = Math.max(most, expectedContacts(compileModel(s)));
  checkWork({ contactsPerReplication: most, replications, runs, allowLong });
}

/** Models made by `compile`, so `runReplication` can tell one from any other object. */
const compiled = new WeakSet<Model>();

export function compile(scenario: Scenario): Model {
  const model = compileModel(scenarioArgument(scenario, 'compile'));
  compiled.add(model);
  return model;
}

export function runReplication(model: Model, seed: number, replication: number, trace?: RunTrace): Tally {
  if (typeof model !== 'object' || model === null || !compiled.has(model)) {
    throw new ArgumentError('runReplication', [{ path: 'model', message: expected('a model made by compile()', model) }]);
  }
  optionsArgument({ seed }, 'runReplication', ['seed']);
  if (typeof replication !== 'number' || !Number.isSafeInteger(replication) || replication < 0) {
    throw new ArgumentError('runReplication', [{ path: 'replication', message: expected('a whole number >= 0', replication) }]);
  }
  checkWork({ contactsPerReplication: expectedContacts(model), replications: 1, runs: 1 });
  return runOne(model, seed, replication, trace);
}

export function summarise(model: Model, tally: Tally, seed: number): Result {
  if (typeof model !== 'object' || model === null || !compiled.has(model)) {
    throw new ArgumentError('summarise', [{ path: 'model', message: expected('a model made by compile()', model) }]);
  }
  optionsArgument({ seed }, 'summarise', ['seed']);
  return summariseTally(model, tally, seed);
}

export function aggregate(results: Result[]): Result {
  if (!Array.isArray(results) || results.length === 0) {
    throw new ArgumentError('aggregate', [{ path: 'results', message: expected('a non-empty list of results', results) }]);
  }
  return aggregateResults(results);
}

export type LibrarySimulateOptions = SimulateOptions & { allowLong?: boolean };

export function simulate(scenario: Scenario, options?: LibrarySimulateOptions): Result {
  const s = scenarioArgument(scenario, 'simulate');
  const o = optionsArgument<LibrarySimulateOptions>(options, 'simulate', ['seed', 'days', 'replications', 'allowLong', 'onProgress']);
  checkScenarioWork([withOverrides(s, o)], o.replications ?? 1, 1, o.allowLong);
  return simulateScenario(s, o);
}

