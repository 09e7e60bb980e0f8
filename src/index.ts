/**
 * ccsim's public API. The command line is a thin shell over these functions.
 *
 *   scenario file --load+validate--> Scenario --compile--> Model --run(seed, r)--> Tally
 *     --summarise--> Result --> report (JSON, CSV, charts, HTML)
 *
 * Experiments (replications, comparisons, sweeps, staffing searches) drive many runs.
 */
export type * from './scenario/types.ts';
export type * from './metrics/types.ts';
export { loadScenario, parseScenario, validateScenarioObject } from './scenario/index.ts';
// Every function a program calls checks its arguments first (src/library/api.ts).
export { compile, runReplication, summarise, aggregate, simulate } from './library/api.ts';
export type { SimulateOptions } from './experiment/simulate.ts';
export { erlangB, erlangC, erlangCServiceLevel, erlangCAsa, erlangA } from './analytic/index.ts';
export { UserError, ScenarioError, ArgumentError, NonFiniteResultError } from './errors.ts';
export { WorkLimitError } from './experiment/work-estimate.ts';

// Experiments: replications on worker threads, comparisons on common random numbers, sweeps.
export type * from './experiment/types.ts';
export { createRunner } from './experiment/replications.ts';
export { runReplications, simulateParallel, compare, sweep } from './library/api.ts';
export { loadVariants, loadPlans, loadRawScenario } from './experiment/variants.ts';
export { mergeSweeps } from './experiment/sweep.ts';

// History to scenario.
export { fitHistory, fitHistoryFile } from './library/api.ts';

// Reports.
export { reportFiles } from './report/report-files.ts';

// Staffing search.
export { staff } from './library/api.ts';
