/** Reading a scenario file into a validated, normalized `Scenario`, or one error listing every problem. */
import { ScenarioError, type Problem } from '../errors.ts';
import { checkScenario, type Finding } from './checks.ts';
import { fallbackMessage, issuesToProblems, problemAt } from './issues.ts';
import { MSG } from './messages.ts';
import { isRecord, scenarioSchema } from './schema.ts';
import { parseSource, type Locate } from './source.ts';
import type { Scenario } from './types.ts';
import type { IdCounts } from './path.ts';

export interface LoadedScenario {
  scenario: Scenario;
  /** Things that are allowed but probably not meant, each as `file:line:col: path: message`. */
  warnings: string[];
}

/**
 * A scenario from YAML or JSON text; `file` names it in messages and gives its default name.
 * No file is read: this is the entry for a browser or any caller holding the text already.
 */
export function parseScenario(text: string, file: string): LoadedScenario {
  const source = parseSource(text);
  if (source.problems.length > 0) throw new ScenarioError(file, source.problems);
  const loaded = validateScenarioObject(source.value, file, source.locate);
  loaded.warnings.unshift(...source.warnings.map((w) => ScenarioError.format(file, [w])));
  return loaded;
}

/**
 * A scenario from an already-parsed plain value (e.g. a file with some fields set by path).
 * `locate` maps a field path to its place in the source, when there is one.
 */
export function validateScenarioObject(obj: unknown, file: string, locate?: Locate): LoadedScenario {
  if (!isRecord(obj)) throw new ScenarioError(file, [{ path: '', message: MSG.topLevel(obj), ...locate?.([]) }]);
  const parsed = scenarioSchema(fileStem(file)).safeParse(obj, { error: fallbackMessage });
  const checks = checkScenario(obj);
  // The value is not changed while its problems are placed: one count of ids per list for all.
  const counts: IdCounts = new WeakMap();
  const found = (f: Finding) => problemAt(obj, f.path, f.message, locate, counts);
  const problems = dedupe([
    ...(parsed.success ? [] : issuesToProblems(parsed.error.issues, obj, locate, [], counts)),
    ...checks.problems.map(found),
  ]);
  if (problems.length > 0 || !parsed.success) throw new ScenarioError(file, byPosition(problems));
  return {
    scenario: parsed.data,
    warnings: byPosition(checks.warnings.map(found)).map((w) => ScenarioError.format(file, [w])),
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** In file order, so the list reads top to bottom; problems without a position first. */
function byPosition(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** `dir/bank.yaml` -> `bank`: the default scenario name (no node:path, so this runs in a browser). */
export function fileStem(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Scenario text (YAML or JSON) to a validated scenario; `name` stands for a file name in messages. */
export function loadScenarioText(text: string, name = 'scenario.yaml'): LoadedScenario {
  return parseScenario(text, name);
}
