/**
 * The trade-off the scorecard weighs, as a picture: cost per contact (x) against the customer's
 * effort (y, 1..7, low is good) and against first-contact resolution, one point per plan or
 * sweep grid point, each with its 95% interval as a cross (horizontal: cost, vertical: effort
 * or FCR) when the runs were replicated. A plan that is cheaper only because customers work
 * harder sits to the left and higher in the effort panel; the "best" corner is bottom-left for
 * effort and top-left for FCR.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Metrics } from '../../metrics/types.ts';
import { COLORS, CONFIG, FULL_WIDTH, SCHEMA, clamp, emptyChart, finite } from './common.ts';

export interface TradeoffPoint {
  label: string;
  totals: Metrics;
  ci95: Metrics | null;
}

export interface TradeoffInput {
  points: readonly TradeoffPoint[];
  /** What a point is: 'plan' or 'grid point' (for the subtitle). */
  noun: string;
  title?: string;
}

interface Measure {
  title: string;
  get: (m: Metrics) => number | null;
  format: string;
  share: boolean;
  better: string;
}

const MEASURES: readonly Measure[] = [
  { title: 'Customer effort (1-7, low is good)', get: (m) => m.effort_mean, format: '.2f', share: false, better: 'lower' },
  { title: 'First-contact resolution', get: (m) => m.fcr, format: '.0%', share: true, better: 'higher' },
];

export function tradeoffSpec({ points, noun, title = 'Cost against customer effort and FCR' }: TradeoffInput): TopLevelSpec {
  const rows = points.flatMap((p, i) => {
    const cost = finite(p.totals.cost_per_contact);
    if (cost === null) return [];
    const costHalf = p.ci95 === null ? null : finite(p.ci95.cost_per_contact);
    return [{ i, label: p.label, cost, costLo: costHalf === null ? null : cost - costHalf, costHi: costHalf === null ? null : cost + costHalf, p }];
  });
  if (rows.length === 0) return emptyChart(title, `No ${noun} has a defined cost per contact`);
  const replicated = rows.some((r) => r.costLo !== null);
  // Up to ten points get a colour and a label each; a large sweep gets plain points (no legend).
  const many = rows.length > COLORS.plans.length;
  const colorDomain = rows.map((r) => r.label);
  const color = many
    ? { value: COLORS.plans[0] }
    : {
        field: 'label',
        type: 'nominal' as const,
        title: null,
        sort: colorDomain,
        scale: { domain: colorDomain, range: colorDomain.map((_, i) => COLORS.plans[i % COLORS.plans.length]!) },
      };
  const panelWidth = Math.floor((FULL_WIDTH - 120) / 2);
  const panels = MEASURES.map((m) => {
    const values = rows.flatMap((r) => {
      const value = finite(m.get(r.p.totals));
      if (value === null) return [];
      const half = r.p.ci95 === null ? null : finite(m.get(r.p.ci95));
      const bound = (x: number): number => (m.share ? clamp(x, 0, 1) : x);
      return [
        {
          label: r.label,
          cost: r.cost,
          costLo: r.costLo,
          costHi: r.costHi,
          value,
          lo: half === null ? null : bound(value - half),
          hi: half === null ? null : bound(value + half),
        },
      ];
    });
    const x = { field: 'cost', type: 'quantitative' as const, title: 'Cost per contact', scale: { zero: false, padding: 16 }, axis: { format: '.2f', tickCount: 5 } };
    // A share that moves by a few points only gets a decimal, or its ticks would repeat (73%, 73%).
    const spread = values.length > 0 ? Math.max(...values.map((v) => v.hi ?? v.value)) - Math.min(...values.map((v) => v.lo ?? v.value)) : 0;
    const format = m.share && spread < 0.05 ? '.1%' : m.format;
    const y = { field: 'value', type: 'quantitative' as const, title: m.title, scale: { zero: false, padding: 16 }, axis: { format, tickCount: 5 } };
    return {
      width: panelWidth,
      height: 240,
      data: { values },
      layer: [
        ...(replicated
          ? [
              {
                transform: [{ filter: 'datum.costLo !== null' }],
                mark: { type: 'rule' as const, strokeWidth: 1.2 },
                encoding: { x: { ...x, field: 'costLo' }, x2: { field: 'costHi' }, y, color },
              },
              {
                transform: [{ filter: 'datum.lo !== null' }],
                mark: { type: 'rule' as const, strokeWidth: 1.2 },
                encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
              },
            ]
          : []),
        {
          mark: { type: 'point' as const, filled: true, size: 70, opacity: 1 },
          encoding: { x, y, color },
        },
        ...(many
          ? []
          : [
              {
                mark: { type: 'text' as const, align: 'left' as const, dx: 7, dy: -7, fontSize: 9, color: '#333333' },
                encoding: { x, y, text: { field: 'label', type: 'nominal' as const } },
              },
            ]),
      ],
    };
  });
  const missing = points.length - rows.length;
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle:
        `${rows.length} ${noun}${rows.length === 1 ? '' : 's'}` +
        (replicated ? '; crosses are 95% intervals' : '') +
        '; best is left (cheaper) and low effort / high FCR' +
        (missing > 0 ? `; ${missing} without a defined cost not shown` : ''),
    },
    hconcat: panels,
    resolve: { scale: { x: 'shared', color: 'shared' } },
    config: CONFIG,
  } as TopLevelSpec;
}
