/**
 * The public functions as a program calls them (src/index.ts exports these): each checks its
 * arguments (see arguments.ts) and the work asked for (see experiment/work-estimate.ts) before
 * doing anything, and throws ArgumentError / WorkLimitError (both UserErrors, with messages like
 * the command line's). Inside ccsim the unchecked functions are called directly: their inputs
 * are already checked.
 */
import { ArgumentError } from '../errors.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';
import { compile as compileModel } from '../model/compile.ts';
import { withOverrides } from '../experiment/simulate.ts';
import {
  runReplications as runReplicationsOf,
  simulateParallel as simulateParallelOf,
  DEFAULT_MAX_REPLICATIONS,
  type ReplicationsOptions,
  type TargetOutcome,
} from '../experiment/replications.ts';
import { compare as compareExperiment, type CompareOptions, type CompareOutcome } from '../experiment/compare.ts';
import { sweep as sweepExperiment, gridSize, type SweepOptions, type SweepOutcome } from '../experiment/sweep.ts';
import type { RawScenario } from '../experiment/variants.ts';
import type { Axis } from '../experiment/specs.ts';
import type { Plan } from '../experiment/types.ts';
import { staff as staffScenario, type StaffOptions, type Staffed } from '../staffing/index.ts';
import { staffVerified, type VerifiedStaffing, type VerifyOptions } from '../staffing/verified.ts';
import { fitHistory as fitHistoryText, fitHistoryFile as fitHistoryPath, type FitOptions } from '../fit/index.ts';
import type { FitResult } from '../fit/types.ts';
import { checkWork, expectedContacts } from '../experiment/work-estimate.ts';
import { optionsArgument, scenarioArgument } from './arguments.ts';
import { checkScenarioWork } from './core-api.ts';
export { compile, runReplication, summarise, aggregate, simulate, type LibrarySimulateOptions } from './core-api.ts';
import { expected } from '../scenario/messages.ts';

const REPLICATION_OPTIONS = ['seed', 'days', 'replications', 'targetCi', 'maxReplications', 'jobs', 'runner', 'progress', 'intervals', 'allowLong'];

function replicationsOf(o: { replications?: number | undefined; targetCi?: readonly unknown[] | undefined; maxReplications?: number | undefined }): number {
  return o.targetCi !== undefined && o.targetCi.length > 0 ? (o.maxReplications ?? DEFAULT_MAX_REPLICATIONS) : (o.replications ?? 1);
}

export async function runReplications(scenario: Scenario, options?: ReplicationsOptions & { allowLong?: boolean }): Promise<Result[]> {
  const s = scenarioArgument(scenario, 'runReplications');
  const o = optionsArgument<ReplicationsOptions & { allowLong?: boolean }>(options, 'runReplications', REPLICATION_OPTIONS);
  checkScenarioWork([withOverrides(s, o)], replicationsOf(o), 1, o.allowLong);
  return runReplicationsOf(s, o);
}

export async function simulateParallel(
  scenario: Scenario,
  options?: ReplicationsOptions & { allowLong?: boolean },
): Promise<{ result: Result; targets?: TargetOutcome[] }> {
  const s = scenarioArgument(scenario, 'simulateParallel');
  const o = optionsArgument<ReplicationsOptions & { allowLong?: boolean }>(options, 'simulateParallel', REPLICATION_OPTIONS);
  checkScenarioWork([withOverrides(s, o)], replicationsOf(o), 1, o.allowLong);
  return simulateParallelOf(s, o);
}

export async function compare(plans: readonly Plan[], options?: CompareOptions & { allowLong?: boolean }): Promise<CompareOutcome> {
  if (!Array.isArray(plans) || plans.length === 0) {
    throw new ArgumentError('compare', [{ path: 'plans', message: expected('a non-empty list of {name, scenario}', plans) }]);
  }
  const checked: Plan[] = plans.map((p: unknown, i) => {
    if (typeof p !== 'object' || p === null || typeof (p as Plan).name !== 'string') {
      throw new ArgumentError('compare', [{ path: `plans[${i}]`, message: expected('a plan {name, scenario}', p) }]);
    }
    return { name: (p as Plan).name, scenario: scenarioArgument((p as Plan).scenario, 'compare', `plans[${i}].scenario`) };
  });
  const o = optionsArgument<CompareOptions & { allowLong?: boolean }>(options, 'compare', REPLICATION_OPTIONS.filter((k) => k !== 'intervals'));
  const seed = o.seed ?? checked[0]!.scenario.seed;
  checkScenarioWork(checked.map((p) => withOverrides(p.scenario, { seed, days: o.days })), replicationsOf(o), checked.length, o.allowLong);
  return compareExperiment(checked, o);
}

