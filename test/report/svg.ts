/**
 * Reading what vega put into an SVG, for tests: the mark groups (vega writes one
 * `<g class="mark-TYPE role-mark NAME">` per mark, its items as children), the texts of axis
 * titles, legend labels and chart titles; and the pixels of a PNG (decoded by resvg).
 */

import { Resvg } from '@resvg/resvg-js';

export interface MarkGroup {
  /** rect, symbol, line, area, rule, text... */
  type: string;
  /** vega's name for the mark, e.g. `concat_0_layer_0_marks`. */
  name: string;
  /** Items drawn: child elements of the group. */
  items: number;
}

/** Every data mark group (role-mark) of a vega SVG, in document order. */
export function markGroups(svg: string): MarkGroup[] {
  const out: MarkGroup[] = [];
  const open = /<g class="mark-([a-z]+) role-mark ([^"]*)"[^>]*?(\/?)>/g;
  for (let m = open.exec(svg); m !== null; m = open.exec(svg)) {
    const [, type = '', name = '', selfClosing] = m;
    if (type === 'group') continue;
    if (selfClosing === '/') {
      out.push({ type, name: name.trim(), items: 0 }); // `<g .../>`: a mark with no items
      continue;
    }
    const start = m.index + m[0].length;
    const end = svg.indexOf('</g>', start);
    const body = svg.slice(start, end);
    const items = (body.match(/<(path|line|text|rect|circle)\b/g) ?? []).length;
    out.push({ type, name: name.trim(), items });
  }
  return out;
}

/** Items of all mark groups of one type. */
export function countItems(svg: string, type: string): number {
  return markGroups(svg)
    .filter((g) => g.type === type)
    .reduce((n, g) => n + g.items, 0);
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The texts of the `<text>` items in groups of the given role (`axis-title`, `legend-label`, `title-text`...). */
export function roleTexts(svg: string, role: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<g class="mark-text role-${role}[" ][^>]*?(/?)>`, 'g');
  for (let m = open.exec(svg); m !== null; m = open.exec(svg)) {
    if (m[1] === '/') continue; // an empty group
    const start = m.index + m[0].length;
    const body = svg.slice(start, svg.indexOf('</g>', start));
    for (const t of body.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
      // Multi-line texts come as <tspan>s.
      out.push(unescape((t[1] ?? '').replace(/<tspan\b[^>]*>/g, '').replace(/<\/tspan>/g, ' ').trim()));
    }
  }
  return out;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface PixelStats {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  inked: number;
  /** Distinct colours (RGB, quantised to 5 bits per channel). */
  colours: number;
  /** Share of pixels that are dark (all channels < 100): text and axis lines. */
  dark: number;
}

/** Decodes a PNG (resvg draws it as an SVG `<image>` at its own size) and measures its pixels. */
export function pngStats(png: Uint8Array): PixelStats {
  const { width, height } = pngSize(png);
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, background: 'white' }).render();
  const px = image.pixels;
  let inked = 0;
  let dark = 0;
  const colours = new Set<number>();
  const n = image.width * image.height;
  for (let i = 0; i < n; i++) {
    const r = px[i * 4]!;
    const g = px[i * 4 + 1]!;
    const b = px[i * 4 + 2]!;
    if (r < 245 || g < 245 || b < 245) inked++;
    if (r < 100 && g < 100 && b < 100) dark++;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  return { width: image.width, height: image.height, inked: inked / n, colours: colours.size, dark: dark / n };
}

/** Pixels of a PNG within `tolerance` (per channel) of the colour `rgb`. */
export function pixelsNear(png: Uint8Array, rgb: readonly [number, number, number], tolerance = 24): number {
  const { width, height } = pngSize(png);
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  const px = new Resvg(svg, { font: { loadSystemFonts: false }, background: 'white' }).render().pixels;
  let count = 0;
  for (let i = 0; i < width * height; i++) {
    if (Math.abs(px[i * 4]! - rgb[0]) <= tolerance && Math.abs(px[i * 4 + 1]! - rgb[1]) <= tolerance && Math.abs(px[i * 4 + 2]! - rgb[2]) <= tolerance) count++;
  }
  return count;
}
