/**
 * Service level by weekday and hour: one cell per (weekday, hour of day) that the horizon
 * covers, coloured by the service level of the contacts offered in it, red below the target
 * and green above. The intervals falling in a cell are pooled weighted by their offered
 * contacts (service level x offered = contacts answered in time), so a quiet interval counts
 * for little. A cell with nothing offered is grey, labelled `–`.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Result } from '../../metrics/types.ts';
import { COLORS, CONFIG, SCHEMA, clamp, emptyChart, finite } from './common.ts';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface HeatmapCell {
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  day: (typeof WEEKDAYS)[number];
  /** Hour of day, 0..23. */
  hour: number;
  offered: number;
  /** Pooled service level (share), null when nothing was offered. */
  service_level: number | null;
}

/**
 * Pools `by_interval` into weekday x hour cells (only those the horizon covers), weighted by
 * offered contacts. Intervals are read from their `start` clock time (`YYYY-MM-DDTHH:MM`).
 */
export function weekdayHourCells(result: Result): HeatmapCell[] {
  const cells = new Map<number, { offered: number; inTime: number }>();
  for (const iv of result.by_interval) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(iv.start);
    if (m === null) continue;
    const [, y, mo, d, h] = m;
    const weekday = (new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay() + 6) % 7;
    const key = weekday * 24 + Number(h);
    const cell = cells.get(key) ?? { offered: 0, inTime: 0 };
    const offered = finite(iv.offered) ?? 0;
    const sl = finite(iv.service_level);
    if (offered > 0 && sl !== null) {
      cell.offered += offered;
      cell.inTime += sl * offered;
    }
    cells.set(key, cell);
  }
  return [...cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, { offered, inTime }]) => {
      const weekday = Math.floor(key / 24);
      return {
        weekday,
        day: WEEKDAYS[weekday]!,
        hour: key % 24,
        offered,
        service_level: offered > 0 ? clamp(inTime / offered, 0, 1) : null,
      };
    });
}

export interface HeatmapInput {
  result: Result;
  /** Service-level target (share): the colour scale turns from red to green there. */
  target: number;
  title?: string;
}

export function heatmapSpec({ result, target, title = 'Service level by weekday and hour' }: HeatmapInput): TopLevelSpec {
  const cells = weekdayHourCells(result).map((c) => ({
    ...c,
    label: c.service_level === null ? '–' : String(Math.round(c.service_level * 100)),
    dark: c.service_level !== null && (c.service_level < 0.15 || c.service_level > 0.92),
  }));
  if (cells.length === 0) return emptyChart(title, 'No intervals to show');
  const days = WEEKDAYS.filter((_, i) => cells.some((c) => c.weekday === i));
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const mid = clamp(finite(target) ?? 0.8, 0.01, 0.99);
  const x = { field: 'hour', type: 'ordinal' as const, title: 'Hour of day', sort: hours, axis: { labelAngle: 0 } };
  const y = { field: 'day', type: 'ordinal' as const, title: null, sort: [...days] };

  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: `${result.scenario}: % answered within the threshold, pooled over the horizon, weighted by offered contacts`,
    },
    width: { step: 26 },
    height: { step: 24 },
    data: { values: cells },
    layer: [
      {
        transform: [{ filter: 'datum.service_level === null' }],
        mark: { type: 'rect', color: COLORS.empty, stroke: 'white', strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        transform: [{ filter: 'datum.service_level !== null' }],
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'service_level',
            type: 'quantitative',
            title: 'Service level',
            scale: { scheme: 'redyellowgreen', domain: [0, 1], domainMid: mid },
            legend: { format: '%', gradientLength: 200 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          x,
          y,
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222222' },
        },
      },
    ],
    config: CONFIG,
  };
}
