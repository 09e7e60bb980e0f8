import { EventHeap } from '../engine/event-heap.ts';
import { randomStream, type Uniform } from '../engine/random.ts';
import { CHAT, EMAIL, VOICE, type ContactTypeModel, type Model } from '../model/model.ts';
import { SECONDS_PER_DAY } from '../model/calendar.ts';
import { isOpenAt, nextOpening } from '../model/open-windows.ts';
import type { EffortModel } from '../model/effort.ts';
import { E, F, newTally, type Tally } from '../metrics/tally.ts';
import { ContactPool, S_GONE, S_PENDING, S_SELF, S_SERVICE, S_WAITING, type CasePool } from './pools.ts';
import { FL_ABANDON_EVENT, FL_ANSWERED, FL_CASE_FIRST, FL_CONTAINED, FL_IN_QUEUE, FL_PARKED, FL_REPEAT, FL_RETRY, FL_TRANSFERRED } from './pools.ts';
import type { ContactQueue } from './queue.ts';
import type { Router } from './routing/router.ts';
import type { RoundRobinRouter } from './routing/round-robin.ts';
import { routerFor } from './routing/router-for.ts';
import { AgentPool, A_LEAVING } from './agents.ts';
import { CohortBook } from './cohort-book.ts';
import type { RunTrace } from './trace.ts';
import { ArrivalProcess } from './arrival-process.ts';
import { customerStreams, FIRST, FOLLOW_UP, type TypeStreams } from './customer-streams.ts';
import { IntervalBooks } from './interval-books.ts';
import { CaseOutcomes } from './case-outcomes.ts';
import { EventWindows } from './event-windows.ts';
import { replicationStaffing, Shifts } from './shifts.ts';

/*
 * One run of the contact center: contacts arrive, may try self-service, queue, are routed to an
 * agent, are handled, and either resolve their case or come back later as a repeat contact.
 *
 *   arrival --self-service?--> contained (case resolved)
 *      |                 \--> failed --+
 *      +-------------------------------+--> queue --patience--> abandoned --retry?--> arrival
 *                                         |
 *                                    routed to agent --(round robin, unskilled)--> transfer
 *                                         |
 *                                      handled --resolved--> case closed (TTR)
 *                                              \--unresolved--> repeat arrival after repeat_after
 *
 * This class holds the event loop and the contact's journey; the concepts it leans on have
 * their own modules: first-contact arrivals (arrival-process), customers' random streams
 * (customer-streams), where counts go (interval-books), how cases end (case-outcomes), events'
 * windows (event-windows), agents on and off duty (shifts), hiring cohorts (cohort-book), and
 * routing (routing/).
 *
 * Everything lives in typed arrays; the hot loop allocates nothing. Abandonment is not an event
 * unless the contact may retry: a waiting contact keeps its deadline and is found expired when it
 * reaches the head of its queue, which is exact because queues are served in FIFO order.
 */

/** Event kinds: a const enum, so the bundle's dispatch switch compares number literals. */
const enum Ev {
  ARRIVAL = 0,
  SELF_SERVICE_DONE = 1,
  SERVICE_DONE = 2,
  ABANDON = 3,
  FOLLOW_UP = 4,
  ROSTER = 5,
  TRANSFER_DONE = 6,
  EVENT_END = 7,
  OPENING = 8, // a parked email joins the queue at its type's opening
}

