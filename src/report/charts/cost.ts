/**
 * Cost breakdown per plan: a stacked bar per plan (or sweep grid point) splitting cost per
 * contact into agents (paid hours x (hourly cost + overhead)), self-service sessions, telephony
 * (voice minutes) and per-contact fees (shown only when some plan has any). The segments add up
 * to `cost_per_contact`. When a plan had no arrivals, cost per contact is not defined and the
 * chart shows total cost instead, for every plan.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Metrics } from '../../metrics/types.ts';
import { COLORS, CONFIG, SCHEMA, emptyChart, finite, wrappedLabels } from './common.ts';

export interface CostChartInput {
  plans: ReadonlyArray<{ name: string; totals: Metrics }>;
  title?: string;
}

const COMPONENTS = [
  { name: 'Agents', get: (m: Metrics) => m.cost_agents },
  { name: 'Self-service', get: (m: Metrics) => m.cost_self_service },
  { name: 'Telephony', get: (m: Metrics) => m.cost_telephony },
  { name: 'Per-contact fees', get: (m: Metrics) => m.cost_contacts },
] as const;

export function costSpec({ plans, title = 'Cost breakdown' }: CostChartInput): TopLevelSpec {
  if (plans.length === 0) return emptyChart(title, 'No plans to show');
  const perContact = plans.every((p) => (finite(p.totals.arrivals) ?? 0) > 0);
  const components = COMPONENTS.filter((c, i) => i < 3 || plans.some((p) => (finite(c.get(p.totals)) ?? 0) !== 0));
  const names = plans.map((p) => p.name);
  const rows = plans.flatMap((p, order) =>
    components.map((c, stack) => {
      const cost = finite(c.get(p.totals)) ?? 0;
      return { plan: p.name, order, component: c.name, stack, value: perContact ? cost / p.totals.arrivals : cost };
    }),
  );
  const totals = plans.map((p) => ({
    plan: p.name,
    total: rows.filter((r) => r.plan === p.name).reduce((s, r) => s + r.value, 0),
  }));
  const labels = wrappedLabels(names, 18);
  const x = { field: 'plan', type: 'nominal' as const, title: null, sort: names, axis: { labelAngle: 0, ...labels.axis } };
  const measure = perContact ? 'Cost per contact' : 'Total cost';
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: `${measure} by component` },
    width: Math.max(200, Math.max(90, labels.step) * plans.length),
    height: 220,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', width: { band: 0.6 } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: measure, stack: 'zero', axis: { format: perContact ? '.2f' : ',.0f' } },
          color: {
            field: 'component',
            type: 'nominal',
            title: null,
            scale: { domain: components.map((c) => c.name), range: COLORS.components.slice(0, components.length) },
          },
          order: { field: 'stack', type: 'quantitative' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', dy: -4, baseline: 'bottom', fontSize: 10 },
        encoding: {
          x,
          y: { field: 'total', type: 'quantitative' },
          text: { field: 'total', type: 'quantitative', format: perContact ? '.2f' : ',.0f' },
        },
      },
    ],
    config: CONFIG,
  };
}
