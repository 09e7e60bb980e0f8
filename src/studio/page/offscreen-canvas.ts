/**
 * Stands in for the package `vega-canvas` in the page's bundle (scripts/build-studio.mjs aliases
 * it), so the analyst worker can draw the intraday chart with vega's canvas renderer on an
 * OffscreenCanvas and send the page a finished bitmap: an SVG image would be parsed, styled and
 * laid out on the page's main thread (about 35 ms of CPU per chart, measured in Chromium's trace).
 *
 * Canvases are handed out only after `allowCanvas()`: vega-scenegraph makes its text-measuring
 * canvas when it loads, before that call, and so gets none and keeps estimating text widths as
 * it does in Node. The report's SVG charts are then laid out exactly as the CLI lays them out.
 */
let allowed = false;

export function allowCanvas(): void {
  allowed = true;
}

export function canvas(width: number, height: number): OffscreenCanvas | null {
  return allowed && typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : null;
}

export const domCanvas = canvas;

/** vega's image marks load images with this; the studio's charts have none. */
export function image(): null {
  return null;
}
