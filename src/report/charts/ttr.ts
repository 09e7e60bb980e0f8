/**
 * Time to resolution, as a distribution summary per row (a contact type, or a plan): a bar
 * from the median (p50) to the 90th percentile of the resolved cases' TTR, with the mean
 * marked. A row with no resolved case has nothing to draw and is left out.
 *
 * The result keeps three figures of the TTR distribution (mean, p50, p90), not its histogram,
 * so this is what can be drawn from a saved run.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { TtrSummary } from '../../metrics/types.ts';
import { CONFIG, FULL_WIDTH, SCHEMA, emptyChart, finite, wrappedLabels } from './common.ts';

export interface TtrRow {
  label: string;
  ttr: TtrSummary;
}

export interface TtrChartInput {
  rows: readonly TtrRow[];
  title?: string;
  subtitle?: string;
}

const STATS = ['Median (p50)', 'Mean', '90th percentile'] as const;

export function ttrSpec({ rows, title = 'Time to resolution', subtitle }: TtrChartInput): TopLevelSpec {
  const ranges = rows.flatMap((r) => {
    const p50 = finite(r.ttr.p50);
    const p90 = finite(r.ttr.p90);
    return p50 === null || p90 === null ? [] : [{ label: r.label, p50, p90 }];
  });
  const points = rows.flatMap((r) =>
    (
      [
        [STATS[0], r.ttr.p50],
        [STATS[1], r.ttr.mean],
        [STATS[2], r.ttr.p90],
      ] as const
    ).flatMap(([stat, v]) => {
      const hours = finite(v);
      return hours === null ? [] : [{ label: r.label, stat, hours }];
    }),
  );
  if (points.length === 0) return emptyChart(title, 'No resolved cases: no time to resolution to show');
  const labels = rows.map((r) => r.label).filter((l) => points.some((p) => p.label === l));
  const wrapped = wrappedLabels(labels, 26);
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: labels, axis: wrapped.axis };
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: subtitle ?? 'Resolved cases: from the first contact to resolution; bar from median to 90th percentile' },
    width: FULL_WIDTH - 160,
    height: { step: 28 },
    layer: [
      {
        data: { values: ranges },
        mark: { type: 'bar', height: 8, color: '#c5d6ea', cornerRadius: 3 },
        encoding: {
          y,
          x: { field: 'p50', type: 'quantitative', title: 'Hours', scale: { zero: true } },
          x2: { field: 'p90' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y,
          x: { field: 'hours', type: 'quantitative', title: 'Hours' },
          color: { field: 'stat', type: 'nominal', title: null, scale: { domain: [...STATS], range: ['#1f77b4', '#222222', '#d62728'] } },
          shape: { field: 'stat', type: 'nominal', title: null, scale: { domain: [...STATS], range: ['circle', 'diamond', 'triangle-right'] } },
        },
      },
    ],
    config: CONFIG,
  };
}
