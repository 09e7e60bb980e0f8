/**
 * The start-up shortcuts must not change what the command line does:
 * - the help stored at build time (dist/bin/ccsim-help.json) is what yargs renders from the
 *   current command and option definitions, and `ccsim ... --help` prints it byte for byte;
 * - the direct parser (direct-args.ts) gives a command the same arguments yargs gives it, on
 *   every line it accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command, DeclaredArguments } from '../../src/cli/command.ts';
import { COMMAND_LOADERS, COMMAND_NAMES, loadAllCommands } from '../../src/cli/command-list.ts';
import { parseDirect } from '../../src/cli/direct-args.ts';
import { HELP_FILE, type StoredHelp } from '../../src/cli/help-text.ts';
import { OPTIONS } from '../../src/cli/options.ts';
import { ERLANG_OPTIONS } from '../../src/cli/options-erlang.ts';
import { FIT_OPTIONS } from '../../src/cli/options-fit.ts';
import { OUTPUT_OPTIONS } from '../../src/cli/options-output.ts';
import { RUN_OPTIONS } from '../../src/cli/options-run.ts';
import { STAFF_OPTIONS } from '../../src/cli/options-staff.ts';
import { SWEEP_OPTIONS } from '../../src/cli/options-sweep.ts';
import { buildParser, renderHelp } from '../../src/cli/yargs-cli.ts';
import { registerWithYargs } from '../../src/cli/yargs-glue.ts';
import { runCcsim } from '../helpers/cli.ts';

const STORED = fileURLToPath(new URL(`../../dist/bin/${HELP_FILE}`, import.meta.url));

describe('help stored at build time', () => {
  it('is what yargs renders now from the command and option definitions, for every command', async () => {
    expect(existsSync(STORED), `${STORED} is written by npm run build`).toBe(true);
    const stored = JSON.parse(readFileSync(STORED, 'utf8')) as StoredHelp;
    expect(stored.width).toBe(100);
    expect(Object.keys(stored.texts).sort()).toEqual(['', ...COMMAND_NAMES].sort());
    expect(stored.texts['']).toBe(await renderHelp(['--help'], 100));
    for (const name of COMMAND_NAMES) expect(stored.texts[name], name).toBe(await renderHelp([name, '--help'], 100));
  }, 60_000);

  it('is printed by ccsim --help, -h and COMMAND --help byte for byte, exit 0', async () => {
    const stored = JSON.parse(readFileSync(STORED, 'utf8')) as StoredHelp;
    for (const [args, topic] of [[['--help'], ''], [['-h'], ''], [['validate', '--help'], 'validate'], [['erlang', '-h'], 'erlang']] as const) {
      const r = runCcsim(process.cwd(), ...args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout, args.join(' ')).toBe(stored.texts[topic]);
    }
    // The top-level help names every command, the command help every option of its command.
    expect(stored.texts['']).toContain('ccsim validate <file>');
    for (const flag of ['--volume', '--aht', '--patience', '--agents', '--csv']) expect(stored.texts['erlang']).toContain(flag);
  }, 60_000);
});

/** The arguments yargs hands `declared` for `args`, or 'usage error' when yargs refuses the line. */
async function viaYargs(name: string, declared: DeclaredArguments, args: readonly string[]): Promise<Record<string, unknown> | 'usage error'> {
  let seen: Record<string, unknown> | undefined;
  const capture: Command = {
    name,
    register: (y, done) =>
      registerWithYargs(
        y,
        {
          name,
          describe: name,
          ...declared,
          run: async (argv) => {
            seen = argv;
            return 0;
          },
        },
        done,
      ),
  };
  try {
    await buildParser([name, ...args], [capture], 100, () => undefined).parseAsync();
  } catch {
    return 'usage error';
  }
  if (seen === undefined) throw new Error(`yargs ran nothing for ${args.join(' ')}`);
  return seen;
}