export class ContactCenter {
  private readonly heap = new EventHeap(1024);
  private readonly contacts = new ContactPool(1024);
  private readonly cases: CasePool;
  private readonly outcomes: CaseOutcomes;
  private readonly agents: AgentPool;
  private readonly router: Router;
  private readonly tally: Tally;
  private readonly books: IntervalBooks;
  private readonly arrivals: ArrivalProcess;
  private readonly events: EventWindows;
  private readonly shifts: Shifts;
  private readonly types: ContactTypeModel[];
  private readonly typeCount: number;
  /** Hot per-type and per-(group, type) figures, flattened out of the model's objects. */
  private readonly channelOf: Int32Array;
  private readonly slOf: Float64Array;
  private readonly fcrOf: Float64Array;
  /** 1 where a contact can leave unresolved (fcr < 1, or a skilled agent below proficiency 1). */
  private readonly mayFail: Uint8Array;
  private readonly proficiency: Float64Array; // group * typeCount + type
  private readonly streams: TypeStreams[];
  /** Which cohort each logged-in agent belongs to, with the cohorts' time and work. */
  private readonly cohortBook: CohortBook;
  /** Shortcut for the hot loop: whether any cohort exists at all. */
  private readonly hasCohorts: boolean;
  /** The type a repeat or retry of each type arrives as (`repeat_channel`). */
  private readonly repeatTo: Int32Array;
  private readonly effort: EffortModel;
  /** Fixed at construction, so an untraced run only tests a constant boolean per arrival. */
  private readonly traceArrivals: boolean;
  private readonly onProgress: ((simulatedSeconds: number, horizonSeconds: number) => void) | undefined;
  private readonly onFirstArrival: (type: number, time: number) => void;

  private now = 0;
  private alive = 0;
  private readonly horizon: number;

  constructor(
    private readonly model: Model,
    seed: number,
    replication: number,
    trace: RunTrace = {},
  ) {
    this.traceArrivals = trace.firstArrival !== undefined;
    this.onProgress = trace.progress;
    this.onFirstArrival = trace.firstArrival ?? (() => {});
    const nT = model.types.length;
    const nG = model.groups.length;
    this.horizon = model.horizonSeconds;
    this.tally = newTally(model);
    this.books = new IntervalBooks(model, this.tally);
    this.types = model.types;
    this.typeCount = nT;
    this.channelOf = Int32Array.from(model.types, (t) => t.channel);
    this.slOf = Float64Array.from(model.types, (t) => t.serviceLevelSeconds);
    this.fcrOf = Float64Array.from(model.types, (t) => t.fcr);
    this.proficiency = new Float64Array(nG * nT);
    model.groups.forEach((g, gi) => this.proficiency.set(g.proficiency, gi * nT));
    this.mayFail = Uint8Array.from(model.types, (t, j) =>
      t.fcr < 1 || model.groups.some((g) => g.proficiency[j]! > 0 && g.proficiency[j]! < 1) ? 1 : 0,
    );
    this.repeatTo = Int32Array.from(model.types, (t) => t.repeatTo);
    this.effort = model.effort;
    this.outcomes = new CaseOutcomes(this.books, model.effort);
    this.cases = this.outcomes.pool;
    // Every purpose has its own named stream, so the order they are made in moves no draw.
    const stream = (purpose: string): Uniform => randomStream(seed, replication, purpose);
    const staffing = replicationStaffing(model, stream, this.tally);
    this.agents = new AgentPool(model.groups.map((g, gi) => ({ size: staffing[gi]!.roster.max, concurrency: g.concurrency })));
    this.events = new EventWindows(model, this.tally);
    this.cohortBook = new CohortBook(model, this.agents, staffing, this.tally);
    this.hasCohorts = model.cohorts.length > 0;
    this.shifts = new Shifts(model, staffing, this.agents, this.cohortBook, this.books, (a) => this.dispatch(a));
    this.streams = customerStreams(model, stream);
    this.arrivals = new ArrivalProcess(model, stream);

    this.router = routerFor(model, {
      agents: this.agents,
      contacts: this.contacts,
      channelOf: this.channelOf,
      proficiency: this.proficiency,
      liveHead: (q) => this.liveHead(q),
      rampOf: this.hasCohorts ? (a) => this.cohortBook.rampOf(a, this.now) : null,
    });
  }

  /** Records the contact pool holds: bounded by contacts in the system at once, not by the run length. */
  get contactCapacity(): number {
    return this.contacts.capacity;
  }

