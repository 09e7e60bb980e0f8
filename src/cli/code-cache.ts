/**
 * A CommonJS script run with V8's code cache: the bytecode V8 compiled for it in an earlier run,
 * so a quick command does not parse and compile its ~200 KB of code again at every start.
 *
 * Why not the ES modules the rest of the CLI loads: Node 20 can neither give an ES module a
 * code cache (`module.enableCompileCache` came in Node 22) nor load a few hundred kilobytes of
 * split chunks as cheaply as one script. `vm.Script` takes a cache (`cachedData`) and makes one
 * (`createCachedData`); made after a run, the cache holds every function that run compiled,
 * not only the top level.
 *
 * V8 accepts a cache only for the same source, V8 version and V8 flags (`--max-opt` included):
 * otherwise it sets `cachedDataRejected` and compiles the source as if no cache were given. A
 * missing, stale or corrupt cache therefore costs the compile it would have saved, nothing more.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What became of the cache: used, refused by V8 (other source, V8 or flags), or not there. */
export type CacheUse = 'accepted' | 'rejected' | 'missing';

export interface LoadedScript<T> {
  /** What the script put in `module.exports`. */
  readonly exports: T;
  readonly cache: CacheUse;
  /** The compiled script: its `createCachedData()` after a run is the cache for the next. */
  readonly script: Script;
}

/**
 * Runs the CommonJS script `file` (its `require` resolves from the script's own folder) with the
 * code cache in `cacheFile`, when there is one V8 accepts.
 */
export function loadScript<T>(file: string, cacheFile: string): LoadedScript<T> {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // Not built (or removed): compile from source.
  }
  // The wrapper Node itself puts around a CommonJS file; the cache is of the wrapped text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  const cache: CacheUse = cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache, script };
}

/** Writes `script`'s code cache (after it has run, so the cache holds what the run compiled). */
export function writeCodeCache(script: Script, cacheFile: string): void {
  writeFileSync(cacheFile, script.createCachedData());
}
