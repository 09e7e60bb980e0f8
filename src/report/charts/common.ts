/**
 * What every chart spec shares: the look (font, sizes, colours) and small helpers that keep
 * `null` and non-finite numbers out of chart data.
 *
 * Every chart is a pure function (data -> vega-lite spec object). A spec carries its own
 * `config`, so a `charts/NAME.vl.json` file renders the same in the online vega editor.
 * The font is DejaVu Sans: `render.ts` hands resvg the TTF files from the `dejavu-fonts-ttf`
 * package, so text renders on a machine with no fonts installed.
 */

import type { Config, TopLevelSpec } from 'vega-lite';

/** The font named in every chart; render.ts loads its TTF files for PNG output. */
export const FONT_FAMILY = 'DejaVu Sans';

/** vega-lite's JSON schema, named in every spec so editors recognise the files. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Chart width in pixels for full-width charts (fits A4 portrait at 96 dpi with margins). */
export const FULL_WIDTH = 640;

export const COLORS = {
  arrivals: '#9ecae1',
  agents: '#08519c',
  serviceLevel: '#2b8a3e',
  band: '#b2dfb9',
  target: '#c92a2a',
  empty: '#e9ecef',
  event: '#ffd8a8',
  front: '#c92a2a',
  dominated: '#868e96',
  components: ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd'],
  plans: ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#eeca3b'],
} as const;

export const CONFIG: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 8,
  title: { anchor: 'start', fontSize: 14, fontWeight: 'bold', subtitleFontSize: 11, subtitleColor: '#555555', offset: 10 },
  axis: { labelFontSize: 10, titleFontSize: 11, labelColor: '#333333', titleColor: '#333333', titleFontWeight: 'normal', gridColor: '#eeeeee' },
  legend: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal' },
  view: { stroke: '#dddddd' },
  // Data with null values breaks lines instead of joining across the gap.
  mark: { invalid: 'break-paths-filter-domains' },
};

/** A finite number, or null (for NaN, ±Infinity, null and undefined). */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** `x` clamped to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * A chart with nothing to plot: the title and a one-line message, so a report still has
 * something to show (and nothing computes a scale over no data).
 */
export function emptyChart(title: string, message: string, width = FULL_WIDTH): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title,
    width,
    height: 60,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 12, color: '#666666' },
    encoding: { text: { field: 'message', type: 'nominal' } },
    config: { ...CONFIG, view: { stroke: null } },
  };
}

/** `YYYY-MM-DDTHH:MM` (a local clock time) -> milliseconds, read as if it were UTC. */
export function clockMillis(start: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(start);
  if (m === null) return null;
  const [, y, mo, d, h, mi] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
}

/** Breaks text into lines of at most `width` characters at spaces (a longer word keeps its line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Axis settings that show long category names (plan names) on several lines of at most
 * `width` characters, and the pixel width one category then needs. At the 10 px label size
 * DejaVu Sans takes about 6.5 px a character; vega, measuring without a canvas, reckons 8, and
 * cuts labels by its own reckoning.
 */
export function wrappedLabels(names: readonly string[], width: number): { axis: { labelExpr: string; labelLimit: number }; step: number } {
  const wrapped: Record<string, string[]> = {};
  let longest = 1;
  for (const name of names) {
    const lines = wrapText(name, width);
    wrapped[name] = lines;
    for (const l of lines) longest = Math.max(longest, l.length);
  }
  const step = Math.ceil(longest * 6.5 + 20);
  return { axis: { labelExpr: `${JSON.stringify(wrapped)}[datum.value] || datum.value`, labelLimit: longest * 8 + 4 }, step };
}