  /**
   * Play the horizon (and let contacts in hand finish), then return the tally. `trace.progress`,
   * when given, is told the simulated time every 65,536 events (a mask test per event: no
   * measurable cost), so a long single run can show how far it has got.
   */
  run(): Tally {
    const onProgress = this.onProgress;
    const heap = this.heap;
    const m = this.model;
    for (let g = 0; g < m.groups.length; g++) heap.push(0, Ev.ROSTER, g);
    // The queue at an event's end (at the horizon's end for an event that outlasts it).
    this.events.list.forEach((e, i) => {
      if (e.toSeconds >= 0) heap.push(Math.min(e.toSeconds, this.horizon), Ev.EVENT_END, i);
    });
    for (let j = 0; j < m.types.length; j++) {
      const t = this.arrivals.next(j, 0);
      if (t < this.horizon) heap.push(t, Ev.ARRIVAL, j);
    }
    const horizon = this.horizon;
    const stopAt = horizon + m.drainSeconds;
    let events = 0;
    while (heap.size > 0) {
      const t = heap.peekTime();
      if (t > stopAt) break;
      this.now = t;
      const kind = heap.peekKind();
      const subject = heap.peekSubject();
      heap.beginDispatch();
      switch (kind) {
        case Ev.ARRIVAL:
          this.onArrival(subject);
          break;
        case Ev.SERVICE_DONE:
          this.onServiceDone(subject);
          break;
        case Ev.SELF_SERVICE_DONE:
          this.onSelfServiceDone(subject);
          break;
        case Ev.ABANDON:
          this.onAbandonDeadline(subject);
          break;
        case Ev.FOLLOW_UP:
          this.born(subject, this.books.intervalOf(this.now));
          break;
        case Ev.ROSTER:
          this.onRoster(subject);
          break;
        case Ev.TRANSFER_DONE:
          this.onTransferDone(subject);
          break;
        case Ev.OPENING:
          this.onOpening(subject);
          break;
        case Ev.EVENT_END:
          this.events.closeWindow(subject, this.router.allQueues(), this.contacts, this.now);
          break;
      }
      heap.endDispatch();
      events++;
      if ((events & 0xffff) === 0 && onProgress !== undefined) onProgress(t, horizon);
      if (t >= horizon && this.alive === 0) break;
    }
    this.tally.events = events;
    this.finish();
    return this.tally;
  }

  // ---- arrivals ---------------------------------------------------------------------------

  private onArrival(j: number): void {
    const now = this.now;
    const next = this.arrivals.next(j, now);
    if (next < this.horizon) this.heap.push(next, Ev.ARRIVAL, j);
    if (this.traceArrivals) this.onFirstArrival(j, now);
    // The case opens in the interval its first contact is born in: worked out once for both.
    const iv = this.books.intervalOf(now);
    const k = this.outcomes.open(j, now, iv);
    const c = this.newContact(j, k, 0);
    this.born(c, iv);
  }

  private newContact(j: number, k: number, flags: number): number {
    const c = this.contacts.alloc();
    const p = this.contacts;
    p.type[c] = j;
    p.case[c] = k;
    p.flags[c] = flags;
    p.state[c] = S_PENDING;
    this.alive++;
    return c;
  }

  /** A contact is born in interval iv (-1: not counted): draw its customer's attributes, count it, send it on. */
  private born(c: number, iv: number): void {
    const now = this.now;
    const p = this.contacts;
    const j = p.type[c]!;
    const type = this.types[j]!;
    const s = this.streams[j]!;
    // Voice and chat are turned away while closed (before any draw: the other streams do not move).
    if (type.open !== null && this.channelOf[j] !== EMAIL && !isOpenAt(type.open, now)) {
      this.turnAway(c, iv);
      return;
    }
    const gen = p.flags[c]! & (FL_REPEAT | FL_RETRY) ? FOLLOW_UP : FIRST;
    if (gen === FOLLOW_UP) {
      // Effort: coming back about the same issue, perhaps on another channel than the first.
      const k = p.case[c]!;
      if (p.flags[c]! & FL_REPEAT) this.cases.points[k]! += this.effort.repeat;
      if (this.channelOf[j] !== this.channelOf[this.cases.type[k]!]) this.cases.points[k]! += this.effort.channelSwitch;
    }
    p.arrive[c] = now;
    p.iv[c] = iv;
    p.handle[c] = type.handle(s.handle[gen]!);
    p.patience[c] = type.patience !== null ? type.patience(s.patience[gen]!) : Infinity;
    const mayFail = this.mayFail[j] === 1;
    p.resolveU[c] = mayFail ? s.resolve[gen]!() : 0;
    if (type.retryAfter !== null) {
      const u = s.retry[gen]!;
      p.retryU[c] = u();
      p.retryDelay[c] = type.retryAfter(u);
    }
    if (mayFail) p.repeatDelay[c] = type.repeatAfter(s.repeat[gen]!);
    const row = iv >= 0 ? this.books.rowOf(iv, j) : -1;
    if (row >= 0) {
      this.books.grid[row + F.arrivals]! += 1;
      if (p.flags[c]! & FL_REPEAT) this.books.grid[row + F.repeats]! += 1;
    }
    const ss = type.selfService;
    if (ss !== null) {
      const u = s.selfService[gen]!;
      // Drawn whether or not self-service is up, so an outage shifts no stream.
      const tries = u() < ss.shareOffered && this.events.selfServiceDown(j, now) === 0;
      const contained = u() < ss.containment;
      const duration = ss.duration(u);
      if (tries) {
        if (row >= 0) {
          this.books.grid[row + F.selfServiceTried]! += 1;
          this.books.grid[row + F.selfServiceCost]! += ss.costPerSession;
        }
        if (contained) p.flags[c]! |= FL_CONTAINED;
        else p.handle[c]! *= ss.failedHandleFactor;
        p.state[c] = S_SELF;
        this.heap.push(now + duration, Ev.SELF_SERVICE_DONE, c);
        return;
      }
    }
    this.offer(c);
  }

