/** Progress on stderr: nothing for a second, then in place on a terminal or every 25% in a log. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function fake(isTTY: boolean) {
  const out: string[] = [];
  let t = 0;
  return {
    out,
    stream: { isTTY, write: (s: string) => out.push(s) },
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('progress', () => {
  it('a quick run shows nothing', () => {
    const f = fake(false);
    const p = createProgress('sweep', 'replications', { stream: f.stream, now: f.now });
    p.planned(8);
    for (let i = 0; i < 8; i++) p.completed(1);
    p.done();
    expect(f.out).toEqual([]);
  });

  it('not a terminal: one line as each quarter is passed, after the first second', () => {
    const f = fake(false);
    const p = createProgress('compare', 'replications', { stream: f.stream, now: f.now });
    p.planned(8);
    for (let i = 0; i < 8; i++) {
      f.advance(400);
      p.completed(1);
    }
    p.done();
    // 1 s is passed at the third replication (1.2 s, 37%): the first quarter is reported late.
    expect(f.out).toEqual([
      'compare: 37% (3/8 replications)\n',
      'compare: 50% (4/8 replications)\n',
      'compare: 75% (6/8 replications)\n',
      'compare: 100% (8/8 replications)\n',
    ]);
  });

  it('a terminal: one line rewritten in place, erased at the end', () => {
    const f = fake(true);
    const p = createProgress('simulate x', 'replications', { stream: f.stream, now: f.now });
    p.planned(4);
    for (let i = 0; i < 4; i++) {
      f.advance(600);
      p.completed(1);
    }
    p.done();
    expect(f.out.every((s) => s.startsWith('\r'))).toBe(true);
    expect(f.out.at(-2)).toBe('\rsimulate x: 100% (4/4 replications)\u001b[K');
    expect(f.out.at(-1)).toBe('\r\u001b[K');
  });

  it('--quiet: nothing at all', () => {
    const f = fake(true);
    const p = createProgress('sweep', 'replications', { quiet: true, stream: f.stream, now: f.now });
    p.planned(2);
    f.advance(5000);
    p.completed(2);
    p.done();
    expect(f.out).toEqual([]);
  });
});
