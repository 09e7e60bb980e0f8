/**
 * The `ccsim` command line: a thin shell over the library. Each command lives in its own file
 * (`src/cli/<command>.ts`) and is listed in `COMMANDS`; options are defined once in
 * `src/cli/options.ts`.
 *
 * Exit codes: 0 success; 2 the user's to fix (bad arguments, bad scenario, refused --out);
 * 1 a bug in ccsim (message "ccsim: internal error" and the stack trace).
 */

import { readFileSync } from 'node:fs';
import { UserError } from '../errors.ts';
import type { Command } from './options.ts';
import { simulateCommand } from './simulate.ts';
import { validateCommand } from './validate.ts';
import { compareCommand } from './compare.ts';
import { sweepCommand } from './sweep.ts';
import { mergeCommand } from './merge.ts';
import { reportCommand } from './report.ts';
import { fitCommand } from './fit.ts';
import { staffCommand } from './staff.ts';
import { erlangCommand, runErlangFast } from './erlang.ts';
import { studioCommand } from './studio.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [simulateCommand, compareCommand, sweepCommand, mergeCommand, fitCommand, staffCommand, erlangCommand, reportCommand, validateCommand, studioCommand];

/** A bad command line, as reported by yargs. */
class UsageError extends UserError {
  override readonly name = 'UsageError';
}

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

/** Runs ccsim with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  if (args[0] === 'erlang') {
    // The calculator must answer at once: a plain command line skips yargs (see runErlangFast).
    try {
      const code = await runErlangFast(args.slice(1));
      if (code !== null) return code;
    } catch (error) {
      return reportError(error);
    }
  }
  // Loaded here, not at the top, so that the fast path above never pays for it.
  const { default: yargs } = await import('yargs');
  let exitCode = 0;
  const parser = yargs([...args])
    .scriptName('ccsim')
    .usage('ccsim <command> [options]\n\nContact-center simulator: staffing, routing, service level, FCR, cost.')
    .version(version())
    .help()
    .alias('h', 'help')
    .strict()
    .strictCommands()
    .demandCommand(1, 'no command given')
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      // yargs reports its own validation failures as a YError; anything else was thrown by a command.
      if (error === undefined || error === null || error.name === 'YError') {
        throw new UsageError(withSuggestion(message ?? error?.message ?? 'invalid command line'));
      }
      throw error;
    })
    .wrap(Math.min(100, process.stdout.columns ?? 100));
  for (const command of COMMANDS) {
    command.register(parser, (code) => {
      exitCode = code;
    });
  }
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error);
  }
  return exitCode;
}

/**
 * yargs says `Unknown commands: simulat, file.yaml` (every positional); only the first is the
 * command: `Unknown command: simulat (did you mean simulate?)`.
 */
function withSuggestion(message: string): string {
  const typed = /^Unknown commands?: ([^\s,]+)/.exec(message)?.[1];
  if (typed === undefined) return message;
  const near = COMMANDS.map((c) => ({ name: c.name, d: editDistance(typed, c.name) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(c.name.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  return `Unknown command: ${typed}` + (near === undefined ? '' : ` (did you mean ${near.name}?)`);
}

/** Levenshtein distance: insertions, deletions and substitutions turning `a` into `b`. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Prints an error the way its kind deserves and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\nRun 'ccsim --help' for usage.\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  process.stderr.write(`ccsim: internal error\n${detail}\n`);
  return 1;
}
