/**
 * Differences drawn: a forest plot of each plan's paired difference to the baseline with its
 * 95% interval, one small panel per headline metric (each on its own scale and unit). A point
 * is green when the change is better (by the metric catalogue's better direction), red when it
 * is worse, grey when the interval includes zero (no clear difference) or the metric has no
 * better direction. A vertical rule marks zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareResult } from '../../experiment/types.ts';
import { HEADLINE_METRICS, metricInfo, metricValue, verdictOf, type MetricName } from '../../metrics/catalogue.ts';
import { durationUnit } from '../../metrics/format.ts';
import { CONFIG, SCHEMA, emptyChart, finite, wrapText } from './common.ts';

export const VERDICT_COLORS = {
  better: '#2b8a3e',
  worse: '#c92a2a',
  neutral: '#868e96',
} as const;

const UNIT_SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, d: 86400 };

/** Scale and unit a metric's differences are drawn in: pp for shares, a readable duration unit. */
function scaleOf(name: MetricName, reference: number | null, currency: string | null): { factor: number; unit: string } {
  const info = metricInfo(name);
  switch (info.kind) {
    case 'share':
      return { factor: 100, unit: 'pp' };
    case 'duration': {
      const toSeconds = info.unit === 'hours' ? 3600 : 1;
      const u = durationUnit((reference ?? 0) * toSeconds);
      return { factor: toSeconds / UNIT_SECONDS[u]!, unit: u };
    }
    case 'money':
      return { factor: 1, unit: currency ?? 'money' };
    case 'hours':
      return { factor: 1, unit: 'h' };
    case 'count':
      return { factor: 1, unit: '' };
    case 'score':
      return { factor: 1, unit: 'points' };
  }
}

export interface ForestInput {
  compare: CompareResult;
  title?: string;
  width?: number;
}

export function forestSpec({ compare, title = 'Differences to the baseline', width = 260 }: ForestInput): TopLevelSpec {
  const base = compare.plans[0];
  if (base === undefined || compare.plans.length < 2) return emptyChart(title, 'One plan: nothing to compare');
  const currency = compare.summary?.currency ?? null;
  const others = compare.plans.slice(1).map((p) => p.name);
  const labelOf = new Map(others.map((n) => [n, wrapText(n, 28)]));
  const panels = HEADLINE_METRICS.flatMap((metric) => {
    const info = metricInfo(metric);
    const { factor, unit } = scaleOf(metric, metricValue(base.totals, metric), currency);
    const rows = compare.differences
      .filter((d) => d.metric === metric && finite(d.mean) !== null)
      .map((d) => {
        const verdict = d.verdict ?? verdictOf(metric, d.mean, d.ci95);
        const colour = verdict === 'better' ? 'better' : verdict === 'worse' ? 'worse' : 'neutral';
        const half = finite(d.ci95);
        return {
          plan: d.plan,
          mean: d.mean! * factor,
          lo: half === null ? null : (d.mean! - half) * factor,
          hi: half === null ? null : (d.mean! + half) * factor,
          verdict: verdict ?? 'one replication: no interval',
          colour,
        };
      });
    if (rows.length === 0) return [];
    const y = {
      field: 'plan',
      type: 'nominal' as const,
      sort: others,
      title: null,
      axis: { labelExpr: `${JSON.stringify(Object.fromEntries(labelOf))}[datum.value] || datum.value`, labelLimit: 220 },
    };
    const xTitle = `${info.label}${unit === '' ? '' : ` (${unit})`}`;
    const x = { field: 'mean', type: 'quantitative' as const, title: xTitle, scale: { zero: true, nice: true } };
    const color = {
      field: 'colour',
      type: 'nominal' as const,
      scale: { domain: ['better', 'worse', 'neutral'], range: [VERDICT_COLORS.better, VERDICT_COLORS.worse, VERDICT_COLORS.neutral] },
      legend: null,
    };
    return [
      {
        width,
        height: { step: 26 },
        data: { values: rows },
        layer: [
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule' as const, color: '#444444', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' as const } } },
          {
            transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
            mark: { type: 'rule' as const, strokeWidth: 2 },
            encoding: { y, x: { field: 'lo', type: 'quantitative' as const, title: xTitle }, x2: { field: 'hi' }, color },
          },
          {
            mark: { type: 'point' as const, filled: true, size: 70 },
            encoding: {
              y,
              x,
              color,
              tooltip: [
                { field: 'plan', type: 'nominal' as const },
                { field: 'mean', type: 'quantitative' as const, format: '.3~f', title: xTitle },
                { field: 'verdict', type: 'nominal' as const },
              ],
            },
          },
        ],
      },
    ];
  });
  if (panels.length === 0) return emptyChart(title, 'No difference is defined');
  const reps = compare.replications ?? 1;
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle:
        reps >= 2
          ? [`Plan − ${base.name}, paired over ${reps} replications: point and 95% interval.`, 'Green: better; red: worse; grey: no clear difference (the interval includes 0) or no better direction.']
          : [`Plan − ${base.name}, one replication: no intervals.`],
    },
    columns: 2,
    concat: panels,
    config: CONFIG,
  } as TopLevelSpec;
}
