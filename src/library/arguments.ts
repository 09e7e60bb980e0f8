/**
 * Checking what a program passes to ccsim's public functions (issue 15), with the schema and
 * the messages a scenario file gets: `simulate({})` or `replications: -3` is an ArgumentError
 * naming the argument, the field path and what was expected, never a TypeError from deep inside
 * or a result made of garbage.
 *
 * A scenario may be given normalized (what loadScenario returns) or in the file format (what a
 * YAML or JSON parser returns); either way it is validated as a file would be.
 */
import { ArgumentError, type Problem } from '../errors.ts';
import { validateScenarioObject } from '../scenario/load.ts';
import { ScenarioError } from '../errors.ts';
import { expected, WHAT } from '../scenario/messages.ts';
import { MAX_HORIZON_DAYS } from '../scenario/limits.ts';
import { isMetricName } from '../experiment/metrics.ts';
import type { Scenario } from '../scenario/types.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A normalized scenario back in the file format, as far as it is one; anything else unchanged. */
function toFileForm(value: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === 'source') continue; // set by loadScenario: where the scenario came from
    Object.defineProperty(raw, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  }
  if (Array.isArray(raw['contact_types'])) {
    raw['contact_types'] = raw['contact_types'].map((t: unknown) => {
      if (!isRecord(t)) return t;
      const out = { ...t };
      // Normalized scenarios say "none" with null; the file format by leaving the key out.
      for (const key of ['patience', 'retry', 'self_service']) if (out[key] === null) delete out[key];
      return mapDistributions(out);
    });
  }
  if (Array.isArray(raw['agent_groups'])) {
    raw['agent_groups'] = raw['agent_groups'].map((g: unknown) => {
      if (!isRecord(g) || !isRecord(g['staffing'])) return g;
      const { staffing, ...rest } = g;
      const s = staffing as Record<string, unknown>;
      switch (s['kind']) {
        case 'constant':
        case 'hourly':
          return { ...rest, agents: s['agents'] };
        case 'by_interval':
          return { ...rest, agents: { by_interval: s['agents'] } };
        case 'shifts':
          return { ...rest, shifts: s['shifts'] };
        default:
          return g;
      }
    });
  }
  return raw;
}

/** Normalized mixture parts `{weight, dist}` as file-format parts `{weight, distribution, ...}`. */
function mapDistributions(node: unknown): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isRecord(v)) return v;
    if (v['distribution'] === 'mixture' && Array.isArray(v['parts'])) {
      return {
        ...v,
        parts: v['parts'].map((p: unknown) => (isRecord(p) && isRecord(p['dist']) && Object.keys(p).length === 2 ? { weight: p['weight'], ...(walk(p['dist']) as object) } : walk(p))),
      };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = walk(v[k]);
    return out;
  };
  return walk(node) as Record<string, unknown>;
}

/**
 * The given value where it is there and of the checked value's kind, else the checked value
 * (its defaults): so a normalized scenario keeps its own numbers to the last bit (mixture weights
 * are not renormalized), and a file-form one gets its defaults.
 */
function fill(given: unknown, checked: unknown): unknown {
  if (Array.isArray(checked)) {
    return Array.isArray(given) && given.length === checked.length ? checked.map((c, i) => fill(given[i], c)) : checked;
  }
  if (isRecord(checked)) {
    if (!isRecord(given)) return checked;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(checked)) out[k] = Object.prototype.hasOwnProperty.call(given, k) ? fill(given[k], checked[k]) : checked[k];
    return out;
  }
  return typeof given === typeof checked && given !== undefined ? given : checked;
}

