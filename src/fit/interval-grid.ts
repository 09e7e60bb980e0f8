/** The interval grid of a history file: its length and start offset, inferred from the rows' times. */
import type { HistoryRow } from './types.ts';

/** When and for which queue (its name as written) a row counts: enough to place it on the grid. */
export type Stamp = Pick<HistoryRow, 'date' | 'minute' | 'queue'>;

/** `HH:MM` of a minute of the day. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The interval length: the most common gap between consecutive interval starts of one queue on
 * one day (ties: the shorter). null when no day has two intervals (daily totals).
 */
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
export function gridOffset(rows: readonly Stamp[], minutes: number): number {
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
