/**
 * One cell of a history file read as what its column holds: a count or a duration (decimal point
 * or comma, thousands separators, `mm:ss`), a date, a time of day, a queue name; missing-value
 * spellings (`NA`, `null`, `-`...) read as no value.
 */
import type { ProblemKind } from './types.ts';

/** What a cell says when it has no value. */
export const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-']);
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z)?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*-.*)?$/;

/**
 * The largest count or duration a cell may hold: far beyond any real interval (a trillion
 * contacts, or 30,000 years), and small enough that sums over the longest history stay finite.
 * Two cells of 1e308 summed to Infinity, and the fitted scenario then failed to load.
 */
const MAX_CELL = 1e12;

export type Cell<T> = { ok: true; value: T | undefined } | { ok: false; kind: ProblemKind; message: string };

const COMMA_DECIMAL = /^[+-]?(\d+,?\d*|,\d+)$/;
const DOT_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * The votes for a file's decimal separator, counted record by record: `,` when more numeric
 * cells read as decimal-comma numbers (`313,1`) than as decimal-point ones (a European export:
 * `;` between fields, `,` in numbers). `315,700` in such a file is 315.7, not 315700: the file's
 * other numbers decide, never the single cell. (A file whose fields are separated by commas
 * writes decimal points; the reader does not ask, see readHistory.)
 */
export class DecimalVotes {
  private comma = 0;
  private point = 0;
  constructor(private readonly columns: readonly number[]) {}

  add(fields: readonly string[]): void {
    for (const c of this.columns) {
      const t = (fields[c] ?? '').trim();
      if (/^[+-]?\d*,\d+$/.test(t)) this.comma++;
      else if (/^[+-]?\d*\.\d+$/.test(t)) this.point++;
    }
  }

  decimal(): '.' | ',' {
    return this.comma > this.point ? ',' : '.';
  }
}

/** A count or duration; `durations` allows `mm:ss` and `h:mm:ss` (AHT, ASA). */
export function readNumber(text: string, name: string, durations: boolean, decimal: '.' | ',' = '.'): Cell<number> {
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
  if (value > MAX_CELL) return { ok: false, kind: 'large', message: `${name} is too large for a count or a duration: ${t}` };
  return { ok: true, value };
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, optionally with a time (`YYYY-MM-DD HH:MM[:SS]`, `T` also accepted). */
export function readDate(text: string): { date: string; minute?: number } | undefined {
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
export function readTime(text: string): { date?: string; minute: number } | undefined {
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
