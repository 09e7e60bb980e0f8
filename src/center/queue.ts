/** A FIFO queue of contact indices: a ring buffer that doubles when full. */
export class ContactQueue {
  private items: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(c: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = c;
    this.length++;
  }

  peek(): number {
    return this.items[this.head]!;
  }

  /** The i-th contact from the head (0 = head), for counting; does not remove it. */
  at(i: number): number {
    return this.items[(this.head + i) & (this.items.length - 1)]!;
  }

  shift(): number {
    const c = this.items[this.head]!;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return c;
  }

  private grow(): void {
    const n = this.items.length;
    const next = new Int32Array(n * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & (n - 1)]!;
    this.items = next;
    this.head = 0;
  }
}
