/**
 * A simulation Web Worker: runs one replication per message exactly as `ccsim` does
 * (compile once per scenario, then simulateReplication), and answers with its totals (no
 * intervals, exactly as `ccsim compare` keeps them).
 */
import { compile } from '../../model/compile.ts';
import type { Model } from '../../model/model.ts';
import { simulateReplication } from '../../experiment/simulate.ts';
import { withoutIntervals } from '../../metrics/without-intervals.ts';
import type { RunTask, TaskReply } from './protocol.ts';

const models = new Map<string, Model>();
const CACHE_SIZE = 4;

function modelFor(task: RunTask): Model {
  let model = models.get(task.key);
  if (model === undefined) {
    model = compile(task.scenario);
    models.set(task.key, model);
    if (models.size > CACHE_SIZE) models.delete(models.keys().next().value!);
  }
  return model;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<RunTask>) => void) | null;
  postMessage(message: TaskReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const task = e.data;
  let reply: TaskReply;
  try {
    const result = simulateReplication(modelFor(task), task.seed, task.replication);
    reply = { run: task.run, key: task.key, replication: task.replication, result: withoutIntervals(result) };
  } catch (err) {
    reply = { run: task.run, key: task.key, replication: task.replication, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
