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
export { compile } from './model/compile.ts';
export { runReplication } from './center/run.ts';
export type { RunTrace } from './center/trace.ts';
export { summarise } from './metrics/summarise.ts';
export { aggregate } from './metrics/aggregate.ts';
export { scorecardOf, attainment, meetsEveryTarget } from './metrics/scorecard.ts';
export { EFFORT_DEFAULTS } from './scenario/experience.ts';
export { BETTER_DIRECTION, type Direction } from './scenario/metric-directions.ts';
export { simulate, type SimulateOptions } from './experiment/simulate.ts';
export { erlangB, erlangC, erlangCServiceLevel, erlangCAsa, erlangA } from './analytic/index.ts';
export { UserError, ScenarioError } from './errors.ts';
