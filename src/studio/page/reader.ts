/**
 * The reader Web Worker: parses and validates the scenario text (YAML parser and schema: tens
 * to hundreds of milliseconds for a large scenario) and turns levers into validated plans, so
 * the page's main thread never does that work and stays responsive while the user types.
 * Requests are answered in order; the page drops answers to requests it has superseded.
 */
import { horizonSettings, leverSettings, loadStudy, planScenario, POLICIES, studyLevers, type Lever, type Study } from './study.ts';
import type { ReaderReply, ReaderRequest } from './protocol.ts';

let study: Study | null = null;
let levers: Lever[] = [];

interface WorkerScope {
  onmessage: ((e: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderReply): void;
}
const scope = self as unknown as WorkerScope;

function answer(request: ReaderRequest): ReaderReply {
  if (request.kind === 'read') {
    study = null;
    const s = loadStudy(request.text, request.file);
    study = s;
    levers = studyLevers(s);
    return {
      id: request.id,
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
  if (study === null) throw new Error('no scenario has been read');
  const common = horizonSettings(study, request.days);
  const plan = leverSettings(study, { values: request.values, policy: request.policy }, levers);
  const base = planScenario(study, common);
  const planned = plan.length === 0 ? base : planScenario(study, [...common, ...plan]);
  return { id: request.id, kind: 'plan', common, plan, base, planned };
}

scope.onmessage = (e) => {
  const request = e.data;
  let reply: ReaderReply;
  try {
    reply = answer(request);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    reply = request.kind === 'read' ? { id: request.id, kind: 'read', error } : { id: request.id, kind: 'plan', error };
  }
  scope.postMessage(reply);
};
