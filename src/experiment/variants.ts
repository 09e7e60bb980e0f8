/**
 * What-if variants: one base scenario and named changes to it, for `ccsim compare`.
 *
 * ```yaml
 * base: retail-bank.yaml            # relative to this file
 * variants:
 *   - name: Skill-based + bot
 *     set:
 *       routing.policy: skill_based
 *       contact_types[billing].self_service.containment: 0.3
 *       agent_groups[generalists].agents: 45
 * ```
 *
 * Optional keys: `name` (the comparison's name; default the base scenario's name), `base_name`
 * (the plan name of the unchanged base; default `baseline`), `include_base` (default true) and
 * `baseline` (the plan differences are measured against; default the first plan). The plans
 * are the base, then the variants in file order; the baseline plan is moved first.
 *
 * Each variant's `set` is applied to the base file's raw value (before defaults), and the result
 * is validated like a scenario file; problems are reported with the variant's name.
 */
import { InputFileError, MAX_SCENARIO_BYTES, readInputText } from '../input-file.ts';
import { dirname, extname, resolve } from 'node:path';
import { ScenarioError, UserError, type Problem } from '../errors.ts';
import { validateScenarioObject, type LoadedScenario } from '../scenario/index.ts';
import { loadScenario } from '../files/scenario-file.ts';
import { parseSource, type Locate } from '../scenario/source.ts';
import { scorecardSchema } from '../scenario/schema.ts';
import type { Plan } from './types.ts';
import { applySettings, parseFieldPath, type Setting } from './paths.ts';
import { scenarioChanges } from './scenario-diff.ts';

/** A scenario file read as its raw value (for settings by path) and validated. */
export interface RawScenario extends LoadedScenario {
  file: string;
  raw: Record<string, unknown>;
}

function readText(file: string): string {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    throw new ScenarioError(file, [{ path: '', message: `expected a .yaml, .yml or .json file, got ${ext ? `a ${ext} file` : 'a file without extension'}` }]);
  }
  try {
    return readInputText(file, MAX_SCENARIO_BYTES);
  } catch (e) {
    if (e instanceof InputFileError) throw new ScenarioError(file, [{ path: '', message: e.reason }]);
    throw e;
  }
}

