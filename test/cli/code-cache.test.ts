/**
 * `ccsim validate FILE` runs from one script with the V8 code cache the build made
 * (src/cli/quick-validate.ts, code-cache.ts). The cache must be used when it fits, must change
 * nothing but the time when it does not (corrupt, stale, missing), and the script must answer
 * exactly as the ES-module path that large files and unusual lines still take.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_FILE_BYTES } from '../../src/cli/quick-start.ts';
import { COMMANDS_CACHE, COMMANDS_SCRIPT } from '../../src/cli/quick-commands.ts';
import { VALIDATE_CACHE } from '../../src/cli/quick-validate.ts';
import { runCcsim, type CliRun } from '../helpers/cli.ts';

const DIST_BIN = fileURLToPath(new URL('../../dist/bin/', import.meta.url));

const GOOD = `name: Cache check
horizon: { days: 2 }
contact_types:
  - id: general
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { general: 1 }
    agents: 5
`;
// Three problems on known lines: a bad share, an unknown key, a missing group.
const BROKEN = `name: Broken
horizon: { days: 2 }
contact_types:
  - id: general
    fcr: 1.5
    arrivals: { per_hour: 60, per_hourr: 3 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups: []
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccsim-cache-'));
  writeFileSync(join(dir, 'good.yaml'), GOOD);
  writeFileSync(join(dir, 'broken.yaml'), BROKEN);
  // The same files past the quick-path size (the padding a comment at the end, so every line
  // number stays): these run from the ES modules.
  const pad = `#${'x'.repeat(QUICK_FILE_BYTES)}\n`;
  writeFileSync(join(dir, 'good-large.yaml'), GOOD + pad);
  writeFileSync(join(dir, 'broken-large.yaml'), BROKEN + pad);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `main(args)` of the CLI bundle in folder `bin` (a copy of dist/bin/), in `dir`. */
