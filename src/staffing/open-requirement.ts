/**
 * No requirement while closed: a group whose contact types are all closed for a whole interval
 * has nothing to do there (voice and chat are turned away, email waits for the opening), so the
 * shift cover must not pay for agents then, whatever the search left in the interval plan.
 */

import type { Model } from '../model/model.ts';
import { openShare } from '../model/open-windows.ts';

/** `requirement` of group `gi` with 0 in every interval where all the types it serves are closed. */
export function openRequirement(model: Model, gi: number, requirement: ArrayLike<number>): number[] {
  const len = model.intervalSeconds;
  const served = model.types.flatMap((t, j) => (model.groups[gi]!.proficiency[j]! > 0 ? [t] : []));
  return Array.from(requirement, (r, i) => (served.some((t) => openShare(t.open, i * len, (i + 1) * len) > 0) ? r : 0));
}