/** Validates `value` as a scenario; throws ArgumentError (`fn`, argument name, field path). */
export function scenarioArgument(value: unknown, fn: string, argument = 'scenario'): Scenario {
  const label = `${fn}() ${argument}`;
  if (!isRecord(value)) throw new ArgumentError(fn, [{ path: argument, message: expected('a scenario (a mapping with contact_types and agent_groups)', value) }]);
  let checked: Scenario;
  try {
    checked = validateScenarioObject(toFileForm(value), label).scenario;
  } catch (e) {
    if (e instanceof ScenarioError) throw new ArgumentError(fn, e.problems.map((p) => ({ ...p, path: p.path === '' ? argument : `${argument}.${p.path}` })));
    throw e;
  }
  const out = fill(value, checked) as Scenario;
  if (typeof value['source'] === 'string') out.source = value['source'];
  return out;
}

type Check = (v: unknown) => string | null;

const integer = (min: number, max = Number.MAX_SAFE_INTEGER, what?: string): Check => (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
    ? null
    : expected(what ?? (min === 1 ? WHAT.positiveInteger : min === 0 ? WHAT.nonNegativeInteger : WHAT.integer) + (max < Number.MAX_SAFE_INTEGER ? ` and <= ${max.toLocaleString('en-US')}` : ''), v);
const positive = (max: number): Check => (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max ? null : expected(`${WHAT.positive} and <= ${max}`, v);
const fn_ = (v: unknown): string | null => (typeof v === 'function' ? null : expected('a function', v));
const object_ = (v: unknown): string | null => (typeof v === 'object' && v !== null ? null : expected('an object', v));
const bool = (v: unknown): string | null => (typeof v === 'boolean' ? null : expected('true or false', v));
const targetCi: Check = (v) => {
  if (!Array.isArray(v)) return expected('a list of {metric, halfWidth}', v);
  for (const t of v) {
    if (!isRecord(t) || typeof t['metric'] !== 'string' || !isMetricName(t['metric'])) return expected('a list of {metric, halfWidth} with a known metric name', isRecord(t) ? t['metric'] : t);
    const h = t['halfWidth'];
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) return expected('a half-width > 0', h);
  }
  return null;
};

/** The checks of every option the public functions take, by name. */
export const OPTION_CHECKS: Readonly<Record<string, Check>> = {
  seed: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, WHAT.integer),
  days: positive(MAX_HORIZON_DAYS),
  replications: integer(1, 10_000),
  maxReplications: integer(2, 10_000),
  jobs: integer(1, 1024),
  targetCi,
  runner: object_,
  progress: object_,
  shard: object_,
  onWarning: fn_,
  onProgress: fn_,
  allowLong: bool,
  intervals: bool,
  earlyReplications: integer(2, 100_000),
  maxIterations: integer(1, 1_000_000),
  minOffered: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : expected(WHAT.nonNegative, v)),
  maxRemovalRounds: integer(0, 1_000_000),
  tolerance: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 0.05 ? null : expected('a share between 0 and 0.05', v)),
  verifyReplications: integer(2, 10_000),
  maps: (v) => (Array.isArray(v) ? null : expected('a list of column mappings', v)),
  strict: bool,
  delimiter: (v) => (typeof v === 'string' && [',', ';', '\t', '|'].includes(v) ? null : expected("one of ',', ';', tab or '|'", v)),
  decimal: (v) => (v === '.' || v === ',' ? null : expected("'.' or ','", v)),
};

/**
 * Validates an options object: only the `allowed` keys, each with its check; `undefined` values
 * are "not given". Throws ArgumentError naming the option.
 */
export function optionsArgument<T>(value: unknown, fn: string, allowed: readonly string[]): T {
  if (value === undefined) return {} as T;
  if (!isRecord(value)) throw new ArgumentError(fn, [{ path: 'options', message: expected('an options object', value) }]);
  const problems: Problem[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (!allowed.includes(key)) {
      problems.push({ path: `options.${key}`, message: `unknown option '${key}' (expected one of ${allowed.join(', ')})` });
      continue;
    }
    if (v === undefined) continue;
    const message = OPTION_CHECKS[key]?.(v) ?? null;
    if (message !== null) problems.push({ path: `options.${key}`, message });
  }
  if (problems.length > 0) throw new ArgumentError(fn, problems);
  return value as T;
}
