import { EventHeap } from '../engine/event-heap.ts';
import { randomStream, type Uniform } from '../engine/random.ts';
import { standardGamma } from '../dist/sampler.ts';
import { CHAT, EMAIL, ROUND_ROBIN, SKILL_BASED, VOICE, type Model } from '../model/model.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../model/calendar.ts';
import { isOpenAt, nextOpening } from '../model/open-windows.ts';
import { F, FIELDS, G, GROUP_FIELDS, T, TIME_FIELDS, newTally, type Tally } from '../metrics/tally.ts';
import { ContactPool, CasePool, S_GONE, S_PENDING, S_SELF, S_SERVICE, S_WAITING } from './pools.ts';
import { FL_ABANDON_EVENT, FL_ANSWERED, FL_CASE_FIRST, FL_CONTAINED, FL_IN_QUEUE, FL_REPEAT, FL_RETRY, FL_TRANSFERRED } from './pools.ts';
import { FL_PARKED } from './pools.ts';
import type { ContactQueue } from './queue.ts';
import type { Router, RoutingContext } from './routing/router.ts';
import { RoundRobinRouter } from './routing/round-robin.ts';
import { SkillBasedRouter } from './routing/skill-based.ts';
import { AgentPool, A_LEAVING, A_ON } from './agents.ts';
import type { EventModel, StepFunction } from '../model/events.ts';
import { E, EVENT_FIELDS } from '../metrics/tally.ts';
import { employeesByWeek, staffingFor, type GroupStaffing } from './workforce.ts';
import { CohortBook } from './cohort-book.ts';
import { effortScore, type EffortModel } from '../model/effort.ts';
import type { RunTrace } from './trace.ts';

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
 * Everything lives in typed arrays; the hot loop allocates nothing. Abandonment is not an event
 * unless the contact may retry: a waiting contact keeps its deadline and is found expired when it
 * reaches the head of its queue, which is exact because queues are served in FIFO order.
 */

const EV_ARRIVAL = 0;
const EV_SELF_SERVICE_DONE = 1;
const EV_SERVICE_DONE = 2;
const EV_ABANDON = 3;
const EV_FOLLOW_UP = 4;
const EV_ROSTER = 5;
const EV_TRANSFER_DONE = 6;
const EV_EVENT_END = 7;
const EV_OPENING = 8; // a parked email joins the queue at its type's opening

/** Streams of customer attributes: one set for first contacts, one for repeats and retries. */
const FIRST = 0;
const FOLLOW_UP = 1;

interface TypeStreams {
  arrivals: Uniform;
  handle: Uniform[];
  patience: Uniform[];
  resolve: Uniform[];
  selfService: Uniform[];
  retry: Uniform[];
  repeat: Uniform[];
  /** Whether and when a contact turned away while closed comes back (only types with opening hours draw). */
  closed: Uniform;
}

