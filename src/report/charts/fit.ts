/**
 * Fit report chart (`ccsim fit --out plan.yaml` -> `plan.fit.svg`, `plan.fit.png`): per queue,
 * observed vs fitted arrivals by hour of day and by weekday. Observed means are bars, fitted
 * means a line with points; one row of two panels per queue, the queue's outlier days (by_date)
 * in its subtitle.
 *
 * The input is the fit report as written to `plan.fit.json` (or the FitResult it is made of):
 * every field may be missing or null (NaN comes back from JSON as null), and what is not a
 * finite number is left out of the chart rather than drawn as 0.
 */

import type { TopLevelSpec } from 'vega-lite';
import { COLORS, CONFIG, SCHEMA, emptyChart, finite } from './common.ts';

/** One observed-vs-fitted row of the report (`Comparison`), as read back from JSON. */
export interface FitChartComparison {
  label?: string | null;
  days?: number | null;
  observed?: number | null;
  fitted?: number | null;
}

export interface FitChartOutlier {
  date?: string | null;
  ratio?: number | null;
}

/** What the chart reads of one contact type of the report (`TypeFit`). */
export interface FitChartType {
  id?: string | null;
  queue?: string | null;
  arrivals?: {
    days_used?: number | null;
    by_date?: ReadonlyArray<FitChartOutlier | null> | null;
    comparison?: {
      by_hour?: ReadonlyArray<FitChartComparison | null> | null;
      by_weekday?: ReadonlyArray<FitChartComparison | null> | null;
    } | null;
  } | null;
}

/** The fit report (`plan.fit.json`), or `{ file, types }` of a FitResult. */
export interface FitChartInput {
  file?: string | null;
  types?: ReadonlyArray<FitChartType | null> | null;
  title?: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LEGEND = ['Observed', 'Fitted'];
/** Outlier days named in a queue's subtitle; more are counted. */
const MAX_OUTLIERS = 6;
const HOUR_WIDTH = 400;
const WEEKDAY_WIDTH = 180;
const HEIGHT = 160;

interface Row {
  i: number;
  label: string;
  observed: number | null;
  fitted: number | null;
}

function rows(list: ReadonlyArray<FitChartComparison | null> | null | undefined, label: (i: number) => string): Row[] {
  return (list ?? []).map((c, i) => {
    // A weekday or hour no day of the history covered has no observed mean (its 0 is not data).
    const none = c === null || c.days === 0;
    return {
      i,
      label: typeof c?.label === 'string' && c.label !== '' ? c.label : label(i),
      observed: none ? null : finite(c.observed),
      fitted: none ? null : finite(c.fitted),
    };
  });
}

function panel(values: Row[], xTitle: string, yTitle: string, width: number) {
  const color = (name: string) => ({
    datum: name,
    type: 'nominal' as const,
    scale: { domain: [...LEGEND], range: [COLORS.arrivals, COLORS.agents] },
    legend: { title: null },
  });
  const x = {
    field: 'label',
    type: 'ordinal' as const,
    title: xTitle,
    sort: values.map((r) => r.label),
    axis: { labelAngle: 0, labelOverlap: true },
  };
  // An all-zero (or empty) panel gets the range 0..1, not the degenerate 0..0.
  const positive = values.some((r) => (r.observed ?? 0) > 0 || (r.fitted ?? 0) > 0);
  const y = { type: 'quantitative' as const, title: yTitle, ...(positive ? {} : { scale: { domain: [0, 1] } }) };
  return {
    width,
    height: HEIGHT,
    data: { values },
    layer: [
      { mark: { type: 'bar' as const, opacity: 0.9 }, encoding: { x, y: { field: 'observed', ...y }, color: color('Observed') } },
      {
        mark: { type: 'line' as const, strokeWidth: 2, point: { size: 24, filled: true } },
        encoding: { x, y: { field: 'fitted', ...y }, color: color('Fitted') },
      },
    ],
  };
}

function outlierText(list: ReadonlyArray<FitChartOutlier | null> | null | undefined): string {
  const days = (list ?? []).filter((d): d is FitChartOutlier => d !== null && typeof d.date === 'string');
  if (days.length === 0) return 'no outlier days';
  const named = days.slice(0, MAX_OUTLIERS).map((d) => {
    const r = finite(d.ratio);
    return r === null ? d.date! : `${d.date} (×${r.toFixed(2)})`;
  });
  const more = days.length - named.length;
  return `outlier days (left out): ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function fitChartSpec({ file, types, title = 'Observed vs fitted arrivals' }: FitChartInput): TopLevelSpec {
  const queues = (types ?? []).flatMap((t, k) => {
    if (t === null) return [];
    const c = t.arrivals?.comparison;
    const hours = rows(c?.by_hour, (h) => `${String(h).padStart(2, '0')}:00`);
    const weekdays = rows(c?.by_weekday, (wd) => WEEKDAYS[wd] ?? String(wd + 1));
    if (hours.length === 0 && weekdays.length === 0) return [];
    const name = typeof t.queue === 'string' && t.queue !== '' ? t.queue : typeof t.id === 'string' && t.id !== '' ? t.id : `queue ${k + 1}`;
    const used = finite(t.arrivals?.days_used);
    const facts = [
      ...(used === null ? [] : [`${used} day${used === 1 ? '' : 's'} used`]),
      ...(hours.length === 0 ? ['daily totals: no hourly shape'] : []),
      outlierText(t.arrivals?.by_date),
    ];
    return [
      {
        title: { text: name, subtitle: facts.join('; '), fontSize: 12 },
        hconcat: [
          ...(hours.length > 0 ? [panel(hours, 'Hour of day', 'Contacts per hour', HOUR_WIDTH)] : []),
          ...(weekdays.length > 0 ? [panel(weekdays, 'Weekday', 'Contacts per day', WEEKDAY_WIDTH)] : []),
        ],
      },
    ];
  });
  if (queues.length === 0) return emptyChart(title, 'No queues to show');
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: `${typeof file === 'string' && file !== '' ? `${file}: ` : ''}mean over the days used; observed (bars) vs fitted (line)`,
    },
    vconcat: queues,
    spacing: 24,
    config: CONFIG,
  };
}
