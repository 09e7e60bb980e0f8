/**
 * NaN and Infinity never reach a result (issue 15): a figure that is not finite means some input
 * was beyond what doubles can compute with, and a report of `null` costs or an occupancy of 109
 * would be silently wrong. Undefined ratios are `null` by design and pass.
 */
import { NonFiniteResultError } from '../errors.ts';
import type { Result } from './types.ts';

/** Whether every number in `value` (objects and arrays, all the way down) is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!allFinite(value[i])) return false;
    return true;
  }
  // Own keys, as the path search below walks them; for-in makes no array of values per object
  // (as Object.values would), which on a long run's result was most of the check's garbage.
  const record = value as Record<string, unknown>;
  for (const key in record) if (Object.hasOwn(record, key) && !allFinite(record[key])) return false;
  return true;
}

/**
 * Throws NonFiniteResultError naming the first figure (by path) that is NaN or infinite. The
 * check first walks the result without keeping any path: a week's result has hundreds of
 * thousands of numbers, and keeping each one's path cost more than the rest of the summary. Only
 * when a figure fails does a second walk, keeping a stack of keys, find its path.
 */
export function assertFiniteResult(result: Result): void {
  if (allFinite(result.totals) && allFinite(result.by_type) && allFinite(result.by_interval)) return;
  const keys: Array<string | number> = [];
  const pathOf = (): string =>
    keys.reduce<string>((path, k) => (typeof k === 'number' ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`), '');
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new NonFiniteResultError(pathOf(), value);
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        keys.push(i);
        walk(value[i]);
        keys.pop();
      }
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        keys.push(k);
        walk((value as Record<string, unknown>)[k]);
        keys.pop();
      }
    }
  };
  for (const part of ['totals', 'by_type', 'by_interval'] as const) {
    keys.push(part);
    walk(result[part]);
    keys.pop();
  }
}
