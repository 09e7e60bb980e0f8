/**
 * Reading interval history: CSV text (RFC 4180) -> checked rows, one per interval and queue.
 *
 * - CSV: fields separated by `,` (or `;` or a tab, when the header uses that instead), quoted
 *   with `"`; a quote inside a quoted field is written `""`; a quoted field may hold the
 *   delimiter and line breaks. A UTF-8 byte-order mark is skipped. Lines are CRLF or LF.
 * - Columns are matched to fields by name, case-insensitively and ignoring punctuation, with
 *   common aliases (`calls_offered`, `volume`, `avg_handle_time`, `AHT (s)`...). `--map col=field`
 *   overrides the matching (`col=ignore` drops a column).
 * - Every row that cannot be used is reported with its line and why (missing, negative or
 *   unreadable value, bad date or time, off the interval grid, duplicate interval, wrong number
 *   of fields); the caller skips them with a count, or rejects the file (`--strict`).
 */
import { UserError } from '../errors.ts';
import { FIELDS, type Field, type History, type HistoryRow, type ProblemKind, type RowProblem } from './types.ts';

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

/** The delimiter the header line uses most (outside quotes): `,`, `;` or tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

/**
 * Splits CSV text into records (RFC 4180). Blank lines are skipped. A quote opens a quoted field
 * only at the start of a field; elsewhere it is read literally (lenient, as spreadsheets are).
 * Throws UserError for a quoted field that is never closed, naming the line where it opens.
 */
