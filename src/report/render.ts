/**
 * Charts drawn without a browser:
 *
 *   vega-lite spec --vega-lite compile--> vega spec --vega View (renderer 'none')--> SVG text
 *     --resvg with the bundled DejaVu fonts--> PNG bytes
 *
 * The chart libraries (vega-lite, vega, @resvg/resvg-js) take a good part of a second to load, so
 * they are loaded on the first drawing, never when this module is imported (vega-lite and vega by
 * chart-libraries.ts: in the built CLI, one script with a code cache). resvg is given the TTF
 * files of the `dejavu-fonts-ttf` package and no system fonts: PNG text looks the same on every
 * machine, including one with no fonts installed (where system fonts would make all text vanish
 * silently). The charts name the same font (charts/common.ts).
 */

import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { type ChartLibraries, chartLibraries } from './chart-libraries.ts';
import { FONT_FAMILY } from './charts/common.ts';
import { normalizeSvgIds } from './svg-ids.ts';
import { withoutOptimizer } from './optimizer-off.ts';

export { normalizeSvgIds };

export interface RenderedChart {
  svg: string;
  /** PNG bytes, or null when not asked for. */
  png: Uint8Array | null;
  /** What vega-lite and vega logged at warning level or above (normally none). */
  warnings: string[];
}

export interface RenderOptions {
  /** Also make a PNG (default true). */
  png?: boolean;
  /** PNG pixels per SVG pixel (default 2, sharp on high-density screens and in print). */
  scale?: number;
}

type Resvg = typeof import('@resvg/resvg-js');

interface Libraries extends ChartLibraries {
  resvg: Resvg;
}

let libraries: Promise<Libraries> | undefined;

/** Loads the chart libraries once, on first use. */
function load(): Promise<Libraries> {
  libraries ??= Promise.all([chartLibraries(), import('@resvg/resvg-js')]).then(([{ vegaLite, vega }, resvg]) => ({
    vegaLite,
    vega,
    resvg,
  }));
  return libraries;
}

/** The DejaVu Sans TTF files (regular and bold) shipped in the `dejavu-fonts-ttf` package. */
export function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) =>
    require.resolve(`dejavu-fonts-ttf/ttf/${f}`),
  );
}

/** vega's logger interface (vega-util's LoggerInterface). */
interface Logger {
  level(value?: number): number | Logger;
  error(...args: unknown[]): Logger;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
}

/** A vega logger that keeps warnings and errors instead of printing them. */
function collectingLogger(messages: string[]): Logger {
  let level = 2; // vega-util's Warn
  const keep = (kind: string, args: unknown[]): void => {
    messages.push(`${kind}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
  };
  const logger: Logger = {
    level(value?: number): number | Logger {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      keep('error', args);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= 2) keep('warning', args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** A vega-lite spec as SVG text (the chart libraries are loaded on first use). */
export async function specToSvg(spec: TopLevelSpec): Promise<{ svg: string; warnings: string[] }> {
  // Loaded first: V8 takes the libraries' code cache only under the flags it was made with.
  const { vegaLite, vega } = await load();
  // In the command line, with V8's optimizing compiler off (optimizer-off.ts).
  return withoutOptimizer(async () => {
    const warnings: string[] = [];
    const logger = collectingLogger(warnings);
    const compiled = vegaLite.compile(spec, { logger }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
    try {
      const svg = normalizeSvgIds(await view.toSVG());
      return { svg, warnings };
    } finally {
      view.finalize();
    }
  });
}

/** SVG text as PNG bytes, drawn by resvg with the bundled fonts only; `scale` pixels per SVG pixel. */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { resvg } = await load();
  const image = await resvg.renderAsync(svg, {
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
}

/** A vega-lite spec drawn as SVG and (unless `png: false`) PNG. */
export async function renderChart(spec: TopLevelSpec, options: RenderOptions = {}): Promise<RenderedChart> {
  const { svg, warnings } = await specToSvg(spec);
  const png = options.png === false ? null : await svgToPng(svg, options.scale ?? 2);
  return { svg, png, warnings };
}

