/**
 * ccsim's public API. The command line is a thin shell over these functions.
 *
 *   scenario file --load+validate--> Scenario --compile--> Model --run(seed, r)--> Tally
 *     --summarise--> Result --> report (JSON, CSV, charts, HTML)
 *
 * Experiments (replications, comparisons, sweeps, staffing searches) drive many runs.
 * `ccsim/core` (src/core.ts) is the part with no Node-only import, for browsers.
 */
export * from './core.ts';
export { loadScenario } from './files/scenario-file.ts';

// Experiments: replications on worker threads, comparisons on common random numbers, sweeps.
export type * from './experiment/types.ts';
export { createRunner, runReplications, simulateParallel } from './experiment/replications.ts';
export { compare } from './experiment/compare.ts';
export { loadVariants, loadPlans } from './experiment/variants.ts';
export { sweep, mergeSweeps } from './experiment/sweep.ts';

// History to scenario.
export { fitHistory, fitHistoryFile } from './fit/index.ts';

// Reports.
export { reportFiles } from './report/report-files.ts';

// Staffing search.
export { staff } from './staffing/index.ts';
