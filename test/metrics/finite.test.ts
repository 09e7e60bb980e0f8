import { describe, expect, it } from 'vitest';
import { assertFiniteResult } from '../../src/metrics/finite.ts';
import { NonFiniteResultError } from '../../src/errors.ts';
import type { Result } from '../../src/metrics/types.ts';

/** A result-shaped object: only the three parts the check walks matter. */
const resultOf = (parts: { totals: unknown; by_type: unknown; by_interval: unknown }): Result => parts as unknown as Result;

function pathOfFailure(result: Result): string | null {
  try {
    assertFiniteResult(result);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(NonFiniteResultError);
    return (error as NonFiniteResultError).path;
  }
}

describe('assertFiniteResult', () => {
  it('passes finite numbers and null ratios', () => {
    expect(pathOfFailure(resultOf({ totals: { sl: 0.8, asa: null }, by_type: { a: { sl: 1 } }, by_interval: [{ sl: 0 }, { sl: null }] }))).toBeNull();
  });

  it('names the first non-finite figure by its path, through objects and arrays', () => {
    const byInterval = [{ sl: 0.9 }, { sl: 0.8, groups: [{ occupancy: 0.7 }, { occupancy: NaN }] }];
    expect(pathOfFailure(resultOf({ totals: { sl: 0.8 }, by_type: {}, by_interval: byInterval }))).toBe('by_interval[1].groups[1].occupancy');
    expect(pathOfFailure(resultOf({ totals: { cost: { total: Infinity } }, by_type: {}, by_interval: [] }))).toBe('totals.cost.total');
    expect(pathOfFailure(resultOf({ totals: {}, by_type: { billing: { asa: -Infinity } }, by_interval: [] }))).toBe('by_type.billing.asa');
  });
});
