/** Kinds fit in 4 bits; subjects (contact, type or group indices) below 2^27. */
const KIND_BITS = 4;
const KIND_MASK = (1 << KIND_BITS) - 1;
export const MAX_SUBJECT = 2 ** (31 - KIND_BITS) - 1;
export const MAX_KIND = KIND_MASK;

/**
 * The event calendar: a binary min-heap over typed arrays, keyed by (time, sequence).
 *
 * The sequence number is the order in which events were scheduled, so events at the same
 * instant always run in the same order (SimPy's rule); that is what makes a run repeatable.
 * Nothing is allocated per event: the arrays grow by doubling and are reused.
 *
 * `beginDispatch()` leaves the earliest event at the root instead of removing it. If the
 * handler schedules a follow-up (the next arrival of a stream, the next service of an agent),
 * `push` overwrites the root and sifts down once, instead of a pop plus a push.
 * `endDispatch()` removes the root if nothing replaced it.
 *
 * Kind and subject share one Int32 (subject * 16 + kind), so a sift moves three arrays, not four.
 */

export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private item: Int32Array; // subject << KIND_BITS | kind
  private n = 0;
  private nextSeq = 0;
  private rootConsumed = false;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.item = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, seconds; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0]! : Infinity;
  }

  /** Scheduling order of the earliest event (ties in time run in this order). */
  peekSeq(): number {
    return this.seq[0]!;
  }

  /**
   * The sequence number a push now would get, taken without pushing: for an event a caller keeps
   * outside the heap (SingleQueueCenter's next arrival) yet must order exactly as if inside.
   */
  takeSeq(): number {
    return this.nextSeq++;
  }

  peekKind(): number {
    return this.item[0]! & KIND_MASK;
  }

  peekSubject(): number {
    return this.item[0]! >> KIND_BITS;
  }

  beginDispatch(): void {
    this.rootConsumed = true;
  }

  endDispatch(): void {
    if (this.rootConsumed) {
      this.rootConsumed = false;
      this.removeRoot();
    }
  }

  /** Schedule event `kind` (0..MAX_KIND) about `subject` (0..MAX_SUBJECT) at `time`. */
  push(time: number, kind: number, subject: number): void {
    if (subject > MAX_SUBJECT) throw new RangeError(`EventHeap: subject ${subject} is above ${MAX_SUBJECT}`);
    const s = this.nextSeq++;
    const item = (subject << KIND_BITS) | kind;
    if (this.rootConsumed) {
      this.rootConsumed = false;
      this.time[0] = time;
      this.seq[0] = s;
      this.item[0] = item;
      this.siftDown(0);
      return;
    }
    if (this.n === this.time.length) this.grow();
    let i = this.n++;
    const t = this.time;
    const q = this.seq;
    const k = this.item;
    // Sift up: move parents down until the slot fits.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p]!;
      if (pt < time || (pt === time && q[p]! < s)) break;
      t[i] = pt;
      q[i] = q[p]!;
      k[i] = k[p]!;
      i = p;
    }
    t[i] = time;
    q[i] = s;
    k[i] = item;
  }

  private removeRoot(): void {
    const last = --this.n;
    if (last === 0) return;
    this.time[0] = this.time[last]!;
    this.seq[0] = this.seq[last]!;
    this.item[0] = this.item[last]!;
    this.siftDown(0);
  }

  private siftDown(start: number): void {
    const t = this.time;
    const q = this.seq;
    const k = this.item;
    const n = this.n;
    let i = start;
    const time = t[i]!;
    const s = q[i]!;
    const item = k[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ct = t[c]!;
        const rt = t[r]!;
        if (rt < ct || (rt === ct && q[r]! < q[c]!)) c = r;
      }
      const ct = t[c]!;
      if (time < ct || (time === ct && s < q[c]!)) break;
      t[i] = ct;
      q[i] = q[c]!;
      k[i] = k[c]!;
      i = c;
    }
    t[i] = time;
    q[i] = s;
    k[i] = item;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const q = new Float64Array(cap);
    q.set(this.seq);
    this.seq = q;
    const k = new Int32Array(cap);
    k.set(this.item);
    this.item = k;
  }
}
