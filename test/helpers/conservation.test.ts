/** The conservation check itself: silent on a real run, and names each law a tampered run breaks. */
import { describe, expect, it } from 'vitest';
import { expectConservation } from './conservation.ts';
import { replicate } from './replicate.ts';
import { mmc } from './scenarios.ts';

describe('expectConservation', () => {
  const [result] = replicate(mmc(120, 180, 5, 1, 3), 1);

  it('passes a real run (which has contacts in it)', () => {
    expect(result!.totals.offered).toBeGreaterThan(0);
    expect(() => expectConservation(result!)).not.toThrow();
  });

  it('fails a run whose counts do not add up, naming each broken law', () => {
    const bad = structuredClone(result!);
    bad.totals.answered += 1;
    const hour = bad.by_interval.find((m) => m.arrivals > 0)!;
    hour.cases += 1;
    let message = '';
    try {
      expectConservation(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/totals: offered/);
    expect(message).toMatch(/types add up: answered/);
    expect(message).toMatch(new RegExp(`interval ${hour.start}: cases`));
    expect(message).toMatch(/intervals add up: cases/);
  });
});
