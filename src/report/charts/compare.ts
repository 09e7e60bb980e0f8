/**
 * Plan comparison: four small panels (service level, FCR, mean TTR, cost per contact), one bar
 * per plan, with its 95% interval as an error bar when the plans were replicated. A plan whose
 * figure is not defined (e.g. no resolved case, so no TTR) has no bar in that panel.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { PlanResult } from '../../experiment/types.ts';
import type { Metrics } from '../../metrics/types.ts';
import { COLORS, CONFIG, SCHEMA, clamp, emptyChart, finite, wrappedLabels } from './common.ts';

interface Panel {
  title: string;
  get: (m: Metrics) => number | null;
  /** d3-format of the axis and labels. */
  format: string;
  /** A share: clamp the interval to [0, 1]. */
  share: boolean;
}

export const COMPARE_PANELS: readonly Panel[] = [
  { title: 'Service level', get: (m) => m.service_level, format: '.0%', share: true },
  { title: 'First-contact resolution', get: (m) => m.fcr, format: '.0%', share: true },
  { title: 'Mean time to resolution (h)', get: (m) => m.ttr_hours.mean, format: '.2f', share: false },
  { title: 'Cost per contact', get: (m) => m.cost_per_contact, format: '.2f', share: false },
];

export interface CompareChartInput {
  plans: readonly PlanResult[];
  title?: string;
  /** Service-level target (a share): drawn as a dashed line in the service-level panel. */
  target?: number | undefined;
}

export function compareSpec({ plans, title = 'Plans compared', target }: CompareChartInput): TopLevelSpec {
  if (plans.length === 0) return emptyChart(title, 'No plans to compare');
  const names = plans.map((p) => p.name);
  const replicated = plans.some((p) => p.ci95 !== null);
  const labels = wrappedLabels(names, 18);
  const panels = COMPARE_PANELS.map((panel) => {
    const rows = plans.flatMap((p) => {
      const value = finite(panel.get(p.totals));
      if (value === null) return [];
      const half = p.ci95 === null ? null : finite(panel.get(p.ci95));
      const lo = half === null ? null : panel.share ? clamp(value - half, 0, 1) : value - half;
      const hi = half === null ? null : panel.share ? clamp(value + half, 0, 1) : value + half;
      return [{ plan: p.name, value, lo, hi }];
    });
    const x = { field: 'plan', type: 'nominal' as const, title: null, sort: names, axis: { labelAngle: 0, ...labels.axis } };
    const y = {
      field: 'value',
      type: 'quantitative' as const,
      title: panel.title,
      axis: { format: panel.format, tickCount: 5 },
      ...(panel.share ? { scale: { domain: [0, 1] } } : {}),
    };
    return {
      width: Math.max(120, Math.max(60, labels.step) * plans.length),
      height: 150,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar' as const, width: { band: 0.6 } },
          encoding: {
            x,
            y,
            color: { field: 'plan', type: 'nominal' as const, scale: { domain: names, range: [...COLORS.plans] }, legend: null },
          },
        },
        {
          mark: { type: 'text' as const, dy: -6, baseline: 'bottom' as const, fontSize: 10 },
          encoding: {
            x,
            y: { field: replicated ? 'hi' : 'value', type: 'quantitative' as const, title: panel.title },
            text: { field: 'value', type: 'quantitative' as const, format: panel.format },
          },
        },
        ...(replicated
          ? [
              {
                transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
                mark: { type: 'errorbar' as const, ticks: { size: 10 }, color: '#222222' },
                encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: panel.title }, y2: { field: 'hi' } },
              },
            ]
          : []),
        ...(panel.title === 'Service level' && target !== undefined
          ? [
              {
                data: { values: [{ target }] },
                mark: { type: 'rule' as const, color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
                encoding: { y: { field: 'target', type: 'quantitative' as const } },
              },
            ]
          : []),
      ],
    };
  });
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: replicated ? 'Bars: means; whiskers: 95% intervals' : 'Single runs: no intervals (replicate to get them)',
    },
    columns: 2,
    concat: panels,
    config: CONFIG,
  };
}
