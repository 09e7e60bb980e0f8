import { SubjectHeap } from '../engine/subject-heap.ts';
import { randomStream, type Uniform } from '../engine/random.ts';
import { VOICE, type ContactTypeModel, type Model } from '../model/model.ts';
import { effortScore, type EffortModel } from '../model/effort.ts';
import { F, FIELDS, G, GROUP_FIELDS, newTally, type Tally } from '../metrics/tally.ts';
import { ArrivalProcess } from './arrival-process.ts';
import { customerStreams, FIRST } from './customer-streams.ts';
import { IntervalBooks } from './interval-books.ts';
import { ContactQueue } from './queue.ts';
import { replicationStaffing } from './shifts.ts';
import type { RunTrace } from './trace.ts';

/**
 * The single-queue center: one contact type, one group of identical agents, a fixed number of
 * them all run long. That is the Erlang C and Erlang A model (M/M/c, M/G/c+G, with a
 * time-varying arrival rate), the case a planner checks first and the one a benchmark times.
 *
 * It tallies exactly what ContactCenter tallies for such a model, draw for draw and event for
 * event (test/center/single-queue.test.ts compares every array of the two tallies over a family
 * of such scenarios), but it keeps only what that model needs: which agent takes a contact cannot
 * matter when agents are identical, so agents are a count, not a pool with an idle list; a
 * contact is its own case (nothing comes back: no repeats, retries or transfers), so the case
 * index is the contact's record; and there is no journey to branch on (no self-service, opening
 * hours, events or cohorts).
 *
 * What that leaves out, on W1 (M/M/100, 10M contacts; seven alternated runs each):
 * - CasePool and CaseOutcomes: a case here has no effort points before it ends and waits once,
 *   so its record is its slot's arrival time and interval, and it ends in one of three ways
 *   written out below (resolve, abandon, open at the end): 100-170 ms of a 1.95 s run.
 * - Counts that follow from others, written once at the end (countsOf): answered, resolved.
 * - The sequence numbers' moves in the heap (SubjectHeap): 70-80 ms.
 */

/** A slot's state: free, holding a contact (waiting or in service), or left waiting at the end. */
const FREE = 0;
const PRESENT = 1;
const LEFT_WAITING = 2;

/** Whether ContactCenter's run of `model` is this one: see SingleQueueCenter. */
export function isSingleQueue(model: Model): boolean {
  if (model.types.length !== 1 || model.groups.length !== 1) return false;
  const t = model.types[0]!;
  const g = model.groups[0]!;
  return (
    t.open === null &&
    t.selfService === null &&
    t.retryProbability === 0 &&
    t.fcr === 1 &&
    t.handleByTime === null &&
    g.proficiency[0] === 1 &&
    g.concurrency === 1 &&
    g.workforce === null &&
    g.absence === 0 &&
    g.roster.times.length === 1 &&
    model.cohorts.length === 0 &&
    model.effects.events.length === 0
  );
}

export class SingleQueueCenter {
  private readonly heap = new SubjectHeap(1024);
  private readonly tally: Tally;
  private readonly books: IntervalBooks;
  private readonly arrivals: ArrivalProcess;
  private readonly type: ContactTypeModel;
  private readonly handleStream: Uniform;
  private readonly patienceStream: Uniform;
  private readonly effort: EffortModel;
  private readonly queue = new ContactQueue(64);
  private readonly onProgress: ((simulatedSeconds: number, horizonSeconds: number) => void) | undefined;
  private readonly agents: number;
  private readonly paidBreak: number;
  private readonly horizon: number;
  private readonly voice: boolean;
  private readonly sl: number;

  /**
   * Per contact slot: arrival time and its reporting interval (-1: not counted), handle time
   * drawn at birth, patience deadline, start of service, state. Slots are handed out as CasePool
   * hands out cases (the last freed first, else the next unused), so a contact has the index its
   * case has in ContactCenter: `finish` adds the effort of cases open at the end in that order.
   */
  private opened: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private ivOf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private handle: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private deadline: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private start: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private state: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  private nextFree: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private freeHead = -1;
  private used = 0;

