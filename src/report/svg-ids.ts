/** SVG ids made independent of what was drawn before (Node-free: the studio page uses it too). */

/**
 * Renames the ids in a vega SVG to `d0`, `d1`... in order of appearance. vega numbers gradients
 * and clip paths with a counter that lives as long as the process, so without this the same
 * chart would come out differently depending on what was drawn before it.
 */
export function normalizeSvgIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1]!;
    if (!ids.has(id)) ids.set(id, `d${ids.size}`);
  }
  if (ids.size === 0) return svg;
  const rename = (id: string): string => ids.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, pre: string, id: string) => `${pre}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}
