/**
 * CSV text (RFC 4180) -> records, each with the line it starts on, read by csv-parse.
 *
 * Fields are separated by `,` (or `;`, a tab or `|`), quoted with `"`; a quote inside a quoted
 * field is written `""`; a quoted field may hold the delimiter and line breaks. A UTF-8
 * byte-order mark is skipped. Lines end in CRLF, LF or CR, mixed within one file. Blank lines
 * are skipped. A quote that does not start a field is read literally (lenient, as spreadsheets
 * are).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../errors.ts';

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

const CR = 0x0d;
const LF = 0x0a;

/**
 * Counts line breaks in bytes (CRLF, LF or a lone CR is one each). csv-parse's own `lines` is
 * not used for record lines: it gives the line a record ends on, and counts a CRLF inside a
 * quoted field as two lines, which shifts every later record. Its `bytes` (where each record
 * ends, in the UTF-8 bytes it reads, byte-order mark included) is exact, so lines are counted
 * here from the same bytes. UTF-8 never puts 0x0d or 0x0a inside a multi-byte character.
 */
class LineCounter {
  private at = 0;
  private line = 1;
  constructor(private readonly bytes: Uint8Array) {}

  /** The line of the first byte at or after `start` that is not a line break (the record's first line). */
  firstLineFrom(start: number): number {
    this.advance(start);
    let line = this.line;
    for (let i = start; i < this.bytes.length; i++) {
      const b = this.bytes[i]!;
      if (b === LF) line++;
      else if (b === CR) {
        if (this.bytes[i + 1] === LF) i++;
        line++;
      } else break;
    }
    return line;
  }

  /** Moves the count to byte `to` (only forward: records come in order). */
  private advance(to: number): void {
    for (; this.at < to; this.at++) {
      const b = this.bytes[this.at]!;
      if (b === LF || (b === CR && this.bytes[this.at + 1] !== LF)) this.line++;
    }
  }
}

/**
 * Calls `onRecord` with each record of CSV text in turn (its fields and the line it starts on),
 * keeping none: a history of two years by 15 minutes for 50 queues is some 3.5 million records,
 * and kept as arrays of strings they took 11 times the file's size in memory. `limit` stops after
 * that many records. Returns how many were read. Throws UserError for a quoted field that is
 * never closed, naming the line of the record it opens in.
 */
export function forEachCsvRecord(
  text: string,
  file: string,
  delimiter: string,
  onRecord: (fields: string[], line: number) => void,
  limit?: number,
): number {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineCounter(bytes);
  // Where the last record read ends (a byte offset): the next one starts there, after blank lines.
  let end = 0;
  let count = 0;
  try {
    parse(bytes, {
      delimiter,
      bom: true,
      // Mixed line endings in one file: csv-parse otherwise keeps the first kind it meets.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      // A row with too few or too many fields is the reader's to report, with its line.
      relax_column_count: true,
      relax_quotes: true,
      ...(limit !== undefined ? { to: limit } : {}),
      on_record: (fields: string[], info) => {
        const line = lines.firstLineFrom(end);
        end = info.bytes;
        count++;
        onRecord(fields, line);
        return null; // nothing kept
      },
    });
    return count;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = lines.firstLineFrom(end);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new UserError(`${file}:${line}: a quoted field is never closed`);
    throw new UserError(`${file}:${line}: ${e.message}`);
  }
}

/** Every record of CSV text with its line, with the delimiter given (default: detected from the header line). */
export function parseCsv(text: string, file: string, delimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  forEachCsvRecord(text, file, delimiter, (fields, line) => records.push({ line, fields }));
  return records;
}