function runBundle(bin: string, args: string[]): CliRun {
  const main = pathToFileURL(join(bin, 'main.js')).href;
  const code = `const m = await import(${JSON.stringify(main)}); process.exitCode = await m.main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The V8 flags the `ccsim` executable sets before it loads anything (bin/ccsim.mjs). */
const CLI_FLAGS = pathToFileURL(fileURLToPath(new URL('../../bin/v8-flags.mjs', import.meta.url))).href;

/**
 * How V8 took the cache beside the bundle in `bin`: accepted, rejected or missing. Asked under
 * the executable's V8 flags, as `ccsim validate` runs: V8 refuses a cache made under others.
 */
function cacheUse(bin: string, of: 'validate' | 'commands' = 'validate'): string {
  const main = pathToFileURL(join(bin, 'main.js')).href;
  const code = `await import(${JSON.stringify(CLI_FLAGS)}); const m = await import(${JSON.stringify(main)}); process.stdout.write(String(await m.${of}CacheUse()));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('validate from the cached script', () => {
  it('is given a cache by the build that V8 accepts (same source, V8 and flags)', () => {
    expect(statSync(join(DIST_BIN, VALIDATE_CACHE)).size).toBeGreaterThan(10_000);
    expect(cacheUse(DIST_BIN)).toBe('accepted');
  });

  it('answers exactly as the ES-module path: output, messages with their lines, exit codes', () => {
    const quick = [runCcsim(dir, 'validate', 'good.yaml'), runCcsim(dir, 'validate', 'broken.yaml')];
    const modules = [runCcsim(dir, 'validate', 'good-large.yaml'), runCcsim(dir, 'validate', 'broken-large.yaml')];
    expect(quick[0]).toEqual({ status: 0, stdout: 'good.yaml: ok (1 contact type, 1 agent group, 2 days)\n', stderr: '' });
    expect(modules[0]!.stdout).toBe(quick[0]!.stdout.replace('good.yaml', 'good-large.yaml'));
    expect(quick[1]!.status).toBe(2);
    expect(quick[1]!.stderr).toMatch(/broken\.yaml:5:\d+: contact_types\[general\]\.fcr: /);
    expect(quick[1]!.stderr).toMatch(/broken\.yaml:6:\d+: .*per_hourr/);
    expect(quick[1]!.stderr).toMatch(/broken\.yaml:8:\d+: agent_groups: /);
    expect(modules[1]).toEqual({ ...quick[1], stderr: quick[1]!.stderr.replaceAll('broken.yaml', 'broken-large.yaml') });
  });

  it('changes nothing but the time when the cache is corrupt, stale or missing', () => {
    const bin = join(dir, 'bin');
    cpSync(DIST_BIN, bin, { recursive: true });
    const cache = join(bin, VALIDATE_CACHE);
    const expected = [runBundle(DIST_BIN, ['validate', 'good.yaml']), runBundle(DIST_BIN, ['validate', 'broken.yaml'])];
    expect(expected[0]!.status).toBe(0);
    expect(expected[1]!.status).toBe(2);
    const spoil: Array<[string, () => void, string]> = [
      ['corrupt', () => writeFileSync(cache, Buffer.alloc(4096, 7)), 'rejected'],
      ['truncated', () => truncateSync(cache, Math.floor(readFileSync(join(DIST_BIN, VALIDATE_CACHE)).length / 2)), 'rejected'],
      // A well-formed cache of other source: what a rebuilt script beside an old cache gives.
      ['stale', () => writeFileSync(cache, new Script('(function () { return 1; })').createCachedData()), 'rejected'],
      ['missing', () => rmSync(cache), 'missing'],
    ];
    for (const [what, act, use] of spoil) {
      cpSync(join(DIST_BIN, VALIDATE_CACHE), cache);
      act();
      expect(cacheUse(bin), what).toBe(use);
      expect(runBundle(bin, ['validate', 'good.yaml']), what).toEqual(expected[0]);
      expect(runBundle(bin, ['validate', 'broken.yaml']), what).toEqual(expected[1]);
    }
  }, 120_000);
});

describe('every other command from the cached script of all commands', () => {
  // A simulation (with workers for its replications), a bad scenario, and a line only yargs reads.
  // (The README's commands run every command through the script: test/readme/commands.test.ts.)
  const lines: string[][] = [
    ['simulate', 'good.yaml', '--json', '--no-charts', '--replications', '2', '--jobs', '2', '--quiet'],
    ['simulate', 'broken.yaml', '--json'],
    ['simulate', 'good.yaml', '--replications', 'many'],
  ];

  it('is given a cache by the build that V8 accepts (same source, V8 and flags)', () => {
    expect(statSync(join(DIST_BIN, COMMANDS_CACHE)).size).toBeGreaterThan(100_000);
    expect(cacheUse(DIST_BIN, 'commands')).toBe('accepted');
  });

  /**
   * Runs `main(args)` of the bundle in `bin` as `ccsim` does: under the executable's V8 flags,
   * from a file (worker threads would inherit `-e`'s --input-type and refuse to start).
   */
  function runAsCli(bin: string, args: string[]): CliRun {
    const runner = join(dir, 'runner.mjs');
    if (!existsSync(runner)) {
      writeFileSync(runner, `await import(${JSON.stringify(CLI_FLAGS)}); const m = await import(process.argv[2]); process.exitCode = await m.main(process.argv.slice(3));\n`);
    }
    const r = spawnSync(process.execPath, [runner, pathToFileURL(join(bin, 'main.js')).href, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('answers as the ES modules do, and changes nothing but the time when its cache is corrupt, stale or missing', () => {
    // Without the script, main.js runs every command from the ES-module chunks (as from source).
    const modules = join(dir, 'bin-modules');
    cpSync(DIST_BIN, modules, { recursive: true });
    rmSync(join(modules, COMMANDS_SCRIPT));
    expect(cacheUse(modules, 'commands')).toBe('null');
    const expected = lines.map((line) => runAsCli(modules, line));
    expect(expected.map((r) => r.status)).toEqual([0, 2, 2]);
    expect(JSON.parse(expected[0]!.stdout).replications).toBe(2);
    expect(expected[1]!.stderr).toMatch(/broken\.yaml:5:\d+: contact_types\[general\]\.fcr: /);
    expect(expected[2]!.stderr).toMatch(/replications/);

    const bin = join(dir, 'bin-commands');
    cpSync(DIST_BIN, bin, { recursive: true });
    const cache = join(bin, COMMANDS_CACHE);
    const spoil: Array<[string, () => void, string]> = [
      ['as built', () => {}, 'accepted'],
      // A well-formed cache of other source: what a rebuilt script beside an old cache gives.
      ['stale', () => writeFileSync(cache, new Script('(function () { return 1; })').createCachedData()), 'rejected'],
      ['missing', () => rmSync(cache), 'missing'],
    ];
    for (const [what, act, use] of spoil) {
      cpSync(join(DIST_BIN, COMMANDS_CACHE), cache);
      act();
      expect(cacheUse(bin, 'commands'), what).toBe(use);
      lines.forEach((line, i) => expect(runAsCli(bin, line), `${what}: ${line.join(' ')}`).toEqual(expected[i]));
    }
  }, 120_000);
});
