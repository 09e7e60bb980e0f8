/**
 * A command line that names a command and reads without yargs (direct-args.ts), run: the one
 * way both the ES-module CLI (main.ts) and the cached commands script (commands-script.ts) run
 * a command, so the two answer alike.
 */
import { COMMAND_LOADERS, isCommandName } from './command-list.ts';
import { parseDirect } from './direct-args.ts';
import { reportError } from './report-error.ts';

/** The exit code, or null when the line is for yargs to read (and explain). */
export async function runDirect(args: readonly string[]): Promise<number | null> {
  const word = args[0];
  if (!isCommandName(word)) return null;
  try {
    const { declared } = await COMMAND_LOADERS[word]();
    const argv = declared === undefined ? null : parseDirect(args.slice(1), declared);
    if (declared === undefined || argv === null) return null;
    return await declared.run(argv);
  } catch (error) {
    return reportError(error);
  }
}
