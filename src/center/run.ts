import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import { ContactCenter } from './contact-center.ts';
import { isSingleQueue, SingleQueueCenter } from './single-queue.ts';
import type { RunTrace } from './trace.ts';

/**
 * One replication of a compiled model: replication r of seed s always gives the same tally.
 * `trace` observes the run (see RunTrace) without changing any draw.
 *
 * A single-queue model (one type, one group of identical agents, fixed staff: Erlang C and A)
 * runs on SingleQueueCenter, which gives the same tally as ContactCenter in less time.
 */
export function runReplication(model: Model, seed: number, replication: number, trace?: RunTrace): Tally {
  if (isSingleQueue(model) && trace?.firstArrival === undefined) return new SingleQueueCenter(model, seed, replication, trace).run();
  return new ContactCenter(model, seed, replication, trace).run();
}
