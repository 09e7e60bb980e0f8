/**
 * Setting scenario fields by path, as the user writes them: `routing.policy`,
 * `contact_types[billing].self_service.containment`, `agent_groups[generalists].agents`,
 * `contact_types[0].fcr`. A list item is addressed by its id, or by its index; `[*]` addresses
 * every item (`agent_groups[*].staffing_scale: 1.1`). A value of null removes the key.
 *
 * Paths apply to the RAW scenario value (what the file says, before defaults and validation),
 * so the result is validated exactly like a file. A missing key is created (with missing
 * mappings on the way) and left to validation to accept or refuse: a key the format does not
 * know comes back as an "unknown path" error naming the path and the key; see `applySettings`.
 */
import { ScenarioError, UserError, type Problem } from '../errors.ts';
import { formatPath } from '../scenario/path.ts';
import type { PathKey } from '../scenario/source.ts';
import { parseFieldPath, type Step } from './field-path.ts';

export { parseFieldPath, type Step };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(item: unknown): string | undefined {
  const id = isRecord(item) ? item['id'] : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** What setting one path did: the raw keys it went through, and where it created a new key. */
interface Applied {
  keys: PathKey[];
  /** Index into `keys` of the first key that did not exist before, if any. */
  created: number | null;
}

/** Where a path cannot go; turned into "unknown path '...' (why)". */
class PathError extends Error {}

/**
 * Follows `steps` from `node` and sets the value at the end; `[*]` goes into every item of a
 * list, so one path may apply several times (one Applied each). A value of null removes the
 * key (or the list item) instead: that is how a variant swaps `shifts` for `agents`.
 */
function setOne(root: Record<string, unknown>, steps: readonly Step[], value: unknown): Applied[] {
  const out: Applied[] = [];
  const walk = (node: unknown, s: number, keys: PathKey[], created: number | null): void => {
    const shown = (): string => (keys.length === 0 ? 'the top level' : formatPath(root, keys));
    const step = steps[s]!;
    const last = s === steps.length - 1;
    if ('item' in step) {
      if (!Array.isArray(node)) {
        throw new PathError(
          node === undefined ? `no ${shown()}` : `${shown()} is ${isRecord(node) ? 'a mapping' : 'a single value'}, not a list: [${step.item}] needs a list`,
        );
      }
      if (step.item === '*') {
        if (node.length === 0) throw new PathError(`${shown()} is empty: [*] has no item to set`);
        if (last && value === null) {
          node.length = 0;
          out.push({ keys, created });
          return;
        }
        for (let index = 0; index < node.length; index++) {
          if (last) {
            node[index] = structuredClone(value);
            out.push({ keys: [...keys, index], created });
          } else walk(node[index], s + 1, [...keys, index], created);
        }
        return;
      }
      let index = node.findIndex((item) => idOf(item) === step.item);
      if (index < 0 && /^\d+$/.test(step.item)) {
        index = Number(step.item);
        if (index >= node.length) throw new PathError(`${shown()} has ${node.length} item${node.length === 1 ? '' : 's'}, no [${step.item}]`);
      }
      if (index < 0) {
        const ids = node.map(idOf).filter((x): x is string => x !== undefined);
        throw new PathError(`no item with id '${step.item}' in ${shown()}${ids.length > 0 ? ` (ids: ${ids.join(', ')})` : ''}`);
      }
      if (last) {
        if (value === null) node.splice(index, 1);
        else node[index] = value;
        out.push({ keys: [...keys, index], created });
      } else walk(node[index], s + 1, [...keys, index], created);
      return;
    }
    if (!isRecord(node)) {
      throw new PathError(
        Array.isArray(node)
          ? `${shown()} is a list: address its items as ${shown()}[id], ${shown()}[0] or ${shown()}[*], not .${step.key}`
          : `${shown()} is a single value, not a mapping: it has no key '${step.key}'`,
      );
    }
    const here = [...keys, step.key];
    const exists = Object.prototype.hasOwnProperty.call(node, step.key);
    if (last && value === null) {
      // Removing a key that is not there is harmless (the variant says "without it").
      if (exists) delete node[step.key];
      out.push({ keys: here, created });
      return;
    }
    const made = !exists && created === null ? here.length - 1 : created;
    if (last) {
      Object.defineProperty(node, step.key, { value, enumerable: true, writable: true, configurable: true });
      out.push({ keys: here, created: made });
    } else {
      if (!exists) Object.defineProperty(node, step.key, { value: {}, enumerable: true, writable: true, configurable: true });
      walk(node[step.key], s + 1, here, made);
    }
  };
  walk(root, 0, [], null);
  return out;
}

/** One `path: value` of a variant or a grid point. */
export interface Setting {
  path: string;
  value: unknown;
}

/**
 * Applies settings to a copy of a raw scenario (the input is not changed), then validates it with `validate` (which throws
 * a ScenarioError listing its problems). Errors are UserErrors prefixed by `label`:
 * - a path that cannot be followed, or names a key the format does not have:
 *   `variant 'X': unknown path 'routing.polcy' (no key 'polcy'; did you mean 'policy'?)`;
 * - any other problem of the resulting scenario: `variant 'X': <field path>: <message>`.
 */
export function applySettings<T>(
  raw: unknown,
  settings: readonly Setting[],
  label: string,
  validate: (raw: Record<string, unknown>) => T,
): { raw: Record<string, unknown>; value: T } {
  if (!isRecord(raw)) throw new UserError(`${label}: the base scenario is not a mapping`);
  const copy = structuredClone(raw);
  const applied: Array<{ setting: Setting; applied: Applied }> = [];
  for (const setting of settings) {
    const steps = parseFieldPath(setting.path, label);
    try {
      for (const a of setOne(copy, steps, structuredClone(setting.value))) applied.push({ setting, applied: a });
    } catch (e) {
      if (e instanceof PathError) throw new UserError(`${label}: unknown path '${setting.path}' (${e.message})`);
      throw e;
    }
  }
  try {
    return { raw: copy, value: validate(copy) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // A key the settings created that validation calls unknown: the path is unknown.
    for (const { setting, applied: a } of applied) {
      if (a.created === null) continue;
      for (let k = a.created; k < a.keys.length; k++) {
        const key = a.keys[k];
        if (typeof key !== 'string') break;
        const where = formatPath(copy, a.keys.slice(0, k + 1));
        const problem = e.problems.find((p) => p.path === where && p.message.startsWith(`unknown key '${key}'`));
        if (problem !== undefined) {
          const hint = /\((.*)\)$/.exec(problem.message)?.[1];
          throw new UserError(`${label}: unknown path '${setting.path}' (no key '${key}'${hint !== undefined ? `; ${hint}` : ''})`);
        }
      }
    }
    throw new ScenarioError(label, e.problems.map((p): Problem => ({ path: p.path, message: p.message })));
  }
}
