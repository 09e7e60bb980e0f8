/**
 * A command as its file describes it (`defineCommand({...})` in `src/cli/<name>.ts`): its word,
 * the positionals and options it takes (by their keys in options.ts and positionals.ts), and
 * `run`, which gets checked values only.
 *
 * To add a command: write `src/cli/<name>.ts` exporting `defineCommand({...})`, and list it in
 * command-list.ts.
 */
import type { Argv } from 'yargs';
import { UserError } from '../errors.ts';
import type { OptionSpec, PositionalSpec } from './option-spec.ts';
import { OPTIONS, type OptionName, type OptionValues } from './options.ts';
import { POSITIONALS, type PositionalName, type PositionalValues } from './positionals.ts';
import { registerWithYargs } from './yargs-glue.ts';

/** What a command file describes; `run` gets checked values only. */
export interface CommandSpec<P extends PositionalName, O extends OptionName> {
  /** The command word, e.g. `simulate`. */
  readonly name: string;
  readonly describe: string;
  readonly positionals: readonly P[];
  readonly options: readonly O[];
  readonly examples?: ReadonlyArray<readonly [command: string, description: string]>;
  /** Does the work. Returns the exit code (0 when omitted); throws UserError for exit code 2. */
  run(args: PositionalValues<P> & OptionValues<O>): Promise<number | void> | number | void;
}

/** A command's arguments as text, and how to run it on them (whoever parsed the command line). */
export interface DeclaredArguments {
  readonly positionals: readonly PositionalSpec<unknown>[];
  readonly options: readonly OptionSpec<unknown>[];
  /**
   * Checks the arguments (`argv` holds the texts by option and positional name, repeated ones
   * as arrays, switches as booleans), runs the command and returns its exit code.
   */
  run(argv: Record<string, unknown>): Promise<number>;
}

/** A command ready to be run. */
export interface Command {
  readonly name: string;
  /** Absent for a command that declares its own arguments to yargs (studio): yargs parses its line. */
  readonly declared?: DeclaredArguments;
  /** Adds the command to `y`; `done` receives the exit code once `run` has finished. */
  register(y: Argv, done: (exitCode: number) => void): Argv;
}

export function defineCommand<P extends PositionalName, O extends OptionName>(spec: CommandSpec<P, O>): Command {
  const declared: DeclaredArguments = {
    positionals: spec.positionals.map((p) => POSITIONALS[p]),
    options: spec.options.map((o) => OPTIONS[o]),
    async run(argv) {
      // Options first: they are checked by their text alone; a positional may need the disk.
      const options = readOptions(argv, spec.options);
      const values = { ...readPositionals(argv, spec.positionals), ...options };
      return (await spec.run(values)) ?? 0;
    },
  };
  return {
    name: spec.name,
    declared,
    register: (y, done) =>
      registerWithYargs(
        y,
        { name: spec.name, describe: spec.describe, ...(spec.examples !== undefined ? { examples: spec.examples } : {}), ...declared },
        done,
      ),
  };
}

function readText(argv: Record<string, unknown>, key: string, flag: string): string | undefined {
  const raw = argv[key];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(`${flag}: given more than once`);
  return String(raw);
}

/** Reads and checks the named options from parsed arguments; throws UserError. */
export function readOptions<N extends OptionName>(argv: Record<string, unknown>, names: readonly N[]): OptionValues<N> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const spec: OptionSpec<unknown> = OPTIONS[name];
    const flag = `--${spec.name}`;
    if (spec.type === 'boolean') {
      const raw = argv[spec.name];
      if (Array.isArray(raw)) throw new UserError(`${flag}: given more than once`);
      values[name] = raw === undefined ? spec.default : raw === true;
      continue;
    }
    if (spec.many !== undefined) {
      const raw = argv[spec.name];
      const texts = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
      values[name] = texts.length === 0 ? spec.default : spec.many(texts, flag);
      continue;
    }
    const text = readText(argv, spec.name, flag);
    values[name] = text === undefined ? spec.default : spec.parse(text, flag);
  }
  return values as OptionValues<N>;
}

/** Reads and checks the named positionals; throws UserError. */
export function readPositionals<N extends PositionalName>(argv: Record<string, unknown>, names: readonly N[]): PositionalValues<N> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const spec: PositionalSpec<unknown> = POSITIONALS[name];
    const label = spec.name.toUpperCase();
    if (spec.many !== undefined) {
      const raw = argv[spec.name];
      const texts = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
      if (texts.length === 0) throw new UserError(`missing ${label}`);
      values[name] = spec.many(texts, label);
      continue;
    }
    const text = readText(argv, spec.name, label);
    if (text === undefined) throw new UserError(`missing ${label}`);
    values[name] = spec.parse(text, label);
  }
  return values as PositionalValues<N>;
}
