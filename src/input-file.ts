/**
 * Reading an input file (scenario, variants, history CSV, shard output) safely, at the edge:
 * only a regular file, and at most a stated size. A FIFO would block the read for ever and
 * /dev/zero would grow without end; a file of gigabytes would exhaust memory before any check.
 *
 * The reason a file cannot be read comes back as plain words (`InputFileError.reason`), so each
 * caller words the error its own way (a ScenarioError for a scenario, a UserError for a CSV).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

/** Scenario and variants files (a ten-year by_interval staffing list is about 2 MB). */
export const MAX_SCENARIO_BYTES = 32 * 1024 * 1024;
/**
 * Interval history CSVs (two years of 15-minute intervals for 50 queues is about 200 MB). Reading
 * one also needs memory in proportion: see historyByteLimit (fit/index.ts).
 */
export const MAX_HISTORY_BYTES = 512 * 1024 * 1024;

/**
 * The most bytes of input this process can read and parse when that takes `memoryPerByte` times
 * the input's size in memory: a share of V8's heap limit (about a quarter of the machine's memory
 * by default), and at most `max`. Beyond it V8 would end the process with its fatal "heap out of
 * memory" instead of an answer.
 */
export function heapBoundBytes(memoryPerByte: number, max: number): number {
  return Math.min(max, Math.floor(getHeapStatistics().heap_size_limit / memoryPerByte));
}

/** How much memory this process may use, for a message: "4.3 GB". */
export function heapLimitText(): string {
  return `${(getHeapStatistics().heap_size_limit / 1024 ** 3).toFixed(1)} GB`;
}

export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The file is larger than the caller's limit (which a caller may explain: memory, say). */
    readonly tooLarge = false,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputFileError';
  }
}

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'it is a directory';
  if (stat.isFIFO()) return 'it is a pipe (FIFO), not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'it is a device, not a regular file';
  if (stat.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/** The file's text (UTF-8). Throws InputFileError: not found, not a regular file, too large. */
export function readInputText(file: string, maxBytes: number): string {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(file, 'file not found');
    if (code === 'EISDIR') throw new InputFileError(file, 'cannot read the file (it is a directory)');
    throw new InputFileError(file, `cannot read the file (${code ?? String(e)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputFileError(file, `cannot read the file (${kindOf(stat)})`);
    if (stat.size > maxBytes) {
      throw new InputFileError(file, `the file is ${mb(stat.size)}; the limit for this kind of file is ${mb(maxBytes)}`, true);
    }
    // Read at most maxBytes + 1, in case the file grows while it is read.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new InputFileError(file, `the file is larger than the limit for this kind of file (${mb(maxBytes)})`, true);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