  /**
   * A voice or chat contact arrived while its type was closed: counted as an arrival and as
   * `closed`, never offered. It comes back as a retry of the same case, at the next opening plus
   * `when_closed.after`, with `when_closed.retry_probability`; otherwise its case is lost.
   */
  private turnAway(c: number, iv: number): void {
    const now = this.now;
    const p = this.contacts;
    const j = p.type[c]!;
    const type = this.types[j]!;
    const u = this.streams[j]!.closed;
    p.arrive[c] = now;
    p.iv[c] = iv;
    if (iv >= 0) {
      this.books.add(F.arrivals, iv, j, 1);
      this.books.add(F.closed, iv, j, 1);
      if (p.flags[c]! & FL_REPEAT) this.books.add(F.repeats, iv, j, 1);
    }
    // Two draws per contact whatever the outcome, so one contact's fate does not shift the next's.
    const comesBack = u() < type.closedRetryProbability;
    const delay = type.closedRetryAfter(u);
    const k = p.case[c]!;
    if (comesBack) {
      // At this type's next opening (plus the delay), on the type a retry of it arrives as
      // (`repeat_channel`), as a retry after abandoning does.
      const back = nextOpening(type.open!, now) + delay;
      if (back < this.horizon) this.heap.push(back, Ev.FOLLOW_UP, this.newContact(this.repeatTo[j]!, k, FL_RETRY));
    } else this.outcomes.lose(k);
    this.end(c);
  }

  /** A parked email joins its queue at the opening (its wait still counts from its arrival). */
  private onOpening(c: number): void {
    const p = this.contacts;
    const j = p.type[c]!;
    p.flags[c]! &= ~FL_PARKED;
    const a = this.router.agentFor(j);
    if (a >= 0) {
      this.startService(c, a);
      return;
    }
    p.flags[c]! |= FL_IN_QUEUE;
    this.router.queueFor(j).push(c);
  }

  private onSelfServiceDone(c: number): void {
    const p = this.contacts;
    if (p.flags[c]! & FL_CONTAINED) {
      const iv = p.iv[c]!;
      if (iv >= 0) this.books.add(F.contained, iv, p.type[c]!, 1);
      this.outcomes.resolve(p.case[c]!, this.now);
      this.end(c);
      return;
    }
    this.cases.points[p.case[c]!]! += this.effort.selfServiceFailed;
    this.offer(c);
  }

  // ---- queue and routing ------------------------------------------------------------------

