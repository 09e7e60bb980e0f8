/**
 * Reading interval history: CSV text -> checked rows, one per interval and queue.
 *
 *   forEachCsvRecord (csv-records.ts)   RFC 4180 records with their lines (csv-parse)
 *   matchColumns   (history-columns.ts) which column holds which field, `--map`
 *   readNumber...  (cell-values.ts)     counts, durations, dates, times; the decimal separator
 *   inferInterval  (interval-grid.ts)   the interval length and offset
 *   formatProblems (row-problems.ts)    the bad rows, summarised and listed
 *
 * Every row that cannot be used is reported with its line and why (missing, negative or
 * unreadable value, bad date or time, off the interval grid, duplicate interval, wrong number
 * of fields); the caller skips them with a count, or rejects the file (`--strict`).
 */
import { UserError } from '../errors.ts';
import { DecimalVotes, MISSING, queueId, readDate, readNumber, readTime } from './cell-values.ts';
import { detectDelimiter, forEachCsvRecord } from './csv-records.ts';
import { columnList, matchColumns, type ColumnMap, type Matched } from './history-columns.ts';
import { clock, gridOffset, inferIntervalMinutes, type Stamp } from './interval-grid.ts';
import { FIELDS, type Field, type History, type HistoryRow, type ProblemKind, type RowProblem } from './types.ts';

// The CLI's lazy `import()` of this module (erlang --history) takes the problem helpers from here;
// parseCsv and parseMapping stay importable from here for code written before the split.
export { parseCsv } from './csv-records.ts';
export { parseMapping, type ColumnMap } from './history-columns.ts';
export { formatProblems, skippedRows, summarizeProblems } from './row-problems.ts';

export interface ReadOptions {
  maps?: readonly ColumnMap[];
  /** The field separator (`--delimiter`); default: detected from the header line. */
  delimiter?: string | undefined;
  /** The decimal separator (`--decimal`); default: detected from the numbers (see DecimalVotes). */
  decimal?: '.' | ',' | undefined;
}

const NUMERIC = ['offered', 'handled', 'abandoned', 'aht', 'asa', 'agents'] as const;
type Numeric = (typeof NUMERIC)[number];

/**
 * Reads history CSV text. Never throws for a bad row: each becomes a `RowProblem`. Throws
 * UserError for a file that cannot be read as history at all (no header, a required column
 * missing, an ambiguous column, a bad `--map`, an unclosed quote).
 */
