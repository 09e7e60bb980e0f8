/**
 * "Save as variants": the page's plan as a variants file for `ccsim compare`, so the CLI can
 * reproduce (and archive) what the page showed: same base, same `set`s, same seed, same
 * replications. A horizon changed in the page applies to both plans, so the file then lists
 * the baseline as a variant with that horizon (`include_base: false`).
 */
import { stringify } from 'yaml';
import type { Setting } from './protocol.ts';

export interface SavedPlan {
  /** The base scenario's file name, next to which the variants file is meant to be saved. */
  base: string;
  /** Settings both plans share (the horizon). */
  common: readonly Setting[];
  /** The plan's own settings. */
  plan: readonly Setting[];
  planName: string;
  seed: number;
  replications: number;
}

function asSet(settings: readonly Setting[]): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const s of settings) set[s.path] = s.value;
  return set;
}

/** The command that reproduces the page's figures from the saved file. */
export function compareCommand(saved: SavedPlan, fileName: string): string {
  return `ccsim compare ${fileName} --replications ${saved.replications} --seed ${saved.seed}`;
}

export function variantsYaml(saved: SavedPlan, fileName: string): string {
  const doc: Record<string, unknown> = { base: saved.base };
  const variants: Array<Record<string, unknown>> = [];
  if (saved.common.length > 0) {
    doc['include_base'] = false;
    variants.push({ name: 'baseline', set: asSet(saved.common) });
  }
  variants.push({ name: saved.planName, set: asSet([...saved.common, ...saved.plan]) });
  doc['variants'] = variants;
  const header =
    `# Saved by the ccsim what-if studio. Reproduce the page's figures with:\n` +
    `#   ${compareCommand(saved, fileName)}\n` +
    `# (save this file next to ${saved.base}).\n`;
  return header + stringify(doc, { lineWidth: 0 });
}
