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
