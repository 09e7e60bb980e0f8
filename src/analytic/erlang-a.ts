/**
 * Erlang A (Palm's model, M/M/c+M): Poisson arrivals at rate λ, c agents with exponential handle
 * times (rate μ = 1/E[S]), first come first served, and callers who abandon after an exponential
 * patience (rate θ = 1/E[patience]) if not yet answered.
 *
 * Units: times in seconds, rates per second, loads in Erlangs.
 *
 * Method (exact, no asymptotics). The number in system N is a birth–death chain with birth rate λ
 * and death rate min(n, c)·μ + max(n − c, 0)·θ. Relative to π_c, the states below c sum to
 * (1 − B)/B with B = Erlang B(c, λ/μ) (stable recursion), and the queue states are
 * q_k = π_{c+k}/π_c = Π_{j=1..k} λ/(cμ + jθ), summed in log space (no overflow in overload) and
 * truncated once the remaining tail, bounded by a geometric series, is below 1e-17 of the
 * k-weighted queue mass. This is the normalisation of Garnett, Mandelbaum & Reiman (2002),
 * "Designing a call center with impatient customers", MSOM 4(3), and of Mandelbaum & Zeltyn,
 * "The M/M/n+G queue: summary of performance measures" (Technion note), with their
 * A(cμ/θ, λ/θ) = Σ_k q_k.
 *
 * Per-arrival quantities (PASTA: arrivals see the stationary law). A caller arriving in state
 * c + k has k callers ahead. While j are ahead, the next event is a promotion (an answer, rate cμ,
 * or an abandonment ahead, rate jθ) or the caller's own abandonment (rate θ); this phase lasts
 * Exp(ν_j) with ν_j = cμ + (j+1)θ whatever ends it, independent of which event it is. Hence
 *  - P(served | k) = Π_{j=0..k} (cμ + jθ)/ν_j = cμ/(cμ + (k+1)θ) (the product telescopes);
 *  - given served, the wait is T_k = Σ_{j=0..k} Exp(ν_j) (independent phases), so
 *    E[W; served | k] = P(served | k)·Σ_{j=0..k} 1/ν_j;
 *  - e^{−θT_k} ~ Beta(m, k+1) with m = cμ/θ + 1 (compare Mellin transforms:
 *    E[e^{−sθT_k}] = Π (m+j)/(m+j+s)), so P(T_k ≤ t) = I_p(k+1, m) with p = 1 − e^{−θt}, which is
 *    P(X > k) for X negative binomial with pmf Γ(i+m)/(i!·Γ(m))·p^i·(1−p)^m. The pmf recursion
 *    (ratio p·(i−1+m)/i) walks along k with the state sum, so the service level costs O(1) per
 *    state. As θ → 0 this becomes the Poisson(cμt) tail, the Erlang C result.
 * Summing over states gives P(wait) = P(N ≥ c), P(abandon) = Σ π_{c+k}(k+1)θ/ν_k (equal to
 * θ·E[(N−c)+]/λ), the service level P(W ≤ t and served), ASA of served callers, and by Little's
 * law the mean wait of all callers E[(N−c)+]/λ.
 */

import { checkServers, erlangB } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';

/** Inputs of {@link erlangA}. Times in seconds, rates per second. */
export interface ErlangAInput {
  /** Number of agents c, integer ≥ 1. */
  servers: number;
  /** Arrival rate λ, calls per second, ≥ 0. */
  ratePerSecond: number;
  /** Mean handle time E[S] = 1/μ, seconds, > 0. */
  meanServiceSeconds: number;
  /** Mean patience 1/θ, seconds, > 0; Infinity means nobody abandons (Erlang C). */
  meanPatienceSeconds: number;
  /** Service-level threshold t, seconds, ≥ 0 (Infinity allowed). */
  thresholdSeconds: number;
}

