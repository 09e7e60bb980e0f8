/**
 * Opening hours as the file gives them (`mon: ["08:00", "20:00"]`, a list of such pairs, or
 * `closed`) checked and turned into the normalised `OpenHours`: per weekday, sorted,
 * non-overlapping [from, to) stretches in minutes after midnight. A weekday not listed is closed.
 */
import type { OpenHours, Weekday } from './types.ts';
import { describe } from './messages.ts';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$|^(24):(00)$/;

export const OPEN_HOURS_WHAT =
  'opening hours: a mapping of weekday (mon..sun) to ["HH:MM", "HH:MM"], a list of such pairs, or closed';
const PAIR_WHAT = 'a pair of times of day like ["08:00", "20:00"] (the end after the start; "24:00" ends at midnight)';

export interface OpenHoursIssue {
  path: Array<string | number>;
  message: string;
  input: unknown;
}

function minutesOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  return m[3] !== undefined ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

function pairOf(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const from = minutesOf(value[0]);
  const to = minutesOf(value[1]);
  if (from === undefined || to === undefined || to <= from || from >= 24 * 60) return undefined;
  return [from, to];
}

/** Check `raw`; the issues are empty exactly when `value` is set. */
export function parseOpenHours(raw: unknown): { value?: OpenHours; issues: OpenHoursIssue[] } {
  const issues: OpenHoursIssue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { issues: [{ path: [], message: `expected ${OPEN_HOURS_WHAT}, got ${describe(raw)}`, input: raw }] };
  }
  const out = Object.fromEntries(DAYS.map((d) => [d, [] as Array<[number, number]>])) as OpenHours;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(DAYS as readonly string[]).includes(key)) {
      issues.push({ path: [key], message: `unknown weekday '${key}' (expected one of ${DAYS.join(', ')})`, input: value });
      continue;
    }
    const day = key as Weekday;
    if (value === 'closed') continue;
    const single = pairOf(value);
    if (single) {
      out[day] = [single];
      continue;
    }
    const isList = Array.isArray(value) && value.length > 0 && value.every((v) => Array.isArray(v));
    if (!isList) {
      issues.push({ path: [key], message: `expected ${PAIR_WHAT}, a list of such pairs, or closed, got ${describe(value)}`, input: value });
      continue;
    }
    const pairs: Array<[number, number]> = [];
    (value as unknown[]).forEach((v, i) => {
      const p = pairOf(v);
      if (p) pairs.push(p);
      else issues.push({ path: [key, i], message: `expected ${PAIR_WHAT}, got ${describe(v)}`, input: v });
    });
    out[day] = merge(pairs);
  }
  return issues.length > 0 ? { issues } : { value: out, issues };
}

/** Sort stretches and join those that overlap or touch. */
function merge(pairs: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The file form of normalised opening hours (for writing a scenario back). */
export function openHoursToFile(hours: OpenHours): Record<string, string | string[][]> {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const out: Record<string, string | string[][]> = {};
  for (const d of DAYS) {
    const s = hours[d];
    out[d] = s.length === 0 ? 'closed' : s.map(([a, b]) => [clock(a), clock(b)]);
  }
  return out;
}
