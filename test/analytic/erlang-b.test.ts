import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/index.ts';
import { erlangBExact } from './reference.ts';

/** |x − y| ≤ tol·|y| */
function expectRel(x: number, y: number, tol: number): void {
  expect(Math.abs(x - y)).toBeLessThanOrEqual(tol * Math.abs(y));
}

describe('erlangB', () => {
  it('matches the exact rational value (BigInt direct sum) for small and large groups', () => {
    // Reference: B(c, a) = (aᶜ/c!) / Σ aᵏ/k! evaluated exactly with BigInt (test/analytic/reference.ts).
    const cases: Array<[number, number, number]> = [
      [1, 1, 1],
      [10, 5, 1],
      [50, 40, 1],
      [100, 95, 1],
      [100, 841, 10], // a = 84.1
      [1000, 950, 1],
      [1000, 1000, 1],
      [2000, 1900, 1],
      [300, 1, 10], // a = 0.1: B ≈ 1e-921 underflows to 0
    ];
    for (const [c, p, q] of cases) {
      expectRel(erlangB(c, p / q), erlangBExact(c, p, q), 1e-12);
    }
  });

  it('reproduces the classic values', () => {
    // Exact (BigInt reference, above): B(10, 5) = 0.0183845703..., B(50, 40) = 0.0186906711...
    expect(erlangB(10, 5)).toBeCloseTo(0.018384570, 8);
    expect(erlangB(50, 40)).toBeCloseTo(0.018690671, 8);
    // Standard Erlang B capacity tables (traffic carried at 1% and 2% grade of service): 10
    // circuits 4.461 E at 1% and 5.084 E at 2%; 50 circuits 37.90 E at 1% and 40.26 E at 2%; 100
    // circuits 84.06 E at 1%. Table entries are rounded, so check to the table's precision.
    expect(erlangB(10, 4.461)).toBeCloseTo(0.01, 4);
    expect(erlangB(10, 5.084)).toBeCloseTo(0.02, 4);
    expect(erlangB(50, 37.9)).toBeCloseTo(0.01, 4);
    expect(erlangB(50, 40.26)).toBeCloseTo(0.02, 4);
    expect(erlangB(100, 84.06)).toBeCloseTo(0.01, 4);
  });

  it('handles the edges', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
    expect(erlangB(1, 1)).toBe(0.5); // a/(1+a)
    expect(erlangB(100_000, 99_000)).toBeGreaterThan(0);
    expect(erlangB(100_000, 99_000)).toBeLessThan(0.01);
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(2, -1)).toThrow(RangeError);
    expect(() => erlangB(2, Number.NaN)).toThrow(RangeError);
    expect(() => erlangB(2, Infinity)).toThrow(RangeError);
  });

  it('decreases in servers and increases in load', () => {
    let prev = 1;
    for (let c = 1; c <= 60; c++) {
      const b = erlangB(c, 30);
      expect(b).toBeLessThan(prev);
      prev = b;
    }
    prev = 0;
    for (let a = 1; a <= 60; a++) {
      const b = erlangB(30, a);
      expect(b).toBeGreaterThan(prev);
      prev = b;
    }
  });
});
