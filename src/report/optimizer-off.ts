/**
 * Chart drawing with V8's optimizing compiler (TurboFan) switched off, for a process that draws
 * its charts once and then exits: the command line, which opts in (`drawChartsWithoutOptimizer`).
 *
 * vega-lite and vega run a great deal of code once or a few times per chart (compiling the spec,
 * parsing it into a dataflow, running the dataflow, writing SVG). V8 optimizes a function on
 * its background threads once it has run a while, and for this code most of that work is never
 * paid back before the process ends: in a fresh `ccsim` process, drawing a comparison's five
 * charts (vega-lite compile, vega parse, view, SVG) took 1.3-1.4 CPU-s with TurboFan and 0.53
 * without, a run's five about 0.35 CPU-s less (`ccsim report` on saved folders, CPU-s, min of 3
 * on a loaded 2-core machine: erlang-c 1.60 -> 1.25, retail bank 1.83 -> 1.46, planner week
 * 1.89 -> 1.50, a comparison 2.46 -> 1.64 and 2.59 -> 1.66, a 40-point sweep 1.05 -> 0.93).
 * Ignition and Sparkplug (the interpreter and the baseline compiler) still run; only the
 * optimizing tier waits.
 *
 * V8's flags belong to the process, so the switch is made only while charts are drawn (counted,
 * as a report draws its charts at once) and turned back on after the last; the command line
 * draws after its simulations have finished, and the simulation code it optimized stays
 * optimized. The tier changes only how fast the code runs, never what it computes: the charts
 * are the same bytes (test/report/chart-libraries.test.ts compares the CLI's with the library's,
 * which leaves the compiler alone). Left alone, too, when the process was started with a flag of
 * its own about the compilers (`node --no-opt`, `--max-opt`, `--jitless`...).
 *
 * Node documents `v8.setFlagsFromString` after start-up as unsupported in general; V8 reads this
 * flag each time it considers optimizing a function, which is what makes the switch work (and
 * what the figures above measure).
 */
import { setFlagsFromString } from 'node:v8';

let enabled = false;
let drawing = 0;

/** The process was started with a choice of its own about V8's compilers: respect it. */
function compilerFlagsGiven(): boolean {
  const given = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  return given.some((a) => /^--(no-)?(opt|turbofan|maglev|sparkplug|jitless|max-opt)\b/.test(a));
}

/** Draw this process's charts with TurboFan off (the command line calls this once). */
export function drawChartsWithoutOptimizer(): void {
  enabled = !compilerFlagsGiven();
}

/** Runs `draw` with TurboFan off when the process opted in; back on after the last drawing ends. */
export async function withoutOptimizer<T>(draw: () => Promise<T>): Promise<T> {
  if (!enabled) return draw();
  if (drawing++ === 0) setFlagsFromString('--no-opt');
  try {
    return await draw();
  } finally {
    if (--drawing === 0) setFlagsFromString('--opt');
  }
}
