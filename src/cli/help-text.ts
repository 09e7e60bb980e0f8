/**
 * `ccsim --help` and `ccsim COMMAND --help` without loading yargs: the build renders every
 * help text with yargs, from the same command and option definitions, into
 * dist/bin/ccsim-help.json (scripts/build.mjs), and a help request prints the stored text.
 * Without that file (running from source) or on a terminal narrower than the stored width,
 * nothing is found here and yargs renders the help as before.
 */
import { readFileSync } from 'node:fs';

export const HELP_FILE = 'ccsim-help.json';

/** The stored texts: by command word, '' for the top-level help. */
export interface StoredHelp {
  readonly width: number;
  readonly texts: Readonly<Record<string, string>>;
}

/** The help's width: the terminal's, at most 100 (100 when stdout is not a terminal). */
export function helpWidth(): number {
  return Math.min(100, process.stdout.columns ?? 100);
}

/** The command whose help `args` ask for ('' for the top level), or undefined for any other line. */
export function helpRequest(args: readonly string[]): string | undefined {
  const isHelp = (a: string | undefined): boolean => a === '--help' || a === '-h';
  if (args.length === 1 && isHelp(args[0])) return '';
  if (args.length === 2 && isHelp(args[1]) && !args[0]!.startsWith('-')) return args[0];
  return undefined;
}

/** The stored help text `args` ask for, or undefined when it must be rendered by yargs. */
export function storedHelp(args: readonly string[]): string | undefined {
  const topic = helpRequest(args);
  if (topic === undefined) return undefined;
  let stored: StoredHelp;
  try {
    stored = JSON.parse(readFileSync(new URL(`./${HELP_FILE}`, import.meta.url), 'utf8')) as StoredHelp;
  } catch {
    return undefined;
  }
  if (stored.width !== helpWidth() || !Object.hasOwn(stored.texts, topic)) return undefined;
  return stored.texts[topic];
}
