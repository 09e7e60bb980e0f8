import { describe, expect, it } from 'vitest';
import { ci95HalfWidth, normalQuantile, studentTCdf, studentTQuantile } from '../../src/metrics/student-t.ts';

describe('studentTQuantile', () => {
  it('matches the textbook table (two-sided 95% and one-sided 95%)', () => {
    // Any t table, e.g. Abramowitz & Stegun (1964) Table 26.10, to the table's 3 decimals.
    const table: Array<[number, number, number]> = [
      [0.975, 1, 12.706],
      [0.975, 2, 4.303],
      [0.975, 4, 2.776],
      [0.975, 9, 2.262],
      [0.975, 29, 2.045],
      [0.975, 120, 1.98],
      [0.95, 5, 2.015],
      [0.995, 10, 3.169],
      [0.9, 20, 1.325],
    ];
    for (const [p, df, t] of table) {
      expect(studentTQuantile(p, df)).toBeCloseTo(t, 3);
      expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 3);
    }
  });

  it('tends to the normal quantile 1.959964 for large degrees of freedom', () => {
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.959963984540054, 10);
    let previous = Infinity;
    for (const df of [1, 3, 10, 30, 100, 1000, 1e4, 1e5, 1e7]) {
      const t = studentTQuantile(0.975, df);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(1.959963984540054);
      previous = t;
    }
  });

  it('agrees with exact closed forms for 1, 2 and 4 degrees of freedom', () => {
    // ν = 1 (Cauchy): tan(π(p − ½)); ν = 2: (2p − 1)/√(2p(1 − p)); ν = 4: with α = 4p(1 − p),
    // q = cos(⅓·arccos(√α))/√α, t = sign(p − ½)·2√(q − 1) (the cubic solved in closed form).
    for (const p of [0.0001, 0.01, 0.1, 0.3, 0.6, 0.9, 0.975, 0.999]) {
      const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
      expect(rel(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-11);
      expect(rel(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-12);
      const alpha = 4 * p * (1 - p);
      const q = Math.cos(Math.acos(Math.sqrt(alpha)) / 3) / Math.sqrt(alpha);
      expect(rel(studentTQuantile(p, 4), Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1))).toBeLessThan(1e-11);
    }
  });

  it('inverts the distribution function, including fractional df and far tails', () => {
    for (const df of [0.5, 1, 1.5, 3, 3.5, 7, 30, 250, 5000, 2e4, 1e8]) {
      for (const p of [1e-12, 1e-6, 0.001, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999999]) {
        const t = studentTQuantile(p, df);
        const back = studentTCdf(t, df);
        const tail = Math.min(p, 1 - p);
        expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-10 * tail);
      }
    }
  });

  it('has a distribution function matching a numerical integral of the density', () => {
    // Independent check: Simpson's rule on f(x) = Γ((ν+1)/2)/(√(νπ)Γ(ν/2))·(1 + x²/ν)^{−(ν+1)/2}.
    const logGamma = (x: number): number => {
      // shift up, then Stirling (independent of the implementation's Lanczos)
      let shift = 0;
      while (x < 20) {
        shift -= Math.log(x);
        x += 1;
      }
      return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
    };
    for (const df of [1, 2.5, 7, 40]) {
      const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
      const f = (x: number): number => Math.exp(logC - ((df + 1) / 2) * Math.log1p((x * x) / df));
      for (const t of [0.3, 1, 2.5]) {
        const n = 2000;
        const h = t / n;
        let s = f(0) + f(t);
        for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(i * h);
        expect(studentTCdf(t, df)).toBeCloseTo(0.5 + (s * h) / 3, 11);
        expect(studentTCdf(-t, df)).toBeCloseTo(0.5 - (s * h) / 3, 11);
      }
    }
  });

  it('handles the edges', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(Number.isFinite(studentTQuantile(1e-300, 1.5))).toBe(true);
  });
});

describe('ci95HalfWidth', () => {
  it('is t(0.975, n−1)·s/√n', () => {
    // values 9..13: mean 11, s = √2.5; t(0.975, 4) = 2.7764451 → 2.7764451·1.5811388/√5 = 1.963243
    expect(ci95HalfWidth([10, 12, 11, 13, 9])).toBeCloseTo(1.963243, 6);
    // n = 2: t(0.975, 1) = 12.7062047; s = |x1 − x2|/√2 → half-width = 12.7062047·|x1 − x2|/2
    expect(ci95HalfWidth([1, 3])).toBeCloseTo(12.7062047362, 9);
    expect(ci95HalfWidth([5, 5, 5])).toBe(0);
  });

  it('is null without enough data', () => {
    expect(ci95HalfWidth([])).toBeNull();
    expect(ci95HalfWidth([4])).toBeNull();
    expect(ci95HalfWidth([1, Number.NaN])).toBeNull();
  });
});
