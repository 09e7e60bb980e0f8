/**
 * Patience of one contact type from abandonment, assuming exponential patience.
 *
 * With exponential patience (rate theta), every contact in queue abandons at rate theta while it
 * waits, so the maximum-likelihood estimate is
 *     theta = abandoned / (total time contacts spent waiting),
 * the number of abandonments per second of exposure; mean patience = 1 / theta.
 * The total waiting time is not in an interval export; it is approximated by
 *     handled x ASA + abandoned x ASA,
 * since ASA is the mean wait of handled contacts and the mean wait of abandoners is unknown
 * (when waits and patience are both exponential the two means are equal, and the estimate is
 * exact). Standard error: theta / sqrt(abandoned) (Poisson count of abandonments).
 *
 * Without an `asa` column, with no abandonment, or with no waiting, patience cannot be fitted:
 * the scenario leaves it out (nobody abandons) and says why. Short abandons that a switch drops
 * from its counts (e.g. under 5 s) bias the estimate towards more patience.
 */
import type { HistoryRow, PatienceFit } from './types.ts';

const MIN_ABANDONED = 10;

export function fitPatience(rows: readonly HistoryRow[], has: { abandoned: boolean; asa: boolean; handled: boolean }): PatienceFit {
  const notes: string[] = [];
  const abandoned = rows.reduce((s, r) => s + (r.abandoned ?? 0), 0);
  if (!has.abandoned || !has.asa) {
    notes.push(`patience not fitted: the history has no ${has.abandoned ? 'asa' : 'abandoned'} column; left out (nobody abandons)`);
    return { mean_seconds: null, abandoned, waiting_seconds: 0, notes };
  }
  let waiting = 0;
  for (const r of rows) {
    if (r.asa === undefined) continue;
    const handled = r.handled ?? Math.max(0, r.offered - (r.abandoned ?? 0));
    waiting += (handled + (r.abandoned ?? 0)) * r.asa;
  }
  if (abandoned < MIN_ABANDONED || waiting <= 0) {
    notes.push(
      waiting <= 0
        ? 'patience not fitted: no contact waited (ASA 0); left out (nobody abandons)'
        : `patience not fitted: ${abandoned} abandoned contacts (needs ${MIN_ABANDONED}); left out (nobody abandons)`,
    );
    return { mean_seconds: null, abandoned, waiting_seconds: waiting, notes };
  }
  const mean = waiting / abandoned;
  notes.push(
    `patience: exponential, mean = total waiting time / abandoned = ${waiting.toFixed(0)} s / ${abandoned} = ${mean.toFixed(1)} s ` +
      '(waiting time = (handled + abandoned) x ASA)',
  );
  return { mean_seconds: mean, mean_se: mean / Math.sqrt(abandoned), abandoned, waiting_seconds: waiting, notes };
}