  /** The contact reaches the agent queue: an agent takes it at once, or it waits. */
  private offer(c: number): void {
    const p = this.contacts;
    const j = p.type[c]!;
    const iv = p.iv[c]!;
    const now = this.now;
    if (iv >= 0) {
      this.books.grid[this.books.rowOf(iv, j) + F.offered]! += 1;
      if (this.events.any) this.events.count(j, p.arrive[c]!, E.offered);
    }
    p.queued[c] = now;
    const open = this.types[j]!.open;
    if (open !== null && this.channelOf[j] === EMAIL && !isOpenAt(open, now)) {
      // Email sent while closed waits for the opening; its wait (and service level) counts from now.
      p.state[c] = S_WAITING;
      p.deadline[c] = Infinity;
      p.flags[c]! |= FL_PARKED;
      const at = nextOpening(open, now);
      if (at < Infinity) this.heap.push(at, Ev.OPENING, c);
      return;
    }
    const a = this.router.agentFor(j);
    if (a >= 0) {
      this.startService(c, a);
      return;
    }
    const deadline = now + p.patience[c]!;
    p.deadline[c] = deadline;
    if (deadline <= now) {
      this.abandon(c);
      this.end(c);
      return;
    }
    p.state[c] = S_WAITING;
    p.flags[c]! |= FL_IN_QUEUE;
    this.router.queueFor(j).push(c);
    if (deadline < Infinity && this.types[j]!.retryProbability > 0) {
      // A retry must be scheduled at the moment of abandoning, so this one is an event.
      p.flags[c]! |= FL_ABANDON_EVENT;
      this.heap.push(deadline, Ev.ABANDON, c);
    }
  }

  /**
   * The head of queue q after dropping contacts that abandoned while waiting (tombstones left by
   * abandonment events, and contacts whose patience ran out), or -1 when it is empty.
   */
  private liveHead(q: ContactQueue): number {
    const p = this.contacts;
    const now = this.now;
    while (q.length > 0) {
      const c = q.peek();
      if (p.state[c] === S_WAITING && (p.flags[c]! & FL_ABANDON_EVENT || p.deadline[c]! > now)) return c;
      q.shift();
      p.flags[c]! &= ~FL_IN_QUEUE;
      if (p.state[c] === S_WAITING) {
        this.abandon(c);
        this.end(c);
      } else this.release(c);
    }
    return -1;
  }

  // ---- service ----------------------------------------------------------------------------

  private startService(c: number, a: number): void {
    const p = this.contacts;
    const ag = this.agents;
    const now = this.now;
    const j = p.type[c]!;
    const g = ag.group[a]!;
    const channel = this.channelOf[j]!;
    const iv = p.iv[c]!;
    const books = this.books;
    const grid = books.grid;
    // The contact's row in the interval x type books, worked out once for every field below.
    const row = iv >= 0 ? books.rowOf(iv, j) : -1;
    p.state[c] = S_SERVICE;
    p.agent[c] = a;
    p.start[c] = now;
    const flags = p.flags[c]!;
    if (!(flags & FL_ANSWERED)) {
      p.flags[c] = flags | FL_ANSWERED;
      const wait = now - p.queued[c]!;
      const k = p.case[c]!;
      const cases = this.cases;
      cases.waitSeconds[k]! += wait;
      if (cases.agentContacts[k]!++ === 0) {
        p.flags[c]! |= FL_CASE_FIRST;
        const kIv = cases.iv[k]!;
        // Cases count under the type of their first contact, whatever channel reaches an agent.
        if (kIv >= 0) books.add(F.casesReached, kIv, cases.type[k]!, 1);
      }
      if (row >= 0) {
        grid[row + F.answered]! += 1;
        grid[row + F.waitSum]! += wait;
        if (wait <= this.slOf[j]!) {
          grid[row + F.answeredInSl]! += 1;
          if (this.events.any) this.events.count(j, p.arrive[c]!, E.answeredInSl);
        }
        if (wait > 0) grid[row + F.waited]! += 1;
        if (channel === VOICE) grid[row + F.voiceSeconds]! += wait;
      }
    } else {
      // A transferred contact on hold for a skilled agent: the line stays open, the customer waits.
      this.cases.waitSeconds[p.case[c]!]! += now - p.queued[c]!;
      if (row >= 0 && channel === VOICE) grid[row + F.voiceSeconds]! += now - p.queued[c]!;
    }
    ag.take(a, channel === CHAT, now);
    const proficiency = this.proficiency[g * this.typeCount + j]!;
    let duration: number;
    if (proficiency === 0) {
      // Round robin gave it to an agent without the skill: a short talk, then a transfer.
      duration = this.model.transferSeconds;
      p.flags[c]! |= FL_TRANSFERRED;
      this.cases.points[p.case[c]!]! += this.effort.transfer;
      this.heap.push(now + duration, Ev.TRANSFER_DONE, c);
      if (row >= 0) grid[row + F.transfers]! += 1;
    } else {
      // Drawn as always, then scaled: a slow CRM or a new hire's ramp shifts no stream.
      duration = (p.handle[c]! * this.handleFactor(j, now)) / proficiency;
      if (this.hasCohorts) duration /= this.cohortBook.rampOf(a, now);
      if (this.events.changesHandling) duration *= this.events.handleFactor(j, now);
      this.heap.push(now + duration, Ev.SERVICE_DONE, c);
      if (this.hasCohorts) this.cohortBook.handled(a, now, duration);
    }
    if (row >= 0) {
      grid[row + F.handleSum]! += duration;
      grid[row + F.agentContacts]! += 1;
      if (channel === VOICE) grid[row + F.voiceSeconds]! += duration;
    }
  }