function parseFile(file: string): { value: unknown; locate: Locate; warnings: string[] } {
  const source = parseSource(readText(file));
  if (source.problems.length > 0) throw new ScenarioError(file, source.problems);
  return { value: source.value, locate: source.locate, warnings: source.warnings.map((w) => ScenarioError.format(file, [w])) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Loads a scenario file, keeping its raw value for settings by path. */
export function loadRawScenario(file: string): RawScenario {
  const parsed = parseFile(file);
  const loaded = validateScenarioObject(parsed.value, file, parsed.locate);
  loaded.scenario.source = file;
  return { ...loaded, warnings: [...parsed.warnings, ...loaded.warnings], file, raw: parsed.value as Record<string, unknown> };
}

/**
 * The scenario `base` with `settings` applied; problems are UserErrors prefixed by `label`.
 * Warnings the base already had are left out.
 */
export function scenarioWithSettings(base: RawScenario, settings: readonly Setting[], label: string): LoadedScenario {
  const { value } = applySettings(base.raw, settings, label, (raw) => validateScenarioObject(raw, base.file));
  value.scenario.source = base.file;
  const known = new Set(base.warnings);
  return { scenario: value.scenario, warnings: value.warnings.filter((w) => !known.has(w)).map((w) => `${label}: ${w}`) };
}

export interface Variants {
  /** The comparison's name. */
  name: string;
  /** Baseline first. */
  plans: Plan[];
  baseline: string;
  warnings: string[];
}

const KEYS = ['base', 'name', 'base_name', 'include_base', 'baseline', 'scorecard', 'variants'];
const VARIANT_KEYS = ['name', 'description', 'set'];

/** True when the file's top level has a `variants` or `base` key (a variants file, not a scenario). */
export function isVariantsFile(file: string): boolean {
  let value: unknown;
  try {
    value = parseSource(readText(file)).value;
  } catch {
    return false;
  }
  return isRecord(value) && ('variants' in value || 'base' in value);
}

/** Loads a variants file and builds its plans (each validated). Throws UserError. */
export function loadVariants(file: string): Variants {
  const { value, locate, warnings } = parseFile(file);
  const problems: Problem[] = [];
  const problem = (path: Array<string | number>, shown: string, message: string): void => {
    problems.push({ path: shown, message, ...locate(path) });
  };
  if (!isRecord(value)) throw new ScenarioError(file, [{ path: '', message: 'expected a mapping with base and variants' }]);
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) problem([key], key, `unknown key '${key}' (expected one of ${KEYS.join(', ')})`);
  }
  const text = (key: string): string | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      problem([key], key, `expected non-empty text, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  };
  const baseFile = text('base');
  if (value['base'] === undefined) problem([], 'base', 'required: the base scenario file (relative to this file)');
  const name = text('name');
  const baseName = text('base_name') ?? 'baseline';
  const baselineName = text('baseline');
  const includeBase = value['include_base'] ?? true;
  if (typeof includeBase !== 'boolean') problem(['include_base'], 'include_base', `expected true or false, got ${JSON.stringify(includeBase)}`);

  const variants: Array<{ name: string; settings: Setting[] }> = [];
  const list = value['variants'];
  if (!Array.isArray(list) || list.length === 0) {
    problem(['variants'], 'variants', 'expected a list of at least one variant like {name: ..., set: {path: value}}');
  } else {
    list.forEach((v, i) => {
      const at = `variants[${i}]`;
      if (!isRecord(v)) {
        problem(['variants', i], at, 'expected a mapping {name, set}');
        return;
      }
      for (const key of Object.keys(v)) {
        if (!VARIANT_KEYS.includes(key)) problem(['variants', i, key], `${at}.${key}`, `unknown key '${key}' (expected one of ${VARIANT_KEYS.join(', ')})`);
      }
      const n = v['name'];
      if (typeof n !== 'string' || n.trim() === '') {
        problem(['variants', i, 'name'], `${at}.name`, n === undefined ? 'required: the variant name' : `expected non-empty text, got ${JSON.stringify(n)}`);
        return;
      }
      const set = v['set'];
      if (!isRecord(set)) {
        problem(['variants', i, 'set'], `${at}.set`, set === undefined ? 'required: a mapping of field path to value' : 'expected a mapping of field path to value');
        return;
      }
      const settings: Setting[] = [];
      for (const [path, val] of Object.entries(set)) {
        try {
          parseFieldPath(path, `variant '${n}'`);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          problem(['variants', i, 'set', path], `${at}.set`, e.message);
          continue;
        }
        settings.push({ path, value: val });
      }
      variants.push({ name: n, settings });
    });
  }
  const names = [...(includeBase === false ? [] : [baseName]), ...variants.map((v) => v.name)];
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) problem(['variants'], 'variants', `two plans are named '${n}': plan names must be unique`);
    seen.add(n);
  }
  if (baselineName !== undefined && !names.includes(baselineName)) {
    problem(['baseline'], 'baseline', `no plan named '${baselineName}' (plans: ${names.join(', ')})`);
  }
  if (value['scorecard'] !== undefined) {
    // Checked here too, so that a mistake points at this file's line, not at the base's.
    const parsed = scorecardSchema.safeParse(value['scorecard']);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
        problem(['scorecard', ...keys], 'scorecard' + keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join(''), issue.message);
      }
    }
  }
  if (problems.length > 0) throw new ScenarioError(file, problems);

  const base = loadRawScenario(resolve(dirname(file), baseFile!));
  const plans: Plan[] = [];
  const allWarnings = [...warnings, ...base.warnings];
  // A scorecard in the variants file scores every plan alike (a variant's own `set` may override it).
  const card: Setting[] = value['scorecard'] === undefined ? [] : [{ path: 'scorecard', value: value['scorecard'] }];
  if (includeBase !== false) {
    const scenario = card.length === 0 ? base.scenario : scenarioWithSettings(base, card, `${file}: scorecard`).scenario;
    plans.push({ name: baseName, scenario });
  }
  // Every variant is checked, so that a file with several bad variants lists all of them.
  const failures: UserError[] = [];
  for (const v of variants) {
    try {
      const loaded = scenarioWithSettings(base, [...card, ...v.settings], `variant '${v.name}'`);
      allWarnings.push(...loaded.warnings);
      plans.push({ name: v.name, scenario: loaded.scenario });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length === 1) throw failures[0]!;
  if (failures.length > 1) {
    const each = failures.map((f) => f.message.replace(/\n/g, '\n  ')).join('\n  ');
    throw new UserError(`${file}: ${failures.length} variants have problems\n  ${each}`);
  }
  const baseline = baselineName ?? plans[0]!.name;
  const ordered = [plans.find((p) => p.name === baseline)!, ...plans.filter((p) => p.name !== baseline)];
  // What each plan changes: its own settings when the baseline is the base, else a field diff.
  const settingsOf = new Map(variants.map((v) => [v.name, v.settings]));
  const baselineIsBase = includeBase !== false && baseline === baseName;
  for (const p of ordered.slice(1)) {
    const own = settingsOf.get(p.name);
    p.changes = baselineIsBase && own !== undefined ? own.map((st) => `${st.path}: ${typeof st.value === 'string' ? st.value : JSON.stringify(st.value)}`) : scenarioChanges(ordered[0]!.scenario, p.scenario);
  }
  return { name: name ?? base.scenario.name, plans: ordered, baseline, warnings: allWarnings };
}

/**
 * The plans of `ccsim compare FILE...`: one variants file, or two or more scenario files (each a
 * plan named after its scenario, the first the baseline).
 */
export function loadPlans(files: readonly string[]): Variants {
  if (files.length === 0) throw new UserError('compare: expected one variants file or at least two scenario files');
  const variantsFiles = files.filter(isVariantsFile);
  if (variantsFiles.length > 0) {
    if (files.length > 1) throw new UserError(`compare: give one variants file alone (${variantsFiles[0]} is a variants file), or only scenario files`);
    return loadVariants(files[0]!);
  }
  if (files.length < 2) throw new UserError(`compare: ${files[0]} is a scenario file: give two or more scenario files, or one variants file`);
  const warnings: string[] = [];
  const plans: Plan[] = files.map((file) => {
    const loaded = loadScenario(file);
    warnings.push(...loaded.warnings);
    return { name: loaded.scenario.name, scenario: loaded.scenario };
  });
  // Plans named alike are told apart by their file.
  const count = new Map<string, number>();
  for (const p of plans) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  plans.forEach((p, i) => {
    if (count.get(p.name)! > 1) p.name = `${p.name} (${files[i]})`;
  });
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.name)) throw new UserError(`compare: ${p.name} is given twice`);
    seen.add(p.name);
  }
  for (const p of plans.slice(1)) p.changes = scenarioChanges(plans[0]!.scenario, p.scenario);
  return { name: plans.map((p) => p.name).join(' vs '), plans, baseline: plans[0]!.name, warnings };
}