export function parseCsv(text: string, file: string, delimiter = detectDelimiter(text)): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  let recordEmpty = true; // nothing but a line break so far: a blank line
  let i = 0;
  const endRecord = () => {
    if (!recordEmpty) {
      fields.push(field);
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    atFieldStart = true;
    recordEmpty = true;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && atFieldStart) {
      const openLine = line;
      recordEmpty = false;
      atFieldStart = false;
      i++;
      for (;;) {
        if (i >= src.length) throw new UserError(`${file}:${openLine}: a quoted field is never closed`);
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      recordEmpty = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    atFieldStart = false;
    recordEmpty = false;
    i++;
  }
  endRecord();
  return records;
}

// ---------------------------------------------------------------------------------------------
// Columns

/** Lower case, punctuation and spaces to `_`, and a trailing unit of seconds dropped. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_(s|sec|secs|second|seconds|in_seconds)$/, '');
}

/** Aliases, already normalized. The field's own name matches too. */
export const ALIASES: Record<Field, readonly string[]> = {
  date: ['day', 'report_date', 'call_date', 'interval_date', 'datetime', 'date_time', 'timestamp'],
  interval: [
    'interval_start',
    'interval_start_time',
    'start_time',
    'time',
    'interval_time',
    'time_interval',
    'period',
    'period_start',
    'start',
    'half_hour',
    'quarter_hour',
    'hour',
  ],
  queue: ['queue_name', 'queue_id', 'skill', 'skill_name', 'split', 'split_skill', 'contact_type', 'service', 'lob', 'line_of_business'],
  offered: [
    'calls_offered',
    'contacts_offered',
    'offered_calls',
    'offered_contacts',
    'volume',
    'call_volume',
    'calls',
    'contacts',
    'incoming',
    'incoming_calls',
    'inbound',
    'arrivals',
    'received',
    'calls_received',
    'offer',
  ],
  handled: [
    'calls_handled',
    'contacts_handled',
    'handled_calls',
    'handled_contacts',
    'answered',
    'calls_answered',
    'answered_calls',
    'acd_calls',
  ],
  abandoned: [
    'calls_abandoned',
    'contacts_abandoned',
    'abandoned_calls',
    'abandoned_contacts',
    'abandons',
    'abandon',
    'aban',
    'abn',
  ],
  aht: ['avg_handle_time', 'average_handle_time', 'handle_time', 'mean_handle_time', 'avg_aht', 'handling_time'],
  asa: [
    'avg_speed_of_answer',
    'average_speed_of_answer',
    'speed_of_answer',
    'avg_wait',
    'average_wait',
    'avg_wait_time',
    'average_wait_time',
    'avg_queue_time',
    'avg_answer_time',
  ],
  agents: ['staffed', 'staffed_agents', 'agents_staffed', 'staff', 'positions', 'heads', 'headcount', 'agents_logged_in', 'logged_in', 'avg_agents'],
};

/** One `--map col=field` (already split by the option parser). */
export interface ColumnMap {
  column: string;
  field: string;
}

/** `col=field` -> {column, field}; the last `=` splits, so a column name may contain one. */
export function parseMapping(text: string, flag: string): ColumnMap {
  const at = text.lastIndexOf('=');
  const column = at < 0 ? '' : text.slice(0, at).trim();
  const field = at < 0 ? '' : text.slice(at + 1).trim();
  if (column === '' || field === '') throw new UserError(`${flag}: expected COLUMN=FIELD, got '${text}'`);
  return { column, field };
}

interface Matched {
  index: number;
  column: string;
  field: Field;
  how: 'name' | 'alias' | 'map';
}

function matchColumns(
  header: string[],
  maps: readonly ColumnMap[],
  file: string,
): { matched: Matched[]; ignored: string[]; notes: string[] } {
  const notes: string[] = [];
  const byMap = new Map<number, Field | 'ignore'>();
  for (const m of maps) {
    const field = m.field.toLowerCase();
    if (field !== 'ignore' && !(FIELDS as readonly string[]).includes(field)) {
      throw new UserError(`--map ${m.column}=${m.field}: unknown field '${m.field}' (fields: ${FIELDS.join(', ')}, or ignore)`);
    }
    const exact = header.findIndex((h) => h.trim().toLowerCase() === m.column.toLowerCase());
    const index = exact >= 0 ? exact : header.findIndex((h) => normalizeName(h) === normalizeName(m.column));
    if (index < 0) {
      throw new UserError(`--map ${m.column}=${m.field}: ${file} has no column '${m.column}' (columns: ${header.join(', ')})`);
    }
    byMap.set(index, field as Field | 'ignore');
  }

  const candidates: Matched[] = [];
  const ignored: string[] = [];
  header.forEach((column, index) => {
    const mapped = byMap.get(index);
    if (mapped === 'ignore') {
      ignored.push(column);
      return;
    }
    if (mapped !== undefined) {
      candidates.push({ index, column, field: mapped, how: 'map' });
      return;
    }
    const name = normalizeName(column);
    const field = FIELDS.find((f) => f === name) ?? FIELDS.find((f) => ALIASES[f].includes(name));
    if (field === undefined) ignored.push(column);
    else candidates.push({ index, column, field, how: field === name ? 'name' : 'alias' });
  });

  const rank = { map: 0, name: 1, alias: 2 } as const;
  const matched: Matched[] = [];
  for (const field of FIELDS) {
    const all = candidates.filter((c) => c.field === field).sort((a, b) => rank[a.how] - rank[b.how]);
    const [first, second] = all;
    if (first === undefined) continue;
    if (second !== undefined && rank[second.how] === rank[first.how]) {
      throw new UserError(
        `${file}: columns '${first.column}' and '${second.column}' both look like '${field}'; ` +
          `say which with --map '${first.column}=${field}' (and --map '${second.column}=ignore')`,
      );
    }
    matched.push(first);
    for (const other of all.slice(1)) {
      ignored.push(other.column);
      notes.push(`column '${other.column}' not used: '${first.column}' is read as ${field}`);
    }
  }
  return { matched: matched.sort((a, b) => a.index - b.index), ignored, notes };
}

// ---------------------------------------------------------------------------------------------
// Values

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-']);
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z)?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*-.*)?$/;

type Cell<T> = { ok: true; value: T | undefined } | { ok: false; kind: ProblemKind; message: string };

const COMMA_DECIMAL = /^[+-]?(\d+,?\d*|,\d+)$/;
const DOT_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * The decimal separator of a file's numbers: `,` when the fields are not separated by commas and
 * more numeric cells read as decimal-comma numbers (`313,1`) than as decimal-point ones (a
 * European export: `;` between fields, `,` in numbers). `315,700` in such a file is 315.7, not
 * 315700: the file's other numbers decide, never the single cell.
 */
