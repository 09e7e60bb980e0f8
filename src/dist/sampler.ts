import type { Distribution } from '../scenario/types.ts';
import type { Uniform } from '../engine/random.ts';

/** Draws one non-negative duration in seconds from a random stream. */
export type Sampler = (u: Uniform) => number;

/** Standard normal by Box–Muller; always consumes exactly two uniforms so streams stay aligned. */
export function standardNormal(u: Uniform): number {
  const u1 = 1 - u(); // (0, 1]: log stays finite
  const u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma variate with the given shape and scale 1 (Marsaglia & Tsang 2000, "A simple method for
 * generating gamma variables"); shape < 1 via the boost X·U^(1/shape).
 */
export function standardGamma(u: Uniform, shape: number): number {
  if (shape < 1) return standardGamma(u, shape + 1) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Mean of a distribution, seconds (used for analytic cross-checks and first guesses). */
export function distributionMean(d: Distribution): number {
  switch (d.distribution) {
    case 'empirical':
      return d.values_seconds.reduce((a, b) => a + b, 0) / d.values_seconds.length;
    case 'mixture':
      return d.parts.reduce((a, p) => a + p.weight * distributionMean(p.dist), 0);
    default:
      return d.mean_seconds;
  }
}

/** Builds the sampler of a distribution once, so that drawing does no parsing or allocation. */
export function makeSampler(d: Distribution): Sampler {
  switch (d.distribution) {
    case 'exponential': {
      const m = d.mean_seconds;
      return (u) => -m * Math.log(1 - u());
    }
    case 'deterministic': {
      const m = d.mean_seconds;
      return () => m;
    }
    case 'lognormal': {
      if (d.cv === 0 || d.mean_seconds === 0) return makeSampler({ distribution: 'deterministic', mean_seconds: d.mean_seconds });
      const s2 = Math.log(1 + d.cv * d.cv);
      const mu = Math.log(d.mean_seconds) - s2 / 2;
      const s = Math.sqrt(s2);
      return (u) => Math.exp(mu + s * standardNormal(u));
    }
    case 'gamma': {
      if (d.cv === 0 || d.mean_seconds === 0) return makeSampler({ distribution: 'deterministic', mean_seconds: d.mean_seconds });
      const shape = 1 / (d.cv * d.cv);
      const scale = d.mean_seconds / shape;
      return (u) => scale * standardGamma(u, shape);
    }
    case 'empirical': {
      const v = Float64Array.from(d.values_seconds);
      const n = v.length;
      return (u) => v[Math.min(n - 1, Math.floor(u() * n))]!;
    }
    case 'mixture': {
      const parts = d.parts.map((p) => makeSampler(p.dist));
      const total = d.parts.reduce((a, p) => a + p.weight, 0);
      const cum = new Float64Array(d.parts.length);
      let acc = 0;
      d.parts.forEach((p, i) => {
        acc += p.weight / total;
        cum[i] = acc;
      });
      cum[cum.length - 1] = 1;
      return (u) => {
        const x = u();
        let i = 0;
        while (x >= cum[i]!) i++;
        return parts[i]!(u);
      };
    }
  }
}
