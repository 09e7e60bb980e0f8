/**
 * The standard normal under the lognormal and gamma durations (src/dist/sampler.ts, Box-Muller),
 * against the normal law itself: moments up to the fourth, the share beyond 3.65 standard
 * deviations on each side, and a chi-square test of the whole shape over bins a quarter of a
 * standard deviation wide.
 *
 * Expected values are closed forms (E Z = 0, E Z^2 = 1, E Z^4 = 3, E Z^8 = 105) and bin
 * probabilities integrated here from the density by Simpson's rule. Tolerances are 99.9%
 * intervals at the sample size; the chi-square critical value is the Wilson-Hilferty
 * approximation of the 99.9% quantile (63.97 for 33 degrees of freedom, against 63.87 in
 * published tables). Seeds are fixed, so the test is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/dist/sampler.ts';
import { randomStream } from '../../src/engine/random.ts';

const N = 1_000_000;
const Z = 3.2905; // two-sided 99.9%
const R = 3.6541528853610088; // a far tail: 1.3e-4 of draws on each side

const density = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
/** P(a < Z < b) by Simpson's rule on 2,000 panels (error far below 1e-12 on these spans). */
function probability(a: number, b: number): number {
  const n = 2000;
  const h = (b - a) / n;
  let s = density(a) + density(b);
  for (let k = 1; k < n; k++) s += (k % 2 === 1 ? 4 : 2) * density(a + k * h);
  return (s * h) / 3;
}

const draws = ((): Float64Array => {
  const u = randomStream(20_261_207, 0, 'normal-test');
  return Float64Array.from({ length: N }, () => standardNormal(u));
})();

describe('the standard normal', () => {
  it('has mean 0, variance 1 and fourth moment 3 within 99.9% intervals', () => {
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    for (const z of draws) {
      s1 += z;
      s2 += z * z;
      s4 += z ** 4;
    }
    expect(Math.abs(s1 / N)).toBeLessThanOrEqual(Z / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThanOrEqual(Z * Math.sqrt((3 - 1) / N)); // Var Z^2 = E Z^4 - 1
    expect(Math.abs(s4 / N - 3)).toBeLessThanOrEqual(Z * Math.sqrt((105 - 9) / N)); // Var Z^4 = E Z^8 - 9
  });

  it('puts the right share beyond R on each side, and is symmetric', () => {
    const p = probability(R, 40);
    expect(p).toBeGreaterThan(1.2e-4);
    const above = draws.filter((z) => z > R).length;
    const below = draws.filter((z) => z < -R).length;
    for (const count of [above, below]) expect(Math.abs(count - N * p)).toBeLessThanOrEqual(Z * Math.sqrt(N * p * (1 - p)));
    expect(draws.reduce((m, z) => Math.max(m, Math.abs(z)), 0)).toBeLessThan(8); // P(|Z| > 8) = 1e-15: none in a million
  });

  it('matches the normal law over 34 bins (chi-square below its 99.9% quantile)', () => {
    // Bins (-inf, -4), [-4, -3.75), ..., [3.75, 4), [4, inf): 34 bins, 33 degrees of freedom.
    const edges = Array.from({ length: 33 }, (_, k) => -4 + k * 0.25);
    const counts = new Float64Array(edges.length + 1);
    for (const z of draws) {
      let b = 0;
      while (b < edges.length && z >= edges[b]!) b++;
      counts[b]!++;
    }
    const p = [probability(-40, -4), ...edges.slice(1).map((e, k) => probability(edges[k]!, e)), probability(4, 40)];
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    const chi2 = p.reduce((a, pk, k) => a + (counts[k]! - N * pk) ** 2 / (N * pk), 0);
    const df = p.length - 1;
    const critical = df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3; // z_{0.999} = 3.0902
    expect(critical).toBeCloseTo(63.97, 1);
    expect(chi2).toBeLessThan(critical);
  });

  it('takes exactly two uniforms per draw, so the n-th draw of a stream is always the same', () => {
    let calls = 0;
    const inner = randomStream(7, 0, 'normal-count');
    const u = (): number => {
      calls++;
      return inner();
    };
    for (let k = 0; k < 100_000; k++) standardNormal(u);
    expect(calls).toBe(200_000);
  });
});
