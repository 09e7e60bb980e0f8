/**
 * Agents of every group as one struct-of-arrays pool. Group g owns agents
 * first[g] .. first[g] + size[g] - 1 (size = the most it ever has logged in).
 *
 * Each group keeps an intrusive doubly-linked list of its available agents (a free slot, on
 * duty), in the order they became available: the head is the longest idle, so longest-idle
 * selection is O(1). A voice or email contact needs all of an agent's slots; a chat needs one.
 */

export const A_OFF = 0;
export const A_ON = 1;
export const A_LEAVING = 2; // shift over: finishes the contact in hand, then logs out

export class AgentPool {
  readonly first: Int32Array;
  readonly size: Int32Array;
  readonly concurrency: Int32Array;
  readonly onDuty: Int32Array; // agents A_ON per group
  readonly loggedIn: Int32Array; // agents A_ON or A_LEAVING per group
  readonly loggedSince: Float64Array; // last time loggedIn was accounted for
  readonly group: Int32Array;
  readonly state: Int32Array;
  readonly free: Int32Array; // free slots
  readonly idleSince: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly listed: Uint8Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Logged-out agents of each group, as a stack inside one array. */
  private readonly offStack: Int32Array;
  private readonly offCount: Int32Array;

  constructor(groups: Array<{ size: number; concurrency: number }>) {
    const nG = groups.length;
    this.first = new Int32Array(nG);
    this.size = new Int32Array(nG);
    this.concurrency = new Int32Array(nG);
    this.onDuty = new Int32Array(nG);
    this.loggedIn = new Int32Array(nG);
    this.loggedSince = new Float64Array(nG);
    this.head = new Int32Array(nG).fill(-1);
    this.tail = new Int32Array(nG).fill(-1);
    this.offCount = new Int32Array(nG);
    let n = 0;
    groups.forEach((g, i) => {
      this.first[i] = n;
      this.size[i] = g.size;
      this.concurrency[i] = g.concurrency;
      n += g.size;
    });
    this.group = new Int32Array(n);
    this.state = new Int32Array(n);
    this.free = new Int32Array(n);
    this.idleSince = new Float64Array(n);
    this.prev = new Int32Array(n).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    this.listed = new Uint8Array(n);
    this.offStack = new Int32Array(n);
    groups.forEach((g, i) => {
      // Highest index at the bottom so agents log in in index order.
      for (let k = g.size - 1; k >= 0; k--) {
        const a = this.first[i]! + k;
        this.group[a] = i;
        this.offStack[this.first[i]! + this.offCount[i]!++] = a;
      }
    });
  }

  /** Can agent a take a contact now (a chat needs one free slot; voice and email need all)? */
  canTake(a: number, chat: boolean): boolean {
    if (this.state[a] !== A_ON) return false;
    return chat ? this.free[a]! > 0 : this.free[a] === this.concurrency[this.group[a]!];
  }

  /** The longest-idle agent of group g who can take this kind of contact, or -1. */
  firstAvailable(g: number, chat: boolean): number {
    let a = this.head[g]!;
    if (chat || this.concurrency[g] === 1) return a;
    const full = this.concurrency[g]!;
    while (a >= 0 && this.free[a] !== full) a = this.next[a]!;
    return a;
  }

  /** The agent after a in its group's list (next longest idle) who can take this kind of contact, or -1. */
  nextAvailable(a: number, chat: boolean): number {
    const full = this.concurrency[this.group[a]!]!;
    let b = this.next[a]!;
    if (chat || full === 1) return b;
    while (b >= 0 && this.free[b] !== full) b = this.next[b]!;
    return b;
  }

  /** Agent a starts a contact at time now. */
  take(a: number, chat: boolean, now: number): void {
    const f = (this.free[a]! -= chat ? 1 : this.concurrency[this.group[a]!]!);
    if (this.listed[a]) this.unlist(a);
    // A chat agent with room left goes to the back, so that chats spread over agents.
    if (f > 0) this.list(a, now);
  }

  /** Agent a finishes a contact; the caller decides what it does next. */
  release(a: number, chat: boolean): void {
    this.free[a]! += chat ? 1 : this.concurrency[this.group[a]!]!;
  }

  /** Agent a has a free slot and nothing to do: it joins the back of its group's list. */
  makeAvailable(a: number, now: number): void {
    if (!this.listed[a]) this.list(a, now);
  }

  logIn(g: number, now: number): number {
    const a = this.offStack[this.first[g]! + --this.offCount[g]!]!;
    this.state[a] = A_ON;
    this.free[a] = this.concurrency[g]!;
    this.idleSince[a] = now;
    this.onDuty[g]!++;
    this.loggedIn[g]!++;
    return a;
  }

  logOut(a: number): void {
    const g = this.group[a]!;
    if (this.listed[a]) this.unlist(a);
    if (this.state[a] === A_ON) this.onDuty[g]!--;
    this.loggedIn[g]!--;
    this.state[a] = A_OFF;
    this.offStack[this.first[g]! + this.offCount[g]!++] = a;
  }

  markLeaving(a: number): void {
    if (this.listed[a]) this.unlist(a);
    this.state[a] = A_LEAVING;
    this.onDuty[this.group[a]!]!--;
  }

  /** An on-duty agent of group g with nothing in hand, the most recently idle first; -1 if none. */
  idlestToLeave(g: number): number {
    const full = this.concurrency[g]!;
    let a = this.tail[g]!;
    while (a >= 0 && this.free[a] !== full) a = this.prev[a]!;
    return a;
  }

  private list(a: number, now: number): void {
    const g = this.group[a]!;
    this.idleSince[a] = now;
    this.listed[a] = 1;
    this.next[a] = -1;
    this.prev[a] = this.tail[g]!;
    if (this.tail[g]! >= 0) this.next[this.tail[g]!] = a;
    else this.head[g] = a;
    this.tail[g] = a;
  }

  private unlist(a: number): void {
    const g = this.group[a]!;
    const p = this.prev[a]!;
    const n = this.next[a]!;
    if (p >= 0) this.next[p] = n;
    else this.head[g] = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail[g] = p;
    this.listed[a] = 0;
  }
}
