/**
 * The syntax of a scenario field path: `routing.policy`, `contact_types[billing].fcr`,
 * `agent_groups[0].agents`, `arrivals.by_date["2026-12-24"]`. No dependencies, so the command
 * line can check a path before loading anything.
 */
import { UserError } from '../errors.ts';

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** One step of a path: a mapping key, a list item by id, or a list item by index. */
export type Step = { key: string } | { item: string };

/** Parses a path; throws UserError naming `label` (e.g. "variant 'X'") when it is malformed. */
export function parseFieldPath(text: string, label: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const bad = (why: string): UserError => new UserError(`${label}: bad path '${text}': ${why}`);
  // Keys JavaScript objects treat specially are never scenario keys: refused, not ignored.
  const checkedKey = (key: string): string => {
    if (RESERVED.has(key)) throw new UserError(`${label}: unknown path '${text}' (unknown key '${key}': a reserved name, never a scenario key)`);
    return key;
  };
  if (text.trim() === '') throw bad('it is empty');
  while (i < text.length) {
    const c = text[i]!;
    if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw bad(`'[' at position ${i + 1} has no ']'`);
      const inner = text.slice(i + 1, end).trim();
      if (inner === '') throw bad(`empty [] at position ${i + 1} (expected an id or an index, like [billing] or [0])`);
      if (inner.startsWith('"')) {
        let key: unknown;
        try {
          key = JSON.parse(inner);
        } catch {
          throw bad(`${inner} is not a quoted key`);
        }
        steps.push({ key: checkedKey(String(key)) });
      } else {
        steps.push({ item: inner });
      }
      i = end + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') throw bad(`expected '.' or '[' after ']' at position ${i + 1}`);
      if (text[i] === '.') {
        i++;
        if (i >= text.length) throw bad('it ends with a dot');
      }
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    const key = text.slice(i, j);
    if (key === '') throw bad(`empty key at position ${i + 1}`);
    if (!/^[A-Za-z0-9_-]+$/.test(key)) throw bad(`'${key}' is not a key (letters, digits, '_' and '-')`);
    steps.push({ key: checkedKey(key) });
    i = j;
    if (text[i] === '.') {
      i++;
      if (i >= text.length) throw bad('it ends with a dot');
    }
  }
  return steps;
}

