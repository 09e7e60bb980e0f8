/**
 * What an option or a positional argument is: its name, its help text, its default, and the
 * validator that turns what the user typed into a checked value. The option groups
 * (`options-*.ts`) are written with the helpers here.
 *
 * yargs is only asked for strings and booleans. Numbers are parsed by the validators, so a bad
 * value gives a clear message (`--seed: expected an integer, got 'abc'`) instead of yargs'
 * silent NaN. Every validator throws `UserError` (exit code 2).
 */

/** One `--flag`: how it is shown in help and how its value is checked. */
export interface OptionSpec<T> {
  /** The flag without dashes, e.g. `seed`. */
  readonly name: string;
  /** `string`: takes a value (`--seed 7`); `boolean`: a switch (`--json`). */
  readonly type: 'string' | 'boolean';
  /** Placeholder for the value in help, e.g. `N`. */
  readonly valueName?: string;
  readonly description: string;
  /** The value when the option is absent. */
  readonly default: T;
  /** How the default is shown in help, when it is not obvious. */
  readonly defaultDescription?: string;
  /** Turns the text the user typed into a checked value; throws UserError. */
  readonly parse: (text: string, flag: string) => T;
  /** Set for an option that may be given several times: turns all the texts into one value. */
  readonly many?: (texts: readonly string[], flag: string) => T;
}

/** One positional argument, e.g. the scenario `FILE`. */
export interface PositionalSpec<T> {
  readonly name: string;
  readonly description: string;
  /** Turns the text the user typed into a checked value; throws UserError. */
  readonly parse: (text: string, name: string) => T;
  /** Set for a positional that takes one or more values (`FILE...`): turns them into one value. */
  readonly many?: (texts: readonly string[], name: string) => T;
}

/** An option that takes a value (`--seed 7`). */
export function valueOption<T>(spec: Omit<OptionSpec<T>, 'type'>): OptionSpec<T> {
  return { ...spec, type: 'string' };
}

/** An option that may be given several times (`--vary A --vary B`). */
export function repeatableOption<T>(
  spec: Omit<OptionSpec<T>, 'type' | 'parse' | 'many'> & { many: (texts: readonly string[], flag: string) => T },
): OptionSpec<T> {
  return { ...spec, type: 'string', parse: (text, flag) => spec.many([text], flag) };
}

/** A switch, off unless given (`--json`). */
export function flagOption(spec: { name: string; description: string }): OptionSpec<boolean> {
  return { ...spec, type: 'boolean', default: false, parse: (text) => text === 'true' };
}

/** A switch that is on unless `--no-NAME` is given (yargs reads `--no-NAME` as NAME = false). */
export function onByDefault(spec: { name: string; description: string }): OptionSpec<boolean> {
  return { ...spec, type: 'boolean', default: true, defaultDescription: 'on; --no-' + spec.name + ' turns it off', parse: (text) => text === 'true' };
}
