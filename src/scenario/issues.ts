/** zod's findings as `Problem`s: the user's field path, the source position, plain words. */
import type { z } from 'zod';
import type { Problem } from '../errors.ts';
import { expected } from './messages.ts';
import { formatPath, type IdCounts } from './path.ts';
import type { Locate, PathKey } from './source.ts';

type Issue = z.core.$ZodIssue;

/**
 * A last resort for issues a schema has no message of its own for; every schema in schema.ts
 * is meant to carry one.
 */
export function fallbackMessage(iss: { code?: string; expected?: unknown; input?: unknown }): string | undefined {
  return iss.code === 'invalid_type' ? expected(String(iss.expected), iss.input) : undefined;
}

export function issuesToProblems(
  issues: readonly Issue[],
  root: unknown,
  locate: Locate | undefined,
  prefix: readonly PathKey[] = [],
  counts: IdCounts = new WeakMap(),
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((k): k is PathKey => typeof k !== 'symbol')];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative the value was meant to be (the one of its type), not all of them.
      const sameType = issue.errors.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (sameType.length === 1) {
        out.push(...issuesToProblems(sameType[0]!, root, locate, path, counts));
        continue;
      }
    }
    out.push(problemAt(root, path, issue.message, locate, counts));
  }
  return out;
}

/** `counts`: shared by the problems of one unchanging `root` (see IdCounts). */
export function problemAt(root: unknown, path: readonly PathKey[], message: string, locate?: Locate, counts?: IdCounts): Problem {
  const pos = locate?.(path);
  const problem: Problem = { path: formatPath(root, path, counts), message };
  if (pos) {
    problem.line = pos.line;
    problem.column = pos.column;
  }
  return problem;
}
