/**
 * Intraday profile: per interval of the horizon, the arrivals (bars), the agents on line (line,
 * right axis) and, in a second panel below, the service level (line, with its 95% band when
 * replicated) against the target (dashed rule). Event windows (incidents, outages) are shaded
 * in both panels and named above the first.
 *
 * Times are the scenario's local clock times, plotted on a UTC scale so that the labels show
 * them unchanged on any machine (no time zone, no daylight-saving shift).
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Result } from '../../metrics/types.ts';
import { COLORS, CONFIG, FULL_WIDTH, SCHEMA, clamp, clockMillis, emptyChart, finite } from './common.ts';

export interface IntradayInput {
  result: Result;
  /** Service-level target, a share (0..1). */
  target: number;
  /** Interval length, minutes. */
  intervalMinutes: number;
  title?: string;
}

/** Intervals up to this many get a dot per service-level value; more would only smudge the line. */
const MAX_DOTS = 96;

const LEGEND = ['Arrivals', 'Agents on line', 'Service level', 'Target'];

export function intradaySpec({ result, target, intervalMinutes, title = 'Intraday profile' }: IntradayInput): TopLevelSpec {
  const step = intervalMinutes * 60_000;
  const ci = result.ci95?.by_interval;
  const rows = result.by_interval.flatMap((iv, i) => {
    const t = clockMillis(iv.start);
    if (t === null) return [];
    const sl = finite(iv.service_level);
    const half = finite(ci?.[i]?.service_level);
    return [
      {
        t,
        t2: t + step,
        mid: t + step / 2,
        arrivals: finite(iv.arrivals) ?? 0,
        agents: finite(iv.agents),
        sl,
        sl_lo: sl !== null && half !== null ? clamp(sl - half, 0, 1) : null,
        sl_hi: sl !== null && half !== null ? clamp(sl + half, 0, 1) : null,
      },
    ];
  });
  if (rows.length === 0) return emptyChart(title, 'No intervals to show');

  const x = {
    type: 'temporal' as const,
    scale: { type: 'utc' as const, nice: false },
    // Over more than a day: a tick per midnight, labelled with the weekday and date.
    axis:
      rows.length * intervalMinutes > 24 * 60
        ? { title: null, format: '%a %d %b', tickCount: { interval: 'day' as const, step: 1 }, labelOverlap: true }
        : { title: null, format: '%H:%M', labelOverlap: true },
  };
  const color = (name: string) => ({
    datum: name,
    type: 'nominal' as const,
    scale: { domain: [...LEGEND], range: [COLORS.arrivals, COLORS.agents, COLORS.serviceLevel, COLORS.target] },
    legend: { title: null },
  });
  // Layers with no value at all are left out (vega would compute a scale over nothing).
  const hasSl = rows.some((r) => r.sl !== null);
  const hasAgents = rows.some((r) => r.agents !== null);
  const hasBand = rows.some((r) => r.sl_lo !== null);
  // An all-zero series gets the range 0..1, not the degenerate 0..0.
  const arrivalsScale = rows.some((r) => r.arrivals > 0) ? {} : { scale: { domain: [0, 1] } };
  const agentsScale = rows.some((r) => (r.agents ?? 0) > 0) ? {} : { scale: { domain: [0, 1] } };
  const dots = rows.length <= MAX_DOTS;
  // Event windows, clipped to the charted stretch so they never widen the time axis.
  const lo = rows[0]!.t;
  const hi = rows[rows.length - 1]!.t2;
  const shades = (result.events ?? []).flatMap((e) => {
    const from = clockMillis(e.from);
    const to = clockMillis(e.to);
    if (from === null || to === null || to <= lo || from >= hi) return [];
    return [{ from: Math.max(lo, from), to: Math.min(hi, to), name: e.name }];
  });
  const shadeLayer = {
    data: { values: shades },
    mark: { type: 'rect' as const, color: COLORS.event, opacity: 0.35 },
    encoding: { x: { field: 'from', ...x }, x2: { field: 'to' } },
  };
  const shadeLabels = {
    data: { values: shades },
    mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, dy: 3, fontSize: 10, color: '#555555' },
    encoding: { x: { field: 'from', ...x }, y: { value: 0 }, text: { field: 'name', type: 'nominal' as const } },
  };
  const shaded = shades.length > 0;
  const n = result.replications;

  const slY = { type: 'quantitative' as const, title: 'Service level', scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } };
  const agentsLayer = {
    mark: { type: 'line' as const, strokeWidth: 2, interpolate: 'step' as const },
    encoding: {
      x: { field: 'mid', ...x },
      y: {
        field: 'agents',
        type: 'quantitative' as const,
        title: 'Agents on line',
        axis: { orient: 'right' as const, grid: false, tickMinStep: 1 },
        ...agentsScale,
      },
      color: color('Agents on line'),
    },
  };
  const bandLayer = {
    mark: { type: 'area' as const, color: COLORS.band, opacity: 0.6 },
    encoding: { x: { field: 'mid', ...x }, y: { field: 'sl_lo', ...slY }, y2: { field: 'sl_hi' } },
  };
  const slLayer = {
    mark: { type: 'line' as const, strokeWidth: 2, ...(dots ? { point: { size: 16, filled: true } } : {}) },
    encoding: { x: { field: 'mid', ...x }, y: { field: 'sl', ...slY }, color: color('Service level') },
  };
  const targetLayer = {
    data: { values: [{ target: clamp(finite(target) ?? 0, 0, 1) }] },
    mark: { type: 'rule' as const, strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { y: { field: 'target', ...slY }, color: color('Target') },
  };

  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle:
        `${result.scenario}: per ${intervalMinutes}-minute interval` +
        (n > 1 ? `, mean of ${n} replications` : '') +
        (shaded ? '; shaded: events' : ''),
    },
    data: { values: rows },
    vconcat: [
      {
        width: FULL_WIDTH,
        height: 150,
        layer: [
          ...(shaded ? [shadeLayer] : []),
          {
            mark: { type: 'rect', opacity: 0.9 },
            encoding: {
              x: { field: 't', ...x },
              x2: { field: 't2' },
              y: { field: 'arrivals', type: 'quantitative', title: 'Arrivals per interval', axis: { tickMinStep: 1 }, ...arrivalsScale },
              color: color('Arrivals'),
            },
          },
          ...(hasAgents ? [agentsLayer] : []),
          ...(shaded ? [shadeLabels] : []),
        ],
        resolve: { scale: { y: 'independent' } },
      },
      {
        width: FULL_WIDTH,
        height: 120,
        layer: [...(shaded ? [shadeLayer] : []), ...(hasBand ? [bandLayer] : []), ...(hasSl ? [slLayer] : []), targetLayer],
      },
    ],
    resolve: { scale: { x: 'shared' } },
    config: CONFIG,
  };
}
