/**
 * The command line parsed by yargs, with every command declared: the help, the usage errors
 * (`Unknown argument: x`, `Not enough arguments following: seed`...) and every line the direct
 * parser leaves to it (direct-args.ts).
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import type { Command } from './command.ts';
import { loadAllCommands } from './command-list.ts';
import { helpWidth } from './help-text.ts';
import { reportError, UsageError } from './report-error.ts';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

/** The top-level parser with `commands` declared; `done` receives a command's exit code. */
export function buildParser(args: readonly string[], commands: readonly Command[], width: number, done: (exitCode: number) => void): Argv {
  const y = yargs([...args])
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
        throw new UsageError(withSuggestion(message ?? error?.message ?? 'invalid command line', commands));
      }
      throw error;
    })
    .wrap(width);
  for (const command of commands) command.register(y, done);
  return y;
}

/** Runs ccsim on `args` with yargs parsing them; returns the exit code. */
export async function runWithYargs(args: readonly string[]): Promise<number> {
  let exitCode = 0;
  try {
    const commands = await loadAllCommands();
    await buildParser(args, commands, helpWidth(), (code) => {
      exitCode = code;
    }).parseAsync();
  } catch (error) {
    return reportError(error);
  }
  return exitCode;
}

/**
 * What `ccsim ARGS` prints on stdout for a help request (`--help`, `simulate --help`) at the
 * given width, as yargs renders it; nothing is run or printed. The build stores these texts
 * (scripts/build.mjs), so that a help request is answered without loading yargs.
 */
export async function renderHelp(args: readonly string[], width = 100): Promise<string> {
  const commands = await loadAllCommands();
  let text: string | undefined;
  await buildParser(args, commands, width, () => undefined).parseAsync([...args], {}, (_error: Error | undefined, _argv: unknown, output: string) => {
    text = output;
  });
  if (text === undefined || text === '') throw new Error(`ccsim ${args.join(' ')}: yargs rendered no help`);
  // yargs prints its help with console.log, which ends it with a newline.
  return text + '\n';
}

/**
 * yargs says `Unknown commands: simulat, file.yaml` (every positional); only the first is the
 * command: `Unknown command: simulat (did you mean simulate?)`.
 */
function withSuggestion(message: string, commands: readonly Command[]): string {
  const typed = /^Unknown commands?: ([^\s,]+)/.exec(message)?.[1];
  if (typed === undefined) return message;
  const near = commands
    .map((c) => ({ name: c.name, d: editDistance(typed, c.name) }))
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
