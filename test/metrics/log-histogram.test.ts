import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { LogHistograms } from '../../src/metrics/log-histogram.ts';

describe('LogHistograms', () => {
  it('quantiles are within the bin width (2^-k relative) of the exact sample quantile', () => {
    const rng = seedrandom.alea('hist');
    const h = new LogHistograms(1, 6);
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = -36_000 * Math.log(1 - rng()); // exponential, mean 10 h
      values.push(v);
      h.add(0, v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.1, 0.5, 0.9, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(0, q)! - exact) / exact).toBeLessThan(1 / 64);
    }
  });

  it('bins are monotone in the value, and values below 1 s go to bin 0', () => {
    const h = new LogHistograms(1, 6);
    expect(h.binOf(0)).toBe(0);
    expect(h.binOf(0.999)).toBe(0);
    expect(h.binOf(1)).toBe(1);
    let last = 0;
    for (let v = 1; v < 1e9; v *= 1.003) {
      const b = h.binOf(v);
      expect(b).toBeGreaterThanOrEqual(last);
      last = b;
    }
    expect(h.binOf(1e12)).toBe(h.bins - 1);
  });

  it('a coarse bin derived from a fine bin equals the coarse bin of the value', () => {
    const fine = new LogHistograms(1, 6);
    const coarse = new LogHistograms(2, 3);
    const rng = seedrandom.alea('coarse');
    for (let i = 0; i < 10_000; i++) {
      const v = Math.exp(rng() * 20) - 0.5;
      coarse.add(0, v);
      coarse.addFinerBin(1, fine.binOf(v), 6);
    }
    expect(Array.from(coarse.counts.subarray(coarse.bins))).toEqual(Array.from(coarse.counts.subarray(0, coarse.bins)));
  });

  it('an empty histogram has no quantile', () => {
    expect(new LogHistograms(1, 3).quantile(0, 0.5)).toBeNull();
  });
});
