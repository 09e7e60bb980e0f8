/**
 * Handle time of one contact type from interval AHTs.
 *
 * Mean: sum(handled x aht) / sum(handled), the contact-weighted mean (without a handled column,
 * weighted by offered). Its standard error comes from the upper cv bound below.
 *
 * cv: an interval's AHT is the mean of its n contacts, so interval AHTs vary far less than
 * contacts do, and the contact-level cv cannot be read from them. What they do give, when each
 * interval's contacts have their own mean (spread tau^2 between intervals) and a common
 * variance sigma^2, is a bracket for the cv of a random contact, sqrt(sigma^2 + tau^2) / mean:
 *   lower = sd of the interval AHTs / mean           (expected sigma^2 x mean(1/n) + tau^2 <= sigma^2 + tau^2)
 *   upper = sqrt(sum n (aht - mean)^2 / (k - 1)) / mean   (expected sigma^2 + n0 tau^2, n0 ~ mean n >= 1)
 * The written cv is the default 0.8 (a lognormal, typical of contact-center talk + wrap times)
 * moved into the bracket when the bracket excludes it: the bracket's nearest end. With fewer than
 * 10 intervals the bracket is not computed and the default is kept, saying so.
 */
import type { HandleTimeFit, HistoryRow } from './types.ts';

export const DEFAULT_HANDLE_CV = 0.8;
const MIN_INTERVALS = 10;

export function fitHandleTime(rows: readonly HistoryRow[], hasHandled: boolean): HandleTimeFit {
  const notes: string[] = [];
  const weight = (r: HistoryRow) => (hasHandled ? (r.handled ?? 0) : r.offered);
  const usable = rows.filter((r) => r.aht !== undefined && weight(r) > 0);
  const n = usable.reduce((s, r) => s + weight(r), 0);
  if (usable.length === 0 || n <= 0) {
    notes.push('handle_time not fitted: no interval with handled contacts and an AHT; the scenario has a placeholder to fill in');
    return { mean_seconds: null, cv_lower: null, cv_upper: null, cv: DEFAULT_HANDLE_CV, cv_fitted: false, intervals: 0, notes };
  }
  if (!hasHandled) notes.push('no handled column: interval AHTs are weighted by offered contacts');
  const mean = usable.reduce((s, r) => s + weight(r) * r.aht!, 0) / n;
  const k = usable.length;
  if (k < MIN_INTERVALS || mean <= 0) {
    notes.push(
      `handle_time cv not estimated: ${k} interval${k === 1 ? '' : 's'} with handled contacts (needs ${MIN_INTERVALS}); ` +
        `the default lognormal cv ${DEFAULT_HANDLE_CV} is used`,
    );
    return {
      mean_seconds: mean,
      mean_se: (mean * DEFAULT_HANDLE_CV) / Math.sqrt(n),
      cv_lower: null,
      cv_upper: null,
      cv: DEFAULT_HANDLE_CV,
      cv_fitted: false,
      intervals: k,
      notes,
    };
  }
  const unweighted = usable.reduce((s, r) => s + r.aht!, 0) / k;
  const lower = Math.sqrt(usable.reduce((s, r) => s + (r.aht! - unweighted) ** 2, 0) / (k - 1)) / mean;
  const upper = Math.sqrt(usable.reduce((s, r) => s + weight(r) * (r.aht! - mean) ** 2, 0) / (k - 1)) / mean;
  const cv = Math.min(Math.max(DEFAULT_HANDLE_CV, lower), Math.max(upper, lower));
  const fitted = cv !== DEFAULT_HANDLE_CV;
  notes.push(
    `handle_time cv: interval AHTs bound a contact's cv to [${lower.toFixed(2)}, ${upper.toFixed(2)}]; ` +
      (fitted
        ? `the default ${DEFAULT_HANDLE_CV} is outside it, so ${cv.toFixed(2)} (the nearest end) is used`
        : `the default ${DEFAULT_HANDLE_CV} lies within it and is used`),
  );
  return {
    mean_seconds: mean,
    // Contacts are independent with cv at most `upper`.
    mean_se: (mean * Math.max(upper, lower)) / Math.sqrt(n),
    cv_lower: lower,
    cv_upper: upper,
    cv,
    cv_fitted: fitted,
    intervals: k,
    notes,
  };
}