export function readHistory(text: string, file: string, options: ReadOptions = {}): History {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  // The file is read record by record, twice or three times (header, decimal separator, rows),
  // and no record is kept: see forEachCsvRecord.
  let headerFields: string[] | undefined;
  forEachCsvRecord(text, file, delimiter, (fields) => (headerFields = fields), 1);
  if (headerFields === undefined) throw new UserError(`${file}: the file is empty`);
  const header = headerFields.map((h) => h.trim());
  const { matched, ignored, notes } = matchColumns(header, options.maps ?? [], file);
  const col = new Map<Field, Matched>(matched.map((m) => [m.field, m]));

  const missingColumns: string[] = [];
  if (!col.has('offered')) missingColumns.push('offered');
  if (!col.has('date') && !col.has('interval')) missingColumns.push('date', 'interval');
  if (missingColumns.length > 0) {
    throw new UserError(
      `${file}: no column for ${missingColumns.join(' or ')} (columns: ${columnList(header)}); ` +
        `name it with --map COLUMN=FIELD (fields: ${FIELDS.join(', ')})`,
    );
  }
  if (!col.has('queue')) notes.push("no queue column: every row is read as one contact type, 'all'");
  for (const f of ['handled', 'abandoned', 'aht', 'asa'] as const) {
    if (!col.has(f)) notes.push(`no ${f} column`);
  }

  const decimal = options.decimal ?? detectedDecimal(text, file, delimiter, NUMERIC.map((f) => col.get(f)?.index).filter((i): i is number => i !== undefined));
  if (decimal === ',' && options.decimal === undefined) notes.push("numbers read with a decimal comma (313,1 is 313.1); give --decimal . if that is wrong");
  const problems: RowProblem[] = [];
  const valid: HistoryRow[] = [];
  // Every row whose date and time read, good values or not: the interval grid is inferred from
  // these, so rows with unreadable counts cannot stretch it (a grid inferred from the good rows
  // alone widens when many rows in a row are bad, and then throws good rows away as off-grid).
  const stamps: Stamp[] = [];
  const queueIds = new Map<string, string>();
  const usedIds = new Set<string>();
  const idFor = (name: string): string => {
    let id = queueIds.get(name);
    if (id === undefined) {
      const base = queueId(name);
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}_${n}`;
      queueIds.set(name, id);
      usedIds.add(id);
    }
    return id;
  };

  const texts = new Map<string, string>();
  const interned = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  const readRow = (recordFields: string[], line: number): void => {
    const rowProblems: RowProblem[] = [];
    const bad = (kind: ProblemKind, message: string) => rowProblems.push({ line, kind, message });
    let fields = recordFields;
    // Trailing empty fields (a spreadsheet's trailing commas) are harmless.
    while (fields.length > header.length && fields[fields.length - 1]!.trim() === '') fields = fields.slice(0, -1);
    if (fields.length !== header.length) {
      bad('fields', `has ${fields.length} fields, the header has ${header.length}`);
      problems.push(...rowProblems);
      return;
    }
    const cell = (f: Field): string | undefined => {
      const m = col.get(f);
      return m === undefined ? undefined : (fields[m.index] ?? '');
    };

    // When and which queue.
    let date: string | undefined;
    let minute: number | undefined;
    const dateText = cell('date');
    if (dateText !== undefined) {
      if (MISSING.has(dateText.trim().toLowerCase())) bad('missing', 'date is missing');
      else {
        const d = readDate(dateText);
        if (d === undefined) bad('date', `date is not a real date as YYYY-MM-DD: '${dateText.trim()}'`);
        else {
          date = d.date;
          minute = d.minute;
        }
      }
    }
    const timeText = cell('interval');
    if (timeText !== undefined) {
      if (MISSING.has(timeText.trim().toLowerCase())) bad('missing', 'interval is missing');
      else {
        const t = readTime(timeText);
        if (t === undefined) bad('time', `interval is not a time of day as HH:MM: '${timeText.trim()}'`);
        else {
          minute = t.minute;
          if (dateText === undefined) {
            if (t.date === undefined) bad('date', `interval has no date and there is no date column: '${timeText.trim()}'`);
            else date = t.date;
          }
        }
      }
    } else if (date !== undefined && minute === undefined) {
      bad('time', `date has no time of day and there is no interval column: '${(dateText ?? '').trim()}'`);
    }
    const queueText = cell('queue');
    let queueName = 'all';
    if (queueText !== undefined) {
      if (MISSING.has(queueText.trim().toLowerCase())) bad('missing', 'queue is missing');
      else queueName = queueText.trim();
    }

    // Counts and times.
    const values: Partial<Record<Numeric, number>> = {};
    for (const f of NUMERIC) {
      const text = cell(f);
      if (text === undefined) continue;
      const r = readNumber(text, f, f === 'aht' || f === 'asa', decimal);
      if (!r.ok) bad(r.kind, r.message);
      else if (r.value !== undefined) values[f] = r.value;
    }
    for (const f of ['offered', 'handled', 'abandoned'] as const) {
      if (col.has(f) && values[f] === undefined && !rowProblems.some((p) => p.message.startsWith(`${f} `))) {
        bad('missing', `${f} is missing`);
      }
    }
    // An AHT (ASA) is a mean over handled contacts: with none handled it may well be empty.
    const handledNone = values.handled === 0 || (!col.has('handled') && values.offered === 0);
    for (const f of ['aht', 'asa'] as const) {
      if (col.has(f) && values[f] === undefined && !handledNone && !rowProblems.some((p) => p.message.startsWith(`${f} `))) {
        bad('missing', `${f} is missing (${values.handled ?? '?'} handled)`);
      }
    }

    // Handled and abandoned contacts were offered: more of them than offered is a broken row.
    if (values.offered !== undefined && (values.handled ?? 0) + (values.abandoned ?? 0) > values.offered) {
      bad('counts', `handled (${values.handled ?? 0}) + abandoned (${values.abandoned ?? 0}) is more than offered (${values.offered})`);
    }
    // Dates and queue names repeat on every row: one string each for all the rows that name it.
    if (date !== undefined) date = interned(date);
    queueName = interned(queueName);
    if (date !== undefined && minute !== undefined) stamps.push({ date, minute, queue: queueName });
    if (rowProblems.length > 0 || date === undefined || minute === undefined || values.offered === undefined) {
      problems.push(...rowProblems);
      return;
    }
    const row: HistoryRow = { line: line, date, minute, queue: idFor(queueName), offered: values.offered };
    for (const f of ['handled', 'abandoned', 'aht', 'asa', 'agents'] as const) {
      if (values[f] !== undefined) row[f] = values[f];
    }
    valid.push(row);
  };
  let index = 0;
  const recordCount = forEachCsvRecord(text, file, delimiter, (fields, line) => {
    if (index++ > 0) readRow(fields, line);
  });

  // The interval grid, then rows off it, then duplicates (the first row of an interval is kept).
  const intervalMinutes = inferIntervalMinutes(stamps);
  const offset = intervalMinutes === null ? 0 : gridOffset(stamps, intervalMinutes);
  // The line of the first row of each (date and queue, minute): keyed by day and queue, then by
  // minute, so that the millions of rows of a long history do not each make a key string.
  const seen = new Map<string, Map<number, number>>();
  const rows: HistoryRow[] = [];
  for (const row of valid) {
    if (intervalMinutes !== null && (((row.minute - offset) % intervalMinutes) + intervalMinutes) % intervalMinutes !== 0) {
      problems.push({
        line: row.line,
        kind: 'grid',
        message: `interval ${clock(row.minute)} is not on the ${intervalMinutes}-minute grid of the file`,
      });
      continue;
    }
    const dayKey = `${row.date}|${row.queue}`;
    let day = seen.get(dayKey);
    if (day === undefined) seen.set(dayKey, (day = new Map()));
    const first = day.get(row.minute);
    if (first !== undefined) {
      problems.push({
        line: row.line,
        kind: 'duplicate',
        message: `duplicate interval: ${row.date} ${clock(row.minute)} queue '${nameOf(queueIds, row.queue)}' is already on line ${first}`,
      });
      continue;
    }
    day.set(row.minute, row.line);
    rows.push(row);
  }
  problems.sort((a, b) => a.line - b.line);

  for (const [name, id] of queueIds) {
    if (name !== id && col.has('queue')) notes.push(`queue '${name}' becomes contact type '${id}'`);
  }
  return {
    file,
    columns: matched.map((m) => ({ column: m.column, field: m.field, how: m.how })),
    ignoredColumns: ignored,
    rowsRead: Math.max(0, recordCount - 1),
    rows,
    problems,
    intervalMinutes,
    queues: [...queueIds].filter(([name]) => rows.some((r) => r.queue === queueIds.get(name))).map(([name, id]) => ({ name, id })),
    has: {
      handled: col.has('handled'),
      abandoned: col.has('abandoned'),
      aht: col.has('aht'),
      asa: col.has('asa'),
      agents: col.has('agents'),
    },
    notes,
  };
}

/** The decimal separator the numbers of the file's numeric columns vote for (see DecimalVotes); `.` when commas separate the fields. */
function detectedDecimal(text: string, file: string, delimiter: string, columns: readonly number[]): '.' | ',' {
  if (delimiter === ',') return '.';
  const votes = new DecimalVotes(columns);
  let index = 0;
  forEachCsvRecord(text, file, delimiter, (fields) => {
    if (index++ > 0) votes.add(fields);
  });
  return votes.decimal();
}

function nameOf(ids: Map<string, string>, id: string): string {
  for (const [name, v] of ids) if (v === id) return name;
  return id;
}
