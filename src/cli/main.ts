/**
 * The `ccsim` command line: a thin shell over the library. Each command lives in its own file
 * (`src/cli/<command>.ts`, listed in command-list.ts); its options are defined once, in the
 * option groups (`options-*.ts`, gathered in options.ts).
 *
 * Start-up is most of a quick command's time, so a command line loads only what it uses:
 * a help request prints the help stored at build time (help-text.ts); `validate FILE` runs from
 * one small script with V8's code cache (quick-validate.ts); any other plain line runs from the
 * script of all commands with its code cache (quick-commands.ts), or from these modules when
 * the CLI runs from source, and is read without yargs (direct-args.ts); only the rest (usage
 * errors, unusual lines, help on a narrow terminal) loads yargs and every command (yargs-cli.ts).
 *
 * Exit codes: 0 success; 2 the user's to fix (bad arguments, bad scenario, refused --out);
 * 1 a bug in ccsim (message "ccsim: internal error" and the stack trace).
 */
import { COMMAND_NAMES, isCommandName } from './command-list.ts';
import { runDirect } from './direct-run.ts';
import { storedHelp } from './help-text.ts';
import { drawChartsWithoutOptimizer } from '../report/optimizer-off.ts';

export { COMMAND_NAMES };

/** For the build (writing the cache) and its test (that V8 accepts it): quick-validate.ts. */
export async function writeValidateCache(sample: string): Promise<void> {
  await (await import('./quick-validate.ts')).writeValidateCache(sample);
}
export async function validateCacheUse(): Promise<string | null> {
  return (await import('./quick-validate.ts')).validateCacheUse();
}

/** For the build (writing the commands' cache) and its test: quick-commands.ts. */
export async function writeCommandsCache(runs: readonly (readonly string[])[]): Promise<void> {
  await (await import('./quick-commands.ts')).writeCommandsCache(runs);
}
export async function commandsCacheUse(): Promise<string | null> {
  return (await import('./quick-commands.ts')).commandsCacheUse();
}

/**
 * For the build: runs ccsim with each of `runs` (commands that draw charts, into folders the
 * caller discards) and stores what V8 compiled for the chart libraries as their code cache
 * (report/chart-libraries.ts); and for its test, how this process loaded them.
 */
export async function writeChartCache(runs: readonly (readonly string[])[]): Promise<void> {
  // From the ES modules, whose chart module is the one that keeps what it loaded.
  drawChartsWithoutOptimizer();
  for (const args of runs) {
    const code = (await runDirect(args)) ?? 2;
    if (code !== 0) throw new Error(`ccsim ${args.join(' ')} for the chart code cache exited ${String(code)}`);
  }
  (await import('../report/chart-libraries.ts')).writeChartLibrariesCache();
}
export async function chartCacheUse(): Promise<string | undefined> {
  // The command may have run in the commands script, whose chart module is not this one.
  const fromScript = (await import('./quick-commands.ts')).scriptChartCacheUse();
  return fromScript ?? (await import('../report/chart-libraries.ts')).chartCacheUse();
}

/** Runs ccsim with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  // A ccsim process draws its charts once, after its simulations, then exits.
  drawChartsWithoutOptimizer();
  const help = storedHelp(args);
  if (help !== undefined) {
    process.stdout.write(help);
    return 0;
  }
  const word = args[0];
  if (word === 'validate') {
    // Imported here: node:vm and the rest are for validate only, not for --help.
    const { runQuickValidate } = await import('./quick-validate.ts');
    const code = await runQuickValidate(args.slice(1));
    if (code !== null) return code;
  }
  if (isCommandName(word)) {
    // From the cached script when the build made it, else from these modules.
    const { runQuickCommand } = await import('./quick-commands.ts');
    const code = (await runQuickCommand(args)) ?? (await runDirect(args));
    if (code !== null) return code;
  }
  const { runWithYargs } = await import('./yargs-cli.ts');
  return runWithYargs(args);
}

/** The help yargs renders for `args` at `width` (the build stores it: scripts/build.mjs). */
export async function renderHelp(args: readonly string[], width: number): Promise<string> {
  const { renderHelp: render } = await import('./yargs-cli.ts');
  return render(args, width);
}