export function detectDecimal(records: readonly CsvRecord[], columns: readonly number[], delimiter: string): '.' | ',' {
  if (delimiter === ',') return '.';
  let comma = 0;
  let point = 0;
  for (let r = 1; r < records.length; r++) {
    const fields = records[r]!.fields;
    for (const c of columns) {
      const t = (fields[c] ?? '').trim();
      if (/^[+-]?\d*,\d+$/.test(t)) comma++;
      else if (/^[+-]?\d*\.\d+$/.test(t)) point++;
    }
  }
  return comma > point ? ',' : '.';
}

/** A count or duration; `durations` allows `mm:ss` and `h:mm:ss` (AHT, ASA). */
function readNumber(text: string, name: string, durations: boolean, decimal: '.' | ',' = '.'): Cell<number> {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return { ok: true, value: undefined };
  let value: number | undefined;
  if (decimal === ',') {
    if (COMMA_DECIMAL.test(t)) value = Number(t.replace(',', '.'));
    else if (DOT_THOUSANDS.test(t)) value = Number(t.replace(/\./g, '').replace(',', '.'));
  } else if (DECIMAL.test(t)) value = Number(t);
  else if (THOUSANDS.test(t)) value = Number(t.replace(/,/g, ''));
  if (value === undefined && durations) {
    const m = DURATION.exec(t);
    if (m) {
      value = m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    }
  }
  if (value === undefined || !Number.isFinite(value)) {
    return { ok: false, kind: 'number', message: `${name} is not a number: '${t}'` };
  }
  if (value < 0) return { ok: false, kind: 'negative', message: `${name} is negative: ${t}` };
  return { ok: true, value };
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, optionally with a time (`YYYY-MM-DD HH:MM[:SS]`, `T` also accepted). */
function readDate(text: string): { date: string; minute?: number } | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!realDate(y, mo, d)) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { date };
  const [h, mi] = [Number(m[4]), Number(m[5])];
  if (h > 23 || mi > 59) return undefined;
  return { date, minute: h * 60 + mi };
}

/** `HH:MM[:SS]` (a range `08:00-08:30` is read as its start), a whole hour `8`, or a date-time. */
function readTime(text: string): { date?: string; minute: number } | undefined {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return Number(t) <= 23 ? { minute: Number(t) * 60 } : undefined;
  const m = TIME.exec(t);
  if (m) {
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return undefined;
    return { minute: h * 60 + mi };
  }
  const dt = readDate(t);
  return dt?.minute === undefined ? undefined : { date: dt.date, minute: dt.minute };
}

