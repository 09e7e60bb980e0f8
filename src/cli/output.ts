/** Small helpers for what commands print. */
import { visible } from './terminal-text.ts';

/** Prints loading warnings on stderr as `warning: ...`. */
export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${visible(w)}\n`);
}

/** `1 day`, `0.25 days`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
