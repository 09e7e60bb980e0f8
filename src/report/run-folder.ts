/**
 * The folder one run writes its files into: `output/<slug(name)>-<YYYYMMDD-HHMMSS>/` under the
 * working directory, or the folder given with `--out`.
 *
 * A run folder appears complete or not at all: files are written into a hidden sibling
 * `.<name>.tmp-<random>` (created exclusively, so two processes never share one, even with the
 * same pid in two containers), read back and compared, and renamed into place at the end. A
 * killed run leaves only that hidden folder, which nothing reads. A folder named by ccsim never
 * replaces an existing one (`-2`, `-3`... are added); a folder given with `--out` that exists and
 * is not empty is refused unless `force` is set, and even then only a ccsim run folder (one that
 * holds the marker file `.ccsim-run`, which every run writes) that holds none of the run's input
 * files is replaced, once the new one is ready. Nothing else is ever deleted.
 *
 * Two steps, so a command can refuse a bad `--out` before spending minutes simulating:
 * `planRunFolder` (checks, picks the name) and `writeRunFolder` (writes, renames).
 */

import { accessSync, closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, parse, relative, resolve, sep } from 'node:path';
import { homedir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.ts';

/** Where a run will be written. Make one with `planRunFolder`. */
export interface RunFolderPlan {
  /** Absolute path of the folder to create. */
  readonly dir: string;
  /** The name was chosen by ccsim: if it is taken by the time of writing, `-2`, `-3`... are added. */
  readonly auto: boolean;
  /** An existing folder at `dir` may be replaced (`--out DIR --force`). */
  readonly replace: boolean;
}

export interface PlanOptions {
  /** Scenario name; slugged into the folder name. */
  name: string;
  /** `--out DIR`, relative to `cwd`. */
  out?: string | undefined;
  /** `--force`: allow replacing an existing, non-empty `out` folder. */
  force?: boolean | undefined;
  /** Base for `output/` and for a relative `out`. Default: process.cwd(). */
  cwd?: string | undefined;
  /** The time in the folder name (local time). Default: now. */
  now?: Date | undefined;
  /** The files the run reads (scenario, variants, shards): a folder holding one is never replaced. */
  inputs?: readonly string[] | undefined;
}

/** The file every run folder carries, so that `--force` knows the folder is ccsim's to replace. */
export const RUN_MARKER = '.ccsim-run';

/** `Retail Bank (Q4)` -> `retail-bank-q4`: lowercase ASCII letters, digits and dashes; `run` if nothing is left. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'run' : s;
}

/** `YYYYMMDD-HHMMSS` in local time. */
export function timestamp(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}` +
    `-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`
  );
}

/** Chooses (and checks) the run folder, creating nothing. Throws UserError for a refused `--out`. */
export function planRunFolder(options: PlanOptions): RunFolderPlan {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.out === undefined) {
    const base = join(cwd, 'output', `${slug(options.name)}-${timestamp(options.now ?? new Date())}`);
    return { dir: firstFree(base), auto: true, replace: false };
  }
  const dir = resolve(cwd, options.out);
  const force = options.force === true;
  checkDestination(dir, `--out ${options.out}`);
  const state = folderState(dir);
  if (state === 'not-a-folder') throw new UserError(`--out ${options.out}: exists and is not a folder`);
  if (state === 'non-empty' && !force) {
    throw new UserError(`--out ${options.out}: folder exists and is not empty (add --force to replace it)`);
  }
  if (force && isProtected(dir, cwd)) {
    throw new UserError(`--out ${options.out}: refusing to replace this folder (it holds the working directory or your home)`);
  }
  if (force && state === 'non-empty') checkReplaceable(dir, `--out ${options.out}`, options.inputs ?? []);
  return { dir, auto: false, replace: force };
}

/**
 * The destination must be usable before minutes are spent simulating: not a symbolic link
 * (a dangling one would swallow the finished run at the final rename), and under a folder that
 * exists or can be created and is writable.
 */
function checkDestination(dir: string, label: string): void {
  let link = false;
  try {
    link = lstatSync(dir).isSymbolicLink();
  } catch {
    // missing: fine
  }
  if (link) {
    const target = existsSync(dir) ? 'a symbolic link' : 'a symbolic link to something that does not exist';
    throw new UserError(`${label}: is ${target}; give a real folder path`);
  }
  // The nearest existing ancestor must be a writable folder.
  let parent = dirname(dir);
  for (;;) {
    let exists = true;
    try {
      lstatSync(parent);
    } catch {
      exists = false;
    }
    if (exists) break;
    const up = dirname(parent);
    if (up === parent) break;
    parent = up;
  }
  let isDir = false;
  try {
    isDir = statSync(parent).isDirectory();
  } catch {
    throw new UserError(`${label}: cannot create it: ${parent} is a symbolic link to something that does not exist`);
  }
  if (!isDir) throw new UserError(`${label}: cannot create it: ${parent} is not a folder`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new UserError(`${label}: cannot create it: ${parent} is not writable`);
  }
}

/** `--force` replaces only a ccsim run folder, and never one holding the run's own input files. */
function checkReplaceable(dir: string, label: string, inputs: readonly string[]): void {
  if (!existsSync(join(dir, RUN_MARKER))) {
    throw new UserError(
      `${label}: refusing to replace a folder that is not a ccsim run folder (it has no ${RUN_MARKER} marker); --force replaces only folders a ccsim run wrote: give a new or empty folder`,
    );
  }
  const real = realpathSync(dir);
  for (const input of inputs) {
    let file: string;
    try {
      file = realpathSync(input);
    } catch {
      continue;
    }
    if (file === real || file.startsWith(real + sep)) {
      throw new UserError(`${label}: refusing to replace this folder: it holds the input file ${input}`);
    }
  }
}

/**
 * Writes `files` (name relative to the folder -> content; names may contain `/` for subfolders)
 * into the planned folder, atomically. Returns the absolute path of the folder written, which
 * for an automatic name may carry a `-2`, `-3`... suffix if another run took the name meanwhile.
 */
export function writeRunFolder(plan: RunFolderPlan, files: Readonly<Record<string, string | Uint8Array>>): string {
  const parent = dirname(plan.dir);
  mkdirSync(parent, { recursive: true });
  const tmp = claimTemporary(parent, basename(plan.dir), 'tmp');
  try {
    // Each file's bytes once: written from them, and both checks below compare against them (a
    // simulation's folder holds ~11 MB of text; encoding it three times cost more than writing it).
    const all = new Map<string, Uint8Array>();
    for (const [name, content] of Object.entries({ ...files, [RUN_MARKER]: markerText(Object.keys(files)) })) {
      all.set(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    }
    for (const [name, content] of all) {
      const path = join(tmp, checkedFileName(name));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    verifyWritten(tmp, all);
    const dir = plan.auto ? placeUnderFreeName(tmp, plan.dir) : placeAt(tmp, plan);
    // After the rename: the folder must hold what was written, before anyone is told so.
    verifyWritten(dir, all);
    return dir;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function markerText(names: readonly string[]): string {
  return JSON.stringify({ ccsim_run_folder: 1, files: [...names].sort() }, null, 2) + '\n';
}

/**
 * A new hidden sibling `.<name>.<kind>-<random>`, created exclusively: mkdir fails if the name
 * is taken, so no two processes ever write into the same one. A stale one left by a killed run
 * has another random suffix and is ignored.
 */
function claimTemporary(parent: string, name: string, kind: string): string {
  for (let attempt = 0; ; attempt++) {
    const candidate = join(parent, `.${name}.${kind}-${randomBytes(8).toString('hex')}`);
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (e) {
      if (!isCode(e, 'EEXIST') || attempt >= 10) throw e;
    }
  }
}

/** Bytes read back per step when checking a file (one buffer for every file). */
const CHECK_CHUNK = 1 << 20;

/**
 * Reads every file back and compares it with what was meant to be written; throws if one differs.
 * Read in steps into one buffer, not file by file into new ones: the same check without
 * allocating (and the kernel mapping) another copy of the folder.
 */
function verifyWritten(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  const chunk = Buffer.allocUnsafe(CHECK_CHUNK);
  for (const [name, want] of files) {
    const path = join(dir, normalize(name));
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new Error(`run folder ${dir}: ${name} is missing after writing it`);
    }
    try {
      let at = 0;
      let same = true;
      for (let n: number; same && (n = readSync(fd, chunk, 0, CHECK_CHUNK, null)) > 0; at += n) {
        same = at + n <= want.byteLength && Buffer.compare(chunk.subarray(0, n), want.subarray(at, at + n)) === 0;
      }
      if (!same || at !== want.byteLength) throw new Error(`run folder ${dir}: ${name} does not hold what was written`);
    } finally {
      closeSync(fd);
    }
  }
}

/** `output/retail-bank-20261123-203000/`: relative to `cwd` when inside it, else absolute; ends with the separator. */
export function displayPath(dir: string, cwd: string = process.cwd()): string {
  const rel = relative(resolve(cwd), dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
  return shown.endsWith(sep) ? shown : shown + sep;
}

// ---------------------------------------------------------------------------------------------

type FolderState = 'missing' | 'empty' | 'non-empty' | 'not-a-folder';

function folderState(dir: string): FolderState {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return 'missing';
  }
  if (!isDir) return 'not-a-folder';
  return readdirSync(dir).length === 0 ? 'empty' : 'non-empty';
}

function firstFree(base: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** The working directory, one of its ancestors, the home folder, or a filesystem root. */
function isProtected(dir: string, cwd: string): boolean {
  const rel = relative(dir, cwd);
  const holdsCwd = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  return holdsCwd || dir === normalize(homedir()) || dir === parse(dir).root;
}

function checkedFileName(name: string): string {
  const n = normalize(name);
  if (name === '' || isAbsolute(n) || n === '..' || n.startsWith(`..${sep}`) || n === '.') {
    throw new Error(`writeRunFolder: file name must be relative and inside the folder, got '${name}'`);
  }
  return n;
}

function isCode(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && 'code' in e && codes.includes(String(e.code));
}

/**
 * Renames `tmp` onto the empty folder `dir`. POSIX rename replaces an empty directory atomically;
 * where it does not (Windows), the empty folder is removed first.
 */
function renameOntoEmpty(tmp: string, dir: string): void {
  try {
    renameSync(tmp, dir);
  } catch (e) {
    if (!isCode(e, 'EPERM', 'EEXIST', 'ENOTEMPTY', 'EACCES')) throw e;
    rmdirSync(dir);
    renameSync(tmp, dir);
  }
}

/** Claims `base`, `base-2`, `base-3`... with mkdir (atomic: fails if taken), then renames onto it. */
function placeUnderFreeName(tmp: string, base: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(candidate);
    } catch (e) {
      if (isCode(e, 'EEXIST')) continue;
      throw e;
    }
    renameOntoEmpty(tmp, candidate);
    return candidate;
  }
}

function placeAt(tmp: string, plan: RunFolderPlan): string {
  const { dir } = plan;
  const state = folderState(dir);
  if (state === 'missing') {
    renameSync(tmp, dir);
  } else if (state === 'empty') {
    renameOntoEmpty(tmp, dir);
  } else if (state === 'not-a-folder') {
    throw new UserError(`--out ${dir}: exists and is not a folder`);
  } else if (!plan.replace) {
    // Re-checked: the folder may have been filled since the plan was made.
    throw new UserError(`--out ${dir}: folder exists and is not empty (add --force to replace it)`);
  } else {
    // Move the old folder aside, put the new one in place, then delete the old one; if the
    // second step fails, the old folder is put back.
    // Re-checked: the folder may have been swapped since the plan was made.
    if (!existsSync(join(dir, RUN_MARKER))) {
      throw new UserError(`--out ${dir}: refusing to replace a folder that is not a ccsim run folder (it has no ${RUN_MARKER} marker)`);
    }
    const aside = claimTemporary(dirname(dir), basename(dir), 'old');
    rmdirSync(aside);
    renameSync(dir, aside);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      renameSync(aside, dir);
      throw e;
    }
    rmSync(aside, { recursive: true, force: true });
  }
  return dir;
}
