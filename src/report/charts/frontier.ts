/**
 * Sweep frontier: one point per grid point, cost per contact (x) against service level or FCR
 * (y). The Pareto front (the grid points no other point beats on both: cheaper or as cheap,
 * and at least as good, one strictly) is drawn as a red line with filled points, labelled with
 * their grid values; dominated points are grey rings. Grid points whose cost or measure is
 * not defined cannot be placed and are counted in the subtitle.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { SweepRow } from '../../experiment/types.ts';
import { COLORS, CONFIG, FULL_WIDTH, SCHEMA, emptyChart, finite } from './common.ts';

export type FrontierMeasure = 'service_level' | 'fcr';

const MEASURE_TITLE: Record<FrontierMeasure, string> = {
  service_level: 'Service level',
  fcr: 'First-contact resolution',
};

/**
 * Labels for grid points: `agents=40, share=0.3`. Each varied path is shortened to its last
 * segments, as few as keep the paths apart (`agent_groups[team].agents` -> `agents`; with two
 * groups varied, `agent_groups[a].agents` and `agent_groups[b].agents` stay whole).
 */
export function pointLabels(points: ReadonlyArray<Record<string, number | string | null>>): string[] {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p)))];
  const short = new Map<string, string>();
  for (const key of keys) {
    const parts = key.split('.');
    let name = key;
    for (let n = 1; n <= parts.length; n++) {
      const candidate = parts.slice(-n).join('.');
      const clash = keys.some((other) => other !== key && (other === candidate || other.endsWith(`.${candidate}`)));
      if (!clash) {
        name = candidate;
        break;
      }
    }
    short.set(key, name);
  }
  return points.map((p) =>
    Object.entries(p)
      .map(([k, v]) => `${short.get(k) ?? k}=${v}`)
      .join(', '),
  );
}

/**
 * For each (cost, value) pair, whether it is on the Pareto front: minimise cost, maximise
 * value. A pair is dominated when another has cost <= and value >=, one of them strictly.
 */
export function paretoFront(points: ReadonlyArray<{ cost: number; value: number }>): boolean[] {
  return points.map((p) => !points.some((q) => q.cost <= p.cost && q.value >= p.value && (q.cost < p.cost || q.value > p.value)));
}

export interface FrontierInput {
  rows: readonly SweepRow[];
  measure: FrontierMeasure;
  title?: string;
}

export function frontierSpec({ rows, measure, title }: FrontierInput): TopLevelSpec {
  const name = MEASURE_TITLE[measure];
  const heading = title ?? `Cost per contact against ${name.toLowerCase()}`;
  const labels = pointLabels(rows.map((r) => r.point));
  const placed = rows.flatMap((r, i) => {
    const cost = finite(r.totals.cost_per_contact);
    const value = finite(r.totals[measure]);
    return cost === null || value === null ? [] : [{ label: labels[i] ?? '', cost, value }];
  });
  if (placed.length === 0) return emptyChart(heading, 'No grid point has both figures defined');
  const front = paretoFront(placed);
  const values = placed.map((p, i) => ({ ...p, status: front[i] ? 'Pareto front' : 'Dominated' }));
  const missing = rows.length - placed.length;
  const x = { field: 'cost', type: 'quantitative' as const, title: 'Cost per contact', scale: { zero: false, padding: 12 }, axis: { format: '.2f' } };
  // A measure that hardly moves across the grid gets a y range of at least 2 percentage
  // points, so noise does not look like a trade-off.
  const lo = Math.min(...placed.map((p) => p.value));
  const hi = Math.max(...placed.map((p) => p.value));
  const narrow = hi - lo < 0.02;
  const centre = (lo + hi) / 2;
  const domain = narrow ? [Math.max(0, Math.min(centre - 0.01, 0.98)), Math.min(1, Math.max(centre + 0.01, 0.02))] : null;
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: name,
    scale: domain === null ? { zero: false, padding: 12 } : { domain },
    axis: { format: narrow || hi - lo < 0.1 ? '.1%' : '.0%' },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: heading,
      subtitle:
        `${placed.length} grid point${placed.length === 1 ? '' : 's'}; the Pareto front: none cheaper and better` +
        (missing > 0 ? `; ${missing} without a defined value not shown` : ''),
    },
    width: FULL_WIDTH - 80,
    height: 300,
    data: { values },
    layer: [
      {
        transform: [{ filter: "datum.status === 'Pareto front'" }],
        mark: { type: 'line', color: COLORS.front, strokeWidth: 1.5 },
        encoding: { x, y, order: { field: 'cost', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', size: 60, strokeWidth: 1.5, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: ['Pareto front', 'Dominated'], range: [COLORS.front, COLORS.dominated] },
          },
          fill: { condition: { test: "datum.status === 'Pareto front'", value: COLORS.front }, value: 'white' },
        },
      },
      {
        transform: [{ filter: "datum.status === 'Pareto front'" }],
        mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 9, color: '#333333' },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
    config: CONFIG,
  };
}
