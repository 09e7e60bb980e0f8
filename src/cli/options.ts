/**
 * The command line's vocabulary, defined once: every option and positional argument (name,
 * help text, default, and the validator that turns what the user typed into a checked value),
 * and `defineCommand`, which builds a yargs command from them.
 *
 * yargs is only asked for strings and booleans. Numbers are parsed here, so a bad value gives a
 * clear message (`--seed: expected an integer, got 'abc'`) instead of yargs' silent NaN.
 * Every validator throws `UserError` (exit code 2).
 *
 * To add a command: write `src/cli/<name>.ts` exporting `defineCommand({...})`, and list it in
 * `COMMANDS` in `src/cli/main.ts`. To add an option: add it to `OPTIONS` below and name it in
 * the commands that take it.
 */

import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { UserError } from '../errors.ts';
import {
  DEFAULT_MAX_REPLICATIONS,
  parseShard,
  parseTargetCi,
  parseVaries,
  type Axis,
  type Shard,
  type TargetCiSpec,
} from '../experiment/specs.ts';
import { parseMapping, type ColumnMap } from '../fit/history-columns.ts';

/** `--jobs` default: every core. */
function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

// ---------------------------------------------------------------------------------------------
// Option and positional specifications

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

function valueOption<T>(spec: Omit<OptionSpec<T>, 'type'>): OptionSpec<T> {
  return { ...spec, type: 'string' };
}

/** An option that may be given several times (`--vary A --vary B`). */
function repeatableOption<T>(spec: Omit<OptionSpec<T>, 'type' | 'parse' | 'many'> & { many: (texts: readonly string[], flag: string) => T }): OptionSpec<T> {
  return { ...spec, type: 'string', parse: (text, flag) => spec.many([text], flag) };
}

function flagOption(spec: { name: string; description: string }): OptionSpec<boolean> {
  return { ...spec, type: 'boolean', default: false, parse: (text) => text === 'true' };
}

/** A switch that is on unless `--no-NAME` is given (yargs reads `--no-NAME` as NAME = false). */
function onByDefault(spec: { name: string; description: string }): OptionSpec<boolean> {
  return { ...spec, type: 'boolean', default: true, defaultDescription: 'on; --no-' + spec.name + ' turns it off', parse: (text) => text === 'true' };
}

// ---------------------------------------------------------------------------------------------
// Validators: each names the flag and shows what was typed.

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An integer in [min, Number.MAX_SAFE_INTEGER]. */
export function parseInteger(text: string, flag: string, min = Number.MIN_SAFE_INTEGER): number {
  const value = Number(text.trim());
  if (!INTEGER.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UserError(`${flag}: expected an integer, got '${text}'`);
  }
  if (value < min) throw new UserError(`${flag}: expected an integer >= ${min}, got '${text}'`);
  return value;
}

/** A finite number greater than zero. */
export function parsePositiveNumber(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
    throw new UserError(`${flag}: expected a number, got '${text}'`);
  }
  if (value <= 0) throw new UserError(`${flag}: expected a number > 0, got '${text}'`);
  return value;
}

/** A finite number >= 0. */
export function parseNonNegativeNumber(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) throw new UserError(`${flag}: expected a number, got '${text}'`);
  if (value < 0) throw new UserError(`${flag}: expected a number >= 0, got '${text}'`);
  return value;
}

/** A share: a number in [0, 1], or a percentage `80%`. */
export function parseShare(text: string, flag: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  const value = Number(body);
  if (!DECIMAL.test(body) || !Number.isFinite(value)) throw new UserError(`${flag}: expected a share such as 0.8 or 80%, got '${text}'`);
  const share = percent ? value / 100 : value;
  if (share < 0 || share > 1) throw new UserError(`${flag}: expected a share in [0, 1] (or 0%..100%), got '${text}'`);
  return share;
}

