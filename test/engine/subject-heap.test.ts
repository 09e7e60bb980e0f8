import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { EventHeap } from '../../src/engine/event-heap.ts';
import { SubjectHeap } from '../../src/engine/subject-heap.ts';

describe('SubjectHeap', () => {
  it('pops events in (time, scheduling order) order, with ties, root replacement and sequence numbers taken aside', () => {
    const rng = seedrandom.alea('subject-heap');
    const heap = new SubjectHeap(2); // tiny: exercises growth of both the heap and the sequence table
    // Expected order: by time, then by the order in which events were scheduled (`order`).
    const expected: Array<[number, number, number]> = [];
    let order = 0;
    let next = 0; // subjects are unique while pending: a fresh one per event
    for (let i = 0; i < 500; i++) {
      if (i % 7 === 0) {
        heap.takeSeq(); // an event kept outside the heap, as SingleQueueCenter keeps its next arrival
        order++;
      }
      const t = Math.floor(rng() * 50); // many equal times
      heap.push(t, next);
      expected.push([t, order++, next++]);
    }
    const got: Array<[number, number]> = [];
    while (heap.size > 0) {
      const t = heap.peekTime();
      const subject = heap.peekSubject();
      got.push([t, subject]);
      heap.beginDispatch();
      // Half the handlers schedule one follow-up, which replaces the root in place.
      if (subject % 2 === 0 && t < 40) {
        const at = t + Math.floor(rng() * 20); // may equal t: a tie with events already waiting
        heap.push(at, next);
        expected.push([at, order++, next++]);
      }
      heap.endDispatch();
    }
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(got).toEqual(expected.map(([t, , s]) => [t, s]));
    expect(heap.peekTime()).toBe(Infinity);
  });

  it('numbers events as EventHeap does, so both break ties alike', () => {
    const rng = seedrandom.alea('same-seq');
    const a = new EventHeap(4);
    const b = new SubjectHeap(4);
    const seen: Array<[number, number, number]> = [];
    const seenB: Array<[number, number, number]> = [];
    let next = 0;
    for (let i = 0; i < 200; i++) {
      const t = Math.floor(rng() * 10);
      if (i % 5 === 0) expect(b.takeSeq()).toBe(a.takeSeq());
      a.push(t, 0, next);
      b.push(t, next);
      next++;
      if (i % 3 === 0) {
        seen.push([a.peekTime(), a.peekSeq(), a.peekSubject()]);
        seenB.push([b.peekTime(), b.peekSeq(), b.peekSubject()]);
        a.beginDispatch();
        a.endDispatch();
        b.beginDispatch();
        b.endDispatch();
      }
    }
    expect(seenB).toEqual(seen);
  });
});
