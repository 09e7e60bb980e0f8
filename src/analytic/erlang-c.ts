/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential service, c agents, unlimited patience,
 * first come first served), the classic staffing model of contact centers.
 *
 * Units: loads in Erlangs (a = λ·E[S]); times in seconds; rates per second. Sources: Gans, Koole &
 * Mandelbaum (2003), "Telephone call centers: tutorial, review, and research prospects", MSOM 5(2),
 * §4.1 (eqs. for C(c, a), the waiting-time distribution and ASA); Koole, "Call Center
 * Optimization" (2013), ch. 5 (C from B and the staffing search).
 */

import { checkLoad, checkServers, erlangB } from './erlang-b.ts';

/** Throws unless `x` is a finite number > 0. */
function checkPositive(x: number, name: string, fn: string): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${x}`);
}

/** Throws unless `x` ≥ 0 (Infinity allowed). */
function checkNonNegative(x: number, name: string, fn: string): void {
  if (!(x >= 0)) throw new RangeError(`${fn}: ${name} must be >= 0, got ${x}`);
}

/** Erlang C from Erlang B: C = c·B / (c − a·(1 − B)), for a < c. */
function cFromB(servers: number, load: number, b: number): number {
  return (servers * b) / (servers - load * (1 - b));
}

/**
 * Erlang C: the probability that an arriving call has to wait (finds all `servers` busy) in an
 * M/M/c queue with offered load a Erlangs. 1 when a ≥ c (the queue is unstable and every call
 * eventually waits).
 *
 * Formula: C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a))), with B the Erlang B recursion — stable for
 * thousands of agents and loads close to c. Source: Gans, Koole & Mandelbaum (2003) §4.1;
 * Koole (2013) ch. 5.
 *
 * @param servers number of agents, integer ≥ 0
 * @param load offered load a = λ·E[S] in Erlangs, ≥ 0
 * @returns probability of wait in [0, 1]
 * @example
 * erlangC(14, 10); // 0.1741319...
 */
export function erlangC(servers: number, load: number): number {
  checkServers(servers, 'erlangC');
  checkLoad(load, 'erlangC');
  if (load >= servers) return 1;
  return cFromB(servers, load, erlangB(servers, load));
}

/** Service level from the probability of wait: 1 − C·exp(−(c − a)·t / E[S]). */
function serviceLevelFromC(c: number, servers: number, load: number, t: number, meanService: number): number {
  if (load >= servers) return 0;
  if (t === Infinity) return 1;
  return 1 - c * Math.exp((-(servers - load) * t) / meanService);
}

/** ASA from the probability of wait: C·E[S] / (c − a). */
function asaFromC(c: number, servers: number, load: number, meanService: number): number {
  if (load >= servers) return Infinity;
  return (c * meanService) / (servers - load);
}

/**
 * Erlang C service level: the fraction of calls answered within `thresholdSeconds` of arriving,
 * P(W ≤ t), in an M/M/c queue. 0 when a ≥ c (unstable).
 *
 * Formula: P(W ≤ t) = 1 − C(c, a)·exp(−(c − a)·t / E[S]) — the wait of a delayed call is
 * exponential with rate cμ − λ = (c − a)/E[S]. Source: Gans, Koole & Mandelbaum (2003) §4.1.
 *
 * @param servers number of agents, integer ≥ 0
 * @param load offered load in Erlangs
 * @param thresholdSeconds the service-level threshold t in seconds, ≥ 0 (Infinity allowed)
 * @param meanServiceSeconds mean handle time E[S] in seconds, > 0
 * @returns probability in [0, 1]
 * @example
 * // 100 calls per 30 min, AHT 180 s (a = 10 Erlangs), 14 agents, 20 s threshold:
 * erlangCServiceLevel(14, 10, 20, 180); // 0.888350...
 */
export function erlangCServiceLevel(
  servers: number,
  load: number,
  thresholdSeconds: number,
  meanServiceSeconds: number,
): number {
  checkNonNegative(thresholdSeconds, 'thresholdSeconds', 'erlangCServiceLevel');
  checkPositive(meanServiceSeconds, 'meanServiceSeconds', 'erlangCServiceLevel');
  return serviceLevelFromC(erlangC(servers, load), servers, load, thresholdSeconds, meanServiceSeconds);
}

/**
 * Erlang C average speed of answer: the mean time in queue over all calls (those answered at once
 * count as 0), in seconds. Infinity when a ≥ c.
 *
 * Formula: ASA = C(c, a)·E[S] / (c − a). Source: Gans, Koole & Mandelbaum (2003) §4.1.
 *
 * @param servers number of agents, integer ≥ 0
 * @param load offered load in Erlangs
 * @param meanServiceSeconds mean handle time E[S] in seconds, > 0
 * @returns mean wait in seconds
 * @example
 * erlangCAsa(14, 10, 180); // 7.83594... (0.174132 · 180 / 4)
 */
export function erlangCAsa(servers: number, load: number, meanServiceSeconds: number): number {
  checkPositive(meanServiceSeconds, 'meanServiceSeconds', 'erlangCAsa');
  return asaFromC(erlangC(servers, load), servers, load, meanServiceSeconds);
}

/**
 * Erlang C occupancy: the long-run fraction of time an agent is busy, a / c (capped at 1: an
 * unstable queue keeps every agent busy). Dimensionless. Source: Koole (2013) ch. 5.
 *
 * @param servers number of agents, integer ≥ 1
 * @param load offered load in Erlangs
 * @example
 * erlangCOccupancy(14, 10); // 0.714285...
 */
export function erlangCOccupancy(servers: number, load: number): number {
  checkServers(servers, 'erlangCOccupancy');
  checkLoad(load, 'erlangCOccupancy');
  if (servers < 1) throw new RangeError('erlangCOccupancy: servers must be >= 1');
  return Math.min(1, load / servers);
}

/** What {@link erlangCStaffing} needs. Times in seconds, rates per second. */
export interface ErlangCStaffingInput {
  /** Arrival rate λ, calls per second, ≥ 0. */
  ratePerSecond: number;
  /** Mean handle time E[S], seconds, > 0. */
  meanServiceSeconds: number;
  /** Service-level threshold t, seconds, ≥ 0. */
  thresholdSeconds: number;
  /** Required fraction answered within t, in [0, 1]. */
  target: number;
  /** Optional cap on occupancy a/c, in (0, 1]. */
  maxOccupancy?: number;
  /** Optional cap on ASA, seconds, ≥ 0. */
  maxAsaSeconds?: number;
}

/** The staffing found by {@link erlangCStaffing} and how it performs. */
export interface ErlangCStaffingResult {
  /** Fewest agents meeting every requirement. */
  servers: number;
  /** Offered load a = λ·E[S], Erlangs. */
  load: number;
  /** C(c, a). */
  waitProbability: number;
  /** P(W ≤ t). */
  serviceLevel: number;
  /** Mean wait over all calls, seconds. */
  asaSeconds: number;
  /** a / c. */
  occupancy: number;
}

/**
 * Erlang C staffing: the fewest agents c > a for which the M/M/c service level P(W ≤ t) reaches
 * `target`, and, when given, occupancy a/c ≤ `maxOccupancy` and ASA ≤ `maxAsaSeconds`.
 * With zero arrivals the answer is 0 agents (service level 1, ASA 0, occupancy 0).
 *
 * Method: start at the smallest stable staffing ⌊a⌋ + 1 and step up, advancing Erlang B one server
 * at a time (B(n) = a·B(n−1)/(n + a·B(n−1))); each metric improves with c, so the first c meeting
 * all requirements is the answer. Source: Koole (2013) ch. 5; Gans, Koole & Mandelbaum (2003) §4.1.
 *
 * @example
 * // 100 calls per 30 min, AHT 180 s, 80% within 20 s:
 * erlangCStaffing({ ratePerSecond: 100 / 1800, meanServiceSeconds: 180, thresholdSeconds: 20, target: 0.8 }).servers; // 14
 */
export function erlangCStaffing(input: ErlangCStaffingInput): ErlangCStaffingResult {
  const fn = 'erlangCStaffing';
  const { ratePerSecond, meanServiceSeconds, thresholdSeconds, target, maxOccupancy, maxAsaSeconds } = input;
  if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`${fn}: ratePerSecond must be a finite number >= 0, got ${ratePerSecond}`);
  }
  checkPositive(meanServiceSeconds, 'meanServiceSeconds', fn);
  checkNonNegative(thresholdSeconds, 'thresholdSeconds', fn);
  if (!(target >= 0 && target <= 1)) throw new RangeError(`${fn}: target must be in [0, 1], got ${target}`);
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`${fn}: maxOccupancy must be in (0, 1], got ${maxOccupancy}`);
  }
  if (maxAsaSeconds !== undefined) checkNonNegative(maxAsaSeconds, 'maxAsaSeconds', fn);

  const load = ratePerSecond * meanServiceSeconds;
  checkLoad(load, fn);
  if (load === 0) return { servers: 0, load, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };

  const first = Math.floor(load) + 1;
  // Every metric reaches its cap well before this (C decays faster than geometrically beyond a).
  const limit = first + Math.ceil(load / (maxOccupancy ?? 1)) + 100 * Math.ceil(Math.sqrt(load)) + 10_000;
  let b = 1;
  for (let n = 1; n < first; n++) b = (load * b) / (n + load * b);
  for (let servers = first; servers <= limit; servers++) {
    b = (load * b) / (servers + load * b);
    const waitProbability = cFromB(servers, load, b);
    const serviceLevel = serviceLevelFromC(waitProbability, servers, load, thresholdSeconds, meanServiceSeconds);
    const asaSeconds = asaFromC(waitProbability, servers, load, meanServiceSeconds);
    const occupancy = load / servers;
    if (
      serviceLevel >= target &&
      (maxOccupancy === undefined || occupancy <= maxOccupancy) &&
      (maxAsaSeconds === undefined || asaSeconds <= maxAsaSeconds)
    ) {
      return { servers, load, waitProbability, serviceLevel, asaSeconds, occupancy };
    }
  }
  throw new RangeError(`${fn}: no staffing up to ${limit} agents meets the requirements (target ${target})`);
}
