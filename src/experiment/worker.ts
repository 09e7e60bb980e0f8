/**
 * The body of a replication worker thread (started through worker-entry.mjs). It receives
 * `{ id, key, scenario, seed, replication }`, runs that replication exactly as the in-process
 * path does (compile once, then simulateReplication per task), and answers `{ id, result }` or
 * `{ id, error }`. Compiled models are cached by the key the pool gives each scenario.
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.ts';
import type { Model } from '../model/model.ts';
import { compile } from '../model/compile.ts';
import { simulateReplication } from './simulate.ts';
import { runReplication } from '../center/run.ts';
import { summarise } from '../metrics/summarise.ts';
import { withoutIntervals } from '../metrics/without-intervals.ts';
import type { TaskMessage, ReplyMessage } from './worker-pool.ts';

const CACHE_SIZE = 8;
const models = new Map<number, Model>();

function modelFor(key: number, scenario: Scenario): Model {
  const cached = models.get(key);
  if (cached !== undefined) return cached;
  const model = compile(scenario);
  models.set(key, model);
  if (models.size > CACHE_SIZE) models.delete(models.keys().next().value!);
  return model;
}

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

port.on('message', (task: TaskMessage) => {
  let reply: ReplyMessage;
  try {
    const model = modelFor(task.key, task.scenario);
    if (task.counts !== undefined) {
      // The staffing search's task: the raw counts (moved, not copied), and the summary if asked.
      const tally = runReplication(model, task.seed, task.replication);
      const result = task.counts === 'and-result' ? summarise(model, tally, task.seed) : null;
      const counts = { grid: tally.grid, intervalTime: tally.intervalTime, events: tally.events };
      port.postMessage({ id: task.id, result, counts } satisfies ReplyMessage, [counts.grid.buffer as ArrayBuffer, counts.intervalTime.buffer as ArrayBuffer]);
      return;
    }
    const result = simulateReplication(model, task.seed, task.replication);
    reply = { id: task.id, result: task.intervals ? result : withoutIntervals(result) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { id: task.id, error: { name: error.name, message: error.message, stack: error.stack ?? '' } };
  }
  port.postMessage(reply);
});
