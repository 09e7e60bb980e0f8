/**
 * Rules that span fields, checked on the file's raw value so they are reported alongside the
 * schema's findings (not only once those are fixed). Each check skips what the schema rejects.
 */
import { MSG } from './messages.ts';
import { formatPath } from './path.ts';
import { DEFAULTS, DEFAULT_BREAK_WINDOW_MINUTES, INTERVAL_MINUTES, isRecord } from './schema.ts';
import { reservedKeyFindings, retryLoopFindings } from './guards.ts';
import { limitFindings, overlappingFactorFindings } from './limits.ts';
import type { PathKey } from './source.ts';

export interface Finding {
  path: PathKey[];
  message: string;
}

export interface CheckResult {
  problems: Finding[];
  warnings: Finding[];
}

/** How many staffing intervals a horizon has (the last one may be partial). */
export function intervalCount(days: number, intervalMinutes: number): number {
  // Guard against 0.1 * 1440 / 30 landing a hair above a whole number.
  return Math.ceil((days * 24 * 60) / intervalMinutes - 1e-9);
}

export function checkScenario(raw: unknown): CheckResult {
  const result: CheckResult = { problems: [], warnings: [] };
  if (!isRecord(raw)) return result;
  const types = Array.isArray(raw['contact_types']) ? raw['contact_types'] : [];
  const groups = Array.isArray(raw['agent_groups']) ? raw['agent_groups'] : [];

  // Issue 15: keys JavaScript treats specially, retries that loop at one instant, and numbers
  // beyond the physical limits (so nothing overflows into NaN or runs for ever).
  result.problems.push(...reservedKeyFindings(raw), ...retryLoopFindings(types), ...limitFindings(raw), ...overlappingFactorFindings(raw));

  duplicateIds(raw, 'contact_types', types, result);
  duplicateIds(raw, 'agent_groups', groups, result);

  const channelOf = new Map<string, unknown>();
  for (const t of types) {
    if (isRecord(t) && typeof t['id'] === 'string') channelOf.set(t['id'], t['channel'] ?? 'voice');
  }
  const typeIds = [...channelOf.keys()];
  const horizon = horizonOf(raw['horizon']);

  const skilled = new Set<string>();
  let allSkillsReadable = true;
  groups.forEach((g, i) => {
    if (!isRecord(g)) return;
    const skills = g['skills'];
    if (!isRecord(skills)) {
      allSkillsReadable = false;
      return;
    }
    for (const skill of Object.keys(skills)) {
      skilled.add(skill);
      if (typeIds.length > 0 && !channelOf.has(skill)) {
        result.problems.push({ path: ['agent_groups', i, 'skills', skill], message: MSG.unknownSkill(skill, typeIds) });
      }
    }
    const concurrency = g['concurrency'];
    if (typeof concurrency === 'number' && concurrency > 1 && !Object.keys(skills).some((s) => channelOf.get(s) === 'chat')) {
      result.warnings.push({ path: ['agent_groups', i, 'concurrency'], message: MSG.concurrencyWithoutChat(concurrency) });
    }
    const agents = g['agents'];
    if (horizon && isRecord(agents) && Array.isArray(agents['by_interval']) && agents['by_interval'].length > 0) {
      const perDay = intervalCount(1, horizon.interval);
      const whole = intervalCount(horizon.days, horizon.interval);
      const got = agents['by_interval'].length;
      if (got !== perDay && got !== 7 * perDay && got !== whole) {
        result.problems.push({
          path: ['agent_groups', i, 'agents', 'by_interval'],
          message: MSG.staffingLength(perDay, 7 * perDay, whole, horizon.interval, horizon.days, got),
        });
      }
    }
    if (Array.isArray(g['shifts'])) checkBreaks(g['shifts'], i, result);
    if (Array.isArray(g['shift_templates'])) checkBreaks(g['shift_templates'], i, result, 'shift_templates');
  });

  types.forEach((t, i) => {
    if (!isRecord(t) || typeof t['id'] !== 'string') return;
    if (allSkillsReadable && groups.length > 0 && !skilled.has(t['id'])) {
      result.problems.push({ path: ['contact_types', i], message: MSG.unservedType(t['id']) });
    }
    const repeatChannel = t['repeat_channel'];
    if (typeof repeatChannel === 'string' && typeIds.length > 0 && !channelOf.has(repeatChannel)) {
      result.problems.push({ path: ['contact_types', i, 'repeat_channel'], message: MSG.unknownRepeatChannel(repeatChannel, typeIds) });
    }
    if (horizon) checkDayCurves(t, i, horizon.interval, result);
    if (t['when_closed'] !== undefined) {
      if (t['channel'] === 'email') {
        result.warnings.push({
          path: ['contact_types', i, 'when_closed'],
          message: 'when_closed is ignored for email: email that arrives while closed waits in the queue for the opening',
        });
      } else if (t['open_hours'] === undefined && raw['open_hours'] === undefined) {
        result.warnings.push({
          path: ['contact_types', i, 'when_closed'],
          message: 'when_closed has no effect: this type has no open_hours (nor the scenario), so it is always open',
        });
      }
    }
    if (t['channel'] === 'email' && t['patience'] !== undefined) {
      result.warnings.push({ path: ['contact_types', i, 'patience'], message: MSG.emailPatienceIgnored });
    }
  });

  checkEventReferences(raw, typeIds, groups, result);

  if (horizon && horizon.warmup >= horizon.days * 24) {
    result.problems.push({
      path: ['horizon', 'warmup_hours'],
      message: MSG.warmupTooLong(horizon.days * 24, horizon.warmup),
    });
  }
  return result;
}

