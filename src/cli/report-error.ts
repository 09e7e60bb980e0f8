/**
 * How an error reaches the user. Exit codes: 0 success; 2 the user's to fix (bad arguments, bad
 * scenario, refused --out); 1 a bug in ccsim (message "ccsim: internal error" and the stack).
 */
import { UserError } from '../errors.ts';
import { visible } from './terminal-text.ts';

/** A bad command line, as reported by yargs. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/** Prints an error the way its kind deserves and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${visible(error.message)}\nRun 'ccsim --help' for usage.\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    process.stderr.write(`error: ${visible(error.message)}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  process.stderr.write(`ccsim: internal error\n${detail}\n`);
  return 1;
}