  private now = 0;
  private arrivalAt = Infinity;
  private arrivalSeq = 0;
  private idle = 0;
  private alive = 0;

  constructor(
    private readonly model: Model,
    seed: number,
    replication: number,
    trace: RunTrace = {},
  ) {
    if (!isSingleQueue(model)) throw new Error('SingleQueueCenter: not a single-queue model');
    if (trace.firstArrival !== undefined) throw new Error('SingleQueueCenter: arrival tracing is ContactCenter\'s');
    this.onProgress = trace.progress;
    this.horizon = model.horizonSeconds;
    this.tally = newTally(model);
    this.books = new IntervalBooks(model, this.tally);
    this.effort = model.effort;
    this.type = model.types[0]!;
    this.voice = this.type.channel === VOICE;
    this.sl = this.type.serviceLevelSeconds;
    // The same named streams as ContactCenter's, made in the same order: the same draws.
    const stream = (purpose: string): Uniform => randomStream(seed, replication, purpose);
    const staffing = replicationStaffing(model, stream, this.tally);
    this.agents = staffing[0]!.roster.counts[0]!;
    this.paidBreak = staffing[0]!.roster.paidBreak[0]!;
    const s = customerStreams(model, stream)[0]!;
    this.handleStream = s.handle[FIRST]!;
    this.patienceStream = s.patience[FIRST]!;
    this.arrivals = new ArrivalProcess(model, stream);
  }

  get contactCapacity(): number {
    return this.handle.length;
  }

  run(): Tally {
    const heap = this.heap;
    const horizon = this.horizon;
    const onProgress = this.onProgress;
    // ContactCenter's first two events: the roster at 0 (sequence 0), then the first arrival.
    heap.takeSeq();
    this.scheduleArrival(this.arrivals.next(0, 0));
    this.onRoster();
    const stopAt = horizon + this.model.drainSeconds;
    let events = 1;
    for (;;) {
      // The next arrival is kept beside the heap of service ends, with its sequence number, so
      // that it is taken exactly when ContactCenter's heap would have given it.
      const arrival = this.arrivalAt;
      let t: number;
      if (heap.size > 0 && (heap.peekTime() < arrival || (heap.peekTime() === arrival && heap.peekSeq() < this.arrivalSeq))) {
        t = heap.peekTime();
        if (t > stopAt) break;
        this.now = t;
        const k = heap.peekSubject();
        heap.beginDispatch();
        this.onServiceDone(k);
        heap.endDispatch();
      } else {
        t = arrival;
        if (t === Infinity || t > stopAt) break;
        this.now = t;
        this.onArrival();
      }
      events++;
      if ((events & 0xffff) === 0 && onProgress !== undefined) onProgress(t, horizon);
      if (t >= horizon && this.alive === 0) break;
    }
    this.tally.events = events;
    this.finish();
    return this.tally;
  }

  /** The next arrival at `t` (none when at or after the horizon), in the heap's order of scheduling. */
  private scheduleArrival(t: number): void {
    if (t < this.horizon) {
      this.arrivalAt = t;
      this.arrivalSeq = this.heap.takeSeq();
    } else this.arrivalAt = Infinity;
  }

  /** The whole staff logs in at time 0 (ContactCenter's roster event, with nothing to dispatch yet). */
  private onRoster(): void {
    this.idle = this.agents;
    while (this.idle > 0) {
      const k = this.liveHead();
      if (k < 0) break;
      this.queue.shift();
      this.idle--;
      this.startService(k);
    }
  }

