/**
 * Field paths as users read them: `contact_types[billing].arrivals.per_hour`.
 *
 * A list item is named by its id when it has a valid id that is unique in its list, else by its
 * index (`contact_types[2]`), so a path always points at exactly one item.
 */
import { ID_PATTERN, isRecord } from './schema.ts';
import type { PathKey } from './source.ts';

export function formatPath(root: unknown, path: readonly PathKey[]): string {
  let out = '';
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${itemLabel(node, seg)}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
    } else {
      out += /^[A-Za-z0-9_-]+$/.test(seg) ? (out === '' ? seg : `.${seg}`) : `[${JSON.stringify(seg)}]`;
      node = isRecord(node) ? node[seg] : undefined;
    }
  }
  return out;
}

function itemLabel(list: unknown, index: number): string {
  if (!Array.isArray(list)) return String(index);
  const id = idOf(list[index]);
  if (id === undefined) return String(index);
  return list.filter((item) => idOf(item) === id).length === 1 ? id : String(index);
}

function idOf(item: unknown): string | undefined {
  const id = isRecord(item) ? item['id'] : undefined;
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}
