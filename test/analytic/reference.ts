import type { ErlangAInput } from '../../src/analytic/index.ts';

/**
 * Test-only exact references: Erlang B and C as exact rationals with BigInt, for rational loads.
 * Independent of the recursions under test (direct sums of aᵏ/k!, no floating point until the end).
 */

/** num/den as a double, correct to ~1e-17 relative even when the ratio is far outside double range of either. */
export function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = den.toString().length - num.toString().length + 20;
  const scaled = shift >= 0 ? (num * 10n ** BigInt(shift)) / den : num / (den * 10n ** BigInt(-shift));
  return Number(scaled) * 10 ** -shift;
}

/** Terms T_k = c!·q^c·aᵏ/k! = p^k·q^{c−k}·c!/k! for a = p/q, k = 0..c (all integers). */
function terms(servers: number, p: bigint, q: bigint): bigint[] {
  const c = BigInt(servers);
  let t = q ** c;
  for (let i = 2n; i <= c; i++) t *= i; // T_0 = q^c·c!
  const out = [t];
  for (let k = 1n; k <= c; k++) {
    t = (t * p) / (q * k); // exact: the result is an integer
    out.push(t);
  }
  return out;
}

/** Erlang B(c, p/q) = (aᶜ/c!) / Σ_{k≤c} aᵏ/k!, exactly. */
export function erlangBExact(servers: number, p: number, q = 1): number {
  const t = terms(servers, BigInt(p), BigInt(q));
  const sum = t.reduce((s, x) => s + x, 0n);
  return ratio(t[servers]!, sum);
}

/**
 * Erlang C(c, p/q) by the textbook direct formula (not via B):
 * C = [aᶜ/c! · c/(c−a)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · c/(c−a)], exactly.
 */
export function erlangCExact(servers: number, p: number, q = 1): number {
  const t = terms(servers, BigInt(p), BigInt(q));
  const cq = BigInt(servers) * BigInt(q);
  const gap = cq - BigInt(p); // q·(c − a) > 0
  let below = 0n;
  for (let k = 0; k < servers; k++) below += t[k]!;
  const top = t[servers]! * cq;
  return ratio(top, below * gap + top);
}

/**
 * Service level by a method independent of the one under test: the stationary law by direct
 * products, and for each arrival state the probability of being answered within t from the
 * tagged caller's position chain (j ahead → j−1 at rate cμ + jθ, own abandonment at rate θ),
 * solved by uniformization (Poisson-weighted powers of the jump matrix).
 */
export function serviceLevelByUniformization(input: ErlangAInput): number {
  const { servers: c, ratePerSecond: lambda, meanServiceSeconds, meanPatienceSeconds, thresholdSeconds: t } = input;
  const mu = 1 / meanServiceSeconds;
  const theta = 1 / meanPatienceSeconds;
  const cmu = c * mu;
  const pi = [1];
  let w = 1;
  let total = 1;
  for (let n = 1; ; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    w *= lambda / death;
    pi.push(w);
    total += w;
    if (n > c && lambda < death && w < 1e-20 * total) break;
  }
  const p = pi.map((v) => v / total);
  const kMax = p.length - 1 - c;
  const rate = cmu + (kMax + 1) * theta;
  const lt = rate * t;
  let v = new Array<number>(kMax + 1).fill(0); // P(served within n jumps | j ahead)
  const u = new Array<number>(kMax + 1).fill(0);
  let weight = Math.exp(-lt);
  const nMax = Math.ceil(lt + 15 * Math.sqrt(lt) + 60);
  for (let n = 0; n <= nMax; n++) {
    for (let j = 0; j <= kMax; j++) u[j]! += weight * v[j]!;
    const next = new Array<number>(kMax + 1);
    for (let j = 0; j <= kMax; j++) {
      const advance = (cmu + j * theta) / rate;
      const stay = 1 - (cmu + (j + 1) * theta) / rate;
      next[j] = advance * (j === 0 ? 1 : v[j - 1]!) + stay * v[j]!;
    }
    v = next;
    weight *= lt / (n + 1);
  }
  let sl = 0;
  for (let n = 0; n < c; n++) sl += p[n]!;
  for (let k = 0; k <= kMax; k++) sl += p[c + k]! * u[k]!;
  return sl;
}
