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