export async function sweep(base: RawScenario, axes: readonly Axis[], options?: SweepOptions & { allowLong?: boolean }): Promise<SweepOutcome> {
  if (typeof base !== 'object' || base === null || typeof base.raw !== 'object') {
    throw new ArgumentError('sweep', [{ path: 'base', message: expected('a scenario loaded with loadRawScenario()', base) }]);
  }
  const scenario = scenarioArgument(base.scenario, 'sweep', 'base.scenario');
  if (!Array.isArray(axes) || axes.some((a) => typeof a !== 'object' || a === null || typeof a.path !== 'string' || !Array.isArray(a.values) || a.values.length === 0)) {
    throw new ArgumentError('sweep', [{ path: 'axes', message: expected('a list of {path, values} with at least one value each', axes) }]);
  }
  const o = optionsArgument<SweepOptions & { allowLong?: boolean }>(options, 'sweep', [...REPLICATION_OPTIONS.filter((k) => k !== 'intervals'), 'shard', 'onWarning']);
  checkScenarioWork([withOverrides(scenario, o)], replicationsOf(o), gridSize(axes), o.allowLong);
  return sweepExperiment({ ...base, scenario }, axes, o);
}

const STAFF_OPTIONS = ['seed', 'days', 'replications', 'earlyReplications', 'maxIterations', 'minOffered', 'maxRemovalRounds', 'tolerance', 'onProgress'];

/** The staffing search on the calling thread (synchronous): the interval plan, not verified. */
export function staff(scenario: Scenario, options?: StaffOptions): Staffed {
  const s = scenarioArgument(scenario, 'staff');
  const o = optionsArgument<StaffOptions>(options, 'staff', STAFF_OPTIONS);
  checkWork({ contactsPerReplication: expectedContacts(compileModel(withOverrides(s, { seed: o.seed, days: o.days }))), replications: 1, runs: 1 });
  return staffScenario(s, o);
}

/**
 * What `ccsim staff` does: the search, both plans (interval and shifts) verified on fresh
 * replications and repaired, with `jobs` worker threads (default 1). The plans and every figure
 * are the same whatever `jobs`.
 */
export async function staffParallel(scenario: Scenario, options?: VerifyOptions): Promise<VerifiedStaffing> {
  const s = scenarioArgument(scenario, 'staffParallel');
  const o = optionsArgument<VerifyOptions>(options, 'staffParallel', [...STAFF_OPTIONS, 'jobs', 'verifyReplications']);
  checkWork({ contactsPerReplication: expectedContacts(compileModel(withOverrides(s, { seed: o.seed, days: o.days }))), replications: 1, runs: 1 });
  return staffVerified(s, o);
}

export function fitHistory(text: string, file: string, options?: FitOptions): FitResult {
  if (typeof text !== 'string') throw new ArgumentError('fitHistory', [{ path: 'text', message: expected('the CSV text', text) }]);
  if (typeof file !== 'string') throw new ArgumentError('fitHistory', [{ path: 'file', message: expected('a file name for messages', file) }]);
  return fitHistoryText(text, file, optionsArgument<FitOptions>(options, 'fitHistory', ['maps', 'strict', 'delimiter', 'decimal']));
}

export function fitHistoryFile(file: string, options?: FitOptions): FitResult {
  if (typeof file !== 'string' || file === '') throw new ArgumentError('fitHistoryFile', [{ path: 'file', message: expected('a file path', file) }]);
  return fitHistoryPath(file, optionsArgument<FitOptions>(options, 'fitHistoryFile', ['maps', 'strict', 'delimiter', 'decimal']));
}
