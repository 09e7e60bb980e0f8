/**
 * The building blocks of report.html: escaping, tables, and cells that show a figure with its
 * 95% half-width. Every figure is formatted by the one formatting module (metrics/format.ts)
 * from its catalogue entry (metrics/catalogue.ts, metrics/field-catalogue.ts), as the terminal
 * tables are. No Node-only import: the studio builds pages in the browser too.
 */
import type { MetricName } from '../../metrics/catalogue.ts';
import type { FieldInfo } from '../../metrics/field-catalogue.ts';
import { formatField, formatFieldHalfWidth, formatMetric, formatMetricHalfWidth, NONE, type FormatOptions } from '../../metrics/format.ts';

export { NONE };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function isNum(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 days`, `1.5 days`, `6 hours` (under a day). */
export function daysText(days: number): string {
  return days < 1 ? plural(+(days * 24).toFixed(2), 'hour') : plural(+days.toFixed(2), 'day');
}

/** An HTML table; `rows` hold ready HTML, `head` plain text. */
export function table(head: readonly string[], rows: readonly string[][], options: { numeric?: boolean[]; className?: string } = {}): string {
  const num = (i: number): string => (options.numeric?.[i] ? ' class="num"' : '');
  return (
    `<table${options.className ? ` class="${options.className}"` : ''}><thead><tr>` +
    head.map((h, i) => `<th${num(i)}>${escapeHtml(h)}</th>`).join('') +
    `</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c, i) => `<td${num(i)}>${c}</td>`).join('')}</tr>`).join('') +
    `</tbody></table>`
  );
}

/** A value and its half-width as a cell: `82.3% <span class="ci">±1.2 pp</span>`. */
function withCi(value: string, half: string): string {
  return escapeHtml(value) + (half === '' ? '' : ` <span class="ci">${escapeHtml(half)}</span>`);
}

/** A catalogue metric with its 95% half-width, as a cell. */
export function metricCell(name: MetricName, value: number | null | undefined, half: number | null | undefined, options: FormatOptions = {}): string {
  return withCi(formatMetric(name, value, options), formatMetricHalfWidth(name, half, value, options));
}

/** A figure of a secondary catalogue (group, event, week) with its 95% half-width, as a cell. */
export function fieldCell<Row>(info: FieldInfo<Row>, value: number | null | undefined, half: number | null | undefined, options: FormatOptions = {}): string {
  return withCi(formatField(info, value, options), formatFieldHalfWidth(info, half, value, options));
}

/** The catalogue entry of `name` among `fields` (the tables name the fields they show). */
export function field<Row>(fields: readonly FieldInfo<Row>[], name: keyof Row & string): FieldInfo<Row> {
  return fields.find((f) => f.name === name)!;
}
