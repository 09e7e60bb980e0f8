/**
 * Field paths as users read them: `contact_types[billing].arrivals.per_hour`.
 *
 * A list item is named by its id when it has a valid id that is unique in its list, else by its
 * index (`contact_types[2]`), so a path always points at exactly one item.
 */
import { ID_PATTERN, isRecord } from './schema.ts';
import type { PathKey } from './source.ts';

/**
 * How many items of a list carry each id, per list, for formatting many paths through one
 * unchanging value: a path is formatted for every problem, and recounting a list of 20,000
 * contact types for each of 60,000 problems took half a minute. Made by the caller that knows
 * the value does not change meanwhile (a validation); without one, each path counts afresh.
 */
export type IdCounts = WeakMap<readonly unknown[], Map<string, number>>;

export function formatPath(root: unknown, path: readonly PathKey[], counts?: IdCounts): string {
  let out = '';
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${itemLabel(node, seg, counts)}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
    } else {
      out += /^[A-Za-z0-9_-]+$/.test(seg) ? (out === '' ? seg : `.${seg}`) : `[${JSON.stringify(seg)}]`;
      node = isRecord(node) ? node[seg] : undefined;
    }
  }
  return out;
}

function itemLabel(list: unknown, index: number, counts: IdCounts | undefined): string {
  if (!Array.isArray(list)) return String(index);
  const id = idOf(list[index]);
  if (id === undefined) return String(index);
  const same = counts === undefined ? list.filter((item) => idOf(item) === id).length : idCounts(list, counts).get(id);
  return same === 1 ? id : String(index);
}

function idCounts(list: readonly unknown[], cache: IdCounts): Map<string, number> {
  let counts = cache.get(list);
  if (counts === undefined) {
    counts = new Map();
    for (const item of list) {
      const id = idOf(item);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    cache.set(list, counts);
  }
  return counts;
}

function idOf(item: unknown): string | undefined {
  const id = isRecord(item) ? item['id'] : undefined;
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}
