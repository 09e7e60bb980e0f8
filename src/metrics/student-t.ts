/**
 * Student-t quantiles and 95% confidence half-widths for replication means.
 *
 * Method: the t distribution function is written with the regularized incomplete beta function
 * (Abramowitz & Stegun 1964, eq. 26.7.1 with 26.5.27:
 * P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0), evaluated with the continued fraction of
 * A&S 26.5.8 (modified Lentz; Press et al., "Numerical Recipes", §6.4). The quantile inverts
 * that function with safeguarded Newton steps on log P(T > t), seeded by the Cornish–Fisher
 * expansion of A&S 26.7.5. Degrees of freedom 1, 2 and ∞ use their closed forms. The normal
 * quantile (ν = ∞) is Acklam's rational approximation refined by Halley steps against
 * erfc(x) = Q(½, x²) (A&S 7.1.2, 6.5.17).
 *
 * For ν ≥ 1e4 and moderate |t| (t² ≤ 0.004ν) the Cornish–Fisher series itself is used (its next
 * term is below rounding there, while the continued fraction would need O(√ν) steps).
 *
 * Accuracy: quantiles to about 1e-13 relative for 1e-300 < p < 1 − 1e-16 and any ν > 0.
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
const TINY = 1e-300;

/** Stirling-series remainder ln Γ(x) − [(x−½)ln x − x + ½ln 2π], for x ≥ 10 (A&S 6.1.41). */
function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / 12 -
      x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) /
    x
  );
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0: Lanczos (g = 7) below 10, Stirling series (A&S 6.1.41) above. */
function logGamma(x: number): number {
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingRemainder(x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * ln B(a, b) without the cancellation of ln Γ(a) + ln Γ(b) − ln Γ(a+b) when one argument is large
 * (the same device as R's lbeta: Stirling remainders, log1p for the big-minus-big terms).
 */
function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = big + small;
  // ln Γ(big) − ln Γ(big+small), both arguments ≥ 10
  const diff =
    -(big - 0.5) * Math.log1p(small / big) -
    small * Math.log(sum) +
    small +
    stirlingRemainder(big) -
    stirlingRemainder(sum);
  return logGamma(small) + diff;
}

/** Continued fraction for I_x(a, b) (A&S 26.5.8), modified Lentz. Converges fast for x < (a+1)/(a+b+2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h;
}

/**
 * ln I_x(a, b), the log of the regularized incomplete beta, given ln x and ln(1 − x) (so callers
 * can pass values free of cancellation and underflow).
 */
function logIncompleteBeta(a: number, b: number, lnX: number, lnY: number): number {
  if (lnX === -Infinity) return -Infinity;
  if (lnY === -Infinity) return 0;
  const x = Math.exp(lnX);
  const lnFront = a * lnX + b * lnY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return lnFront + Math.log(betaContinuedFraction(a, b, x) / a);
  const complement = Math.exp(lnFront) * (betaContinuedFraction(b, a, Math.exp(lnY)) / b);
  return Math.log1p(-complement);
}

/** Regularized lower incomplete gamma P(a, x) and upper Q(a, x) (A&S 6.5.29 series, 6.5.31 fraction). */
function incompleteGamma(a: number, x: number): [number, number] {
  if (x <= 0) return [0, 1];
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 100_000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const p = sum * front;
    return [p, 1 - p];
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = front * h;
  return [1 - q, q];
}

/** Standard normal lower tail Φ(z), accurate in the relative sense for z < 0 (A&S 7.1.2, 6.5.17). */
function normalCdf(z: number): number {
  if (z < 0) return 0.5 * incompleteGamma(0.5, 0.5 * z * z)[1];
  return 1 - 0.5 * incompleteGamma(0.5, 0.5 * z * z)[1];
}

const ACKLAM_A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function poly(coefficients: number[], x: number): number {
  let s = 0;
  for (const c of coefficients) s = s * x + c;
  return s;
}

/**
 * Standard normal quantile z with Φ(z) = p, for 0 < p < 1. Acklam's rational approximation
 * (relative error < 1.2e-9) refined by two Halley steps against Φ computed from erfc.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  // lower half: z ≤ 0
  let z: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    z = poly(ACKLAM_C, q) / (poly(ACKLAM_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    z = (poly(ACKLAM_A, r) * q) / (poly(ACKLAM_B, r) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    const density = Math.exp(-0.5 * z * z - LN_SQRT_2PI);
    if (!(density > 0)) break;
    const u = (normalCdf(z) - p) / density;
    z -= u / (1 + 0.5 * z * u);
  }
  return z;
}

/** ln P(T > t) and ln f(t) for t ≥ 0, with T ~ Student t with ν degrees of freedom. */
function logUpperTailAndDensity(t: number, nu: number): [number, number] {
  // r = √ν / t; x = ν/(ν+t²) = r²/(1+r²), y = t²/(ν+t²) = 1/(1+r²); computed without overflow.
  const a = nu / 2;
  const lnT = Math.log(t);
  const lnR = 0.5 * Math.log(nu) - lnT;
  const ratio = Math.exp(-2 * lnR); // t²/ν
  const lnOnePlus = lnR > 0 ? Math.log1p(ratio) : 2 * -lnR + Math.log1p(Math.exp(2 * lnR)); // ln(1 + t²/ν)
  const lnX = -lnOnePlus; // ln ν/(ν+t²)
  const lnY = -2 * lnR - lnOnePlus; // ln t²/(ν+t²)
  const lnI = logIncompleteBeta(a, 0.5, lnX, lnY);
  const lnDensity = -(a + 0.5) * lnOnePlus - 0.5 * Math.log(nu) - logBeta(a, 0.5);
  return [lnI - Math.LN2, lnDensity];
}

/**
 * Student-t distribution function P(T ≤ t) with `degreesOfFreedom` ν > 0 (may be fractional or
 * Infinity for the normal). Dimensionless. Source: A&S 26.7.1 via the incomplete beta, 26.5.27.
 *
 * @example
 * studentTCdf(2.262157162798, 9); // ≈ 0.975
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  checkDf(degreesOfFreedom, 'studentTCdf');
  if (Number.isNaN(t)) return NaN;
  if (degreesOfFreedom === Infinity) return normalCdf(t);
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const nu = degreesOfFreedom;
  if (nu >= 1e4 && t * t <= 0.004 * nu) {
    // Invert the Cornish–Fisher series (see upperQuantile): find z with cornishFisher(z) = t.
    let z = t;
    for (let i = 0; i < 20; i++) {
      const h = 1e-6 * Math.max(1, Math.abs(z));
      const slope = (cornishFisher(z + h, nu) - cornishFisher(z - h, nu)) / (2 * h);
      const step = (cornishFisher(z, nu) - t) / slope;
      z -= step;
      if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(z))) break;
    }
    return normalCdf(z);
  }
  const upper = Math.exp(logUpperTailAndDensity(Math.abs(t), nu)[0]);
  return t > 0 ? 1 - upper : upper;
}

function checkDf(nu: number, fn: string): void {
  if (!(nu > 0)) throw new RangeError(`${fn}: degrees of freedom must be > 0, got ${nu}`);
}

/** Cornish–Fisher expansion of the t quantile about the normal one (A&S 26.7.5). */
function cornishFisher(z: number, nu: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu;
}

/**
 * Quantile of Student's t distribution: the t with P(T ≤ t) = p, where T has `degreesOfFreedom`
 * ν > 0 (fractional allowed; Infinity gives the standard normal quantile). Dimensionless.
 * p = 0 and p = 1 give −∞ and +∞.
 *
 * Source: Abramowitz & Stegun (1964), 26.7.1 (t in terms of the incomplete beta), 26.5.8
 * (continued fraction), 26.7.5 (Cornish–Fisher seed); closed forms for ν = 1 (Cauchy) and ν = 2
 * (t = (2p−1)/√(2p(1−p))). Inversion by safeguarded Newton on ln P(T > t).
 *
 * @example
 * studentTQuantile(0.975, 9); // 2.2621571627982...
 * studentTQuantile(0.975, Infinity); // 1.959963984540...
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  checkDf(degreesOfFreedom, 'studentTQuantile');
  const nu = degreesOfFreedom;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (nu === Infinity) return normalQuantile(p);
  if (p === last.p && nu === last.nu) return last.t;
  const sign = p > 0.5 ? 1 : -1;
  const q = p > 0.5 ? 1 - p : p; // upper-tail probability, in (0, 0.5)
  let t: number;
  if (nu === 1) t = sign / Math.tan(Math.PI * q);
  else if (nu === 2) t = (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  else t = sign * upperQuantile(q, nu);
  last.p = p;
  last.nu = nu;
  last.t = t;
  return t;
}

/**
 * The last quantile computed. A run's 95% intervals ask for the same one (0.975, replications
 * − 1) for every cell of every table, tens of thousands of times, and each answer is a Newton
 * inversion over the incomplete beta: `npm start` spent about a tenth of its main-thread CPU
 * here. The function is pure, so the kept answer is the one it would compute again.
 */
const last = { p: NaN, nu: NaN, t: NaN };

/** t > 0 with P(T > t) = q, 0 < q < ½. */
function upperQuantile(q: number, nu: number): number {
  const lnQ = Math.log(q);
  const z = -normalQuantile(q);
  // Far out in ν the series is exact to rounding (next term ~ 1e-4·z¹¹/ν⁵) and the incomplete-beta
  // continued fraction needs O(√ν) steps, so use the series there.
  if (nu >= 1e4 && z * z <= 0.004 * nu) return cornishFisher(z, nu);
  let t = z * z < nu ? cornishFisher(z, nu) : z;
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  // Bracket [lo, hi] with P(T > lo) ≥ q ≥ P(T > hi).
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 400; iter++) {
    const [lnS, lnF] = logUpperTailAndDensity(t, nu);
    const g = lnS - lnQ;
    if (g === 0) return t;
    if (g > 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    // Newton on g(t) = ln S(t) − ln q; g'(t) = −f(t)/S(t).
    let next = t + g * Math.exp(lnS - lnF);
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      if (hi === Infinity) next = Math.max(2 * t, lo * 2);
      else if (lo > 0 && hi / lo > 4) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    if (hi !== Infinity && hi - lo <= 4e-16 * hi) return 0.5 * (lo + hi);
    t = next;
  }
  return t;
}

/**
 * Half-width of the two-sided 95% Student-t confidence interval for the mean of `values`:
 * t_{0.975, n−1} · s / √n, where s is the sample standard deviation (n − 1 denominator).
 * Same units as the values. Returns null when n < 2 (no spread to estimate) or any value is not
 * finite. Source: any statistics text, e.g. Law, "Simulation Modeling and Analysis", §4.5.
 *
 * @example
 * ci95HalfWidth([10, 12, 11, 13, 9]); // 2.776445 · 1.5811 / √5 ≈ 1.9632
 */
export function ci95HalfWidth(values: number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  let mean = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) return null;
    mean += v;
  }
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const s = Math.sqrt(ss / (n - 1));
  return (studentTQuantile(0.975, n - 1) * s) / Math.sqrt(n);
}
