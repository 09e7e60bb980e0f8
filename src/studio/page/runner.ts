/**
 * Replications spread over Web Workers. Each worker holds one task at a time and pulls the next
 * when it answers, so a new run (a new change in the page) replaces the queue and the old run
 * costs at most one replication per worker; answers of an older run are dropped by run number.
 * A worker still busy with an older run's replication after STALE_MS (a long horizon, a big
 * center) is terminated and replaced, so a change never waits for a replication nobody wants.
 * Results are stored by replication index, so the figures do not depend on the worker count.
 */
import type { Result } from '../../metrics/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { RunTask, TaskReply } from './protocol.ts';

export interface Job {
  key: string;
  scenario: Scenario;
  seed: number;
  replications: number;
}

export interface RunHandlers {
  progress(done: number, total: number): void;
  /** Per job (in job order), its results in replication order. */
  done(results: Result[][]): void;
  error(message: string): void;
}

/** A stale replication running longer than this is stopped by replacing its worker. */
const STALE_MS = 250;

export class WorkerRunner {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  /** When each busy worker got its task, and of which run. */
  private readonly busy = new Map<Worker, { since: number; run: number }>();
  private queue: RunTask[] = [];
  private run = 0;
  private jobs: Job[] = [];
  private results: Array<Array<Result | undefined>> = [];
  private remaining = 0;
  private total = 0;
  private handlers: RunHandlers | null = null;

  constructor(
    private readonly url: string,
    count: number,
  ) {
    this.workers = Array.from({ length: Math.max(1, count) }, () => this.spawn());
    this.idle = [...this.workers];
  }

  private spawn(): Worker {
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<TaskReply>) => this.answer(w, e.data);
    w.onerror = (e) => this.fail(`worker error: ${e.message}`);
    return w;
  }

  /** Replaces the workers that have been running an abandoned run's replication for long. */
  private stopStale(): void {
    const now = performance.now();
    for (const [w, task] of this.busy) {
      if (task.run === this.run || now - task.since < STALE_MS) continue;
      this.busy.delete(w);
      w.terminate();
      const fresh = this.spawn();
      this.workers[this.workers.indexOf(w)] = fresh;
      this.idle.push(fresh);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Abandons the run in progress: its queued replications are dropped, its answers ignored. */
  cancel(): void {
    this.run += 1;
    this.queue = [];
    this.handlers = null;
    this.stopStale();
  }

  /** Starts a run, abandoning the one in progress. */
  start(jobs: Job[], handlers: RunHandlers): void {
    this.run += 1;
    this.jobs = jobs;
    this.handlers = handlers;
    this.results = jobs.map((j) => new Array<Result | undefined>(j.replications));
    this.queue = [];
    // Replication-major order: the first answers complete pairs (plan and baseline of the same r).
    const most = Math.max(0, ...jobs.map((j) => j.replications));
    for (let r = 0; r < most; r++) {
      for (const j of jobs) if (r < j.replications) this.queue.push({ run: this.run, key: j.key, scenario: j.scenario, seed: j.seed, replication: r });
    }
    this.stopStale();
    this.total = this.queue.length;
    this.remaining = this.total;
    if (this.total === 0) {
      handlers.done(this.results.map(() => []));
      return;
    }
    handlers.progress(0, this.total);
    while (this.idle.length > 0 && this.queue.length > 0) this.send(this.idle.pop()!);
  }

  private send(w: Worker): void {
    const task = this.queue.shift();
    if (task === undefined) {
      this.busy.delete(w);
      this.idle.push(w);
      return;
    }
    this.busy.set(w, { since: performance.now(), run: task.run });
    w.postMessage(task);
  }

  private answer(w: Worker, reply: TaskReply): void {
    if (!this.workers.includes(w)) return;
    this.send(w);
    if (reply.run !== this.run || this.handlers === null) return;
    if ('error' in reply) {
      this.fail(reply.error);
      return;
    }
    const j = this.jobs.findIndex((job) => job.key === reply.key);
    if (j < 0 || this.results[j]![reply.replication] !== undefined) return;
    this.results[j]![reply.replication] = reply.result;
    this.remaining -= 1;
    this.handlers.progress(this.total - this.remaining, this.total);
    if (this.remaining === 0) {
      const handlers = this.handlers;
      this.handlers = null;
      handlers.done(this.results.map((rs) => rs as Result[]));
    }
  }

  private fail(message: string): void {
    const handlers = this.handlers;
    this.handlers = null;
    this.queue = [];
    handlers?.error(message);
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
  }
}
