/**
 * Which column of a history file holds which field: names matched case-insensitively and
 * ignoring punctuation, with common aliases (`calls_offered`, `volume`, `avg_handle_time`,
 * `AHT (s)`...); `--map col=field` overrides the matching (`col=ignore` drops a column).
 */
import { UserError } from '../errors.ts';
import { FIELDS, type Field } from './types.ts';

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

export interface Matched {
  index: number;
  column: string;
  field: Field;
  how: 'name' | 'alias' | 'map';
}

/**
 * A file's columns, for a message: the first 20 and how many more. A header can be anything (a
 * binary file read as CSV, a row of 100,000 cells), and the message should stay a line or two.
 */
export function columnList(header: readonly string[]): string {
  const SHOWN = 20;
  if (header.length <= SHOWN) return header.join(', ');
  return `${header.slice(0, SHOWN).join(', ')}, and ${(header.length - SHOWN).toLocaleString('en-US')} more`;
}

export function matchColumns(
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
      throw new UserError(`--map ${m.column}=${m.field}: ${file} has no column '${m.column}' (columns: ${columnList(header)})`);
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
