/**
 * Staffing: per agent group (one panel each), the agents required per interval (the search's
 * answer, logged in), the agents the plan puts there (the shift plan for groups in shifts, the
 * interval plan otherwise) and the scenario's current plan, as step lines over the horizon.
 *
 * Times are the scenario's local clock times on a UTC scale, as in the intraday chart.
 */

import type { TopLevelSpec } from 'vega-lite';
import { COLORS, CONFIG, FULL_WIDTH, SCHEMA, clockMillis, emptyChart, finite } from './common.ts';

export interface StaffingChartGroup {
  id: string;
  /** What the plan line is: `shift plan` or `interval plan`. */
  plan: string;
  required: readonly number[];
  planned: readonly number[];
  current: readonly number[];
}

export interface StaffingChartInput {
  /** Interval starts, `YYYY-MM-DDTHH:MM`. */
  starts: readonly string[];
  intervalMinutes: number;
  groups: readonly StaffingChartGroup[];
  title?: string;
}

const SERIES = ['Required', 'Planned', 'Current plan'] as const;

export function staffingSpec({ starts, intervalMinutes, groups, title = 'Required and planned agents per interval' }: StaffingChartInput): TopLevelSpec {
  const times = starts.map(clockMillis);
  const values: Array<{ t: number; group: string; series: string; agents: number }> = [];
  for (const g of groups) {
    const label = `${g.id} (${g.plan})`;
    const push = (series: string, xs: readonly number[]): void => {
      times.forEach((t, i) => {
        const a = finite(xs[i]);
        if (t !== null && a !== null) values.push({ t, group: label, series, agents: a });
      });
    };
    push(SERIES[0], g.required);
    push(SERIES[1], g.planned);
    push(SERIES[2], g.current);
  }
  if (values.length === 0) return emptyChart(title, 'No intervals to show');
  const multiDay = starts.length * intervalMinutes > 24 * 60;
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Agents logged in; the plan must be at or above the requirement in every interval' },
    data: { values },
    facet: {
      row: { field: 'group', type: 'nominal', title: null, sort: groups.map((g) => `${g.id} (${g.plan})`), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontSize: 11 } },
    },
    spec: {
      width: FULL_WIDTH,
      height: 120,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
      encoding: {
        x: {
          field: 't',
          type: 'temporal',
          scale: { type: 'utc', nice: false },
          axis: multiDay
            ? { title: null, format: '%a %d %b', tickCount: { interval: 'day', step: 1 }, labelOverlap: true }
            : { title: null, format: '%H:%M', labelOverlap: true },
        },
        y: { field: 'agents', type: 'quantitative', title: 'Agents' },
        color: { field: 'series', type: 'nominal', scale: { domain: [...SERIES], range: [COLORS.target, COLORS.agents, COLORS.dominated] }, legend: { title: null } },
        strokeDash: { field: 'series', type: 'nominal', scale: { domain: [...SERIES], range: [[1, 0], [1, 0], [4, 3]] }, legend: { title: null } },
      },
    },
    resolve: { scale: { y: 'independent' } },
    config: CONFIG,
  };
}
