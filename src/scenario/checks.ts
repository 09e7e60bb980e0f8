/**
 * Rules that span fields, checked on the file's raw value so they are reported alongside the
 * schema's findings (not only once those are fixed). Each check skips what the schema rejects.
 */
import { MSG } from './messages.ts';
import { formatPath } from './path.ts';
import { DEFAULTS, INTERVAL_MINUTES, isRecord } from './schema.ts';
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
      const want = intervalCount(horizon.days, horizon.interval);
      const got = agents['by_interval'].length;
      if (got !== want) {
        result.problems.push({
          path: ['agent_groups', i, 'agents', 'by_interval'],
          message: MSG.intervalCount(want, horizon.interval, horizon.days, got),
        });
      }
    }
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