  /** Multiplier of the handle-time mean for type j when a service starts at `t` (handle_time_by_hour). */
  private handleFactor(j: number, t: number): number {
    const curve = this.types[j]!.handleByTime;
    if (curve === null) return 1;
    return curve.values[Math.floor((t % SECONDS_PER_DAY) / curve.slotSeconds)]!;
  }

  /** The agent's part of contact c is over: count its busy time and free its slot. */
  private endLeg(c: number): number {
    const p = this.contacts;
    const a = p.agent[c]!;
    const g = this.agents.group[a]!;
    const j = p.type[c]!;
    const chat = this.channelOf[j] === CHAT;
    const weight = chat ? 1 / this.agents.concurrency[g]! : 1;
    this.books.accrueBusy(g, j, p.start[c]!, this.now, weight);
    const iv = p.iv[c]!;
    if (iv >= 0) this.books.handled(iv, g);
    this.agents.release(a, chat);
    return a;
  }

  private onServiceDone(c: number): void {
    const p = this.contacts;
    const a = this.endLeg(c);
    const j = p.type[c]!;
    const k = p.case[c]!;
    let proficiency = this.proficiency[this.agents.group[a]! * this.typeCount + j]!;
    if (this.hasCohorts) proficiency *= this.cohortBook.rampOf(a, this.now);
    if (p.resolveU[c]! < this.fcrOf[j]! * proficiency) {
      if ((p.flags[c]! & (FL_CASE_FIRST | FL_TRANSFERRED)) === FL_CASE_FIRST) {
        const kIv = this.cases.iv[k]!;
        if (kIv >= 0) this.books.add(F.casesFcr, kIv, this.cases.type[k]!, 1);
      }
      this.outcomes.resolve(k, this.now);
    } else {
      // Not fixed: the customer comes back about the same case (if still within the horizon),
      // on the channel its type sends repeats to.
      const back = this.now + p.repeatDelay[c]!;
      if (back < this.horizon) this.heap.push(back, Ev.FOLLOW_UP, this.newContact(this.repeatTo[j]!, k, FL_REPEAT));
    }
    this.end(c);
    this.agentFreed(a);
  }

  private onTransferDone(c: number): void {
    const p = this.contacts;
    const a = this.endLeg(c);
    const j = p.type[c]!;
    const rr = this.router as RoundRobinRouter; // only round robin transfers
    const b = rr.skilledAgentFor(j);
    p.queued[c] = this.now; // from now on, on hold for a skilled agent
    if (b >= 0) this.startService(c, b);
    else {
      p.state[c] = S_WAITING;
      p.deadline[c] = Infinity;
      p.flags[c]! |= FL_IN_QUEUE;
      rr.transferQueueFor(j).push(c);
    }
    this.agentFreed(a);
  }

  /** A slot of agent a came free: log out if the shift is over, else look for work. */
  private agentFreed(a: number): void {
    const ag = this.agents;
    if (ag.state[a] === A_LEAVING) {
      if (ag.free[a] === ag.concurrency[ag.group[a]!]) this.shifts.logOut(a, this.now);
      return;
    }
    this.dispatch(a);
  }

