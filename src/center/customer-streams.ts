import type { Uniform } from '../engine/random.ts';
import type { Model } from '../model/model.ts';

/** Streams of customer attributes: one set for first contacts, one for repeats and retries. */
export const FIRST = 0;
export const FOLLOW_UP = 1;

/**
 * The random streams a contact's customer draws from, per contact type. Each purpose has its own
 * stream (see randomStream), so a plan that draws one purpose more often moves no other.
 */
export interface TypeStreams {
  handle: Uniform[];
  patience: Uniform[];
  resolve: Uniform[];
  selfService: Uniform[];
  retry: Uniform[];
  repeat: Uniform[];
  /** Whether and when a contact turned away while closed comes back (only types with opening hours draw). */
  closed: Uniform;
}

export function customerStreams(model: Model, stream: (purpose: string) => Uniform): TypeStreams[] {
  const both = (purpose: string, id: string): Uniform[] => [stream(`${purpose}:${id}:first`), stream(`${purpose}:${id}:follow-up`)];
  return model.types.map((t) => ({
    handle: both('handle', t.id),
    patience: both('patience', t.id),
    resolve: both('resolve', t.id),
    selfService: both('self-service', t.id),
    retry: both('retry', t.id),
    repeat: both('repeat', t.id),
    closed: stream(`closed:${t.id}`),
  }));
}
