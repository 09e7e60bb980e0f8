/**
 * "Save as variants": the page's plans as a variants file for `ccsim compare`, so the CLI can
 * reproduce (and archive) what the page showed: same base, same `set`s, same seed, same
 * replications. Every pinned plan is a variant, and so is the plan on screen when it is not
 * pinned, each under the name the page shows; the baseline is the unchanged base. A horizon
 * changed in the page applies to every plan, so the file then lists the baseline as a variant
 * with that horizon (`include_base: false`).
 *
 * Written in the reader worker (the YAML writer stays out of the page's main script).
 */
import { stringify } from 'yaml';
import type { SavedPlans, Setting } from './protocol.ts';
import { compareCommand } from './compare-command.ts';

export { compareCommand };
export type { SavedPlans };

function asSet(settings: readonly Setting[]): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const s of settings) set[s.path] = s.value;
  return set;
}

export function variantsYaml(saved: SavedPlans, fileName: string): string {
  const doc: Record<string, unknown> = { base: saved.base };
  const variants: Array<Record<string, unknown>> = [];
  if (saved.common.length > 0) {
    doc['include_base'] = false;
    variants.push({ name: 'baseline', set: asSet(saved.common) });
  }
  for (const p of saved.plans) {
    variants.push({ name: p.name, set: asSet([...saved.common, ...p.settings]) });
  }
  doc['variants'] = variants;
  const header =
    `# Saved by the ccsim what-if studio. Reproduce the page's figures with:\n` +
    `#   ${compareCommand(saved, fileName)}\n` +
    `# (save this file next to ${saved.base}).\n`;
  return header + stringify(doc, { lineWidth: 0 });
}
