/**
 * Progress of a long command, on stderr only (stdout stays clean for `--json` and pipes).
 *
 * Nothing is shown for the first second, so quick runs stay quiet. Then, on a terminal, one
 * line is rewritten in place (`\r`), at most ten times a second, and erased at the end; when
 * stderr is not a terminal (a log file, CI), a line is written as 25%, 50%, 75% and 100% are
 * passed. With `--quiet`, nothing.
 */
import type { ProgressSink } from '../experiment/replications.ts';

export interface ProgressOptions {
  quiet?: boolean | undefined;
  /** Default process.stderr. */
  stream?: { isTTY?: boolean; write(text: string): unknown } | undefined;
  /** Milliseconds before anything is shown (default 1000). */
  delayMs?: number | undefined;
  /** Clock in milliseconds (default performance.now). */
  now?: (() => number) | undefined;
}

export interface Progress extends ProgressSink {
  /** Ends the display (erases the terminal line). */
  done(): void;
}

const SILENT: Progress = { planned() {}, completed() {}, done() {} };

/** A progress display for `label` counting `unit` (e.g. "replications"). */
export function createProgress(label: string, unit: string, options: ProgressOptions = {}): Progress {
  if (options.quiet === true) return SILENT;
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? 1000;
  const start = now();
  let total = 0;
  let done = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let milestone = 0; // quarters already reported (non-terminal)
  let finished = false;

  const text = (): string => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
    return `${label}: ${pct}% (${done}/${total} ${unit})`;
  };

  const update = (final: boolean): void => {
    if (finished) return;
    const t = now();
    if (t - start < delay) return;
    if (tty) {
      if (!final && t - lastDraw < 100) return;
      lastDraw = t;
      stream.write(`\r${text()}\u001b[K`);
      drawn = true;
      return;
    }
    const quarter = total > 0 ? Math.floor((4 * done) / total) : 0;
    if (quarter > milestone) {
      milestone = quarter;
      stream.write(`${text()}\n`);
    }
  };

  return {
    planned(count) {
      total += count;
    },
    completed(count) {
      done += count;
      update(done >= total);
    },
    done() {
      if (finished) return;
      if (tty && drawn) stream.write('\r\u001b[K');
      finished = true;
    },
  };
}
