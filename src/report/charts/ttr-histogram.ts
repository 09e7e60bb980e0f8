/**
 * The distribution of time to resolution: resolved cases per replication in log-spaced bins
 * (four per doubling) of hours, drawn from the binned distribution the Result carries
 * (`ttr_histogram`), with the median and 90th percentile marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Result } from '../../metrics/types.ts';
import { ttrBins } from '../../metrics/ttr-histogram.ts';
import { COLORS, CONFIG, FULL_WIDTH, SCHEMA, emptyChart, finite } from './common.ts';

export interface TtrHistogramInput {
  result: Result;
  title?: string;
}

export function ttrHistogramSpec({ result, title = 'Distribution of time to resolution' }: TtrHistogramInput): TopLevelSpec {
  const h = result.ttr_histogram;
  if (h === undefined || h.totals.bins.length === 0) return emptyChart(title, 'No resolved case');
  // Below 1 s, bin 0 is [0, 1 s): drawn from 0.5 s so that it fits a log scale.
  const bins = ttrBins(h.totals, h.sub_bits_log2, result.replications, 4).map((b) => ({
    from: Math.max(b.from_hours, 0.5 / 3600),
    to: b.to_hours,
    count: b.count,
  }));
  const marks = [
    { label: 'median', hours: finite(result.totals.ttr_hours.p50) },
    { label: '90th percentile', hours: finite(result.totals.ttr_hours.p90) },
  ].filter((m): m is { label: string; hours: number } => m.hours !== null && m.hours > 0);
  const x = { field: 'from', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'Time to resolution (hours, log scale)', axis: { format: '~g' } };
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: `Resolved cases${result.replications > 1 ? ' per replication' : ''} by time to resolution; dashed: median, p90`,
    },
    width: FULL_WIDTH,
    height: 200,
    layer: [
      {
        data: { values: bins },
        mark: { type: 'rect', color: COLORS.agents, opacity: 0.8 },
        encoding: { x, x2: { field: 'to' }, y: { field: 'count', type: 'quantitative', title: 'Resolved cases' } },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4] },
        encoding: { x: { field: 'hours', type: 'quantitative', scale: { type: 'log' } } },
      },
      {
        data: { values: marks },
        mark: { type: 'text', align: 'left', dx: 4, dy: -4, baseline: 'top', fontSize: 10, color: COLORS.target },
        encoding: { x: { field: 'hours', type: 'quantitative', scale: { type: 'log' } }, y: { value: 0 }, text: { field: 'label' } },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