  /** Give agent a work from the queues until it is full or nothing waits; else it goes idle. */
  private dispatch(a: number): void {
    const ag = this.agents;
    while (ag.free[a]! > 0) {
      const c = this.router.workFor(a);
      if (c < 0) break;
      this.contacts.flags[c]! &= ~FL_IN_QUEUE;
      this.startService(c, a);
    }
    if (ag.free[a]! > 0) ag.makeAvailable(a, this.now);
  }

  // ---- abandonment ------------------------------------------------------------------------

  private onAbandonDeadline(c: number): void {
    const p = this.contacts;
    p.flags[c]! &= ~FL_ABANDON_EVENT;
    // A contact already answered may be waiting again, for a skilled agent after a transfer:
    // its patience no longer applies.
    if (p.state[c] === S_WAITING && !(p.flags[c]! & FL_ANSWERED)) {
      this.abandon(c);
      this.end(c); // stays in its queue as a tombstone until it reaches the head
    } else this.release(c);
  }

  /** Count an abandonment (at the contact's deadline) and decide between a retry and a lost case. */
  private abandon(c: number): void {
    const p = this.contacts;
    const j = p.type[c]!;
    const iv = p.iv[c]!;
    const type = this.types[j]!;
    if (iv >= 0) {
      if (this.events.any) this.events.count(j, p.arrive[c]!, E.abandoned);
      this.books.add(F.abandoned, iv, j, 1);
      this.books.add(F.waited, iv, j, 1);
      if (type.channel === VOICE) this.books.add(F.voiceSeconds, iv, j, p.deadline[c]! - p.queued[c]!);
    }
    const k = p.case[c]!;
    const cases = this.cases;
    cases.waitSeconds[k]! += p.deadline[c]! - p.queued[c]!;
    cases.points[k]! += this.effort.abandon;
    if (type.retryProbability > 0 && p.retryU[c]! < type.retryProbability) {
      const back = p.deadline[c]! + p.retryDelay[c]!;
      if (back < this.horizon) this.heap.push(back, Ev.FOLLOW_UP, this.newContact(this.repeatTo[j]!, k, FL_RETRY));
      return; // the case stays open: a retry follows, or would after the horizon
    }
    this.outcomes.lose(k);
  }

  /** The contact's journey is over; its record is recycled once nothing refers to it. */
  private end(c: number): void {
    this.contacts.state[c] = S_GONE;
    this.alive--;
    this.release(c);
  }

  private release(c: number): void {
    const p = this.contacts;
    if (p.state[c] === S_GONE && !(p.flags[c]! & (FL_IN_QUEUE | FL_ABANDON_EVENT))) p.free(c);
  }

  // ---- staffing and the end ---------------------------------------------------------------

  private onRoster(g: number): void {
    const next = this.shifts.rosterChange(g, this.now);
    if (next >= 0) this.heap.push(next, Ev.ROSTER, g);
  }

  /** Close the books: pay the last stretch of logged-in time; count what is left in the system. */
  private finish(): void {
    if (this.now < this.horizon) this.now = this.horizon;
    this.shifts.close(this.now);
    const p = this.contacts;
    for (const q of this.router.allQueues()) {
      while (this.liveHead(q) >= 0) {
        const c = q.shift();
        p.flags[c]! &= ~FL_IN_QUEUE;
        if (p.iv[c]! >= 0) this.books.add(F.leftWaiting, p.iv[c]!, p.type[c]!, 1);
        this.cases.waitSeconds[p.case[c]!]! += this.now - p.queued[c]!; // waited so far
        this.end(c);
      }
    }
    for (let c = 0; c < p.capacity; c++) {
      if (p.state[c] === S_SELF && p.iv[c]! >= 0) this.books.add(F.leftInSelfService, p.iv[c]!, p.type[c]!, 1);
      if (p.state[c] === S_WAITING && p.flags[c]! & FL_PARKED && p.iv[c]! >= 0) this.books.add(F.leftWaiting, p.iv[c]!, p.type[c]!, 1);
    }
    this.outcomes.countOpen();
  }
}
