/**
 * Replications spread over Web Workers. Each worker holds one task at a time and pulls the next
 * when it answers, so a new run (a new change in the page) replaces the queue and the old run
 * costs at most one replication per worker; answers of an older run are dropped by run number.
 * A worker still busy with an older run's replication after STALE_MS (a long horizon, a big
 * center) is terminated and replaced, so a change never waits for a replication nobody wants.
 *
 * Results never pass through here: each worker sends them to the analyst worker over its own
 * MessageChannel (made here, one end to each), and answers the page with a few bytes. The
 * analyst files them by scenario key and replication index, so the figures do not depend on
 * the worker count or the order of answers.
 */
import type { Scenario } from '../../scenario/types.ts';
import type { RunTask, SimulationMessage, TaskReply } from './protocol.ts';

export interface Job {
  key: string;
  scenario: Scenario;
  seed: number;
  replications: number;
}

export interface RunHandlers {
  progress(done: number, total: number): void;
  /** Every replication of every job has been run (and sent to the analyst). */
  done(): void;
  error(message: string): void;
}

/** A stale replication running longer than this is stopped by replacing its worker. */
const STALE_MS = 250;
/** Half the scenarios a worker keeps (worker.ts SCENARIO_CACHE): past this, send them again. */
const SENT_LIMIT = 32;

interface Slot {
  worker: Worker;
  /** Scenario keys this worker has been sent. */
  sent: Set<string>;
  /** Its task in progress: since when, and of which run. */
  busy: { since: number; run: number } | null;
}

export class WorkerRunner {
  private readonly slots: Slot[];
  private queue: Array<{ task: RunTask; scenario: Scenario }> = [];
  private run = 0;
  private jobs: Job[] = [];
  private seen: boolean[][] = [];
  private remaining = 0;
  private total = 0;
  private handlers: RunHandlers | null = null;

  private readonly count: number;

  /**
   * `connect` is given the analyst's end of a new worker's channel. No worker is started here:
   * `warm` starts them one per call (one per task of the page, so starting the page is not one
   * long task), and `start` starts any still missing.
   */
  constructor(
    private readonly url: string,
    count: number,
    private readonly connect: (port: MessagePort) => void,
  ) {
    this.slots = [];
    this.count = Math.max(1, count);
  }

  /** Starts one more worker; false when all are running. */
  warm(): boolean {
    if (this.slots.length >= this.count) return false;
    this.slots.push(this.spawn());
    return this.slots.length < this.count;
  }

  private spawn(): Slot {
    const worker = new Worker(this.url);
    const slot: Slot = { worker, sent: new Set(), busy: null };
    const channel = new MessageChannel();
    const hello: SimulationMessage = { kind: 'port', port: channel.port1 };
    worker.postMessage(hello, [channel.port1]);
    this.connect(channel.port2);
    worker.onmessage = (e: MessageEvent<TaskReply>) => this.answer(slot, e.data);
    worker.onerror = (e) => this.fail(`worker error: ${e.message}`);
    return slot;
  }

  get size(): number {
    return this.count;
  }

  /** Replaces the workers that have been running an abandoned run's replication for long. */
  private stopStale(): void {
    const now = performance.now();
    this.slots.forEach((slot, i) => {
      if (slot.busy === null || slot.busy.run === this.run || now - slot.busy.since < STALE_MS) return;
      slot.worker.terminate();
      this.slots[i] = this.spawn();
    });
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
    while (this.warm());
    this.run += 1;
    this.jobs = jobs;
    this.handlers = handlers;
    this.seen = jobs.map((j) => new Array<boolean>(j.replications).fill(false));
    this.queue = [];
    // Replication-major order: the first answers complete pairs (plan and baseline of the same r).
    const most = Math.max(0, ...jobs.map((j) => j.replications));
    for (let r = 0; r < most; r++) {
      for (const j of jobs) {
        if (r < j.replications) this.queue.push({ task: { kind: 'task', run: this.run, key: j.key, seed: j.seed, replication: r }, scenario: j.scenario });
      }
    }
    this.stopStale();
    this.total = this.queue.length;
    this.remaining = this.total;
    if (this.total === 0) {
      this.handlers = null;
      handlers.done();
      return;
    }
    handlers.progress(0, this.total);
    for (const slot of this.slots) if (slot.busy === null) this.send(slot);
  }

  private send(slot: Slot): void {
    const next = this.queue.shift();
    if (next === undefined) {
      slot.busy = null;
      return;
    }
    const task = next.task;
    if (!slot.sent.has(task.key)) {
      if (slot.sent.size >= SENT_LIMIT) slot.sent.clear();
      slot.sent.add(task.key);
      task.scenario = next.scenario;
    }
    slot.busy = { since: performance.now(), run: task.run };
    slot.worker.postMessage(task);
  }

  private answer(slot: Slot, reply: TaskReply): void {
    if (!this.slots.includes(slot)) return;
    this.send(slot);
    if (reply.run !== this.run || this.handlers === null) return;
    if ('error' in reply) {
      this.fail(reply.error);
      return;
    }
    const j = this.jobs.findIndex((job) => job.key === reply.key);
    if (j < 0 || this.seen[j]![reply.replication] !== false) return;
    this.seen[j]![reply.replication] = true;
    this.remaining -= 1;
    this.handlers.progress(this.total - this.remaining, this.total);
    if (this.remaining === 0) {
      const handlers = this.handlers;
      this.handlers = null;
      handlers.done();
    }
  }

  private fail(message: string): void {
    const handlers = this.handlers;
    this.handlers = null;
    this.queue = [];
    handlers?.error(message);
  }
}
