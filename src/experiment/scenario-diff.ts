/**
 * What one scenario changes against another, field by field: `routing.policy: skill_based`,
 * `contact_types[cards].self_service.containment: 0.3`. Lists whose items have an `id` are
 * matched by id (as field paths name them); other lists and values are compared whole.
 */
import type { Scenario } from '../scenario/types.ts';

const IGNORED = new Set(['name', 'source', 'seed']);
const MAX_VALUE = 60;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const text = v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if ((isRecord(a) || a === undefined || a === null) && isRecord(b) && !(a === undefined && path === '')) {
    const from = isRecord(a) ? a : {};
    if (!isRecord(a) && Object.keys(b).length === 0) {
      out.push(`${path}: {}`);
      return;
    }
    for (const key of new Set([...Object.keys(from), ...Object.keys(b)])) {
      if (path === '' && IGNORED.has(key)) continue;
      walk(from[key], b[key], path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path === '' && IGNORED.has(key)) continue;
      walk(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    }
    return;
  }
  const ids = (v: unknown): string[] | null =>
    Array.isArray(v) && v.every((x) => isRecord(x) && typeof x['id'] === 'string') ? v.map((x) => (x as { id: string }).id) : null;
  const ia = ids(a);
  const ib = ids(b);
  if (ia !== null && ib !== null) {
    const byId = (v: unknown[]): Map<string, unknown> => new Map(v.map((x) => [(x as { id: string }).id, x]));
    const ma = byId(a as unknown[]);
    const mb = byId(b as unknown[]);
    for (const id of new Set([...ia, ...ib])) {
      const at = `${path}[${id}]`;
      if (!ma.has(id)) out.push(`${at}: added`);
      else if (!mb.has(id)) out.push(`${at}: removed`);
      else walk(ma.get(id), mb.get(id), at, out);
    }
    return;
  }
  out.push(`${path}: ${show(b)}`);
}

/** The fields of `plan` that differ from `baseline`, as `path: value` lines (name, seed and source aside). */
export function scenarioChanges(baseline: Scenario, plan: Scenario): string[] {
  const out: string[] = [];
  walk(baseline, plan, '', out);
  return out;
}
