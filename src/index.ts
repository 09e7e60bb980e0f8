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
export { createRunner } from './experiment/replications.ts';
export { runReplications, simulateParallel, compare, sweep } from './library/api.ts';
export { loadVariants, loadPlans, loadRawScenario } from './experiment/variants.ts';
export { mergeSweeps } from './experiment/sweep.ts';

// History to scenario.
export { fitHistory, fitHistoryFile } from './library/api.ts';

// Reports.
export { reportFiles } from './report/report-files.ts';

// Staffing search.
export { staff, staffParallel } from './library/api.ts';
export type { StaffOptions, Staffed, StaffingResult } from './staffing/index.ts';
export type { VerifiedStaffing, VerifyOptions } from './staffing/verified.ts';
