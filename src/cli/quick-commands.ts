/**
 * A command line that names a command runs from one script, dist/bin/commands.cjs
 * (commands-script.ts), with the V8 code cache the build made (code-cache.ts), when the build
 * made them; otherwise (running from source), or for a line the script leaves to yargs, from
 * the ES modules as before.
 *
 * Measured on this 2-core machine, five runs each, alternated: `ccsim simulate` of a scenario of
 * a few minutes with `--json --no-charts` took 0.27 s from the ES modules and 0.22 s from the
 * cached script; `node -e 0` takes 0.10 s.
 *
 * The cache is made under the V8 flags every ccsim process sets before it loads anything
 * (bin/v8-flags.mjs), by commands that leave the optimizing compiler on: V8 refuses a cache made
 * under other flags (then it compiles from source, which costs the time the cache would have
 * saved and nothing more). A quick validate and the Erlang calculator turn the optimizing
 * compiler off (quick-start.ts), so they are not among the commands the cache is made with.
 */
import { fileURLToPath } from 'node:url';
import { cachedDataVersionTag } from 'node:v8';
import { loadScript, writeCodeCache, type CacheUse, type LoadedScript } from './code-cache.ts';

export const COMMANDS_SCRIPT = 'commands.cjs';
export const COMMANDS_CACHE = 'commands.cjs.cache';

interface CommandsScript {
  run(args: readonly string[]): Promise<number | null>;
  chartCacheUse(): string | undefined;
}

/** The script as this process loaded it to run a command, if it did. */
let ran: CommandsScript | undefined;

/** Beside the bundled CLI (dist/bin/); absent when the CLI runs from source. */
const scriptFile = (): string => fileURLToPath(new URL(`./${COMMANDS_SCRIPT}`, import.meta.url));
const cacheFile = (): string => fileURLToPath(new URL(`./${COMMANDS_CACHE}`, import.meta.url));

function load(): LoadedScript<CommandsScript> | null {
  try {
    return loadScript<CommandsScript>(scriptFile(), cacheFile());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // Running from source.
    throw error;
  }
}

/** Runs `ccsim ARGS` from the script: the exit code, or null when the ES modules must run it. */
export async function runQuickCommand(args: readonly string[]): Promise<number | null> {
  const loaded = load();
  if (loaded === null) return null;
  ran = loaded.exports;
  return loaded.exports.run(args);
}

/**
 * How the charts of the command the script ran loaded their libraries; undefined when the
 * script ran no command here (or drew nothing).
 */
export function scriptChartCacheUse(): string | undefined {
  return ran?.chartCacheUse();
}

/** How the cache fared when the script was loaded, for the test that the build's cache is used. */
export function commandsCacheUse(): CacheUse | null {
  return load()?.cache ?? null;
}

/**
 * Makes the script's code cache (run by scripts/build.mjs in a fresh process): runs each of
 * `runs` from the script and stores what V8 compiled on the way. Their output is the caller's to
 * discard; they must leave V8's flags as they found them, or V8 would refuse the cache.
 */
export async function writeCommandsCache(runs: readonly (readonly string[])[]): Promise<void> {
  const tag = cachedDataVersionTag();
  const loaded = load();
  if (loaded === null) throw new Error(`${scriptFile()} is missing: build it first`);
  for (const args of runs) {
    const code = await loaded.exports.run(args);
    if (code !== 0) throw new Error(`ccsim ${args.join(' ')} for the commands' code cache exited ${String(code)}`);
  }
  if (cachedDataVersionTag() !== tag) throw new Error('the runs for the commands\' code cache changed V8\'s flags: V8 would refuse the cache');
  writeCodeCache(loaded.script, cacheFile());
}