/** A non-empty path (not checked for existence). */
export function parsePath(text: string, flag: string): string {
  if (text.trim() === '') throw new UserError(`${flag}: expected a path, got an empty value`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// The options. Each command names the ones it takes.

export const OPTIONS = {
  seed: valueOption<number | undefined>({
    name: 'seed',
    valueName: 'N',
    description: "Master random seed (integer); overrides the scenario's seed",
    default: undefined,
    defaultDescription: "the scenario's seed",
    parse: (text, flag) => parseInteger(text, flag),
  }),
  days: valueOption<number | undefined>({
    name: 'days',
    valueName: 'D',
    description: 'Days to simulate (> 0, fractions allowed); overrides horizon.days',
    default: undefined,
    defaultDescription: "the scenario's horizon.days",
    parse: parsePositiveNumber,
  }),
  replications: valueOption<number>({
    name: 'replications',
    valueName: 'R',
    description: 'Independent replications (integer >= 1); with 2 or more, figures are means with 95% intervals',
    default: 1,
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  jobs: valueOption<number>({
    name: 'jobs',
    valueName: 'N',
    description: 'Replications run at once on worker threads (integer >= 1); results do not depend on it',
    default: defaultJobs(),
    defaultDescription: 'all cores',
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  targetCi: repeatableOption<TargetCiSpec[]>({
    name: 'target-ci',
    valueName: 'METRIC=HALFWIDTH',
    description:
      'Add replications until the 95% half-width of METRIC is at most HALFWIDTH (e.g. service_level=0.01); repeatable',
    default: [],
    many: (texts, flag) => parseTargetCi(texts, flag),
  }),
  maxReplications: valueOption<number | undefined>({
    name: 'max-replications',
    valueName: 'R',
    description: 'With --target-ci: stop at this many replications even if a target is not met',
    default: undefined,
    defaultDescription: String(DEFAULT_MAX_REPLICATIONS),
    parse: (text, flag) => parseInteger(text, flag, 2),
  }),
  vary: repeatableOption<Axis[]>({
    name: 'vary',
    valueName: 'PATH=FROM..TO:STEP',
    description:
      'Vary a scenario field over a range (agent_groups[team].agents=40..60:5) or a list (routing.policy=skill_based,longest_idle); repeatable, the grid is the product',
    default: [],
    many: (texts, flag) => parseVaries(texts, flag),
  }),
  shard: valueOption<Shard | undefined>({
    name: 'shard',
    valueName: 'i/n',
    description: 'Run only shard i of n of the grid (points k with k mod n = i-1); combine the outputs with ccsim merge',
    default: undefined,
    parse: (text, flag) => parseShard(text, flag),
  }),
  period: valueOption<'week' | 'month'>({
    name: 'period',
    valueName: 'week|month',
    description: 'Period of the plan summary: paid hours and costs per week or per month, scaled from the reported horizon',
    default: 'week',
    parse: (text, flag) => {
      if (text === 'week' || text === 'month') return text;
      throw new UserError(`${flag}: expected week or month, got '${text}'`);
    },
  }),
  json: flagOption({
    name: 'json',
    description: 'Print the result as JSON on stdout (and nothing else)',
  }),
  out: valueOption<string | undefined>({
    name: 'out',
    valueName: 'DIR',
    description: 'Write the run into this folder instead of output/<name>-<timestamp>/',
    default: undefined,
    parse: parsePath,
  }),
  force: flagOption({
    name: 'force',
    description: 'Allow --out to replace an existing, non-empty folder (fit: existing files)',
  }),
  xlsx: flagOption({
    name: 'xlsx',
    description: 'Also write results.xlsx (sheets Summary, Plans, Differences, Intervals, Groups, Assumptions) into the run folder',
  }),
  quiet: flagOption({
    name: 'quiet',
    description: 'Print nothing on stdout but --json output, and no progress (warnings and errors still go to stderr)',
  }),
  // `ccsim fit`: its --out is a file, not a run folder.
  outFile: valueOption<string | undefined>({
    name: 'out',
    valueName: 'FILE',
    description: 'Write the fitted scenario YAML to FILE (and the fit report beside it) instead of stdout',
    default: undefined,
    parse: parsePath,
  }),
  map: repeatableOption<ColumnMap[]>({
    name: 'map',
    valueName: 'COL=FIELD',
    description:
      'Read history column COL as FIELD (date, interval, queue, offered, handled, abandoned, aht, asa, agents, or ignore); repeatable',
    default: [],
    many: (texts, flag) => texts.map((t) => parseMapping(t, flag)),
  }),
  charts: onByDefault({
    name: 'charts',
    description: 'Draw the charts (SVG, PNG and vega-lite JSON; in report.html for runs, beside the YAML for fit); --no-charts skips them (faster)',
  }),
  allowLong: flagOption({
    name: 'allow-long',
    description: 'Run even when the estimated time is beyond the limit of half an hour on one core (the memory limits stay)',
  }),
  delimiter: valueOption<string | undefined>({
    name: 'delimiter',
    valueName: 'C',
    description: "fit: the history's column separator: , ; tab or | (default: detected from the header)",
    default: undefined,
    defaultDescription: 'detected',
    parse: (text, flag) => {
      const d = text === 'tab' || text === '\\t' ? '\t' : text;
      if (![',', ';', '\t', '|'].includes(d)) throw new UserError(`${flag}: expected , ; tab or |, got '${text}'`);
      return d;
    },
  }),
  decimal: valueOption<'.' | ',' | undefined>({
    name: 'decimal',
    valueName: 'C',
    description: "fit: the history's decimal separator, . or , (default: detected from the numbers)",
    default: undefined,
    defaultDescription: 'detected',
    parse: (text, flag) => {
      if (text !== '.' && text !== ',') throw new UserError(`${flag}: expected . or , got '${text}'`);
      return text;
    },
  }),
  strict: flagOption({
    name: 'strict',
    description: 'Reject the history (exit 2) if any row is bad, instead of skipping bad rows with a count',
  }),
  strictPlan: flagOption({
    name: 'strict',
    description: 'Exit with code 2 when a plan written misses the target on fresh replications, or intervals need agents that no shift template covers',
  }),
  // `ccsim erlang`: one interval's figures, or a CSV of intervals.
  volume: valueOption<number | undefined>({
    name: 'volume',
    valueName: 'N',
    description: 'Contacts offered in one interval (>= 0)',
    default: undefined,
    parse: parseNonNegativeNumber,
  }),
  intervalMinutes: valueOption<number | undefined>({
    name: 'interval-minutes',
    valueName: 'M',
    description: 'Interval length in minutes (> 0)',
    default: undefined,
    defaultDescription: '30, or the CSV\'s own interval',
    parse: parsePositiveNumber,
  }),
  aht: valueOption<number | undefined>({
    name: 'aht',
    valueName: 'SECONDS',
    description: 'Average handle time in seconds (> 0); per session for chat',
    default: undefined,
    defaultDescription: "the CSV's aht column",
    parse: parsePositiveNumber,
  }),
  target: valueOption<number>({
    name: 'target',
    valueName: 'SHARE',
    description: 'Service level target: share answered within the threshold (0.8 or 80%)',
    default: 0.8,
    parse: parseShare,
  }),
  threshold: valueOption<number>({
    name: 'threshold',
    valueName: 'SECONDS',
    description: 'Service level threshold in seconds (>= 0)',
    default: 20,
    parse: parseNonNegativeNumber,
  }),
  patience: valueOption<number | undefined>({
    name: 'patience',
    valueName: 'SECONDS',
    description: 'Mean patience in seconds (> 0): adds the Erlang A answer (callers hang up)',
    default: undefined,
    parse: parsePositiveNumber,
  }),
  shrinkage: valueOption<number>({
    name: 'shrinkage',
    valueName: 'SHARE',
    description: 'Share of paid time agents are unavailable (breaks, training...), for FTE',
    default: 0,
    parse: parseShare,
  }),
  maxOccupancy: valueOption<number | undefined>({
    name: 'max-occupancy',
    valueName: 'SHARE',
    description: 'Cap on occupancy (busy share of agent time)',
    default: undefined,
    parse: parseShare,
  }),
  concurrency: valueOption<number>({
    name: 'concurrency',
    valueName: 'K',
    description: 'Sessions an agent handles at once (chat; integer >= 1)',
    default: 1,
    parse: (text, flag) => parseInteger(text, flag, 1),
  }),
  agents: valueOption<number | undefined>({
    name: 'agents',
    valueName: 'N',
    description: 'Evaluate N agents (integer >= 0) instead of finding the requirement',
    default: undefined,
    parse: (text, flag) => parseInteger(text, flag, 0),
  }),
  csv: valueOption<string | undefined>({
    name: 'csv',
    valueName: 'FILE',
    description: 'Interval volumes (the history CSV `ccsim fit` reads): one row per interval and queue',
    default: undefined,
    parse: parsePath,
  }),
} as const satisfies Record<string, OptionSpec<unknown>>;

export const POSITIONALS = {
  file: {
    name: 'file',
    description: 'Scenario file (YAML or JSON)',
    // Existence is the loader's to check: it reports every file problem the same way.
    parse: parsePath,
  },
  history: {
    name: 'history',
    description: 'Interval history CSV: date, interval, queue, offered, handled, abandoned, aht [, asa, agents]',
    parse: parsePath,
  },
  files: {
    name: 'files',
    description: 'Two or more scenario files, or one variants file (base + variants)',
    parse: (text: string, name: string): string[] => [parsePath(text, name)],
    many: (texts: readonly string[], name: string): string[] => texts.map((t) => parsePath(t, name)),
  },
  dir: {
    name: 'dir',
    description: 'A run folder written by simulate, compare or sweep',
    parse: parsePath,
  },
  dirs: {
    name: 'dirs',
    description: 'Output folders (or their sweep.json) of the shards of one sweep',
    parse: (text: string, name: string): string[] => [parsePath(text, name)],
    many: (texts: readonly string[], name: string): string[] => texts.map((t) => parsePath(t, name)),
  },
} as const satisfies Record<string, PositionalSpec<unknown>>;

export type OptionName = keyof typeof OPTIONS;
export type PositionalName = keyof typeof POSITIONALS;
export type OptionValues<N extends OptionName> = {
  [P in N]: ReturnType<(typeof OPTIONS)[P]['parse']>;
};
export type PositionalValues<N extends PositionalName> = {
  [P in N]: ReturnType<(typeof POSITIONALS)[P]['parse']>;
};

// ---------------------------------------------------------------------------------------------
// yargs glue

/** Declares options on a yargs builder, as strings and booleans only (see the module comment). */
export function declareOptions(y: Argv, names: readonly OptionName[]): Argv {
  let out = y;
  for (const name of names) {
    const spec: OptionSpec<unknown> = OPTIONS[name];
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

function readText(argv: Record<string, unknown>, key: string, flag: string): string | undefined {
  const raw = argv[key];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(`${flag}: given more than once`);
  return String(raw);
}

/** Reads and checks the named options from parsed yargs arguments; throws UserError. */
export function readOptions<N extends OptionName>(
  argv: Record<string, unknown>,
  names: readonly N[],
): OptionValues<N> {
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
export function readPositionals<N extends PositionalName>(
  argv: Record<string, unknown>,
  names: readonly N[],
): PositionalValues<N> {
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

// ---------------------------------------------------------------------------------------------
// Commands

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

/** A command ready to be registered on the top-level parser. */
export interface Command {
  readonly name: string;
  /** Adds the command to `y`; `done` receives the exit code once `run` has finished. */
  register(y: Argv, done: (exitCode: number) => void): Argv;
}

function isMany(spec: PositionalSpec<unknown>): boolean {
  return spec.many !== undefined;
}

export function defineCommand<P extends PositionalName, O extends OptionName>(spec: CommandSpec<P, O>): Command {
  const usage = [spec.name, ...spec.positionals.map((p) => (isMany(POSITIONALS[p]) ? `<${p}..>` : `<${p}>`))].join(' ');
  return {
    name: spec.name,
    register(y, done) {
      return y.command(
        usage,
        spec.describe,
        (b) => {
          let built = b;
          for (const p of spec.positionals) {
            built = built.positional(p, { type: 'string', describe: POSITIONALS[p].description, ...(isMany(POSITIONALS[p]) ? { array: true } : {}) });
          }
          for (const [command, description] of spec.examples ?? []) built = built.example(command, description);
          return declareOptions(built, spec.options);
        },
        async (argv) => {
          const args = argv as Record<string, unknown>;
          // Options first: they are checked by their text alone; a positional may need the disk.
          const options = readOptions(args, spec.options);
          const values = { ...readPositionals(args, spec.positionals), ...options };
          const code = await spec.run(values);
          done(code ?? 0);
        },
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared by commands

/** Prints loading warnings on stderr as `warning: ...`. */
export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
}

/** `1 day`, `0.25 days`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