  private onArrival(): void {
    const now = this.now;
    this.scheduleArrival(this.arrivals.next(0, now));
    const iv = this.books.intervalOf(now);
    // A contact opens its own case: its count is the arrivals' (`countsOf`).
    let k = this.freeHead;
    if (k >= 0) this.freeHead = this.nextFree[k]!;
    else {
      if (this.used === this.handle.length) this.grow();
      k = this.used++;
    }
    this.opened[k] = now;
    this.ivOf[k] = iv;
    this.state[k] = PRESENT;
    this.alive++;
    const type = this.type;
    const handle = type.handle(this.handleStream);
    const patience = type.patience !== null ? type.patience(this.patienceStream) : Infinity;
    this.handle[k] = handle;
    if (iv >= 0) {
      const grid = this.books.grid;
      const row = this.books.rowOf(iv, 0);
      grid[row + F.arrivals]! += 1;
    }
    if (this.idle > 0) {
      this.idle--;
      this.startService(k);
      return;
    }
    const deadline = now + patience;
    this.deadline[k] = deadline;
    if (deadline <= now) {
      this.abandon(k);
      this.alive--;
      return;
    }
    this.queue.push(k);
  }

  private startService(k: number): void {
    const now = this.now;
    const books = this.books;
    const grid = books.grid;
    const iv = this.ivOf[k]!;
    this.start[k] = now;
    const wait = now - this.opened[k]!;
    const duration = this.handle[k]!;
    // Answered is counted at the end (`countsOf`); voice time adds the wait, then the handle time.
    if (iv >= 0) {
      const row = iv * FIELDS;
      grid[row + F.waitSum]! += wait;
      if (wait <= this.sl) grid[row + F.answeredInSl]! += 1;
      if (wait > 0) grid[row + F.waited]! += 1;
      grid[row + F.handleSum]! += duration;
      if (this.voice) {
        grid[row + F.voiceSeconds]! += wait;
        grid[row + F.voiceSeconds]! += duration;
      }
    }
    this.heap.push(now + duration, k);
  }

  private onServiceDone(k: number): void {
    const now = this.now;
    const start = this.start[k]!;
    this.books.accrueBusy(0, 0, start, now, 1);
    this.resolve(k, start, now);
    this.alive--;
    const next = this.liveHead();
    if (next >= 0) {
      this.queue.shift();
      this.startService(next);
    } else this.idle++;
  }

  /**
   * Contact k's service (from `start`) ended at `now`, resolving its case: CaseOutcomes.resolve
   * for a case with no effort points and one wait (its count is `countsOf`'s).
   */
  private resolve(k: number, start: number, now: number): void {
    const iv = this.ivOf[k]!;
    if (iv >= 0) {
      const opened = this.opened[k]!;
      const ttr = now - opened;
      const grid = this.books.grid;
      const row = iv * FIELDS;
      grid[row + F.ttrSum]! += ttr;
      const fine = this.tally.ttrByType;
      const bin = fine.binOf(ttr);
      fine.counts[bin]! += 1;
      this.tally.ttrByInterval.addFinerBin(iv, bin, fine.subBitsLog2);
      const e = this.effort;
      const score = effortScore(e, 0, start - opened);
      grid[row + F.effortSum]! += score;
      if (score >= e.highThreshold) grid[row + F.casesHighEffort]! += 1;
    }
    this.free(k);
  }

  private free(k: number): void {
    this.state[k] = FREE;
    this.nextFree[k] = this.freeHead;
    this.freeHead = k;
  }

  /** The contact at the head of the queue after dropping those whose patience ran out, or -1. */
  private liveHead(): number {
    const q = this.queue;
    const now = this.now;
    while (q.length > 0) {
      const k = q.peek();
      if (this.deadline[k]! > now) return k;
      q.shift();
      this.abandon(k);
      this.alive--;
    }
    return -1;
  }

