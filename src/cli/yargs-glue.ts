/**
 * A command's positionals, options and examples declared to yargs, which parses the command
 * lines the direct parser (direct-args.ts) leaves to it and renders the help. yargs is asked for
 * strings and booleans only; the option specs check the values (see option-spec.ts).
 */
import type { Argv } from 'yargs';
import type { CommandSpec, DeclaredArguments } from './command.ts';
import type { OptionSpec, PositionalSpec } from './option-spec.ts';
import type { OptionName } from './options.ts';
import type { PositionalName } from './positionals.ts';

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
export function registerWithYargs<P extends PositionalName, O extends OptionName>(
  y: Argv,
  spec: CommandSpec<P, O>,
  declared: DeclaredArguments,
  done: (exitCode: number) => void,
): Argv {
  const usage = [spec.name, ...declared.positionals.map((p) => (isMany(p) ? `<${p.name}..>` : `<${p.name}>`))].join(' ');
  return y.command(
    usage,
    spec.describe,
    (b) => {
      let built = b;
      for (const p of declared.positionals) {
        built = built.positional(p.name, { type: 'string', describe: p.description, ...(isMany(p) ? { array: true } : {}) });
      }
      for (const [command, description] of spec.examples ?? []) built = built.example(command, description);
      return declareOptions(built, declared.options);
    },
    async (argv) => {
      done(await declared.run(argv as Record<string, unknown>));
    },
  );
}
