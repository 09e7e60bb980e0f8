/**
 * When a cell (interval, contact type) of a simulated plan meets the requirement: on the mean
 * (the search's rule for adding), or clearly (the whole 95% interval on the right side, the
 * rule for going below an exact Erlang answer), for the service-level target and the optional
 * caps on abandon rate, ASA and occupancy.
 */

import type { StaffingTargets } from './analytic.ts';
import type { Estimate, Evaluation } from './evaluation.ts';

/** How far a cell is from meeting the requirement on the mean; 0 when it meets. */
export function shortfall(e: Evaluation, cell: number, targets: StaffingTargets): number {
  let miss = 0;
  const sl = e.serviceLevel[cell]!.mean;
  if (sl !== null && sl < targets.target) miss = Math.max(miss, targets.target - sl);
  const ab = e.abandonRate[cell]!.mean;
  if (targets.maxAbandonRate !== undefined && ab !== null && ab > targets.maxAbandonRate) {
    miss = Math.max(miss, Math.min(1, (ab - targets.maxAbandonRate) / Math.max(targets.maxAbandonRate, 0.01)));
  }
  const asa = e.asa[cell]!.mean;
  if (targets.maxAsaSeconds !== undefined && asa !== null && asa > targets.maxAsaSeconds) {
    miss = Math.max(miss, Math.min(1, (asa - targets.maxAsaSeconds) / Math.max(targets.maxAsaSeconds, 1)));
  }
  return miss;
}

/**
 * The cell meets the requirement with a margin of `kappa` 95% half-widths: service level at or
 * above target + kappa·ci95, capped figures at or below cap − kappa·ci95. kappa = 1 is "clearly
 * meets" (the whole 95% interval is on the right side); kappa = 0 is "meets on the mean".
 */
export function meetsWith(e: Evaluation, cell: number, targets: StaffingTargets, kappa: number): boolean {
  const half = (x: Estimate): number | null => (kappa === 0 ? 0 : x.ci95 === null ? null : kappa * x.ci95);
  const sl = e.serviceLevel[cell]!;
  if (sl.mean !== null) {
    const h = half(sl);
    if (h === null || sl.mean - h < targets.target) return false;
  }
  const ab = e.abandonRate[cell]!;
  if (targets.maxAbandonRate !== undefined && ab.mean !== null) {
    const h = half(ab);
    if (h === null || ab.mean + h > targets.maxAbandonRate) return false;
  }
  const asa = e.asa[cell]!;
  if (targets.maxAsaSeconds !== undefined && asa.mean !== null) {
    const h = half(asa);
    if (h === null || asa.mean + h > targets.maxAsaSeconds) return false;
  }
  return true;
}

/** The cell meets the requirement with 95% confidence (not just on the mean). */
export function clearlyMeets(e: Evaluation, cell: number, targets: StaffingTargets): boolean {
  return meetsWith(e, cell, targets, 1);
}

/**
 * The margin, in 95% half-widths, by which one agent fewer must still meet the target for a
 * removal at or above the analytic answer: 0, the mean decides (as it does for adding).
 */
export const REMOVAL_MARGIN = 0;

export function occupancyMisses(e: Evaluation, i: number, targets: StaffingTargets): boolean {
  const m = e.occupancy[i]!.mean;
  return targets.maxOccupancy !== undefined && m !== null && m > targets.maxOccupancy;
}

export function occupancyClearlyMeets(e: Evaluation, i: number, targets: StaffingTargets): boolean {
  if (targets.maxOccupancy === undefined) return true;
  const o = e.occupancy[i]!;
  if (o.mean === null) return true;
  return o.ci95 !== null && o.mean + o.ci95 <= targets.maxOccupancy;
}
