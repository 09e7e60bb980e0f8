import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { EventHeap } from '../../src/engine/event-heap.ts';

describe('EventHeap', () => {
  it('pops events in (time, scheduling order) order, including ties and root replacement', () => {
    const rng = seedrandom.alea('heap');
    const heap = new EventHeap(2); // tiny: exercises growth
    const expected: Array<[number, number]> = [];
    let id = 0;
    for (let i = 0; i < 500; i++) {
      const t = Math.floor(rng() * 50); // many equal times
      heap.push(t, 0, id);
      expected.push([t, id++]);
    }
    const got: Array<[number, number]> = [];
    while (heap.size > 0) {
      const t = heap.peekTime();
      const subject = heap.peekSubject();
      got.push([t, subject]);
      heap.beginDispatch();
      // Half the handlers schedule one follow-up, which replaces the root in place.
      if (subject % 2 === 0 && t < 40) {
        const next = t + 1 + Math.floor(rng() * 20);
        heap.push(next, 0, id);
        expected.push([next, id++]);
      }
      heap.endDispatch();
    }
    // Expected order: by time, then by the order in which events were scheduled (= id).
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(got).toEqual(expected);
  });

  it('reports Infinity when empty', () => {
    expect(new EventHeap().peekTime()).toBe(Infinity);
  });
});
