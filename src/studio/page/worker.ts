/**
 * A simulation Web Worker: runs one replication per task exactly as `ccsim` does (compile once
 * per scenario, then simulateReplication), sends the result to the analyst worker over its
 * MessageChannel, and tells the page only that the replication is done.
 */
import { compile } from '../../model/compile.ts';
import type { Model } from '../../model/model.ts';
import type { Scenario } from '../../scenario/types.ts';
import { simulateReplication } from '../../experiment/simulate.ts';
import type { ReplicationResult, RunTask, SimulationMessage, TaskReply } from './protocol.ts';

/** Scenarios by key (the page sends each once), and the most recent compiled models. */
const scenarios = new Map<string, Scenario>();
const models = new Map<string, Model>();
const MODEL_CACHE = 4;
/** Scenarios kept; the page re-sends a scenario after it has sent a worker half as many others. */
export const SCENARIO_CACHE = 64;
let analyst: MessagePort | null = null;

function modelFor(task: RunTask): Model {
  let model = models.get(task.key);
  if (model === undefined) {
    const scenario = scenarios.get(task.key);
    if (scenario === undefined) throw new Error(`no scenario for ${task.key}`);
    model = compile(scenario);
    models.set(task.key, model);
    if (models.size > MODEL_CACHE) models.delete(models.keys().next().value!);
  }
  return model;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<SimulationMessage>) => void) | null;
  postMessage(message: TaskReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const message = e.data;
  if (message.kind === 'port') {
    analyst = message.port;
    return;
  }
  const task = message;
  if (task.scenario !== undefined) {
    scenarios.delete(task.key);
    scenarios.set(task.key, task.scenario);
    if (scenarios.size > SCENARIO_CACHE) scenarios.delete(scenarios.keys().next().value!);
  }
  let reply: TaskReply;
  try {
    if (analyst === null) throw new Error('no analyst to send results to');
    const result = simulateReplication(modelFor(task), task.seed, task.replication);
    const out: ReplicationResult = { key: task.key, replication: task.replication, result };
    analyst.postMessage(out);
    reply = { run: task.run, key: task.key, replication: task.replication };
  } catch (err) {
    reply = { run: task.run, key: task.key, replication: task.replication, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