/** Steady-state performance of the M/M/c+M queue. Probabilities are per offered call. */
export interface ErlangAResult {
  /** P(an arrival finds all agents busy) = P(N ≥ c). */
  waitProbability: number;
  /** P(a call abandons) = θ·E[queue length]/λ. */
  abandonProbability: number;
  /** P(answered within t), over all offered calls: P(W ≤ t and served); abandons count against. */
  serviceLevel: number;
  /** Mean wait of the calls that are answered (0 for those answered at once), seconds. */
  asaSeconds: number;
  /** Mean time in queue of all calls, answered or abandoned, seconds (E[queue length]/λ). */
  meanWaitSeconds: number;
  /** Fraction of time an agent is busy: E[min(N, c)]/c = λ·(1 − P(abandon))·E[S]/c. */
  occupancy: number;
}

/** States summed before giving up (a patience far longer than the handle time under overload). */
const MAX_QUEUE_STATES = 50_000_000;

function checkInput(input: ErlangAInput, fn: string): void {
  const { servers, ratePerSecond, meanServiceSeconds, meanPatienceSeconds, thresholdSeconds } = input;
  checkServers(servers, fn);
  if (servers < 1) throw new RangeError(`${fn}: servers must be >= 1, got ${servers}`);
  if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`${fn}: ratePerSecond must be a finite number >= 0, got ${ratePerSecond}`);
  }
  if (!(meanServiceSeconds > 0) || !Number.isFinite(meanServiceSeconds)) {
    throw new RangeError(`${fn}: meanServiceSeconds must be a finite number > 0, got ${meanServiceSeconds}`);
  }
  if (!(meanPatienceSeconds > 0)) {
    throw new RangeError(`${fn}: meanPatienceSeconds must be > 0 (Infinity for no abandonment), got ${meanPatienceSeconds}`);
  }
  if (!(thresholdSeconds >= 0)) throw new RangeError(`${fn}: thresholdSeconds must be >= 0, got ${thresholdSeconds}`);
}

/** ln(eˣ + eʸ) without overflow. */
function logAddExp(x: number, y: number): number {
  const hi = Math.max(x, y);
  if (hi === -Infinity) return -Infinity;
  return hi + Math.log1p(Math.exp(Math.min(x, y) - hi));
}

/** Erlang C (θ = 0) in the Erlang A result shape. */
function noAbandonment(servers: number, load: number, t: number, meanService: number): ErlangAResult {
  if (load >= servers) {
    return {
      waitProbability: 1,
      abandonProbability: 0,
      serviceLevel: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: 1,
    };
  }
  const c = erlangC(servers, load);
  const asa = (c * meanService) / (servers - load);
  return {
    waitProbability: c,
    abandonProbability: 0,
    serviceLevel: t === Infinity ? 1 : 1 - c * Math.exp((-(servers - load) * t) / meanService),
    asaSeconds: asa,
    meanWaitSeconds: asa,
    occupancy: load / servers,
  };
}