/** Command lines built from a command's own options: every form, alone and mixed. */
function linesFor(declared: DeclaredArguments): string[][] {
  const positional = (k: number): string[] =>
    declared.positionals.flatMap((p) => (p.many !== undefined ? [`a${k}.yaml`, `b${k}.yaml`] : [`p${k}.yaml`]));
  const forms: string[][] = [];
  for (const o of declared.options) {
    if (o.type === 'boolean') forms.push([`--${o.name}`], [`--no-${o.name}`], [`--${o.name}`, `--${o.name}`]);
    else {
      forms.push([`--${o.name}`, 'v1'], [`--${o.name}=v=2`], [`--${o.name}`, '0123'], [`--${o.name}`, 'x', `--${o.name}`, 'y']);
      forms.push([`--${o.name}`, '-5'], [`--${o.name}`], [`--${o.name}=`]);
    }
  }
  forms.push(['--unknown'], ['-x'], ['--'], ['--help'], ['extra']);
  const lines: string[][] = [];
  forms.forEach((form, k) => lines.push(k % 2 === 0 ? [...positional(k), ...form] : [...form, ...positional(k)]));
  // Several options at once, in a fixed pseudo-random mix.
  let seed = 12345;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let k = 0; k < 15; k++) {
    const line = positional(k);
    for (let j = 0; j < 3; j++) line.splice(next(line.length + 1), 0, ...forms[next(forms.length)]!);
    lines.push(line);
  }
  lines.push([], positional(0).slice(0, 1), [...positional(0), ...positional(1)]);
  return lines;
}

describe('direct parser', () => {
  it('gives every command the arguments yargs gives it, on every line it accepts', async () => {
    let accepted = 0;
    let left = 0;
    for (const name of COMMAND_NAMES) {
      const { declared } = await COMMAND_LOADERS[name]();
      if (declared === undefined) continue; // studio: yargs parses its line.
      for (const args of linesFor(declared)) {
        const direct = parseDirect(args, declared);
        if (direct === null) {
          left++;
          continue;
        }
        accepted++;
        const yargs = await viaYargs(name, declared, args);
        expect(yargs, `${name} ${args.join(' ')}`).not.toBe('usage error');
        for (const key of [...declared.options.map((o) => o.name), ...declared.positionals.map((p) => p.name)]) {
          expect(direct[key], `${name} ${args.join(' ')}: ${key}`).toEqual((yargs as Record<string, unknown>)[key]);
        }
      }
    }
    // Both paths are exercised: most lines are read directly, the unusual ones left to yargs.
    expect(accepted).toBeGreaterThan(250);
    expect(left).toBeGreaterThan(250);
  }, 120_000);

  it('leaves to yargs what it does not read the same way', () => {
    const declared: DeclaredArguments = {
      positionals: [{ name: 'file', description: '', parse: (t) => t }],
      options: [OPTIONS.seed, OPTIONS.json, OPTIONS.charts],
      run: async () => 0,
    };
    for (const args of [['f.yaml', '--seed', '-5'], ['f.yaml', '--seed'], ['f.yaml', '-h'], ['f.yaml', '--json', '--json'], ['f.yaml', '--json=true'], ['f.yaml', '--', '--seed'], ['7'], ['f.yaml', 'g.yaml'], [], ['f.yaml', '--no-seed'], ['f.yaml', '--maxReplications', '3'], ['']]) {
      expect(parseDirect(args, declared), args.join(' ')).toBeNull();
    }
    expect(parseDirect(['f.yaml', '--no-charts', '--seed=7', '--json'], declared)).toEqual({ file: 'f.yaml', charts: false, seed: '7', json: true });
  });
});

describe('option groups', () => {
  it('define each option key once, and a command never takes two options with one flag', async () => {
    const groups = [RUN_OPTIONS, OUTPUT_OPTIONS, SWEEP_OPTIONS, FIT_OPTIONS, STAFF_OPTIONS, ERLANG_OPTIONS];
    const keys = groups.flatMap((g) => Object.keys(g));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(OPTIONS).sort()).toEqual([...keys].sort());
    for (const command of await loadAllCommands()) {
      const flags = command.declared?.options.map((o) => o.name) ?? [];
      expect(new Set(flags).size, command.name).toBe(flags.length);
    }
  });
});
