/**
 * The simulation core: everything from scenario text to a Result, with no Node-only import
 * (no file system, no worker threads, no `process`), so it runs in a browser or a Web Worker
 * as well as in Node. `src/index.ts` adds the edges (files, worker threads, reports).
 *
 *   scenario text --parse+validate--> Scenario --compile--> Model --run(seed, r)--> Tally
 *     --summarise--> Result (--aggregate over replications)
 */
export type * from './scenario/types.ts';
export type * from './metrics/types.ts';
export { loadScenarioText, parseScenario, validateScenarioObject } from './scenario/index.ts';
// Each checks its arguments first (src/library/core-api.ts): ArgumentError with the field path.
export { compile, runReplication, summarise, aggregate, simulate } from './library/core-api.ts';
export type { RunTrace } from './center/trace.ts';
export { scorecardOf, attainment, meetsEveryTarget } from './metrics/scorecard.ts';
export { EFFORT_DEFAULTS } from './scenario/experience.ts';
export { BETTER_DIRECTION, type Direction } from './scenario/metric-directions.ts';
export type { SimulateOptions } from './experiment/simulate.ts';
export { erlangB, erlangC, erlangCServiceLevel, erlangCAsa, erlangA } from './analytic/index.ts';
export { UserError, ScenarioError, ArgumentError, NonFiniteResultError } from './errors.ts';
export { WorkLimitError } from './experiment/work-estimate.ts';
