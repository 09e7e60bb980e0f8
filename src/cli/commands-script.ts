/**
 * Every command as one CommonJS script (dist/bin/commands.cjs, built by scripts/build.mjs),
 * loaded with V8's code cache by quick-commands.ts: a command then starts without parsing and
 * compiling the reader, the model, the engine and the summaries again (code-cache.ts). The
 * heavy libraries (charts, workbooks, the MIP solver) stay outside it, loaded when a command
 * needs them, as from the ES modules.
 *
 * The script is a module graph of its own: state that main.ts sets in its modules is not seen
 * here, so it is set again (the chart drawing's compiler switch); and everything a command
 * runs, its error reporting included, is inside, so no class crosses between the two graphs.
 */
import { runDirect } from './direct-run.ts';
import { drawChartsWithoutOptimizer } from '../report/optimizer-off.ts';

/** How this script's charts loaded their libraries (its own module's state, not main.ts's). */
export { chartCacheUse } from '../report/chart-libraries.ts';

/** Runs `ccsim ARGS` and returns the exit code; null for a line yargs must read. */
export function run(args: readonly string[]): Promise<number | null> {
  drawChartsWithoutOptimizer();
  return runDirect(args);
}
