/**
 * A pool of worker threads that run replications. Workers are started lazily (never more than
 * `size`, never more than there is work for) and reused for every scenario the pool is given,
 * so a command creates one pool and runs all its plans or grid points through it.
 *
 * Each task is one replication: a pure function of (scenario, seed, replication), so which
 * worker runs it, and in which order, cannot change its result. Callers place results by
 * replication number, never by completion order.
 *
 * Workers are referenced (keep the process alive) only while they have work, so a pool that is
 * not closed never hangs the process; close it anyway to free the threads.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.ts';
import type { Result } from '../metrics/types.ts';

/** Main thread -> worker. */
export interface TaskMessage {
  id: number;
  /** Identifies the scenario, so the worker can reuse its compiled model. */
  key: number;
  scenario: Scenario;
  seed: number;
  replication: number;
  /** Send `by_interval` back (false: an empty list, for callers that need totals and types only). */
  intervals: boolean;
  /**
   * Send the raw counts per (interval, contact type) back (`counts`), for the staffing search,
   * which judges every cell; with 'and-result' the summarised result too, else no result.
   */
  counts?: 'only' | 'and-result' | undefined;
}

/**
 * The raw counts of one replication (metrics/tally.ts `grid` and `intervalTime`, row layout as
 * there) and its event count: what a search that judges every (interval, type) cell needs.
 */
export interface ReplicationCounts {
  grid: Float64Array;
  intervalTime: Float64Array;
  events: number;
}

/** Worker -> main thread. */
export type ReplyMessage =
  | { id: number; result: Result | null; counts?: ReplicationCounts | undefined; error?: undefined }
  | { id: number; result?: undefined; counts?: undefined; error: { name: string; message: string; stack: string } };

/** A replication's counts and, when asked for, its summarised result. */
export interface CountsReply {
  counts: ReplicationCounts;
  result: Result | null;
}

interface Pending {
  message: TaskMessage;
  resolve: (reply: { result: Result | null; counts?: ReplicationCounts | undefined }) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker, oldest first; it answers them in order. */
  tasks: Pending[];
}

/**
 * Tasks a worker holds at once: the next one waits in its message queue, so the worker starts
 * it the moment it finishes the current one instead of idling for a round trip to this thread.
 */
const IN_FLIGHT = 2;

/**
 * The worker's entry: the compiled `worker.js` beside this file in the built package; when this
 * module runs from TypeScript sources (tests, `tsx`), a small `.mjs` that registers tsx first,
 * since Node 20 cannot load `.ts` in a worker by itself.
 */
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./worker-entry.mjs', import.meta.url)
  : new URL('./worker.js', import.meta.url);

/** A replication failed inside a worker; the worker's stack trace is kept. */
export class WorkerTaskError extends Error {
  constructor(name: string, message: string, stack: string) {
    super(message);
    this.name = `WorkerTaskError(${name})`;
    if (stack !== '') this.stack = `${this.name}: ${message}\n(in a worker thread)\n${stack}`;
  }
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly keys = new WeakMap<Scenario, number>();
  private nextKey = 1;
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;

  /** @param size the most worker threads to start (>= 1). */
  constructor(readonly size: number) {
    if (!(Number.isSafeInteger(size) && size >= 1)) throw new RangeError(`WorkerPool: size must be an integer >= 1, got ${size}`);
  }

  /** Runs replication `replication` of `scenario` (seeded from `seed`) on a worker. */
  run(scenario: Scenario, seed: number, replication: number, intervals = true): Promise<Result> {
    return this.send(scenario, seed, replication, intervals, undefined).then((reply) => reply.result!);
  }

  /**
   * Runs replication `replication` of `scenario` on a worker and answers its raw counts per
   * (interval, type), with the summarised result when `withResult` (see ReplicationCounts).
   */
  runCounts(scenario: Scenario, seed: number, replication: number, withResult: boolean): Promise<CountsReply> {
    return this.send(scenario, seed, replication, true, withResult ? 'and-result' : 'only').then((reply) => ({ counts: reply.counts!, result: reply.result }));
  }

  private send(scenario: Scenario, seed: number, replication: number, intervals: boolean, counts: TaskMessage['counts']): Promise<{ result: Result | null; counts?: ReplicationCounts | undefined }> {
    if (this.closed) return Promise.reject(new Error('WorkerPool: already closed'));
    if (this.failure !== null) return Promise.reject(this.failure);
    let key = this.keys.get(scenario);
    if (key === undefined) {
      key = this.nextKey++;
      this.keys.set(scenario, key);
    }
    const message: TaskMessage = { id: this.nextId++, key, scenario, seed, replication, intervals, counts };
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. Pending tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('WorkerPool: closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // An idle worker first, then a new one, then a busy one with room for a next task.
      let slot = this.slots.find((s) => s.tasks.length === 0);
      if (slot === undefined && this.slots.length < this.size) slot = this.start();
      if (slot === undefined) slot = this.slots.find((s) => s.tasks.length < IN_FLIGHT);
      if (slot === undefined) return;
      const task = this.queue.shift()!;
      slot.tasks.push(task);
      slot.worker.ref();
      slot.worker.postMessage(task.message);
    }
  }

  private start(): Slot {
    const worker = new Worker(ENTRY);
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (reply: ReplyMessage) => {
      const task = slot.tasks[0];
      if (task === undefined || task.message.id !== reply.id) return;
      slot.tasks.shift();
      if (reply.error !== undefined) task.reject(new WorkerTaskError(reply.error.name, reply.error.message, reply.error.stack));
      else task.resolve({ result: reply.result, counts: reply.counts });
      if (this.queue.length === 0 && slot.tasks.length === 0) worker.unref();
      this.dispatch();
    });
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`a replication worker stopped unexpectedly (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Rejects everything pending and refuses further work. */
  private fail(error: Error): void {
    if (this.failure === null) this.failure = error;
    const pending = [...this.queue.splice(0), ...this.slots.flatMap((s) => s.tasks.splice(0))];
    for (const p of pending) p.reject(error);
  }
}
