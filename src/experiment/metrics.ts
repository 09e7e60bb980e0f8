/**
 * Metric names as experiments use them (`--target-ci service_level=0.01`, comparison rows,
 * sweep columns): the numeric leaves of `Metrics`, with `ttr_hours` split into
 * `ttr_hours.mean`, `ttr_hours.p50` and `ttr_hours.p90`. The catalogue
 * (metrics/catalogue.ts) and the estimators (metrics/pooled.ts) live with the metrics; this
 * module gives experiments one place to import them from.
 */
import type { Metrics } from '../metrics/types.ts';
import { metricValue, type MetricName } from '../metrics/catalogue.ts';

export { METRIC_NAMES, HEADLINE_METRICS, isMetricName, metricValue } from '../metrics/catalogue.ts';
export { pairedDifference, welchHalfWidth, type PairedDifference } from '../metrics/pooled.ts';

/** The defined values of one metric across rows (replications), in order. */
export function definedValues(rows: readonly Metrics[], name: MetricName): number[] {
  const out: number[] = [];
  for (const m of rows) {
    const v = metricValue(m, name);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}
