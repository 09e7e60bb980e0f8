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
  };
  return study;
}

/** The scenario with settings applied, validated like a file; throws UserError/ScenarioError. */
export function planScenario(study: Study, settings: readonly Setting[]): Scenario {
  if (settings.length === 0) return study.scenario;
  const { value } = applySettings(study.raw, settings, 'plan', (raw) => validateScenarioObject(raw, study.file));
  return value.scenario;
}

/**
 * A lever of the page: one number the user can change, named by a key that is also its name in
 * the plan's address (`agents.generalists`, `shift.chat-team.2`, `fcr.cards`). `base` is the
 * value that changes nothing (0 for a % change, the file's own value for a count or a share);
 * a lever left at its base writes no setting.
 */
export interface Lever {
  key: string;
  /** What it belongs to: an agent group or a contact type id. */
  owner: string;
  kind: LeverKind;
  /** Shown beside the input (the shift's times for a shift). */
  label: string;
  unit: '%' | 'agents' | 'share %';
  base: number;
  min: number;
  max: number | null;
  step: number;
}

export type LeverKind = 'agents' | 'count' | 'add' | 'shift' | 'volume' | 'aht' | 'patience' | 'fcr' | 'share' | 'containment';

/** The levers' values by key; a key that is absent is at its base. */
export type LeverValues = Record<string, number>;

export interface Levers {
  values: LeverValues;
  policy: string;
}

