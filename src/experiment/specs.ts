/**
 * The small languages of the experiment options, parsed and checked with messages that say
 * what was expected: `--vary PATH=FROM..TO:STEP` or `PATH=a,b,c`, `--shard i/n`,
 * `--target-ci METRIC=HALFWIDTH`. Light on purpose (the command line parses options before
 * loading anything).
 */
import { UserError } from '../errors.ts';
import { parseFieldPath } from './field-path.ts';
import { isMetricName, METRIC_NAMES } from './metrics.ts';
import type { MetricName } from './types.ts';

/** With --target-ci, the most replications unless --max-replications says otherwise. */
export const DEFAULT_MAX_REPLICATIONS = 100;

/** One axis of a sweep grid: a field path and the values it takes, in order. */
export interface Axis {
  path: string;
  /** `null` (written `null`) removes the key at this point, e.g. a group's shifts before setting agents. */
  values: Array<number | string | null>;
}

/** Most values one axis may take, and most points a grid may have. */
export const MAX_AXIS_VALUES = 100_000;
export const MAX_GRID_POINTS = 1_000_000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function decimals(text: string): number {
  const m = /^[+-]?\d*\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) return 0;
  return Math.max(0, (m[1] ?? '').length - Number(m[2] ?? 0));
}

const VARY_FORMS =
  'PATH=FROM..TO:STEP (like agent_groups[team].agents=40..60:5) or PATH=a,b,c (like routing.policy=skill_based,longest_idle; null removes the key)';

/** Parses one `--vary`; throws UserError starting with `flag`. */
export function parseVary(text: string, flag = '--vary'): Axis {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UserError(`${flag}: expected ${VARY_FORMS}, got '${text}'`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  if (path === '') throw new UserError(`${flag}: no field path before '=' in '${text}' (expected ${VARY_FORMS})`);
  parseFieldPath(path, flag);
  if (spec === '') throw new UserError(`${flag} ${path}: no values after '=' (expected FROM..TO:STEP or a,b,c)`);

  const range = /^(.*?)\.\.(.*?)(?::(.*))?$/.exec(spec);
  if (range !== null) {
    const [, fromText = '', toText = '', stepText] = range.map((x) => x?.trim());
    const bad = (what: string): UserError =>
      new UserError(`${flag} ${path}: ${what} in '${spec}' (expected FROM..TO:STEP with numbers, FROM <= TO and STEP > 0, like 40..60:5)`);
    for (const [name, t] of [
      ['FROM', fromText],
      ['TO', toText],
      ['STEP', stepText ?? '1'],
    ] as const) {
      if (!NUMBER.test(t) || !Number.isFinite(Number(t))) throw bad(`${name} is not a number ('${t}')`);
    }
    const from = Number(fromText);
    const to = Number(toText);
    const step = Number(stepText ?? '1');
    if (!(step > 0)) throw bad(`STEP must be > 0, got ${stepText}`);
    if (from > to) throw bad(`FROM (${fromText}) is greater than TO (${toText})`);
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_AXIS_VALUES) {
      throw new UserError(`${flag} ${path}: '${spec}' gives ${count} values, more than ${MAX_AXIS_VALUES} (use a larger STEP)`);
    }
    const places = Math.min(15, Math.max(decimals(fromText), decimals(stepText ?? '1')));
    const values: number[] = [];
    for (let k = 0; k < count; k++) values.push(Number((from + k * step).toFixed(places)));
    return { path, values };
  }

  const items = spec.split(',').map((s) => s.trim());
  const empty = items.findIndex((s) => s === '');
  if (empty >= 0) throw new UserError(`${flag} ${path}: empty value at position ${empty + 1} in '${spec}' (expected a,b,c)`);
  const values = items.map((s) => (s === 'null' ? null : NUMBER.test(s) && Number.isFinite(Number(s)) ? Number(s) : s));
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${typeof v}:${v}`;
    if (seen.has(key)) throw new UserError(`${flag} ${path}: value '${v}' is listed twice in '${spec}'`);
    seen.add(key);
  }
  return { path, values };
}

/** Parses every `--vary`; checks paths are not repeated and the grid is not too large. */
export function parseVaries(texts: readonly string[], flag = '--vary'): Axis[] {
  const axes = texts.map((t) => parseVary(t, flag));
  const seen = new Set<string>();
  let points = 1;
  for (const a of axes) {
    if (seen.has(a.path)) throw new UserError(`${flag}: ${a.path} is varied twice (give each path once)`);
    seen.add(a.path);
    points *= a.values.length;
  }
  if (points > MAX_GRID_POINTS) throw new UserError(`${flag}: the grid has ${points} points, more than ${MAX_GRID_POINTS}`);
  return axes;
}

/** Shard `index` of `count`, 1-based: it takes the grid points k with k mod count = index − 1. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 <= i <= n). */
export function parseShard(text: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const expected = `expected i/n with whole numbers 1 <= i <= n (like 3/8: the third of eight shards), got '${text}'`;
  if (m === null) throw new UserError(`${flag}: ${expected}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UserError(`${flag}: ${expected}`);
  }
  return { index, count };
}

export interface TargetCiSpec {
  metric: MetricName;
  halfWidth: number;
}

/** Parses `--target-ci METRIC=HALFWIDTH` (several may be given, or comma-separated). */
export function parseTargetCi(texts: readonly string[], flag = '--target-ci'): TargetCiSpec[] {
  const out: TargetCiSpec[] = [];
  for (const text of texts.flatMap((t) => t.split(','))) {
    const m = /^\s*([A-Za-z0-9_.]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (m === null) throw new UserError(`${flag}: expected METRIC=HALFWIDTH (like service_level=0.01), got '${text}'`);
    const metric = m[1]!;
    if (!isMetricName(metric)) {
      throw new UserError(`${flag}: unknown metric '${metric}' (metrics: ${METRIC_NAMES.join(', ')})`);
    }
    const half = Number(m[2]);
    if (!NUMBER.test(m[2]!) || !(half > 0) || !Number.isFinite(half)) {
      throw new UserError(`${flag} ${metric}: expected a half-width > 0 (in the metric's unit, e.g. 0.01 for one percentage point), got '${m[2]}'`);
    }
    if (out.some((t) => t.metric === metric)) throw new UserError(`${flag}: ${metric} is given twice`);
    out.push({ metric, halfWidth: half });
  }
  return out;
}