/**
 * Erlang A (M/M/c+M, Palm's model): exact steady-state performance of a queue with c agents,
 * Poisson arrivals, exponential handle times and exponential patience. See the module comment for
 * the derivation. With `meanPatienceSeconds` = Infinity it is Erlang C (and as patience grows the
 * results tend to Erlang C's).
 *
 * Units: input rates per second and times in seconds; output probabilities per offered call and
 * times in seconds. Sources: Garnett, Mandelbaum & Reiman (2002), MSOM 4(3) (the model and its
 * stationary law); Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of performance measures"
 * (P(wait), P(abandon)); Gans, Koole & Mandelbaum (2003) §4.3; the per-state waiting-time
 * law (hypoexponential phases, beta / negative-binomial form) derived in the module comment.
 * Cost: O(c + queue states), with the queue truncated at relative 1e-17.
 *
 * @example
 * erlangA({ servers: 10, ratePerSecond: 0.1, meanServiceSeconds: 90, meanPatienceSeconds: 60, thresholdSeconds: 20 });
 * // { waitProbability: 0.37926, abandonProbability: 0.097091, serviceLevel: 0.81695,
 * //   asaSeconds: 4.9967, meanWaitSeconds: 5.8255, occupancy: 0.81262 }
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  checkInput(input, 'erlangA');
  const { servers: c, ratePerSecond: lambda, meanServiceSeconds, meanPatienceSeconds, thresholdSeconds: t } = input;
  const load = lambda * meanServiceSeconds;
  if (lambda === 0) {
    return { waitProbability: 0, abandonProbability: 0, serviceLevel: 1, asaSeconds: 0, meanWaitSeconds: 0, occupancy: 0 };
  }
  const theta = meanPatienceSeconds === Infinity ? 0 : 1 / meanPatienceSeconds;
  if (theta === 0) return noAbandonment(c, load, t, meanServiceSeconds);

  const b = erlangB(c, load);
  if (b === 0) {
    // π_c / P(N < c) underflows: waiting is rarer than 1e-308.
    return { waitProbability: 0, abandonProbability: 0, serviceLevel: 1, asaSeconds: 0, meanWaitSeconds: 0, occupancy: load / c };
  }
  const cmu = c / meanServiceSeconds;
  const lnLambda = Math.log(lambda);

  // Pass 1: ln Σ_k q_k (streaming log-sum-exp) and the truncation point K.
  let lnq = 0; // ln q_k, q_0 = 1
  let max = 0; // running max of ln q_k
  let mass = 1; // Σ q_k · e^{−max}
  let weighted = 1; // Σ (k+1)·q_k · e^{−max}
  let last = 0; // K
  for (let k = 1; ; k++) {
    const r = lambda / (cmu + k * theta); // q_k / q_{k−1}, decreasing in k
    if (r < 1) {
      // Σ_{j≥1} (k + j)·q_{k−1}·r^j bounds the rest of both sums, since later ratios are smaller.
      const w = Math.exp(lnq - max);
      const bound = w * ((k * r) / (1 - r) + r / ((1 - r) * (1 - r)));
      if (bound <= 1e-17 * weighted) break;
    }
    if (k > MAX_QUEUE_STATES) {
      throw new RangeError(
        `erlangA: the queue distribution needs more than ${MAX_QUEUE_STATES} states; patience too long for this overload`,
      );
    }
    lnq += lnLambda - Math.log(cmu + k * theta);
    if (lnq > max) {
      const scale = Math.exp(max - lnq);
      mass *= scale;
      weighted *= scale;
      max = lnq;
    }
    const w = Math.exp(lnq - max);
    mass += w;
    weighted += (k + 1) * w;
    last = k;
  }
  const lnQueue = max + Math.log(mass); // ln Σ_k π_{c+k}/π_c
  const lnBelow = Math.log1p(-b) - Math.log(b); // ln Σ_{n<c} π_n/π_c
  const lnZ = logAddExp(lnBelow, lnQueue);
  const below = Math.exp(lnBelow - lnZ); // P(N < c)
  const piC = Math.exp(-lnZ);

  // Pass 2: per-state sums. NB pmf for the service level: p = 1 − e^{−θt}, m = cμ/θ + 1.
  const infiniteT = t === Infinity;
  const p = -Math.expm1(-theta * t);
  const pm = p * (cmu / theta + 1);
  let lnPmf = -(cmu + theta) * t; // ln P(X = 0) = m·ln(1 − p)
  let cumulative = infiniteT ? 0 : Math.exp(lnPmf);
  let harmonic = 0; // Σ_{j≤k} 1/ν_j
  let pWait = 0;
  let meanQueue = 0;
  let pAbandon = 0;
  let pServedQueued = 0;
  let waitServed = 0;
  let slQueued = 0;
  lnq = 0;
  for (let k = 0; k <= last; k++) {
    if (k > 0) {
      lnq += lnLambda - Math.log(cmu + k * theta);
      if (!infiniteT) {
        lnPmf += Math.log((p * (k - 1) + pm) / k);
        cumulative += Math.exp(lnPmf);
      }
    }
    const w = Math.exp(lnq - lnZ); // π_{c+k}
    const nu = cmu + (k + 1) * theta;
    const served = cmu / nu; // P(served | k ahead)
    harmonic += 1 / nu;
    const withinT = infiniteT ? 1 : Math.max(0, 1 - cumulative); // P(T_k ≤ t)
    pWait += w;
    meanQueue += k * w;
    pAbandon += (w * (k + 1) * theta) / nu;
    pServedQueued += w * served;
    waitServed += w * served * harmonic;
    slQueued += w * served * withinT;
  }
  const pServed = below + pServedQueued;
  const busy = load * below + c * (pWait - piC); // E[min(N, c)] = Σ_{n<c} n·π_n + c·P(N ≥ c)
  return {
    waitProbability: pWait,
    abandonProbability: pAbandon,
    serviceLevel: below + slQueued,
    asaSeconds: waitServed / pServed,
    meanWaitSeconds: meanQueue / lambda,
    occupancy: busy / c,
  };
}

/** Inputs of {@link erlangAStaffing}. Times in seconds, rates per second. */
export interface ErlangAStaffingInput {
  /** Arrival rate λ, calls per second, ≥ 0. */
  ratePerSecond: number;
  /** Mean handle time E[S], seconds, > 0. */
  meanServiceSeconds: number;
  /** Mean patience, seconds, > 0 (Infinity: Erlang C). */
  meanPatienceSeconds: number;
  /** Service-level threshold t, seconds. */
  thresholdSeconds: number;
  /** Required P(answered within t) over all offered calls, in [0, 1]. */
  target: number;
  /** Optional cap on P(abandon), in [0, 1]. */
  maxAbandonRate?: number;
}