/** A contact-type id (`[a-z0-9_-]+`) from a queue name. */
export function queueId(name: string): string {
  const id = name
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return id === '' ? 'queue' : id;
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface ReadOptions {
  maps?: readonly ColumnMap[];
  /** The field separator (`--delimiter`); default: detected from the header line. */
  delimiter?: string | undefined;
  /** The decimal separator (`--decimal`); default: detected from the numbers (see detectDecimal). */
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
  const records = parseCsv(text, file, delimiter);
  const headerRecord = records[0];
  if (headerRecord === undefined) throw new UserError(`${file}: the file is empty`);
  const header = headerRecord.fields.map((h) => h.trim());
  const { matched, ignored, notes } = matchColumns(header, options.maps ?? [], file);
  const col = new Map<Field, Matched>(matched.map((m) => [m.field, m]));

  const missingColumns: string[] = [];
  if (!col.has('offered')) missingColumns.push('offered');
  if (!col.has('date') && !col.has('interval')) missingColumns.push('date', 'interval');
  if (missingColumns.length > 0) {
    throw new UserError(
      `${file}: no column for ${missingColumns.join(' or ')} (columns: ${header.join(', ')}); ` +
        `name it with --map COLUMN=FIELD (fields: ${FIELDS.join(', ')})`,
    );
  }
  if (!col.has('queue')) notes.push("no queue column: every row is read as one contact type, 'all'");
  for (const f of ['handled', 'abandoned', 'aht', 'asa'] as const) {
    if (!col.has(f)) notes.push(`no ${f} column`);
  }

  const decimal = options.decimal ?? detectDecimal(records, NUMERIC.map((f) => col.get(f)?.index).filter((i): i is number => i !== undefined), delimiter);
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

  const dataRecords = records.slice(1);
  for (const record of dataRecords) {
    const rowProblems: RowProblem[] = [];
    const bad = (kind: ProblemKind, message: string) => rowProblems.push({ line: record.line, kind, message });
    let fields = record.fields;
    // Trailing empty fields (a spreadsheet's trailing commas) are harmless.
    while (fields.length > header.length && fields[fields.length - 1]!.trim() === '') fields = fields.slice(0, -1);
    if (fields.length !== header.length) {
      bad('fields', `has ${fields.length} fields, the header has ${header.length}`);
      problems.push(...rowProblems);
      continue;
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
    if (date !== undefined && minute !== undefined) stamps.push({ date, minute, queue: queueName });
    if (rowProblems.length > 0 || date === undefined || minute === undefined || values.offered === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    const row: HistoryRow = { line: record.line, date, minute, queue: idFor(queueName), offered: values.offered };
    for (const f of ['handled', 'abandoned', 'aht', 'asa', 'agents'] as const) {
      if (values[f] !== undefined) row[f] = values[f];
    }
    valid.push(row);
  }

  // The interval grid, then rows off it, then duplicates (the first row of an interval is kept).
  const intervalMinutes = inferIntervalMinutes(stamps);
  const offset = intervalMinutes === null ? 0 : gridOffset(stamps, intervalMinutes);
  const seen = new Map<string, number>();
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
    const key = `${row.date}|${row.minute}|${row.queue}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        line: row.line,
        kind: 'duplicate',
        message: `duplicate interval: ${row.date} ${clock(row.minute)} queue '${nameOf(queueIds, row.queue)}' is already on line ${first}`,
      });
      continue;
    }
    seen.set(key, row.line);
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
    rowsRead: dataRecords.length,
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

function nameOf(ids: Map<string, string>, id: string): string {
  for (const [name, v] of ids) if (v === id) return name;
  return id;
}

/** `HH:MM` of a minute of the day. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The interval length: the most common gap between consecutive interval starts of one queue on
 * one day (ties: the shorter). null when no day has two intervals (daily totals).
 */
/** When and for which queue (its name as written) a row counts: enough to place it on the grid. */
type Stamp = Pick<HistoryRow, 'date' | 'minute' | 'queue'>;

export function inferIntervalMinutes(rows: readonly Stamp[]): number | null {
  const starts = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = `${r.queue}|${r.date}`;
    let s = starts.get(key);
    if (s === undefined) starts.set(key, (s = new Set()));
    s.add(r.minute);
  }
  const gaps = new Map<number, number>();
  for (const s of starts.values()) {
    const sorted = [...s].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i]! - sorted[i - 1]!;
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [gap, count] of gaps) {
    if (count > bestCount || (count === bestCount && best !== null && gap < best)) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/** The most common start offset within the grid (0 unless intervals start at, say, :15 and :45). */
function gridOffset(rows: readonly Stamp[], minutes: number): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.minute % minutes, (counts.get(r.minute % minutes) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [offset, count] of counts) {
    if (count > bestCount || (count === bestCount && offset < best)) {
      best = offset;
      bestCount = count;
    }
  }
  return best;
}

/** `3 missing values, 1 duplicate interval` for the problems found. */
export function summarizeProblems(problems: readonly RowProblem[]): string {
  const names: Record<ProblemKind, [string, string]> = {
    fields: ['wrong number of fields', 'wrong number of fields'],
    missing: ['missing value', 'missing values'],
    negative: ['negative value', 'negative values'],
    number: ['unreadable number', 'unreadable numbers'],
    date: ['bad date', 'bad dates'],
    time: ['bad interval time', 'bad interval times'],
    grid: ['interval off the grid', 'intervals off the grid'],
    duplicate: ['duplicate interval', 'duplicate intervals'],
    counts: ['row with more handled + abandoned than offered', 'rows with more handled + abandoned than offered'],
  };
  const counts = new Map<ProblemKind, number>();
  for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${names[kind][n === 1 ? 0 : 1]}`).join(', ');
}

/** Lines `file:LINE: message`, at most `max` of them, then `... and N more`. */
export function formatProblems(file: string, problems: readonly RowProblem[], max = 50): string[] {
  const lines = problems.slice(0, max).map((p) => `${file}:${p.line}: ${p.message}`);
  if (problems.length > max) lines.push(`... and ${problems.length - max} more`);
  return lines;
}

/** Distinct lines among the problems: the rows skipped. */
export function skippedRows(problems: readonly RowProblem[]): number {
  return new Set(problems.map((p) => p.line)).size;
}