  /**
   * Contact k gave up at its deadline: counted, and its case lost (nothing comes back), scored as
   * CaseOutcomes.lose scores it (the sums spelled as there: points 0 + abandon + unresolved).
   */
  private abandon(k: number): void {
    const iv = this.ivOf[k]!;
    const waited = this.deadline[k]! - this.opened[k]!;
    if (iv >= 0) {
      const e = this.effort;
      this.books.add(F.abandoned, iv, 0, 1);
      this.books.add(F.waited, iv, 0, 1);
      if (this.voice) this.books.add(F.voiceSeconds, iv, 0, waited);
      this.books.add(F.casesLost, iv, 0, 1);
      const score = effortScore(e, 0 + e.abandon + e.unresolved, 0 + waited);
      this.books.add(F.effortSum, iv, 0, score);
      if (score >= e.highThreshold) this.books.add(F.casesHighEffort, iv, 0, 1);
    }
    this.free(k);
  }

  private finish(): void {
    if (this.now < this.horizon) this.now = this.horizon;
    const now = this.now;
    this.books.accrueLogged(this.model, 0, this.agents, this.paidBreak, 0, now);
    while (this.liveHead() >= 0) {
      const k = this.queue.shift();
      const iv = this.ivOf[k]!;
      if (iv >= 0) this.books.add(F.leftWaiting, iv, 0, 1);
      // Its wait runs to the end: start - opened below is then that wait.
      this.start[k] = now;
      this.state[k] = LEFT_WAITING;
      this.alive--;
    }
    // Cases still open (in service, or left waiting), as CaseOutcomes.countOpen counts them. One
    // in service at the end was answered but is not resolved: `countsOf` subtracts it.
    const e = this.effort;
    for (let k = 0; k < this.used; k++) {
      const iv = this.ivOf[k]!;
      if (this.state[k] !== FREE && iv >= 0) {
        this.books.add(F.casesOpenAtEnd, iv, 0, 1);
        if (this.state[k] === PRESENT) this.books.add(F.casesResolved, iv, 0, -1);
        this.books.add(F.effortOpenSum, iv, 0, effortScore(e, 0 + e.unresolved, 0 + (this.start[k]! - this.opened[k]!)));
      }
    }
    this.countsOf();
  }

  /**
   * The counts that equal others in this model, written once at the end instead of added per
   * contact: in an interval's row, every arrival opens a case and is offered; every answer is
   * the case's first reach and an agent contact; every service end resolves its case at first
   * contact and is a contact the group handled. And every counted arrival is answered, abandons
   * or is left waiting at the end; every answered one resolves its case unless still in service
   * at the end (finish has subtracted those). Counts of whole contacts are exact in a double,
   * so these are the very numbers ContactCenter adds one by one (the equality test compares).
   */
  private countsOf(): void {
    const books = this.books;
    const grid = books.grid;
    const groupTime = this.tally.groupTime;
    for (let iv = 0; iv < this.model.intervalCount; iv++) {
      const row = books.rowOf(iv, 0);
      grid[row + F.answered] = grid[row + F.arrivals]! - grid[row + F.abandoned]! - grid[row + F.leftWaiting]!;
      grid[row + F.casesResolved]! += grid[row + F.answered]!;
      grid[row + F.offered] = grid[row + F.arrivals]!;
      grid[row + F.cases] = grid[row + F.arrivals]!;
      grid[row + F.casesReached] = grid[row + F.answered]!;
      grid[row + F.agentContacts] = grid[row + F.answered]!;
      grid[row + F.casesFcr] = grid[row + F.casesResolved]!;
      // One group: its row of interval iv is iv * GROUP_FIELDS (IntervalBooks.handled).
      groupTime[iv * GROUP_FIELDS + G.handled] = grid[row + F.casesResolved]!;
    }
  }

  private grow(): void {
    const n = this.handle.length * 2;
    this.opened = grown(this.opened, new Float64Array(n));
    this.ivOf = grown(this.ivOf, new Int32Array(n));
    this.handle = grown(this.handle, new Float64Array(n));
    this.deadline = grown(this.deadline, new Float64Array(n));
    this.start = grown(this.start, new Float64Array(n));
    this.state = grown(this.state, new Uint8Array(n));
    this.nextFree = grown(this.nextFree, new Int32Array(n));
  }
}

/** `bigger` holding `a` at its start. */
function grown<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: A, bigger: A): A {
  bigger.set(a);
  return bigger;
}