/** The staffing found by {@link erlangAStaffing} and its Erlang A performance. */
export interface ErlangAStaffingResult extends ErlangAResult {
  /** Fewest agents meeting every requirement. */
  servers: number;
}

/**
 * Erlang A staffing: the fewest agents c ≥ 1 for which the M/M/c+M service level
 * P(W ≤ t and served) reaches `target` and, when given, P(abandon) ≤ `maxAbandonRate`. With
 * infinite patience the queue must also be stable (c > a). With zero arrivals the answer is 0.
 *
 * Method: both measures improve as agents are added, so an exponential search brackets the answer
 * and a bisection finds it, O(log c) evaluations of {@link erlangA}. Sources: Garnett, Mandelbaum &
 * Reiman (2002); Koole (2013), "Call Center Optimization", ch. 5.
 *
 * @example
 * // 100 calls / 30 min, AHT 180 s, mean patience 120 s, 80% answered within 20 s:
 * erlangAStaffing({ ratePerSecond: 100 / 1800, meanServiceSeconds: 180, meanPatienceSeconds: 120, thresholdSeconds: 20, target: 0.8 }).servers;
 * // 12 (Erlang C says 14; abandonment thins the queue)
 */
export function erlangAStaffing(input: ErlangAStaffingInput): ErlangAStaffingResult {
  const fn = 'erlangAStaffing';
  const { target, maxAbandonRate, ...model } = input;
  checkInput({ ...model, servers: 1 }, fn);
  if (!(target >= 0 && target <= 1)) throw new RangeError(`${fn}: target must be in [0, 1], got ${target}`);
  if (maxAbandonRate !== undefined && !(maxAbandonRate >= 0 && maxAbandonRate <= 1)) {
    throw new RangeError(`${fn}: maxAbandonRate must be in [0, 1], got ${maxAbandonRate}`);
  }
  const load = model.ratePerSecond * model.meanServiceSeconds;
  if (load === 0) {
    return { servers: 0, waitProbability: 0, abandonProbability: 0, serviceLevel: 1, asaSeconds: 0, meanWaitSeconds: 0, occupancy: 0 };
  }
  const cache = new Map<number, ErlangAStaffingResult | null>();
  const evaluate = (servers: number): ErlangAStaffingResult | null => {
    const cached = cache.get(servers);
    if (cached !== undefined) return cached;
    let found: ErlangAStaffingResult | null = null;
    if (model.meanPatienceSeconds !== Infinity || servers > load) {
      const r = erlangA({ ...model, servers });
      if (r.serviceLevel >= target && (maxAbandonRate === undefined || r.abandonProbability <= maxAbandonRate)) {
        found = { servers, ...r };
      }
    }
    cache.set(servers, found);
    return found;
  };
  const first = evaluate(1);
  if (first) return first;
  let lo = 1; // infeasible
  let hi = Math.max(2, Math.ceil(load));
  const limit = 10_000_000;
  while (!evaluate(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > limit) throw new RangeError(`${fn}: no staffing up to ${limit} agents meets the requirements`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (evaluate(mid)) hi = mid;
    else lo = mid;
  }
  const best = evaluate(hi);
  if (!best) throw new Error(`${fn}: internal error, bracket lost`);
  return best;
}
