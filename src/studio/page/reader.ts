/**
 * The reader Web Worker: parses and validates the scenario text (YAML parser and schema: tens
 * to hundreds of milliseconds for a large scenario) and turns levers into validated plans, so
 * the page's main thread never does that work and stays responsive while the user types. It
 * also holds the bundled scenarios' texts and writes the variants file (the YAML writer), which
 * keeps the page's main script small: evaluating it is the page's first long task.
 * Requests are answered in order; the page drops answers to requests it has superseded.
 */
import { horizonSettings, leverSettings, loadStudy, planScenario, POLICIES, studyLevers, type Lever, type Study } from './study.ts';
import { BUNDLED } from './scenarios.ts';
import { variantsYaml } from './variants-file.ts';
import type { ReaderReply, ReaderRequest, ReadReply } from './protocol.ts';

let study: Study | null = null;
let levers: Lever[] = [];

interface WorkerScope {
  onmessage: ((e: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderReply): void;
}
const scope = self as unknown as WorkerScope;

function read(id: number, text: string, file: string): ReadReply {
  study = null;
  const s = loadStudy(text, file);
  study = s;
  levers = studyLevers(s);
  return {
    id,
    kind: 'read',
    study: {
      file: s.file,
      seed: s.scenario.seed,
      days: s.scenario.horizon.days,
      policy: s.scenario.routing.policy,
      policies: POLICIES,
      groups: s.scenario.agent_groups.map((g) => g.id),
      types: s.scenario.contact_types.map((t) => t.id),
      levers,
      warnings: s.warnings,
    },
  };
}

function answer(request: ReaderRequest): ReaderReply {
  switch (request.kind) {
    case 'read':
      return read(request.id, request.text, request.file);
    case 'bundled': {
      const found = BUNDLED.find((b) => b.file === request.file) ?? BUNDLED[0]!;
      try {
        return { ...read(request.id, found.text, found.file), text: found.text };
      } catch (err) {
        return { id: request.id, kind: 'read', error: err instanceof Error ? err.message : String(err), text: found.text, file: found.file };
      }
    }
    case 'save':
      return { id: request.id, kind: 'saved', yaml: variantsYaml(request.saved, request.fileName), fileName: request.fileName };
    case 'plan': {
      if (study === null) throw new Error('no scenario has been read');
      const common = horizonSettings(study, request.days);
      const plan = leverSettings(study, { values: request.values, policy: request.policy }, levers);
      const base = planScenario(study, common);
      const planned = plan.length === 0 ? base : planScenario(study, [...common, ...plan]);
      return { id: request.id, kind: 'plan', common, plan, base, planned };
    }
  }
}

scope.onmessage = (e) => {
  const request = e.data;
  let reply: ReaderReply;
  try {
    reply = answer(request);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    reply = request.kind === 'plan' ? { id: request.id, kind: 'plan', error } : request.kind === 'save' ? { id: request.id, kind: 'saved', error } : { id: request.id, kind: 'read', error };
  }
  scope.postMessage(reply);
};

scope.postMessage({ kind: 'bundled', files: BUNDLED.map((b) => b.file) });