export class ContactCenter {
  private readonly heap = new EventHeap(1024);
  private readonly contacts = new ContactPool(1024);
  private readonly cases = new CasePool(1024);
  private readonly agents: AgentPool;
  private readonly router: Router;
  private readonly tally: Tally;
  private readonly grid: Float64Array;
  private readonly typeCount: number;
  /** Hot per-type and per-(group, type) figures, flattened out of the model's objects. */
  private readonly channelOf: Int32Array;
  private readonly slOf: Float64Array;
  private readonly fcrOf: Float64Array;
  /** 1 where a contact can leave unresolved (fcr < 1, or a skilled agent below proficiency 1). */
  private readonly mayFail: Uint8Array;
  private readonly proficiency: Float64Array; // group * typeCount + type
  private readonly streams: TypeStreams[];
  /** Arrival rate per second for each slot of the horizon, per type (daily factor applied). */
  private readonly rates: Float64Array[];
  /** Length of a rate slot per type, seconds (an hour, or an interval for per-interval curves). */
  private readonly rateSlot: Float64Array;
  private readonly rosterIndex: Int32Array;
  /** Agents of each group on a paid break now (paid, not logged in). */
  private readonly onPaidBreak: Int32Array;
  private readonly groupCount: number;
  /** Event effects per type (identity step functions without events), read through cursors. */
  private readonly arrivalSteps: StepFunction[];
  private readonly handleSteps: StepFunction[];
  private readonly selfServiceSteps: StepFunction[];
  private readonly arrivalCursor: Int32Array;
  private readonly handleCursor: Int32Array;
  private readonly selfServiceCursor: Int32Array;
  private readonly eventList: EventModel[];
  /** This replication's staffing per group (attrition drawn, events' absences applied). */
  private readonly staffing: GroupStaffing[];
  /** Which cohort each logged-in agent belongs to, with the cohorts' time and work. */
  private readonly cohortBook: CohortBook;
  /** Shortcuts for the hot loop: whether any cohort or any handle-time event exists at all. */
  private readonly hasCohorts: boolean;
  private readonly hasHandleEvents: boolean;
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
  private readonly warmup: number;
  private readonly ivLen: number;

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
    this.warmup = model.warmupSeconds;
    this.ivLen = model.intervalSeconds;
    this.tally = newTally(model);
    this.grid = this.tally.grid;
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
    const stream = (purpose: string): Uniform => randomStream(seed, replication, purpose);
    const until = model.horizonSeconds + model.drainSeconds;
    // Absence has its own stream per group, made only when used (other draws do not move).
    this.staffing = model.groups.map((g, gi) =>
      staffingFor(
        model,
        gi,
        until,
        g.workforce !== null && g.workforce.attritionPerSecond > 0 ? stream(`attrition:${g.id}`) : null,
        g.absence > 0 ? g.rosterWithAbsence(stream(`absence:${g.id}`)) : g.roster,
      ),
    );
    this.agents = new AgentPool(model.groups.map((g, gi) => ({ size: this.staffing[gi]!.roster.max, concurrency: g.concurrency })));
    this.rosterIndex = new Int32Array(nG);
    this.onPaidBreak = new Int32Array(nG);
    this.groupCount = nG;
    const fx = model.effects;
    this.arrivalSteps = fx.arrivalFactor;
    this.handleSteps = fx.handleFactor;
    this.selfServiceSteps = fx.selfServiceDown;
    this.arrivalCursor = new Int32Array(nT);
    this.handleCursor = new Int32Array(nT);
    this.selfServiceCursor = new Int32Array(nT);
    this.eventList = fx.events;
    this.cohortBook = new CohortBook(model, this.agents, this.staffing, this.tally);
    this.hasCohorts = model.cohorts.length > 0;
    this.hasHandleEvents = fx.handleFactor.some((f) => f.times.length > 1 || f.values[0] !== 1);
    model.groups.forEach((_, gi) => {
      employeesByWeek(this.staffing[gi]!, model.weekCount, model.weekOrigin, model.horizonSeconds).forEach((n, w) => (this.tally.weekEmployees[w]! += n));
    });

    const both = (purpose: string, id: string): Uniform[] => [stream(`${purpose}:${id}:first`), stream(`${purpose}:${id}:follow-up`)];
    this.streams = model.types.map((t) => ({
      arrivals: stream(`arrivals:${t.id}`),
      handle: both('handle', t.id),
      patience: both('patience', t.id),
      resolve: both('resolve', t.id),
      selfService: both('self-service', t.id),
      retry: both('retry', t.id),
      repeat: both('repeat', t.id),
      closed: stream(`closed:${t.id}`),
    }));

    this.rateSlot = Float64Array.from(model.types, (t) => t.rateSeconds);
    this.rates = model.types.map((t) => {
      const r = Float64Array.from(t.rates);
      if (t.overdispersionCv > 0) {
        // One gamma factor per day (mean 1, CV as given), shared by every slot of that day.
        const u = stream(`overdispersion:${t.id}`);
        const shape = 1 / (t.overdispersionCv * t.overdispersionCv);
        const perDay = Math.round(SECONDS_PER_DAY / t.rateSeconds);
        for (let d = 0; d * perDay < r.length; d++) {
          const g = standardGamma(u, shape) / shape;
          for (let h = d * perDay; h < Math.min(r.length, d * perDay + perDay); h++) r[h]! *= g;
        }
      }
      return r;
    });

