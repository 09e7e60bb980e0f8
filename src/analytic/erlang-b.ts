/**
 * Erlang B (M/M/c/c loss system) blocking probability.
 *
 * Units: `offeredLoad` is in Erlangs (a = λ·E[S], arrival rate per second × mean service time in
 * seconds); the result is a probability.
 */

/**
 * The most servers, and the largest offered load in Erlangs, these functions take. The Erlang B
 * recursion takes one step per server (and staffing steps up from the load), so 1e12 would run
 * for hours; ten million takes tens of milliseconds, a hundred times the largest center a
 * scenario may describe.
 */
export const MAX_SERVERS = 10_000_000;

/** Throws unless `servers` is an integer from 0 to MAX_SERVERS. */
export function checkServers(servers: number, fn: string): void {
  if (!Number.isInteger(servers) || servers < 0 || servers > MAX_SERVERS) {
    throw new RangeError(`${fn}: servers must be an integer from 0 to ${MAX_SERVERS}, got ${servers}`);
  }
}

/** Throws unless `load` is a number from 0 to MAX_SERVERS. */
export function checkLoad(load: number, fn: string): void {
  if (!(load >= 0 && load <= MAX_SERVERS)) {
    throw new RangeError(`${fn}: offered load must be a number from 0 to ${MAX_SERVERS} Erlangs, got ${load}`);
  }
}

/**
 * Erlang B: the probability that an arrival finds all `servers` busy in a loss system with
 * Poisson arrivals and offered load a Erlangs (blocked calls cleared; by insensitivity any service
 * distribution with the same mean). Also the building block of Erlang C and Erlang A.
 *
 * Formula: B(c, a) = (aᶜ/c!) / Σ_{k=0..c} aᵏ/k!, evaluated by the stable recursion
 * B(0) = 1, B(n) = a·B(n−1) / (n + a·B(n−1)) — no factorials or powers, no overflow, O(c),
 * accurate for thousands of servers. Source: Gans, Koole & Mandelbaum (2003), "Telephone call
 * centers: tutorial, review, and research prospects", MSOM 5(2), §4.1; Koole, "Call Center
 * Optimization" (2013), ch. 5 (the recursion).
 *
 * @param servers number of servers (trunks, agents), integer ≥ 0
 * @param offeredLoad offered load a = λ·E[S] in Erlangs, ≥ 0
 * @returns blocking probability in [0, 1] (1 when servers = 0)
 * @example
 * erlangB(10, 5); // 0.018384570...
 */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers(servers, 'erlangB');
  checkLoad(offeredLoad, 'erlangB');
  const a = offeredLoad;
  let b = 1;
  for (let n = 1; n <= servers; n++) {
    const ab = a * b;
    b = ab / (n + ab);
  }
  return b;
}
