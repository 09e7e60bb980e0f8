/**
 * A plain command line read without yargs. Loading yargs and declaring every command to it
 * costs more CPU than a quick command (`validate`, `erlang`) spends on its work, so the usual
 * lines are read here: positionals, `--flag value`, `--flag=value`, switches and `--no-switch`.
 * Anything else (help, an unknown or misspelt flag, a missing value, a value starting with `-`,
 * a repeated switch, a wrong number of positionals, `--`) gives null, and yargs parses the line
 * as before: its messages and its help stay the only ones.
 *
 * What this returns is what yargs would give the command for the same line: the texts by
 * option and positional name, a repeated option as an array, switches as booleans.
 */
import type { DeclaredArguments } from './command.ts';
import type { OptionSpec } from './option-spec.ts';

/** yargs reads a positional that looks like a number as that number; leave such lines to it. */
function looksNumeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

export function parseDirect(args: readonly string[], declared: DeclaredArguments): Record<string, unknown> | null {
  const byName = new Map<string, OptionSpec<unknown>>(declared.options.map((o) => [o.name, o]));
  const argv: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      if (arg === '' || looksNumeric(arg)) return null;
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') return null;
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let spec = byName.get(name);
    let value: string | boolean;
    if (spec === undefined) {
      // `--no-charts`: a switch turned off.
      spec = name.startsWith('no-') && eq < 0 ? byName.get(name.slice(3)) : undefined;
      if (spec === undefined || spec.type !== 'boolean') return null;
      value = false;
    } else if (spec.type === 'boolean') {
      if (eq >= 0) return null;
      value = true;
    } else {
      const text = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (text === undefined || text === '' || text.startsWith('-')) return null;
      value = text;
    }
    const before = argv[spec.name];
    if (before === undefined) argv[spec.name] = value;
    else if (spec.type === 'boolean') return null;
    else argv[spec.name] = Array.isArray(before) ? [...before, value] : [before, value];
  }
  const wanted = declared.positionals;
  const [first] = wanted;
  if (wanted.length === 1 && first!.many !== undefined) {
    if (positionals.length === 0) return null;
    argv[first!.name] = positionals;
  } else {
    if (positionals.length !== wanted.length || wanted.some((p) => p.many !== undefined)) return null;
    wanted.forEach((p, k) => {
      argv[p.name] = positionals[k];
    });
  }
  return argv;
}
