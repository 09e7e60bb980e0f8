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

  it('a bin is the octave and the next k bits, by definition, on both sides of 2^31 / 2^k seconds', () => {
    // The definition, in exact steps: the octave e is the largest with 2^e <= v; v / 2^e - 1 is
    // exact in [0, 1), and its first k binary digits are the sub-bin.
    const byDefinition = (h: LogHistograms, v: number): number => {
      if (!(v >= 1)) return 0;
      let e = 0;
      while (e < h.octaves && 2 ** (e + 1) <= v) e++;
      if (e >= h.octaves) return h.bins - 1; // beyond the last octave: the last bin
      const sub = Math.floor((v / 2 ** e - 1) * 2 ** h.subBitsLog2);
      return Math.min(h.bins - 1, 1 + e * 2 ** h.subBitsLog2 + sub);
    };
    const rng = seedrandom.alea('bins');
    for (const k of [0, 3, 6, 10]) {
      const h = new LogHistograms(1, k, 40);
      const values = [0, 0.5, 1, 2 ** 31 / 2 ** k, 1e12, 2 ** 40, Infinity, NaN];
      for (let e = 0; e < 40; e++) {
        for (let j = 0; j <= 2 ** Math.min(k, 6); j++) {
          const edge = 2 ** e * (1 + j / 2 ** Math.min(k, 6));
          values.push(edge, edge * (1 - 2 ** -52), edge * (1 + 2 ** -52));
        }
      }
      for (let i = 0; i < 20_000; i++) values.push(Math.exp(rng() * 30));
      for (const v of values) if (h.binOf(v) !== byDefinition(h, v)) expect.fail(`k = ${k}, ${v} s: bin ${h.binOf(v)}, by definition ${byDefinition(h, v)}`);
    }
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