    const typeGroups = model.types.map((_, j) => {
      const gs = model.groups.map((_, g) => g).filter((g) => model.groups[g]!.proficiency[j]! > 0);
      gs.sort((a, b) => model.groups[b]!.proficiency[j]! - model.groups[a]!.proficiency[j]! || a - b);
      return Int32Array.from(gs);
    });
    const ctx: RoutingContext = {
      agents: this.agents,
      contacts: this.contacts,
      typeCount: nT,
      channelOf: this.channelOf,
      priorityOf: Float64Array.from(model.types, (t) => t.priority),
      proficiency: this.proficiency,
      typeGroups,
      groupTypes: model.groups.map((g) => Int32Array.from(model.types.map((_, j) => j).filter((j) => g.proficiency[j]! > 0))),
      liveHead: (q) => this.liveHead(q),
    };
    this.router =
      model.policy === ROUND_ROBIN ? new RoundRobinRouter(ctx) : new SkillBasedRouter(ctx, model.policy === SKILL_BASED);
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
    for (let g = 0; g < m.groups.length; g++) heap.push(0, EV_ROSTER, g);
    // The queue at an event's end (at the horizon's end for an event that outlasts it).
    this.eventList.forEach((e, i) => {
      if (e.toSeconds >= 0) heap.push(Math.min(e.toSeconds, this.horizon), EV_EVENT_END, i);
    });
    for (let j = 0; j < m.types.length; j++) {
      const t = this.nextArrival(j, 0);
      if (t < this.horizon) heap.push(t, EV_ARRIVAL, j);
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
        case EV_ARRIVAL:
          this.onArrival(subject);
          break;
        case EV_SERVICE_DONE:
          this.onServiceDone(subject);
          break;
        case EV_SELF_SERVICE_DONE:
          this.onSelfServiceDone(subject);
          break;
        case EV_ABANDON:
          this.onAbandonDeadline(subject);
          break;
        case EV_FOLLOW_UP:
          this.born(subject);
          break;
        case EV_ROSTER:
          this.onRoster(subject);
          break;
        case EV_TRANSFER_DONE:
          this.onTransferDone(subject);
          break;
        case EV_OPENING:
          this.onOpening(subject);
          break;
        case EV_EVENT_END:
          this.onEventEnd(subject);
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

  /**
   * Next arrival of type j after time t, by inverting the integrated piecewise-constant rate:
   * an exponential amount of "rate mass" is consumed slot by slot (hours, or intervals for
   * per-interval curves), so a change of rate between two arrivals does not bias the gap.
   */
  private nextArrival(j: number, t: number): number {
    const r = this.rates[j]!;
    const slot = this.rateSlot[j]!;
    let remaining = -Math.log(1 - this.streams[j]!.arrivals());
    let h = Math.floor(t / slot);
    const end = this.horizon;
    // Events' arrival factors: a step function whose steps also end a stretch of constant rate.
    const ft = this.arrivalSteps[j]!.times;
    const fv = this.arrivalSteps[j]!.values;
    const nf = ft.length;
    if (nf === 1 && fv[0] === 1) {
      // No event changes this type's arrivals: slot by slot, as without events.
      while (h < r.length) {
        const rate = r[h]!;
        const hourEnd = Math.min(end, (h + 1) * slot);
        if (rate > 0) {
          const mass = rate * (hourEnd - t);
          if (remaining <= mass) return t + remaining / rate;
          remaining -= mass;
        }
        t = hourEnd;
        h++;
      }
      return Infinity;
    }
    let k = this.arrivalCursor[j]!;
    while (k + 1 < nf && ft[k + 1]! <= t) k++;
    while (h < r.length && t < end) {
      const hourEnd = Math.min(end, (h + 1) * slot);
      const stepEnd = k + 1 < nf && ft[k + 1]! < hourEnd ? ft[k + 1]! : hourEnd;
      const rate = r[h]! * fv[k]!;
      if (rate > 0) {
        const mass = rate * (stepEnd - t);
        if (remaining <= mass) {
          this.arrivalCursor[j] = k;
          return t + remaining / rate;
        }
        remaining -= mass;
      }
      t = stepEnd;
      if (k + 1 < nf && ft[k + 1]! <= t) k++;
      if (t >= hourEnd) h++;
    }
    this.arrivalCursor[j] = k;
    return Infinity;
  }

  /** Value at `now` of an event step function of type j, moving its cursor forward (time only grows). */
  private stepAt(perType: StepFunction[], cursors: Int32Array, j: number): number {
    const steps = perType[j]!;
    const times = steps.times;
    let k = cursors[j]!;
    while (k + 1 < times.length && times[k + 1]! <= this.now) k++;
    cursors[j] = k;
    return steps.values[k]!;
  }

  /** Count a contact of type j born at `born` in every event whose window and types hold it. */
  private eventTally(j: number, born: number, field: number): void {
    const events = this.eventList;
    for (let e = 0; e < events.length; e++) {
      const ev = events[e]!;
      if (born >= ev.fromSeconds && born < ev.toSeconds && ev.typeMask[j] === 1) this.tally.eventCounts[e * EVENT_FIELDS + field]! += 1;
    }
  }

  /** An event's window closes: count the contacts of its types still waiting for an agent. */
  private onEventEnd(e: number): void {
    const ev = this.eventList[e]!;
    const p = this.contacts;
    const now = this.now;
    let waiting = 0;
    for (const q of this.router.allQueues()) {
      for (let i = 0; i < q.length; i++) {
        const c = q.at(i);
        if (p.state[c] === S_WAITING && ev.typeMask[p.type[c]!] === 1 && (p.flags[c]! & FL_ABANDON_EVENT || p.deadline[c]! > now)) waiting++;
      }
    }
    this.tally.eventCounts[e * EVENT_FIELDS + E.waitingAtEnd] = waiting;
  }

  private onArrival(j: number): void {
    const now = this.now;
    const next = this.nextArrival(j, now);
    if (next < this.horizon) this.heap.push(next, EV_ARRIVAL, j);
    if (this.traceArrivals) this.onFirstArrival(j, now);
    const k = this.cases.open(j, now, this.intervalOf(now));
    const kIv = this.cases.iv[k]!;
    if (kIv >= 0) this.add(F.cases, kIv, j, 1);
    const c = this.newContact(j, k, 0);
    this.born(c);
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

  /** A contact is born: draw its customer's attributes, count it, send it on. */
  private born(c: number): void {
    const now = this.now;
    const p = this.contacts;
    const j = p.type[c]!;
    const type = this.model.types[j]!;
    const s = this.streams[j]!;
    // Voice and chat are turned away while closed (before any draw: the other streams do not move).
    if (type.open !== null && this.channelOf[j] !== EMAIL && !isOpenAt(type.open, now)) {
      this.turnAway(c);
      return;
    }
    const gen = p.flags[c]! & (FL_REPEAT | FL_RETRY) ? FOLLOW_UP : FIRST;
    const iv = this.intervalOf(now);
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
    if (iv >= 0) {
      this.add(F.arrivals, iv, j, 1);
      if (p.flags[c]! & FL_REPEAT) this.add(F.repeats, iv, j, 1);
    }
    const ss = type.selfService;
    if (ss !== null) {
      const u = s.selfService[gen]!;
      // Drawn whether or not self-service is up, so an outage shifts no stream.
      const tries = u() < ss.shareOffered && this.stepAt(this.selfServiceSteps, this.selfServiceCursor, j) === 0;
      const contained = u() < ss.containment;
      const duration = ss.duration(u);
      if (tries) {
        if (iv >= 0) {
          this.add(F.selfServiceTried, iv, j, 1);
          this.add(F.selfServiceCost, iv, j, ss.costPerSession);
        }
        if (contained) p.flags[c]! |= FL_CONTAINED;
        else p.handle[c]! *= ss.failedHandleFactor;
        p.state[c] = S_SELF;
        this.heap.push(now + duration, EV_SELF_SERVICE_DONE, c);
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
  private turnAway(c: number): void {
    const now = this.now;
    const p = this.contacts;
    const j = p.type[c]!;
    const type = this.model.types[j]!;
    const u = this.streams[j]!.closed;
    const iv = this.intervalOf(now);
    p.arrive[c] = now;
    p.iv[c] = iv;
    if (iv >= 0) {
      this.add(F.arrivals, iv, j, 1);
      this.add(F.closed, iv, j, 1);
      if (p.flags[c]! & FL_REPEAT) this.add(F.repeats, iv, j, 1);
    }
    // Two draws per contact whatever the outcome, so one contact's fate does not shift the next's.
    const comesBack = u() < type.closedRetryProbability;
    const delay = type.closedRetryAfter(u);
    const k = p.case[c]!;
    if (comesBack) {
      const back = nextOpening(type.open!, now) + delay;
      if (back < this.horizon) this.heap.push(back, EV_FOLLOW_UP, this.newContact(j, k, FL_RETRY));
    } else this.loseCase(k);
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
      if (iv >= 0) this.add(F.contained, iv, p.type[c]!, 1);
      this.resolveCase(p.case[c]!);
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
      this.add(F.offered, iv, j, 1);
      if (this.eventList.length > 0) this.eventTally(j, p.arrive[c]!, E.offered);
    }
    p.queued[c] = now;
    const open = this.model.types[j]!.open;
    if (open !== null && this.channelOf[j] === EMAIL && !isOpenAt(open, now)) {
      // Email sent while closed waits for the opening; its wait (and service level) counts from now.
      p.state[c] = S_WAITING;
      p.deadline[c] = Infinity;
      p.flags[c]! |= FL_PARKED;
      const at = nextOpening(open, now);
      if (at < Infinity) this.heap.push(at, EV_OPENING, c);
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
    if (deadline < Infinity && this.model.types[j]!.retryProbability > 0) {
      // A retry must be scheduled at the moment of abandoning, so this one is an event.
      p.flags[c]! |= FL_ABANDON_EVENT;
      this.heap.push(deadline, EV_ABANDON, c);
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
    p.state[c] = S_SERVICE;
    p.agent[c] = a;
    p.start[c] = now;
    if (!(p.flags[c]! & FL_ANSWERED)) {
      p.flags[c]! |= FL_ANSWERED;
      const wait = now - p.queued[c]!;
      const k = p.case[c]!;
      this.cases.waitSeconds[k]! += wait;
      if (this.cases.agentContacts[k]!++ === 0) {
        p.flags[c]! |= FL_CASE_FIRST;
        const kIv = this.cases.iv[k]!;
        // Cases count under the type of their first contact, whatever channel reaches an agent.
        if (kIv >= 0) this.add(F.casesReached, kIv, this.cases.type[k]!, 1);
      }
      if (iv >= 0) {
        this.add(F.answered, iv, j, 1);
        this.add(F.waitSum, iv, j, wait);
        if (wait <= this.slOf[j]!) {
          this.add(F.answeredInSl, iv, j, 1);
          if (this.eventList.length > 0) this.eventTally(j, p.arrive[c]!, E.answeredInSl);
        }
        if (wait > 0) this.add(F.waited, iv, j, 1);
        if (channel === VOICE) this.add(F.voiceSeconds, iv, j, wait);
      }
    } else {
      // A transferred contact on hold for a skilled agent: the line stays open, the customer waits.
      this.cases.waitSeconds[p.case[c]!]! += now - p.queued[c]!;
      if (iv >= 0 && channel === VOICE) this.add(F.voiceSeconds, iv, j, now - p.queued[c]!);
    }
    ag.take(a, channel === CHAT, now);
    const proficiency = this.proficiency[g * this.typeCount + j]!;
    let duration: number;
    if (proficiency === 0) {
      // Round robin gave it to an agent without the skill: a short talk, then a transfer.
      duration = this.model.transferSeconds;
      p.flags[c]! |= FL_TRANSFERRED;
      this.cases.points[p.case[c]!]! += this.effort.transfer;
      this.heap.push(now + duration, EV_TRANSFER_DONE, c);
      if (iv >= 0) this.add(F.transfers, iv, j, 1);
    } else {
      // Drawn as always, then scaled: a slow CRM or a new hire's ramp shifts no stream.
      duration = (p.handle[c]! * this.handleFactor(j, now)) / proficiency;
      if (this.hasCohorts) duration /= this.cohortBook.rampOf(a, now);
      if (this.hasHandleEvents) duration *= this.stepAt(this.handleSteps, this.handleCursor, j);
      this.heap.push(now + duration, EV_SERVICE_DONE, c);
      if (this.hasCohorts) this.cohortBook.handled(a, now, duration);
    }
    if (iv >= 0) {
      this.add(F.handleSum, iv, j, duration);
      this.add(F.agentContacts, iv, j, 1);
      if (channel === VOICE) this.add(F.voiceSeconds, iv, j, duration);
    }
  }

  /** Multiplier of the handle-time mean for type j when a service starts at `t` (handle_time_by_hour). */
  private handleFactor(j: number, t: number): number {
    const curve = this.model.types[j]!.handleByTime;
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
    this.accrueBusy(g, j, p.start[c]!, this.now, weight);
    const iv = p.iv[c]!;
    if (iv >= 0) this.tally.groupTime[(iv * this.groupCount + g) * GROUP_FIELDS + G.handled]! += 1;
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
        if (kIv >= 0) this.add(F.casesFcr, kIv, this.cases.type[k]!, 1);
      }
      this.resolveCase(k);
    } else {
      // Not fixed: the customer comes back about the same case (if still within the horizon),
      // on the channel its type sends repeats to.
      const back = this.now + p.repeatDelay[c]!;
      if (back < this.horizon) this.heap.push(back, EV_FOLLOW_UP, this.newContact(this.repeatTo[j]!, k, FL_REPEAT));
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
      if (ag.free[a] === ag.concurrency[ag.group[a]!]) this.logOut(a);
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

  // ---- abandonment and cases --------------------------------------------------------------

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
    const type = this.model.types[j]!;
    if (iv >= 0) {
      if (this.eventList.length > 0) this.eventTally(j, p.arrive[c]!, E.abandoned);
      this.add(F.abandoned, iv, j, 1);
      this.add(F.waited, iv, j, 1);
      if (type.channel === VOICE) this.add(F.voiceSeconds, iv, j, p.deadline[c]! - p.queued[c]!);
    }
    const k = p.case[c]!;
    const cases = this.cases;
    cases.waitSeconds[k]! += p.deadline[c]! - p.queued[c]!;
    cases.points[k]! += this.effort.abandon;
    if (type.retryProbability > 0 && p.retryU[c]! < type.retryProbability) {
      const back = p.deadline[c]! + p.retryDelay[c]!;
      if (back < this.horizon) this.heap.push(back, EV_FOLLOW_UP, this.newContact(this.repeatTo[j]!, k, FL_RETRY));
      return; // the case stays open: a retry follows, or would after the horizon
    }
    this.loseCase(k);
  }

  /** Case k ends unresolved (its last contact abandoned or was turned away, and none follows). */
  private loseCase(k: number): void {
    const cases = this.cases;
    const kIv = cases.iv[k]!;
    if (kIv >= 0) {
      this.add(F.casesLost, kIv, cases.type[k]!, 1);
      cases.points[k]! += this.effort.unresolved;
      this.scoreCase(k, F.effortSum);
    }
    cases.free(k);
  }

  private resolveCase(k: number): void {
    const kIv = this.cases.iv[k]!;
    if (kIv >= 0) {
      const j = this.cases.type[k]!;
      const ttr = this.now - this.cases.opened[k]!;
      this.add(F.casesResolved, kIv, j, 1);
      this.add(F.ttrSum, kIv, j, ttr);
      const fine = this.tally.ttrByType;
      const bin = fine.binOf(ttr);
      fine.counts[j * fine.bins + bin]! += 1;
      this.tally.ttrByInterval.addFinerBin(kIv, bin, fine.subBitsLog2);
      this.scoreCase(k, F.effortSum);
    }
    this.cases.free(k);
  }

  /**
   * Add case k's effort score to `field` (the sum over ended cases, or over cases open at the
   * end) in the row of its first contact; an ended case at or above the threshold is "high".
   */
  private scoreCase(k: number, field: number): void {
    const cases = this.cases;
    const e = this.effort;
    const score = effortScore(e, cases.points[k]!, cases.waitSeconds[k]!);
    const kIv = cases.iv[k]!;
    const j = cases.type[k]!;
    this.add(field, kIv, j, score);
    if (field === F.effortSum && score >= e.highThreshold) this.add(F.casesHighEffort, kIv, j, 1);
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

  // ---- staffing ---------------------------------------------------------------------------

  private onRoster(g: number): void {
    const roster = this.staffing[g]!.roster;
    const i = this.rosterIndex[g]!;
    this.setStaff(g, roster.counts[i]!);
    this.onPaidBreak[g] = roster.paidBreak[i]!; // setStaff has accrued the stretch before
    this.rosterIndex[g] = i + 1;
    if (i + 1 < roster.times.length) this.heap.push(roster.times[i + 1]!, EV_ROSTER, g);
  }

  /**
   * Bring the number of agents on duty in group g to `target`. Agents leaving finish the contact
   * in hand first; agents arriving take waiting work at once.
   */
  private setStaff(g: number, target: number): void {
    const ag = this.agents;
    this.accrueLogged(g);
    let onDuty = ag.onDuty[g]!;
    const first = ag.first[g]!;
    const last = first + ag.size[g]!;
    // Call back agents who were finishing their last contact before leaving.
    for (let a = first; a < last && onDuty < target; a++) {
      if (ag.state[a] !== A_LEAVING) continue;
      ag.state[a] = A_ON;
      ag.onDuty[g]!++;
      onDuty++;
      if (ag.free[a]! > 0) this.dispatch(a);
    }
    while (onDuty < target) {
      const a = ag.logIn(g, this.now);
      this.cohortBook.logIn(a, this.now);
      onDuty++;
      this.dispatch(a);
    }
    while (onDuty > target) {
      const a = ag.idlestToLeave(g);
      if (a >= 0) this.logOut(a);
      else {
        // Everyone is busy: the next one to finish leaves.
        for (let b = first; b < last; b++) {
          if (ag.state[b] === A_ON) {
            ag.markLeaving(b);
            break;
          }
        }
      }
      onDuty--;
    }
  }

  private logOut(a: number): void {
    const g = this.agents.group[a]!;
    this.accrueLogged(g);
    this.cohortBook.logOut(a, this.now);
    this.agents.logOut(a);
  }

  // ---- time-based tallies -----------------------------------------------------------------

  private intervalOf(t: number): number {
    return t >= this.warmup && t < this.horizon ? Math.floor(t / this.ivLen) : -1;
  }

  private add(field: number, iv: number, j: number, v: number): void {
    this.grid[(iv * this.typeCount + j) * FIELDS + field]! += v;
  }

  /** Busy time of one leg, spread over the intervals it spans within [warm-up, horizon). */
  private accrueBusy(g: number, j: number, from: number, to: number, weight: number): void {
    const lo = from > this.warmup ? from : this.warmup;
    const hi = to < this.horizon ? to : this.horizon;
    if (hi <= lo) return;
    const tally = this.tally;
    tally.groupBusy[g * this.model.types.length + j]! += weight * (hi - lo);
    const len = this.ivLen;
    let iv = Math.floor(lo / len);
    let t = lo;
    while (t < hi) {
      const end = Math.min(hi, (iv + 1) * len);
      tally.intervalTime[iv * TIME_FIELDS + T.busy]! += weight * (end - t);
      tally.groupTime[(iv * this.groupCount + g) * GROUP_FIELDS + G.busy]! += weight * (end - t);
      t = end;
      iv++;
    }
  }

  /** Logged-in time of group g since its last change, spread over intervals, with its pay. */
  private accrueLogged(g: number): void {
    const ag = this.agents;
    const since = ag.loggedSince[g]!;
    ag.loggedSince[g] = this.now;
    const n = ag.loggedIn[g]!;
    const b = this.onPaidBreak[g]!;
    if (n === 0 && b === 0) return;
    const lo = since > this.warmup ? since : this.warmup;
    const hi = this.now < this.horizon ? this.now : this.horizon;
    if (hi <= lo) return;
    const group = this.model.groups[g]!;
    const tally = this.tally;
    // Paid hours: logged-in time grossed up by shrinkage, plus paid breaks as scheduled.
    const paidPerSecond = (n * group.paidPerLogged + b) / SECONDS_PER_HOUR;
    const costPerSecond = n * group.costPerLoggedSecond + b * group.costPerPaidBreakSecond;
    const seconds = n * (hi - lo);
    tally.groupLogged[g]! += seconds;
    tally.groupPaidHours[g]! += (hi - lo) * paidPerSecond;
    tally.groupCost[g]! += (hi - lo) * costPerSecond;
    const len = this.ivLen;
    let iv = Math.floor(lo / len);
    let t = lo;
    while (t < hi) {
      const end = Math.min(hi, (iv + 1) * len);
      const dt = end - t;
      const row = iv * TIME_FIELDS;
      tally.intervalTime[row + T.logged]! += n * dt;
      tally.intervalTime[row + T.paidHours]! += dt * paidPerSecond;
      tally.intervalTime[row + T.agentCost]! += dt * costPerSecond;
      const gRow = (iv * this.groupCount + g) * GROUP_FIELDS;
      tally.groupTime[gRow + G.logged]! += n * dt;
      tally.groupTime[gRow + G.paidHours]! += dt * paidPerSecond;
      tally.groupTime[gRow + G.cost]! += dt * costPerSecond;
      t = end;
      iv++;
    }
  }

  /** Close the books: pay the last stretch of logged-in time; count what is left in the system. */
  private finish(): void {
    if (this.now < this.horizon) this.now = this.horizon;
    for (let g = 0; g < this.model.groups.length; g++) this.accrueLogged(g);
    this.cohortBook.close(this.now);
    const p = this.contacts;
    for (const q of this.router.allQueues()) {
      while (this.liveHead(q) >= 0) {
        const c = q.shift();
        p.flags[c]! &= ~FL_IN_QUEUE;
        if (p.iv[c]! >= 0) this.add(F.leftWaiting, p.iv[c]!, p.type[c]!, 1);
        this.cases.waitSeconds[p.case[c]!]! += this.now - p.queued[c]!; // waited so far
        this.end(c);
      }
    }
    for (let c = 0; c < p.capacity; c++) {
      if (p.state[c] === S_SELF && p.iv[c]! >= 0) this.add(F.leftInSelfService, p.iv[c]!, p.type[c]!, 1);
      if (p.state[c] === S_WAITING && p.flags[c]! & FL_PARKED && p.iv[c]! >= 0) this.add(F.leftWaiting, p.iv[c]!, p.type[c]!, 1);
    }
    const k = this.cases;
    for (let i = 0; i < k.capacity; i++) {
      if (k.live[i] && k.iv[i]! >= 0) {
        this.add(F.casesOpenAtEnd, k.iv[i]!, k.type[i]!, 1);
        k.points[i]! += this.effort.unresolved;
        this.scoreCase(i, F.effortOpenSum);
      }
    }
  }
}