/**
 * A curve over the day has 24 hourly values or one per interval of the day; 48 values with
 * 15-minute intervals would be ambiguous, so the interval length must match.
 */
function checkDayCurves(t: Record<string, unknown>, i: number, interval: number, result: CheckResult): void {
  const perDay = (24 * 60) / interval;
  const allowed = perDay === 24 ? '24 numbers (one per hour of day)' : `24 numbers (one per hour of day) or ${perDay} (one per ${interval}-minute interval of the day)`;
  const check = (value: unknown, path: PathKey[]): void => {
    if (!Array.isArray(value) || value.length === 24 || value.length === perDay) return;
    if (![48, 96].includes(value.length)) return; // the schema reports other lengths
    result.problems.push({ path, message: `expected ${allowed} with interval_minutes ${interval}, got ${value.length}` });
  };
  const a = t['arrivals'];
  if (isRecord(a)) {
    check(a['per_hour'], ['contact_types', i, 'arrivals', 'per_hour']);
    check(a['by_hour'], ['contact_types', i, 'arrivals', 'by_hour']);
    const byDay = a['intraday_by_weekday'];
    if (isRecord(byDay)) for (const [d, w] of Object.entries(byDay)) check(w, ['contact_types', i, 'arrivals', 'intraday_by_weekday', d]);
  }
  check(t['handle_time_by_hour'], ['contact_types', i, 'handle_time_by_hour']);
}

/** Each break window must lie inside its shift (a break after the shift ends means nothing). */
function checkBreaks(shifts: unknown[], group: number, result: CheckResult, key = 'shifts'): void {
  shifts.forEach((shift, k) => {
    if (!isRecord(shift) || typeof shift['hours'] !== 'number' || !Array.isArray(shift['breaks'])) return;
    const hours = shift['hours'];
    const window = shift['break_window_minutes'] ?? DEFAULT_BREAK_WINDOW_MINUTES;
    if (typeof window !== 'number' || !(window >= 0)) return;
    shift['breaks'].forEach((b, n) => {
      if (!isRecord(b) || typeof b['after_hours'] !== 'number' || typeof b['minutes'] !== 'number') return;
      const from = b['after_hours'] - window / 120;
      const to = b['after_hours'] + window / 120 + b['minutes'] / 60;
      if (from < 0 || to > hours + 1e-9) {
        const round = (x: number): number => Math.round(x * 100) / 100;
        result.problems.push({
          path: ['agent_groups', group, key, k, 'breaks', n],
          message: MSG.breakOutsideShift(hours, round(from), round(to)),
        });
      }
    });
  });
}

/** Every contact type and agent group an event names must exist. */
function checkEventReferences(raw: Record<string, unknown>, typeIds: string[], groups: unknown[], result: CheckResult): void {
  const events = raw['events'];
  if (!Array.isArray(events)) return;
  const groupIds = groups.flatMap((g) => (isRecord(g) && typeof g['id'] === 'string' ? [g['id']] : []));
  events.forEach((e, i) => {
    if (!isRecord(e)) return;
    const types = e['types'];
    if (Array.isArray(types) && typeIds.length > 0) {
      types.forEach((t, k) => {
        if (typeof t === 'string' && !typeIds.includes(t)) {
          result.problems.push({ path: ['events', i, 'types', k], message: MSG.unknownType(t, typeIds) });
        }
      });
    }
    const absent = e['agents_absent'];
    if (isRecord(absent) && groupIds.length > 0) {
      for (const g of Object.keys(absent)) {
        if (!groupIds.includes(g)) result.problems.push({ path: ['events', i, 'agents_absent', g], message: MSG.unknownGroup(g, groupIds) });
      }
    }
  });
}

function duplicateIds(root: Record<string, unknown>, key: string, items: unknown[], result: CheckResult): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = isRecord(item) ? item['id'] : undefined;
    if (typeof id !== 'string') return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else result.problems.push({ path: [key, i, 'id'], message: MSG.duplicateId(id, formatPath(root, [key, seen])) });
  });
}

/** The horizon with defaults, or undefined when the schema will reject it anyway. */
function horizonOf(raw: unknown): { days: number; interval: number; warmup: number } | undefined {
  const h = raw === undefined ? {} : raw;
  if (!isRecord(h)) return undefined;
  const days = h['days'] ?? DEFAULTS.horizon.days;
  const interval = h['interval_minutes'] ?? DEFAULTS.horizon.interval_minutes;
  const warmup = h['warmup_hours'] ?? DEFAULTS.horizon.warmup_hours;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) return undefined;
  if (typeof interval !== 'number' || !(INTERVAL_MINUTES as readonly number[]).includes(interval)) return undefined;
  if (typeof warmup !== 'number' || !Number.isFinite(warmup) || warmup < 0) return undefined;
  return { days, interval, warmup };
}