export function neutralLevers(study: Study): Levers {
  return { values: {}, policy: study.scenario.routing.policy };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function itemById(list: unknown, id: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const found: unknown = list.find((x) => isRecord(x) && String(x['id']) === id);
  return isRecord(found) ? found : undefined;
}

/** Rates, scales and shares keep 6 significant digits: enough for the simulation, short in a file. */
const tidy = (x: number): number => Number(x.toPrecision(6));
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function shiftLabel(shift: Record<string, unknown>): string {
  const days = Array.isArray(shift['days']) ? (shift['days'] as unknown[]).map(String) : DAYS;
  const idx = days.map((d) => DAYS.indexOf(d));
  const run = idx.every((d, i) => i === 0 || d === idx[i - 1]! + 1) && idx.length > 2 ? `${days[0]}–${days[days.length - 1]}` : days.join(',');
  return `${String(shift['start'])} ${String(shift['hours'])} h ${days.length === 7 ? 'daily' : run}`;
}

/**
 * Every lever the study offers, in the order its settings are written: per agent group its %
 * (staffing_scale), its count (a group staffed by one number), agents added to every staffed
 * interval (a group staffed by hour or interval) or each shift's agents (a group staffed by
 * shifts); per contact type its volume %, AHT %, patience % (types with patience), FCR, and
 * self-service share and containment (every type: one without self-service gets it added).
 */
export function studyLevers(study: Study): Lever[] {
  const out: Lever[] = [];
  const lever = (l: Omit<Lever, 'max' | 'step'> & Partial<Pick<Lever, 'max' | 'step'>>): void => {
    out.push({ max: null, step: 1, ...l });
  };
  for (const group of study.scenario.agent_groups) {
    const g = group.id;
    lever({ key: `agents.${g}`, owner: g, kind: 'agents', label: 'agents', unit: '%', base: 0, min: -95, step: 5 });
    const raw = itemById(study.raw['agent_groups'], g);
    const agents = raw?.['agents'];
    if (typeof agents === 'number') lever({ key: `count.${g}`, owner: g, kind: 'count', label: 'agents', unit: 'agents', base: agents, min: 0 });
    else if (Array.isArray(agents) || (isRecord(agents) && Array.isArray(agents['by_interval']))) {
      lever({ key: `add.${g}`, owner: g, kind: 'add', label: 'added per staffed interval', unit: 'agents', base: 0, min: -1000 });
    } else if (Array.isArray(raw?.['shifts'])) {
      (raw['shifts'] as unknown[]).forEach((s, i) => {
        if (isRecord(s) && typeof s['agents'] === 'number') {
          lever({ key: `shift.${g}.${i}`, owner: g, kind: 'shift', label: shiftLabel(s), unit: 'agents', base: s['agents'], min: 0 });
        }
      });
    }
  }
  for (const type of study.scenario.contact_types) {
    const t = type.id;
    lever({ key: `volume.${t}`, owner: t, kind: 'volume', label: 'volume', unit: '%', base: 0, min: -95, step: 5 });
    lever({ key: `aht.${t}`, owner: t, kind: 'aht', label: 'AHT', unit: '%', base: 0, min: -95, step: 5 });
    if (type.patience !== null) lever({ key: `patience.${t}`, owner: t, kind: 'patience', label: 'patience', unit: '%', base: 0, min: -95, step: 10 });
    lever({ key: `fcr.${t}`, owner: t, kind: 'fcr', label: 'FCR', unit: 'share %', base: tidy(type.fcr * 100), min: 0, max: 100 });
    // A type without self-service starts at 0% offered and 0% contained (what it has now).
    const ss = type.self_service;
    lever({ key: `share.${t}`, owner: t, kind: 'share', label: 'self-service share', unit: 'share %', base: ss === null ? 0 : tidy(ss.share_offered * 100), min: 0, max: 100 });
    lever({ key: `containment.${t}`, owner: t, kind: 'containment', label: 'containment', unit: 'share %', base: ss === null ? 0 : tidy(ss.containment * 100), min: 0, max: 100 });
  }
  return out;
}

/**
 * The self-service a plan adds to a type that has none: the session length of the bundled
 * bank's IVR (about 2 minutes), no cost per session and no longer handling after a failed
 * session (the format's defaults). Written out in full in the saved variants file, so the
 * planner sees (and can edit) what was assumed.
 */
export const ADDED_SELF_SERVICE_DURATION = { distribution: 'lognormal', mean_minutes: 2, cv: 0.5 } as const;

/**
 * A distribution as the file writes it, every time in it multiplied by `f`: a bare number of
 * seconds, a mean (`mean_seconds`, `mean_minutes` or `mean_hours`, in the unit the file uses),
 * every value of an empirical one, every part of a mixture. Shape (cv, weights) is kept, so a
 * % lever moves the mean and nothing else.
 */
export function scaledDistribution(raw: unknown, f: number): unknown {
  if (typeof raw === 'number') return tidy(raw * f);
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  for (const key of ['mean_seconds', 'mean_minutes', 'mean_hours']) {
    const v = raw[key];
    if (typeof v === 'number') out[key] = tidy(v * f);
  }
  if (Array.isArray(raw['values_seconds'])) out['values_seconds'] = raw['values_seconds'].map((v) => (typeof v === 'number' ? tidy(v * f) : v));
  if (Array.isArray(raw['parts'])) out['parts'] = raw['parts'].map((p) => scaledDistribution(p, f));
  return out;
}

/**
 * The `set` field paths of a plan's levers, in the levers' order then routing, with nothing for
 * a lever at its base. A % multiplies what the file says (its own staffing_scale or
 * arrivals.scale included); a count or a share replaces it.
 */
export function leverSettings(study: Study, levers: Levers, all: readonly Lever[] = studyLevers(study)): Setting[] {
  const out: Setting[] = [];
  /** Types given a self-service block by this plan. */
  const added = new Set<string>();
  for (const l of all) {
    const v = levers.values[l.key];
    if (v === undefined || !Number.isFinite(v) || v === l.base) continue;
    const f = 1 + v / 100;
    const group = itemById(study.raw['agent_groups'], l.owner);
    const type = itemById(study.raw['contact_types'], l.owner);
    const g = `agent_groups[${l.owner}]`;
    const t = `contact_types[${l.owner}]`;
    switch (l.kind) {
      case 'agents': {
        const own = group?.['staffing_scale'];
        out.push({ path: `${g}.staffing_scale`, value: tidy(f * (typeof own === 'number' ? own : 1)) });
        break;
      }
      case 'count':
        out.push({ path: `${g}.agents`, value: Math.round(v) });
        break;
      case 'add': {
        const n = Math.round(v);
        const add = (list: unknown[]): unknown[] => list.map((a) => (typeof a === 'number' && a > 0 ? Math.max(0, a + n) : a));
        const agents = group?.['agents'];
        if (Array.isArray(agents)) out.push({ path: `${g}.agents`, value: add(agents) });
        else if (isRecord(agents) && Array.isArray(agents['by_interval'])) out.push({ path: `${g}.agents.by_interval`, value: add(agents['by_interval']) });
        break;
      }
      case 'shift': {
        const i = l.key.slice(l.key.lastIndexOf('.') + 1);
        out.push({ path: `${g}.shifts[${i}].agents`, value: Math.round(v) });
        break;
      }
      case 'volume': {
        const own = isRecord(type?.['arrivals']) ? type['arrivals']['scale'] : undefined;
        out.push({ path: `${t}.arrivals.scale`, value: tidy(f * (typeof own === 'number' ? own : 1)) });
        break;
      }
      case 'aht':
        out.push({ path: `${t}.handle_time`, value: scaledDistribution(type?.['handle_time'], f) });
        break;
      case 'patience':
        out.push({ path: `${t}.patience`, value: scaledDistribution(type?.['patience'], f) });
        break;
      case 'fcr':
        out.push({ path: `${t}.fcr`, value: tidy(v / 100) });
        break;
      case 'share':
      case 'containment': {
        if (isRecord(type?.['self_service'])) {
          out.push({ path: `${t}.self_service.${l.kind === 'share' ? 'share_offered' : 'containment'}`, value: tidy(v / 100) });
          break;
        }
        // No self-service in the file: one setting adds the whole block (both levers' values),
        // written once, at the first of the two levers that is changed.
        if (added.has(l.owner)) break;
        added.add(l.owner);
        const share = levers.values[`share.${l.owner}`];
        const containment = levers.values[`containment.${l.owner}`];
        out.push({
          path: `${t}.self_service`,
          value: {
            share_offered: share !== undefined && Number.isFinite(share) ? tidy(share / 100) : 0,
            containment: containment !== undefined && Number.isFinite(containment) ? tidy(containment / 100) : 0,
            duration: { ...ADDED_SELF_SERVICE_DURATION },
          },
        });
        break;
      }
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
