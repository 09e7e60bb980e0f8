/**
 * NaN and Infinity never reach a result (issue 15): a figure that is not finite means some input
 * was beyond what doubles can compute with, and a report of `null` costs or an occupancy of 109
 * would be silently wrong. Undefined ratios are `null` by design and pass.
 */
import { NonFiniteResultError } from '../errors.ts';
import type { Result } from './types.ts';

/**
 * Throws NonFiniteResultError naming the first figure (by path) that is NaN or infinite. The
 * path is kept as a stack of keys and written out only for that figure: a week's result has
 * hundreds of thousands of numbers, and building every one's path string cost more than the
 * rest of the summary.
 */
export function assertFiniteResult(result: Result): void {
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
