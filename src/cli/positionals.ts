/** The positional arguments commands take, e.g. the scenario `FILE`. */
import type { PositionalSpec } from './option-spec.ts';
import { parsePath } from './option-values.ts';

export const POSITIONALS = {
  file: {
    name: 'file',
    description: 'Scenario file (YAML or JSON)',
    // Existence is the loader's to check: it reports every file problem the same way.
    parse: parsePath,
  },
  history: {
    name: 'history',
    description: 'Interval history CSV: date, interval, queue, offered, handled, abandoned, aht [, asa, agents]',
    parse: parsePath,
  },
  files: {
    name: 'files',
    description: 'Two or more scenario files, or one variants file (base + variants)',
    parse: (text: string, name: string): string[] => [parsePath(text, name)],
    many: (texts: readonly string[], name: string): string[] => texts.map((t) => parsePath(t, name)),
  },
  dir: {
    name: 'dir',
    description: 'A run folder written by simulate, compare or sweep',
    parse: parsePath,
  },
  dirs: {
    name: 'dirs',
    description: 'Output folders (or their sweep.json) of the shards of one sweep',
    parse: (text: string, name: string): string[] => [parsePath(text, name)],
    many: (texts: readonly string[], name: string): string[] => texts.map((t) => parsePath(t, name)),
  },
} as const satisfies Record<string, PositionalSpec<unknown>>;

export type PositionalName = keyof typeof POSITIONALS;
export type PositionalValues<N extends PositionalName> = {
  [P in N]: ReturnType<(typeof POSITIONALS)[P]['parse']>;
};
