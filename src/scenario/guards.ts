/**
 * Checks on the raw scenario value against inputs that would make ccsim hang or silently ignore
 * a key (issue 15): keys named like JavaScript's object machinery, and retries that would loop
 * forever at one instant. Run alongside the schema (see checks.ts), so they are reported with
 * every other problem.
 */
import { MSG } from './messages.ts';
import type { PathKey } from './source.ts';

export interface GuardFinding {
  path: PathKey[];
  message: string;
}

/** Keys a plain JavaScript object treats specially; never a scenario key. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every `__proto__` key, wherever it is. (The schema's copying drops it silently, where
 * `constructor` and `prototype` are already reported as unknown keys, ids or dates.)
 */
export function reservedKeyFindings(raw: unknown): GuardFinding[] {
  const out: GuardFinding[] = [];
  const walk = (node: unknown, path: PathKey[], depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i], depth + 1));
      return;
    }
    if (!isRecord(node)) return;
    for (const key of Object.keys(node)) {
      if (key === '__proto__') out.push({ path: [...path, key], message: MSG.reservedKey(key) });
      else walk(node[key], [...path, key], depth + 1);
    }
  };
  walk(raw, [], 0);
  return out;
}

/** A raw distribution that can only ever draw 0 seconds. */
export function alwaysZero(raw: unknown): boolean {
  if (raw === 0) return true;
  if (!isRecord(raw)) return false;
  switch (raw['distribution']) {
    case 'deterministic':
      return [raw['mean_seconds'], raw['mean_minutes'], raw['mean_hours']].some((m) => m === 0);
    case 'empirical': {
      const v = raw['values_seconds'];
      return Array.isArray(v) && v.length > 0 && v.every((x) => x === 0);
    }
    case 'mixture': {
      const parts = raw['parts'];
      return Array.isArray(parts) && parts.length > 0 && parts.every((p) => alwaysZero(p));
    }
    default:
      return false;
  }
}

/**
 * A contact with patience 0 that always retries at once abandons and retries forever without
 * the clock moving. Rule: with `patience` always 0, `retry.probability: 1` needs `retry.after`
 * that is not always 0. (A probability below 1 ends the chain almost surely, in 1/(1-p) tries on
 * average.)
 */
export function retryLoopFindings(types: readonly unknown[]): GuardFinding[] {
  const out: GuardFinding[] = [];
  types.forEach((t, i) => {
    if (!isRecord(t) || t['channel'] === 'email') return;
    const retry = t['retry'];
    if (!isRecord(retry) || retry['probability'] !== 1) return;
    if (alwaysZero(t['patience']) && alwaysZero(retry['after'])) {
      out.push({ path: ['contact_types', i, 'retry'], message: MSG.retryLoop });
    }
  });
  return out;
}
