/**
 * NaN and Infinity never reach a result (issue 15): a figure that is not finite means some input
 * was beyond what doubles can compute with, and a report of `null` costs or an occupancy of 109
 * would be silently wrong. Undefined ratios are `null` by design and pass.
 */
import { NonFiniteResultError } from '../errors.ts';
import type { Result } from './types.ts';

/** Throws NonFiniteResultError naming the first figure (by path) that is NaN or infinite. */
export function assertFiniteResult(result: Result): void {
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new NonFiniteResultError(path, value);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(result.totals, 'totals');
  walk(result.by_type, 'by_type');
  walk(result.by_interval, 'by_interval');
}
