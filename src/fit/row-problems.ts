/** The rows a history file could not use, summarised and listed for messages. */
import type { ProblemKind, RowProblem } from './types.ts';

/** `3 missing values, 1 duplicate interval` for the problems found. */
export function summarizeProblems(problems: readonly RowProblem[]): string {
  const names: Record<ProblemKind, [string, string]> = {
    fields: ['wrong number of fields', 'wrong number of fields'],
    missing: ['missing value', 'missing values'],
    negative: ['negative value', 'negative values'],
    large: ['value too large', 'values too large'],
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
