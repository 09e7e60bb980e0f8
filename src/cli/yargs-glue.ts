/**
 * A command's positionals, options and examples declared to yargs, which parses the command
 * lines the direct parser (direct-args.ts) leaves to it and renders the help. yargs is asked for
 * strings and booleans only; the option specs check the values (see option-spec.ts).
 */
import type { Argv } from 'yargs';
import type { OptionSpec, PositionalSpec } from './option-spec.ts';

/** What yargs is told about a command (command.ts makes it from the command's definition). */
export interface YargsCommand {
  readonly name: string;
  readonly describe: string;
  readonly examples?: ReadonlyArray<readonly [command: string, description: string]>;
  readonly positionals: readonly PositionalSpec<unknown>[];
  readonly options: readonly OptionSpec<unknown>[];
  /** Checks the arguments yargs parsed, runs the command and returns its exit code. */
  run(argv: Record<string, unknown>): Promise<number>;
}

/** Declares options on a yargs builder, as strings and booleans only. */
export function declareOptions(y: Argv, specs: readonly OptionSpec<unknown>[]): Argv {
  let out = y;
  for (const spec of specs) {
    const defaultText =
      spec.defaultDescription ?? (spec.type === 'string' && spec.default !== undefined ? String(spec.default) : undefined);
    out = out.option(spec.name, {
      type: spec.type,
      describe: spec.description,
      ...(spec.type === 'string' ? { requiresArg: true } : {}),
      ...(defaultText !== undefined ? { defaultDescription: defaultText } : {}),
    });
  }
  return out;
}

function isMany(spec: PositionalSpec<unknown>): boolean {
  return spec.many !== undefined;
}

/** Adds a command defined with `defineCommand` to the top-level parser. */
export function registerWithYargs(y: Argv, command: YargsCommand, done: (exitCode: number) => void): Argv {
  const usage = [command.name, ...command.positionals.map((p) => (isMany(p) ? `<${p.name}..>` : `<${p.name}>`))].join(' ');
  return y.command(
    usage,
    command.describe,
    (b) => {
      let built = b;
      for (const p of command.positionals) {
        built = built.positional(p.name, { type: 'string', describe: p.description, ...(isMany(p) ? { array: true } : {}) });
      }
      for (const [example, description] of command.examples ?? []) built = built.example(example, description);
      return declareOptions(built, command.options);
    },
    async (argv) => {
      done(await command.run(argv as Record<string, unknown>));
    },
  );
}
