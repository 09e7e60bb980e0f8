/**
 * What the studio studies: a scenario text read exactly as the CLI reads a file (same parser,
 * same validation, same messages), kept as its raw value so the levers can be applied as `set`
 * field paths, the way a variants file applies them. A plan in the page is therefore the same
 * scenario `ccsim compare` builds from the saved variants file.
 *
 * Node-free: runs in the page (and is unit-testable in Node).
 */
import { ScenarioError, UserError } from '../../errors.ts';
import { parseSource } from '../../scenario/source.ts';
import { validateScenarioObject } from '../../scenario/load.ts';
import { POLICIES } from '../../scenario/schema.ts';
import type { Scenario } from '../../scenario/types.ts';
import { applySettings, type Setting } from '../../experiment/paths.ts';

export { POLICIES };
export type { Setting };

export interface Study {
  /** The file name the text is known by (messages and the variants file's `base:`). */
  file: string;
  raw: Record<string, unknown>;
  scenario: Scenario;
  warnings: string[];
  /** Whether the format knows `agent_groups[ID].staffing_scale` / `contact_types[ID].arrivals.scale`. */
  hasStaffingScale: boolean;
  hasArrivalsScale: boolean;
}

/** Reads a scenario text; throws the CLI's ScenarioError (`file:line:col: path: message`). */
export function loadStudy(text: string, file: string): Study {
  const source = parseSource(text);
  if (source.problems.length > 0) throw new ScenarioError(file, source.problems);
  const loaded = validateScenarioObject(source.value, file, source.locate);
  const raw = source.value as Record<string, unknown>;
  const study: Study = {
    file,
    raw,
    scenario: loaded.scenario,
    warnings: [...source.warnings.map((w) => ScenarioError.format(file, [w])), ...loaded.warnings],
    hasStaffingScale: false,
    hasArrivalsScale: false,
  };
  // Whether these keys exist is asked of the format itself, so the levers use them as soon as
  // the schema has them and fall back to rewriting the counts while it does not.
  const group = loaded.scenario.agent_groups[0];
  const type = loaded.scenario.contact_types[0];
  study.hasStaffingScale = group !== undefined && accepts(study, `agent_groups[${group.id}].staffing_scale`, 1);
  study.hasArrivalsScale = type !== undefined && accepts(study, `contact_types[${type.id}].arrivals.scale`, 1);
  return study;
}

function accepts(study: Study, path: string, value: unknown): boolean {
  try {
    planScenario(study, [{ path, value }]);
    return true;
  } catch {
    return false;
  }
}

/** The scenario with settings applied, validated like a file; throws UserError/ScenarioError. */
export function planScenario(study: Study, settings: readonly Setting[]): Scenario {
  if (settings.length === 0) return study.scenario;
  const { value } = applySettings(study.raw, settings, 'plan', (raw) => validateScenarioObject(raw, study.file));
  return value.scenario;
}

/** The levers of a plan: % changes are 0 when untouched. */
export interface Levers {
  /** Agents per group, % change. */
  agents: Record<string, number>;
  /** Volume per contact type, % change. */
  volume: Record<string, number>;
  policy: string;
}

export function neutralLevers(study: Study): Levers {
  return { agents: {}, volume: {}, policy: study.scenario.routing.policy };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function itemById(list: unknown, id: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const found: unknown = list.find((x) => isRecord(x) && String(x['id']) === id);
  return isRecord(found) ? found : undefined;
}

const round = (x: number): number => Math.max(0, Math.round(x));
/** Rates keep 6 significant digits: enough for the simulation, short in a file. */
const tidy = (x: number): number => Number(x.toPrecision(6));

/**
 * The `set` field paths of a plan's levers, in a fixed order (groups, types, routing), with
 * nothing for an untouched lever. Agents: `staffing_scale` when the format has it; else every
 * count the group is staffed with (a constant, 24 hourly values, or each shift's agents)
 * scaled and rounded to whole agents. Volume: `arrivals.scale` when the format has it; else
 * per_day or per_hour scaled.
 */
export function leverSettings(study: Study, levers: Levers): Setting[] {
  const out: Setting[] = [];
  for (const group of study.scenario.agent_groups) {
    const pct = levers.agents[group.id] ?? 0;
    if (pct === 0) continue;
    const f = 1 + pct / 100;
    const at = `agent_groups[${group.id}]`;
    if (study.hasStaffingScale) {
      out.push({ path: `${at}.staffing_scale`, value: tidy(f) });
      continue;
    }
    const raw = itemById(study.raw['agent_groups'], group.id);
    if (raw === undefined) continue;
    const agents = raw['agents'];
    if (typeof agents === 'number') out.push({ path: `${at}.agents`, value: round(agents * f) });
    else if (Array.isArray(agents)) out.push({ path: `${at}.agents`, value: agents.map((a) => (typeof a === 'number' ? round(a * f) : a)) });
    else if (Array.isArray(raw['shifts'])) {
      raw['shifts'].forEach((s, i) => {
        if (isRecord(s) && typeof s['agents'] === 'number') out.push({ path: `${at}.shifts[${i}].agents`, value: round(s['agents'] * f) });
      });
    }
  }
  for (const type of study.scenario.contact_types) {
    const pct = levers.volume[type.id] ?? 0;
    if (pct === 0) continue;
    const f = 1 + pct / 100;
    const at = `contact_types[${type.id}].arrivals`;
    if (study.hasArrivalsScale) {
      out.push({ path: `${at}.scale`, value: tidy(f) });
      continue;
    }
    const arrivals = itemById(study.raw['contact_types'], type.id)?.['arrivals'];
    if (!isRecord(arrivals)) continue;
    for (const key of ['per_day', 'per_hour']) {
      const v = arrivals[key];
      if (typeof v === 'number') out.push({ path: `${at}.${key}`, value: tidy(v * f) });
      else if (Array.isArray(v)) out.push({ path: `${at}.${key}`, value: v.map((x) => (typeof x === 'number' ? tidy(x * f) : x)) });
    }
  }
  if (levers.policy !== study.scenario.routing.policy) out.push({ path: 'routing.policy', value: levers.policy });
  return out;
}

/** The horizon setting both plans share (none when it is the file's own). */
export function horizonSettings(study: Study, days: number): Setting[] {
  if (days === study.scenario.horizon.days) return [];
  if (!(days > 0) || study.scenario.horizon.warmup_hours >= days * 24) {
    throw new UserError(`horizon: ${days} days leave nothing after the ${study.scenario.horizon.warmup_hours} h warm-up`);
  }
  return [{ path: 'horizon.days', value: days }];
}
