/**
 * For a command that finishes in a fraction of a second (`validate`, the Erlang calculator on
 * one interval): V8's optimizing compiler (TurboFan) is turned off for the rest of the process,
 * leaving the interpreter and the baseline compiler (Sparkplug).
 *
 * Why: such a command runs cold code once (the YAML reader above all), and TurboFan spends more
 * CPU compiling and deoptimizing it than its code saves. Measured on `ccsim validate
 * scenarios/retail-bank.yaml`: the YAML parse alone costs ~0.15 s of CPU with TurboFan and
 * ~0.05 s without. A long run (simulate, staff, fit, a large file) must keep TurboFan: its hot
 * loops run several times faster with it, so only the commands that call this are affected, and
 * validate calls it for a small file only (a 1 MB scenario validates 25% slower without it).
 *
 * `--max-opt=1` is read by V8 at each tier-up decision, so setting it at run time takes effect
 * for all code that tiers up afterwards (Node 20 to 24 know the flag; a V8 that did not would
 * print "unrecognized flag" on stderr and run as before).
 */
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/** Up to this size a scenario reads faster without V8's optimizing compiler (measured as above). */
export const QUICK_FILE_BYTES = 128 * 1024;

/** Is `file` a file small enough to read without the optimizing compiler? */
export function isSmallFile(file: string): boolean {
  try {
    return statSync(file).size <= QUICK_FILE_BYTES;
  } catch {
    return false; // The loader reports what is wrong with it.
  }
}

let done = false;

export function skipOptimizingCompiler(): void {
  if (done) return;
  done = true;
  setFlagsFromString('--max-opt=1');
}
