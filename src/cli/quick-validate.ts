/**
 * `ccsim validate FILE` from the single script dist/bin/validate.cjs with its V8 code cache
 * (validate-script.ts, code-cache.ts), when the build made them; otherwise, or for a line the
 * script leaves to yargs, the command runs from the ES modules as every other command does.
 *
 * The code cache is valid only under the V8 flags it was made with, and a small file is read
 * with V8's optimizing compiler off (quick-start.ts). So the flag is set before the script is
 * compiled, here and when the build makes the cache (`writeValidateCache`); a large file does
 * not take this path, so it keeps the optimizing compiler, as before.
 */
import { fileURLToPath } from 'node:url';
import { loadScript, writeCodeCache, type CacheUse } from './code-cache.ts';
import { isSmallFile, skipOptimizingCompiler } from './quick-start.ts';

export const VALIDATE_SCRIPT = 'validate.cjs';
export const VALIDATE_CACHE = 'validate.cjs.cache';

interface ValidateScript {
  run(args: readonly string[]): Promise<number | null>;
}

/** Beside the bundled CLI (dist/bin/); absent when the CLI runs from source. */
const scriptFile = (): string => fileURLToPath(new URL(`./${VALIDATE_SCRIPT}`, import.meta.url));
const cacheFile = (): string => fileURLToPath(new URL(`./${VALIDATE_CACHE}`, import.meta.url));

function load(): { script: ValidateScript; loaded: ReturnType<typeof loadScript<ValidateScript>> } | null {
  try {
    const loaded = loadScript<ValidateScript>(scriptFile(), cacheFile());
    return { script: loaded.exports, loaded };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // Running from source.
    throw error;
  }
}

/**
 * Runs `ccsim validate ARGS` from the script and returns the exit code, or null when the
 * ES-module path must run it (no script built, an unusual line, a large file).
 */
export async function runQuickValidate(args: readonly string[]): Promise<number | null> {
  // validate takes one FILE and no options: any other line is for yargs to read (and explain).
  const [file] = args;
  if (args.length !== 1 || file === undefined || file.startsWith('-') || !isSmallFile(file)) return null;
  skipOptimizingCompiler();
  const found = load();
  return found === null ? null : found.script.run(args);
}

/** How the cache fared when the script was loaded, for the test that the build's cache is used. */
export function validateCacheUse(): CacheUse | null {
  skipOptimizingCompiler();
  return load()?.loaded.cache ?? null;
}

/**
 * Makes the script's code cache (run by scripts/build.mjs in a fresh process): compiles the
 * script under the flags a quick validate runs with, validates `sample`, and stores what V8
 * compiled on the way. Its output is the caller's to discard.
 */
export async function writeValidateCache(sample: string): Promise<void> {
  skipOptimizingCompiler();
  const found = load();
  if (found === null) throw new Error(`${scriptFile()} is missing: build it first`);
  const code = await found.script.run([sample]);
  if (code !== 0) throw new Error(`validating ${sample} for the code cache exited ${String(code)}`);
  writeCodeCache(found.loaded.script, cacheFile());
}
