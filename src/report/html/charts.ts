/** Charts embedded in report.html: inline SVG with ids kept apart, each a figure with its caption. */
import { escapeHtml } from './markup.ts';

/** A chart ready for the page. */
export interface ReportChart {
  /** File stem under charts/, also used to keep SVG ids apart. */
  name: string;
  title: string;
  /** How to read it, one or two sentences. */
  caption: string;
  svg: string;
}

/** Gives every `id` in a chart's SVG a prefix, so several inline SVGs never share one. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** The SVG without its XML declaration (if any), sized by CSS, labelled for screen readers. */
function inlineSvg(chart: ReportChart): string {
  const body = prefixSvgIds(chart.svg.replace(/^<\?xml[^>]*>\s*/, ''), `chart-${chart.name}`);
  return body.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(chart.title)}"`);
}

/** One chart as a figure with its caption. */
export function chartFigure(c: ReportChart): string {
  return `<figure id="fig-${escapeHtml(c.name)}">${inlineSvg(c)}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`;
}

/** The charts section; null: drawn without charts. */
export function chartSection(charts: readonly ReportChart[] | null): string {
  if (charts === null) return '';
  if (charts.length === 0) return '<section><h2>Charts</h2><p>No charts for this run.</p></section>';
  const figures = charts.map(chartFigure);
  return `<section class="charts"><h2>Charts</h2>${figures.join('')}</section>`;
}
