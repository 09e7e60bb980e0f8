/**
 * How experiment tables (compare, sweep) show a metric: its label from the metric catalogue
 * and its figures through the one formatting module (metrics/format.ts).
 */
import type { MetricName } from '../experiment/types.ts';
import { metricInfo } from '../metrics/catalogue.ts';
import {
  formatMetric,
  formatMetricDifference,
  formatMetricHalfWidth,
  formatMetricWithCi,
  type FormatOptions,
} from '../metrics/format.ts';

export type { FormatOptions };

export function metricLabel(m: MetricName): string {
  return metricInfo(m).label;
}

export function metricShortLabel(m: MetricName): string {
  return metricInfo(m).short;
}

/** The value: `82.3%`, `14.2 s`, `€3.10`. */
export function formatValue(m: MetricName, x: number | null | undefined, options: FormatOptions = {}): string {
  return formatMetric(m, x, options);
}

/** `±1.2 pp`, or '' when there is no half-width. */
export function formatHalfWidth(m: MetricName, h: number | null | undefined, reference?: number | null, options: FormatOptions = {}): string {
  return formatMetricHalfWidth(m, h, reference, options);
}

/** `82.3% ±1.2 pp`. */
export function formatWithCi(m: MetricName, x: number | null | undefined, h: number | null | undefined, options: FormatOptions = {}): string {
  return formatMetricWithCi(m, x, h, options);
}

/** A signed difference: `+6.8 pp`, `-12.5 s`, `+0.12`. */
export function formatDifference(m: MetricName, d: number | null | undefined, reference?: number | null, options: FormatOptions = {}): string {
  return formatMetricDifference(m, d, reference, options);
}
