/**
 * vega-lite and vega, loaded once per process for drawing charts (render.ts).
 *
 * The built CLI has them as one CommonJS script next to its own code, dist/bin/chart-libraries.cjs,
 * with a V8 code cache made by the build after drawing a bundled run's and comparison's charts
 * (chart-libraries.cjs.cache): the cache holds the bytecode of every function that drawing
 * compiled, so a run does not parse and compile about 900 KB of chart code again, function by
 * function, as it draws. Node 20 gives ES modules no code cache (`module.enableCompileCache` came
 * in Node 22); `vm.Script` takes one. Measured (`ccsim report` redrawing a saved folder, CPU time,
 * min of 5 on a loaded machine): erlang-c's charts about 0.45 CPU-s cheaper (2.2 -> 1.7 s), a
 * comparison's about 0.5 (3.6 -> 3.1 s) than with the libraries imported as ES modules. Most of
 * what is left is vega's own work and resvg's (drawing, PNG encoding).
 *
 * Elsewhere (the library in dist/, the tests run from src/) there is no such script beside this
 * module, and the libraries are imported as ES modules: the same code, drawing the same bytes.
 *
 * V8 accepts a cache only for the same source, V8 version and flags; a missing, stale or refused
 * cache costs the compile it would have saved, nothing more.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export interface ChartLibraries {
  vegaLite: typeof import('vega-lite');
  vega: typeof import('vega');
}

/** What became of the code cache: used, refused by V8, not there, or no script (ES modules). */
export type ChartCacheUse = 'accepted' | 'rejected' | 'missing' | 'modules';

const SCRIPT_FILE = fileURLToPath(new URL('./chart-libraries.cjs', import.meta.url));
const CACHE_FILE = `${SCRIPT_FILE}.cache`;

let loaded: Promise<ChartLibraries> | undefined;
/** The compiled script, kept so that the build can store its code cache after drawing. */
let script: Script | undefined;
let cacheUse: ChartCacheUse | undefined;

/** vega-lite and vega (loaded on the first call). */
export function chartLibraries(): Promise<ChartLibraries> {
  loaded ??= existsSync(SCRIPT_FILE)
    ? Promise.resolve(runScript())
    : Promise.all([import('vega-lite'), import('vega')]).then(([vegaLite, vega]) => {
        cacheUse = 'modules';
        return { vegaLite, vega };
      });
  return loaded;
}

/** Runs the bundled script, with its code cache when V8 accepts it. */
function runScript(): ChartLibraries {
  const source = readFileSync(SCRIPT_FILE, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CACHE_FILE);
  } catch {
    cachedData = undefined; // Not built (or removed): compile from source.
  }
  // The wrapper Node itself puts around a CommonJS file; the cache is of the wrapped text.
  script = new Script(`(function (exports, require, module) {${source}\n})`, {
    filename: SCRIPT_FILE,
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  cacheUse = cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} as ChartLibraries };
  const wrapper = script.runInThisContext() as (e: ChartLibraries, r: NodeJS.Require, m: { exports: ChartLibraries }) => void;
  wrapper(module.exports, createRequire(SCRIPT_FILE), module);
  return module.exports;
}

/** How the libraries were loaded in this process (undefined before the first drawing). */
export function chartCacheUse(): ChartCacheUse | undefined {
  return cacheUse;
}

/**
 * Stores the script's code cache (run by the build, in a fresh process, after drawing charts: the
 * cache then holds what the drawing compiled). Throws when the libraries were not run as the script.
 */
export function writeChartLibrariesCache(): void {
  if (script === undefined) throw new Error(`${SCRIPT_FILE} was not run: build it and draw charts first`);
  writeFileSync(CACHE_FILE, script.createCachedData());
}
