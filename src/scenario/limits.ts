/**
 * Physical limits on the scenario's numbers (issue 15). Each is far beyond any real contact
 * center, and keeps every figure a run computes finite: without them a handle time or cost of
 * 1e308 overflows into Infinity and NaN, and an arrival rate of 1e308 never ends. The README
 * lists them ("Numeric limits").
 *
 * Checked by key name on the raw value, wherever the key sits (a distribution's mean in a
 * mixture part as well as at the top of a contact type), so a new field named like an existing
 * one is bounded the same way.
 */
import type { PathKey } from './source.ts';

const YEAR_SECONDS = 365 * 24 * 3600;

export interface Limit {
  /** The largest value allowed (the smallest is the schema's business). */
  readonly max: number;
  /** What the number counts, for the message and the README. */
  readonly unit: string;
}

/** Limit by key name; for lists (per_hour, by_hour, ...), every item. */
export const LIMITS: Readonly<Record<string, Limit>> = {
  mean_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  mean_minutes: { max: YEAR_SECONDS / 60, unit: 'minutes (one year)' },
  mean_hours: { max: YEAR_SECONDS / 3600, unit: 'hours (one year)' },
  values_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  cv: { max: 100, unit: '(coefficient of variation)' },
  weight: { max: 1e6, unit: '(mixture weight)' },
  per_hour: { max: 1e6, unit: 'contacts per hour' },
  per_day: { max: 24e6, unit: 'contacts per day' },
  by_hour: { max: 1e6, unit: '(weight)' },
  by_weekday: { max: 1000, unit: '(multiplier)' },
  by_month: { max: 1000, unit: '(multiplier)' },
  by_date: { max: 1000, unit: '(multiplier)' },
  overdispersion_cv: { max: 10, unit: '(coefficient of variation)' },
  agents: { max: 100_000, unit: 'agents' },
  by_interval: { max: 100_000, unit: 'agents' },
  concurrency: { max: 100, unit: 'contacts at once' },
  hourly_cost: { max: 1e6, unit: 'per hour' },
  per_minute_voice: { max: 1e4, unit: 'per minute' },
  per_contact: { max: 1e6, unit: 'per contact' },
  overhead_per_agent_hour: { max: 1e6, unit: 'per agent hour' },
  cost_per_session: { max: 1e6, unit: 'per session' },
  failed_handle_time_factor: { max: 100, unit: '(factor)' },
  // An event's factors; overlapping events multiply theirs (the work estimate counts arrivals').
  handle_time_factor: { max: 100, unit: '(factor)' },
  arrivals_factor: { max: 1000, unit: '(factor)' },
  threshold_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  service_level_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  max_asa_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  transfer_seconds: { max: YEAR_SECONDS, unit: 'seconds (one year)' },
  priority: { max: 1e6, unit: '(priority)' },
  warmup_hours: { max: 10 * 366 * 24, unit: 'hours (ten years)' },
};

/** `horizon.days` (a shift's `days` is a list of weekdays, so this one is by path). */
export const MAX_HORIZON_DAYS = 3660;

export interface LimitFinding {
  path: PathKey[];
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "expected at most 31536000 seconds (one year), got 1e+308". */
export function beyondLimit(max: number, unit: string, got: number): string {
  return `expected at most ${max.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${unit}, got ${got}`;
}

function tooBig(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) > max;
}

export function limitFindings(raw: unknown): LimitFinding[] {
  const out: LimitFinding[] = [];
  const check = (value: unknown, path: PathKey[], limit: Limit): void => {
    if (tooBig(value, limit.max)) out.push({ path, message: beyondLimit(limit.max, limit.unit, value) });
  };
  const walk = (node: unknown, path: PathKey[], depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i], depth + 1));
      return;
    }
    if (!isRecord(node)) return;
    for (const key of Object.keys(node)) {
      const value = node[key];
      const here = [...path, key];
      const limit = Object.prototype.hasOwnProperty.call(LIMITS, key) ? LIMITS[key] : undefined;
      if (key === 'days' && path.length === 1 && path[0] === 'horizon') {
        check(value, here, { max: MAX_HORIZON_DAYS, unit: 'days (ten years)' });
      } else if (limit !== undefined) {
        if (Array.isArray(value)) {
          value.forEach((v, i) => {
            if (isRecord(v) || Array.isArray(v)) walk(v, [...here, i], depth + 1);
            else check(v, [...here, i], limit);
          });
          continue;
        }
        if (isRecord(value) && key === 'by_date') {
          for (const d of Object.keys(value)) check(value[d], [...here, d], limit);
          continue;
        }
        check(value, here, limit);
      }
      walk(value, here, depth + 1);
    }
  };
  walk(raw, [], 0);
  return out;
}

/**
 * Events that overlap multiply their handle-time factors, so the limit on one factor does not
 * bound their product: 400 overlapping factors of 10 overflowed every handle time to Infinity
 * and the run ended in a non-finite result. The product over any stretch of time, for any
 * contact type, is held to the one factor's limit. Reported once, at the event that crosses it.
 */
export function overlappingFactorFindings(raw: unknown): LimitFinding[] {
  if (!isRecord(raw) || !Array.isArray(raw['events'])) return [];
  const limit = LIMITS['handle_time_factor']!;
  // Events with a valid window and factor, and the contact types each applies to (null: all).
  const windows = raw['events'].flatMap((e, i) => {
    if (!isRecord(e)) return [];
    const { from, to, handle_time_factor: factor, types } = e;
    if (typeof from !== 'string' || typeof to !== 'string' || !(to > from)) return [];
    if (typeof factor !== 'number' || !(factor > 0) || factor === 1 || !Number.isFinite(factor)) return [];
    const applies = Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : null;
    return [{ i, from, to, factor, applies }];
  });
  if (windows.length < 2) return [];
  // The contact types named anywhere, plus one standing for every type no event names.
  const named = new Set(windows.flatMap((w) => w.applies ?? []));
  const typesToTry: Array<string | null> = [...named, null];
  for (const type of typesToTry) {
    const mine = windows.filter((w) => w.applies === null || (type !== null && w.applies.includes(type)));
    // Sweep the starts and ends in time order (`from` and `to` are "YYYY-MM-DDTHH:MM", which sort
    // as text); a window is [from, to), so at one instant ends come before starts.
    const edges = mine.flatMap((w) => [
      { at: w.from, start: true, w },
      { at: w.to, start: false, w },
    ]);
    edges.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.start) - Number(b.start)));
    const active = new Set<(typeof mine)[number]>();
    for (const edge of edges) {
      if (!edge.start) {
        active.delete(edge.w);
        continue;
      }
      active.add(edge.w);
      let product = 1;
      for (const w of active) product *= w.factor;
      if (product > limit.max) {
        const others = [...active].filter((w) => w !== edge.w).map((w) => `events[${w.i}]`);
        const listed = others.length <= 5 ? others.join(', ') : `${others.slice(0, 5).join(', ')} and ${others.length - 5} more`;
        const shown = product < 1e21 ? Number(product.toPrecision(3)).toLocaleString('en-US') : product.toPrecision(3);
        const forType = type === null ? '' : ` for '${type}'`;
        return [
          {
            path: ['events', edge.w.i, 'handle_time_factor'],
            message: `overlaps ${listed} from ${edge.at}${forType}, where their handle-time factors multiply to ${shown}; expected a product of at most ${limit.max}`,
          },
        ];
      }
    }
  }
  return [];
}
