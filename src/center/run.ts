import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import { ContactCenter } from './contact-center.ts';
import type { RunTrace } from './trace.ts';

/**
 * One replication of a compiled model: replication r of seed s always gives the same tally.
 * `trace` observes the run (see RunTrace) without changing any draw.
 */
export function runReplication(model: Model, seed: number, replication: number, trace?: RunTrace): Tally {
  return new ContactCenter(model, seed, replication, trace).run();
}
