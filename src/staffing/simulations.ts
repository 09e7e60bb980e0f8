/**
 * How the staffing code asks for simulations without caring where they run. The search, the
 * verification and the repairs are generators: each `yield`s a request (a scenario, which
 * replications, whether the summarised results are wanted) and is resumed with the
 * replications' raw counts in replication order. A driver answers the requests: in process
 * (`runInProcess`, synchronous, for the library's `staff`) or on worker threads (`runOnPool`,
 * for `ccsim staff --jobs N`).
 *
 * Replication r of a scenario is a pure function of (scenario, seed, r), and the answer is in
 * replication order whichever thread finished first, so every decision, and so every plan and
 * figure, is the same whatever the driver and the number of threads.
 */

import { compile } from '../model/compile.ts';
import { runReplication } from '../center/run.ts';
import { summarise } from '../metrics/summarise.ts';
import type { Result } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationCounts, WorkerPool } from '../experiment/worker-pool.ts';

export interface SimulationRequest {
  scenario: Scenario;
  seed: number;
  /** Replications from..from+replications−1. */
  from: number;
  replications: number;
  /** Also summarise each replication (metrics/summarise.ts). */
  results: boolean;
}

export interface Simulated {
  counts: ReplicationCounts[];
  results: Result[] | null;
}

/** A computation that asks for simulations (see the module comment). */
export type Simulating<T> = Generator<SimulationRequest, T, Simulated>;

/** Runs the replications of one request on the calling thread. */
export function simulateHere(request: SimulationRequest): Simulated {
  const model = compile(request.scenario);
  const counts: ReplicationCounts[] = [];
  const results: Result[] = [];
  for (let r = 0; r < request.replications; r++) {
    const tally = runReplication(model, request.seed, request.from + r);
    counts.push({ grid: tally.grid, intervalTime: tally.intervalTime, events: tally.events });
    if (request.results) results.push(summarise(model, tally, request.seed));
  }
  return { counts, results: request.results ? results : null };
}

/** Answers every request on the calling thread. */
export function runInProcess<T>(steps: Simulating<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next(simulateHere(next.value));
  return next.value;
}

/** Answers every request on the pool's worker threads, each replication its own task. */
export async function runOnPool<T>(steps: Simulating<T>, pool: WorkerPool): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const request = next.value;
    const replies = await Promise.all(
      Array.from({ length: request.replications }, (_, r) => pool.runCounts(request.scenario, request.seed, request.from + r, request.results)),
    );
    next = steps.next({ counts: replies.map((x) => x.counts), results: request.results ? replies.map((x) => x.result!) : null });
  }
  return next.value;
}

/** Simulates and evaluates in one step: `yield* simulate(...)`. */
export function* simulate(scenario: Scenario, seed: number, replications: number, from = 0, results = false): Simulating<Simulated> {
  return yield { scenario, seed, replications, from, results };
}
