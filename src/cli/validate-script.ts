/**
 * `ccsim validate` as one CommonJS script (dist/bin/validate.cjs, built by scripts/build.mjs),
 * loaded with V8's code cache by quick-validate.ts: the scenario reader (YAML, zod, the checks)
 * is most of validate's time, and most of that was compiling it (code-cache.ts).
 *
 * The script holds everything the command runs, its error reporting included, so no class
 * crosses between it and the ES modules of the rest of the CLI.
 */
import { parseDirect } from './direct-args.ts';
import { reportError } from './report-error.ts';
import { validateCommand } from './validate.ts';

/** Runs `ccsim validate ARGS` and returns the exit code; null for a line yargs must read. */
export async function run(args: readonly string[]): Promise<number | null> {
  const { declared } = validateCommand;
  const argv = declared === undefined ? null : parseDirect(args, declared);
  if (declared === undefined || argv === null) return null;
  try {
    return await declared.run(argv);
  } catch (error) {
    return reportError(error);
  }
}
