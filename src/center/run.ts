import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import { ContactCenter } from './contact-center.ts';

/** One replication of a compiled model: replication r of seed s always gives the same tally. */
export function runReplication(
  model: Model,
  seed: number,
  replication: number,
  onProgress?: (simulatedSeconds: number, horizonSeconds: number) => void,
): Tally {
  return new ContactCenter(model, seed, replication).run(onProgress);
}
