/**
 * `ccsim fit`: interval history (CSV) -> a commented scenario YAML and a fit report.
 *
 *   readHistory   (history-csv.ts)  columns, rows, bad rows with their lines, interval length
 *                 (with csv-records, history-columns, cell-values, interval-grid, row-problems)
 *   fitArrivals   (profiles.ts)     per_day, by_hour, by_weekday, by_month, by_date, overdispersion_cv
 *   fitHandleTime (handle-time.ts)  mean and cv of the handle time
 *   fitPatience   (patience.ts)     exponential patience from abandonment and ASA
 *   scenarioYaml  (scenario-yaml.ts) the scenario, every fitted value commented with how
 *   fitReport*    (fit-report.ts)   observed vs fitted by weekday, month, hour and weekday x hour
 */
import { heapBoundBytes, heapLimitText, InputFileError, MAX_HISTORY_BYTES, readInputText } from '../input-file.ts';
import { UserError } from '../errors.ts';
import { readHistory } from './history-csv.ts';
import type { ColumnMap } from './history-columns.ts';
import { formatProblems, skippedRows, summarizeProblems } from './row-problems.ts';
import { fitHandleTime } from './handle-time.ts';
import { fitPatience } from './patience.ts';
import { fitArrivals } from './profiles.ts';
import type { FitResult, History, TypeFit } from './types.ts';

export { readHistory } from './history-csv.ts';
export { parseCsv } from './csv-records.ts';
export { parseMapping } from './history-columns.ts';
export type { ColumnMap } from './history-columns.ts';
export { formatProblems, summarizeProblems, skippedRows } from './row-problems.ts';
export { fitArrivals, outlierK, OUTLIER_K } from './profiles.ts';
export { fitHandleTime, DEFAULT_HANDLE_CV } from './handle-time.ts';
export { fitPatience } from './patience.ts';
export { scenarioYaml } from './scenario-yaml.ts';
export { fitReportJson, fitReportText } from './fit-report.ts';
export type * from './types.ts';

export interface FitOptions {
  /** `--map col=field` overrides. */
  maps?: readonly ColumnMap[];
  /** Reject the file (UserError) when any row is bad, instead of skipping those rows. */
  strict?: boolean;
  /** The field separator (`--delimiter`): `,`, `;`, tab or `|`; default detected. */
  delimiter?: string | undefined;
  /** The decimal separator (`--decimal`); default detected. */
  decimal?: '.' | ',' | undefined;
}

/** Reads and fits history CSV text; `file` names it in messages. Throws UserError (exit 2). */
export function fitHistory(text: string, file: string, options: FitOptions = {}): FitResult {
  const history = readHistory(text, file, { maps: options.maps ?? [], delimiter: options.delimiter, decimal: options.decimal });
  if (options.strict && history.problems.length > 0) {
    throw new UserError(
      `${file}: ${summarizeProblems(history.problems)} (--strict: nothing fitted)\n  ` +
        formatProblems(file, history.problems).join('\n  '),
    );
  }
  if (history.rows.length === 0) {
    const why = history.problems.length > 0 ? `\n  ${formatProblems(file, history.problems).join('\n  ')}` : '';
    throw new UserError(`${file}: no usable rows (${history.rowsRead} data rows read)${why}`);
  }
  // A file most of whose rows cannot be read is read wrongly (separator, decimal comma, columns):
  // fitting the few rows left would give a silently wrong scenario.
  const skipped = skippedRows(history.problems);
  if (history.rowsRead > 0 && skipped > history.rowsRead / 2) {
    throw new UserError(
      `${file}: ${skipped} of ${history.rowsRead} rows cannot be read (${summarizeProblems(history.problems)}), so the file is probably read wrongly: ` +
        `check the column separator (--delimiter) and the decimal separator (--decimal), and --map for the columns; nothing fitted\n  ` +
        formatProblems(file, history.problems, 10).join('\n  '),
    );
  }
  return { history, types: fitTypes(history) };
}

/**
 * Heap a history needs while it is read and fitted, per byte of the file: its text, then a row of
 * numbers, a date and a queue per line, and room for the collector to work. Measured on ten
 * queues by 15 minutes over 2,000 days (29,000 rows a MB): 728 MB live after reading 100 MB; in
 * a heap of 1 GB (--max-old-space-size=1024) 80 MB is read and fitted and 100 MB runs out of
 * memory. 16 leaves a fifth spare.
 */
const MEMORY_PER_HISTORY_BYTE = 16;

/**
 * The largest history this process can read: the format's limit, or less where the process may
 * use less memory (V8's heap limit, about a quarter of the machine's memory by default). A file
 * beyond it would end in V8's fatal "heap out of memory", not in an answer.
 */
export function historyByteLimit(): number {
  return heapBoundBytes(MEMORY_PER_HISTORY_BYTE, MAX_HISTORY_BYTES);
}

/**
 * A history file's text (fit, erlang --csv): a regular file within historyByteLimit(). A missing,
 * unreadable or too large file, a pipe or a device is a UserError.
 */
export function readHistoryText(file: string): string {
  const limit = historyByteLimit();
  try {
    return readInputText(file, limit);
  } catch (e) {
    if (e instanceof InputFileError) {
      const memory =
        limit < MAX_HISTORY_BYTES && e.tooLarge
          ? ` (reading a history takes about ${MEMORY_PER_HISTORY_BYTE} times its size in memory, and this process may use ${heapLimitText()}: ` +
            `give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES, or read a shorter history)`
          : '';
      throw new UserError(`${file}: ${e.reason}${memory}`);
    }
    throw e;
  }
}

/** Reads the file and fits it; a missing or unreadable file is a UserError. */
export function fitHistoryFile(file: string, options: FitOptions = {}): FitResult {
  return fitHistory(readHistoryText(file), file, options);
}

function fitTypes(history: History): TypeFit[] {
  return history.queues.map(({ name, id }) => {
    const rows = history.rows.filter((r) => r.queue === id);
    let agents: number[] | null = null;
    if (history.has.agents) {
      const sums = new Array<number>(24).fill(0);
      const counts = new Array<number>(24).fill(0);
      for (const r of rows) {
        if (r.agents === undefined) continue;
        const h = Math.floor(r.minute / 60);
        sums[h]! += r.agents;
        counts[h]! += 1;
      }
      agents = sums.map((s, h) => (counts[h]! > 0 ? s / counts[h]! : 0));
    }
    return {
      id,
      queue: name,
      arrivals: fitArrivals(history, id),
      handle_time: fitHandleTime(rows, history.has.handled),
      patience: fitPatience(rows, history.has),
      agents_by_hour: agents,
    };
  });
}
