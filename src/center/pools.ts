/**
 * Contacts and cases as struct-of-arrays pools: a record is an index into parallel typed arrays,
 * recycled through a free list, so a run of ten million contacts allocates only when the number
 * in the system at once outgrows the arrays (which then double).
 */

/** Where a contact is in its journey. */
export const S_FREE = 0;
export const S_PENDING = 1; // born later (a scheduled repeat or retry)
export const S_SELF = 2; // in self-service
export const S_WAITING = 3; // in an agent queue
export const S_SERVICE = 4; // with an agent
export const S_GONE = 5; // journey over; the record waits for nothing to refer to it

export const FL_ANSWERED = 1;
export const FL_TRANSFERRED = 2;
export const FL_REPEAT = 4;
export const FL_RETRY = 8;
export const FL_IN_QUEUE = 16; // still referenced by a queue
export const FL_ABANDON_EVENT = 32; // still referenced by an abandonment event
export const FL_CASE_FIRST = 64; // the first contact of its case that reached an agent
export const FL_CONTAINED = 128; // self-service will resolve it
export const FL_PARKED = 256; // email that arrived while closed, waiting for the opening (not in a queue yet)

export class ContactPool {
  type!: Int32Array;
  case!: Int32Array;
  flags!: Int32Array;
  state!: Int32Array;
  iv!: Int32Array;
  agent!: Int32Array;
  arrive!: Float64Array;
  handle!: Float64Array; // seconds at proficiency 1
  patience!: Float64Array;
  resolveU!: Float64Array;
  retryU!: Float64Array;
  retryDelay!: Float64Array;
  repeatDelay!: Float64Array;
  queued!: Float64Array; // when it joined the agent queue
  deadline!: Float64Array; // when it abandons if still waiting
  start!: Float64Array; // when the current agent leg started
  private nextFree!: Int32Array;
  private freeHead = -1;
  private used = 0;
  capacity = 0;

  constructor(capacity: number) {
    this.resize(capacity);
  }

  alloc(): number {
    if (this.freeHead >= 0) {
      const c = this.freeHead;
      this.freeHead = this.nextFree[c]!;
      return c;
    }
    if (this.used === this.capacity) this.resize(this.capacity * 2);
    return this.used++;
  }

  free(c: number): void {
    this.state[c] = S_FREE;
    this.nextFree[c] = this.freeHead;
    this.freeHead = c;
  }

  private resize(capacity: number): void {
    const i32 = (old: Int32Array | undefined): Int32Array => {
      const a = new Int32Array(capacity);
      if (old) a.set(old);
      return a;
    };
    const f64 = (old: Float64Array | undefined): Float64Array => {
      const a = new Float64Array(capacity);
      if (old) a.set(old);
      return a;
    };
    this.type = i32(this.type);
    this.case = i32(this.case);
    this.flags = i32(this.flags);
    this.state = i32(this.state);
    this.iv = i32(this.iv);
    this.agent = i32(this.agent);
    this.nextFree = i32(this.nextFree);
    this.arrive = f64(this.arrive);
    this.handle = f64(this.handle);
    this.patience = f64(this.patience);
    this.resolveU = f64(this.resolveU);
    this.retryU = f64(this.retryU);
    this.retryDelay = f64(this.retryDelay);
    this.repeatDelay = f64(this.repeatDelay);
    this.queued = f64(this.queued);
    this.deadline = f64(this.deadline);
    this.start = f64(this.start);
    this.capacity = capacity;
  }
}

/** Cases (customer issues): opened by a first contact, closed when resolved or lost. */
export class CasePool {
  type!: Int32Array;
  iv!: Int32Array; // reporting interval it opened in; -1 during the warm-up
  agentContacts!: Int32Array;
  live!: Uint8Array;
  opened!: Float64Array;
  /** Effort points so far (everything but waiting), and seconds waited in agent queues. */
  points!: Float64Array;
  waitSeconds!: Float64Array;
  private nextFree!: Int32Array;
  private freeHead = -1;
  private used = 0;
  capacity = 0;

  constructor(capacity: number) {
    this.resize(capacity);
  }

  open(type: number, now: number, iv: number): number {
    let k: number;
    if (this.freeHead >= 0) {
      k = this.freeHead;
      this.freeHead = this.nextFree[k]!;
    } else {
      if (this.used === this.capacity) this.resize(this.capacity * 2);
      k = this.used++;
    }
    this.type[k] = type;
    this.iv[k] = iv;
    this.agentContacts[k] = 0;
    this.live[k] = 1;
    this.opened[k] = now;
    this.points[k] = 0;
    this.waitSeconds[k] = 0;
    return k;
  }

  free(k: number): void {
    this.live[k] = 0;
    this.nextFree[k] = this.freeHead;
    this.freeHead = k;
  }

  private resize(capacity: number): void {
    const live = new Uint8Array(capacity);
    if (this.live) live.set(this.live);
    this.live = live;
    const grow = <A extends Int32Array | Float64Array>(old: A | undefined, make: (n: number) => A): A => {
      const a = make(capacity);
      if (old) a.set(old);
      return a;
    };
    this.type = grow(this.type, (n) => new Int32Array(n));
    this.iv = grow(this.iv, (n) => new Int32Array(n));
    this.agentContacts = grow(this.agentContacts, (n) => new Int32Array(n));
    this.nextFree = grow(this.nextFree, (n) => new Int32Array(n));
    this.opened = grow(this.opened, (n) => new Float64Array(n));
    this.points = grow(this.points, (n) => new Float64Array(n));
    this.waitSeconds = grow(this.waitSeconds, (n) => new Float64Array(n));
    this.capacity = capacity;
  }
}
