// The day verdict staff accepts a plan on (verify.ts FRESH_SET_MARGIN, clearsForFreshSet): a
// mean must be (1 + √2) 95% half-widths above the target, so that another set of replications
// of the same size (the user's `ccsim simulate --replications 20`) puts its own lower end at or
// above the target. Expected values are worked by hand below, not taken from the code.
import { describe, expect, it } from 'vitest';
import { clearsForFreshSet, FRESH_SET_MARGIN } from '../../src/staffing/verify.ts';
import { dayCells } from '../../src/staffing/plan-repair.ts';

describe('clearing the target with room for a fresh set of replications', () => {
  it('is 1 + √2 half-widths: 2.41421356…', () => {
    // √2 = 1.41421356237…, by hand (1.41421356² = 1.99999999).
    expect(FRESH_SET_MARGIN).toBeCloseTo(2.41421356, 8);
  });

  it('accepts a day just above target + 2.414 half-widths, refuses one just below', () => {
    // Target 80%, half-width 1 point: the boundary is 80 + 2.414 = 82.414%.
    expect(clearsForFreshSet(0.825, 0.01, 0.8)).toBe(true); // 82.5 − 2.414 = 80.086 ≥ 80
    expect(clearsForFreshSet(0.824, 0.01, 0.8)).toBe(false); // 82.4 − 2.414 = 79.986 < 80
    // Half-width 2 points: boundary 84.83%.
    expect(clearsForFreshSet(0.849, 0.02, 0.8)).toBe(true); // 84.9 − 4.828 = 80.07
    expect(clearsForFreshSet(0.848, 0.02, 0.8)).toBe(false); // 84.8 − 4.828 = 79.97
  });

  it('refuses the day the retail bank missed by: lower end above target on its own set, not with room', () => {
    // Sunday, mortgages, staff's own fresh set once: 81.0% ±1.7. Its lower end, 79.3%, misses
    // already; one at 82.0% ±1.7 meets the plain rule (80.3 ≥ 80) but 82.0 − 2.414·1.7 = 77.9:
    // another set of 20 (standard deviation of the difference √2·se, se = 1.7/2.093) falls
    // below 80% + its half-width two times in five (1 − Φ((82.0 − 80 − 1.7)/(√2·0.812)) = 0.40,
    // by hand with a normal table), so staff must add agents.
    expect(clearsForFreshSet(0.81, 0.017, 0.8)).toBe(false);
    expect(0.82 - 0.017 >= 0.8).toBe(true);
    expect(clearsForFreshSet(0.82, 0.017, 0.8)).toBe(false);
    expect(clearsForFreshSet(0.8411, 0.017, 0.8)).toBe(true); // 84.11 − 4.104 = 80.006
  });

  it('does not clear without a half-width to judge by, and clears a certain level', () => {
    expect(clearsForFreshSet(0.95, null, 0.8)).toBe(false);
    expect(clearsForFreshSet(1, 0, 0.8)).toBe(true);
    expect(clearsForFreshSet(0.8, 0, 0.8)).toBe(true);
  });
});

describe('the cells a day that does not clear gets agents in', () => {
  it('worst first, just enough to close the day\'s gap when each is lifted to the need', () => {
    // A day of four cells, 10 contacts each, at 60%, 78%, 90% and 100%: pooled 82%. Need 85%:
    // gap (85 − 82)% × 40 = 1.2 contacts. The 60% cell alone would bring 10 × 0.25 = 2.5 ≥ 1.2.
    const day = [
      { interval: 7, offered: 10, sl: 0.9 },
      { interval: 5, offered: 10, sl: 0.6 },
      { interval: 6, offered: 10, sl: 0.78 },
      { interval: 8, offered: 10, sl: 1 },
    ];
    expect(dayCells(day, 0.82, 0.85)).toEqual([5]);
    // Need 90%: gap 8% × 40 = 3.2; the 60% cell brings 3.0, the 78% cell 1.2 more: both.
    expect(dayCells(day, 0.82, 0.9)).toEqual([5, 6]);
    // Need 99%: gap 6.8 contacts; 60% (3.9), 78% (2.1), 90% (0.9) make 6.9: three, never the 100% cell.
    expect(dayCells(day, 0.82, 0.99)).toEqual([5, 6, 7]);
  });

  it('counts a quiet cell by its contacts: a night cell of one contact weighs one contact', () => {
    // Nights of 1 contact at 10%, days of 20 at 85%: pooled (2 × 0.1 + 2 × 17) / 42 = 34.2 / 42.
    const day = [
      { interval: 0, offered: 1, sl: 0.1 },
      { interval: 1, offered: 1, sl: 0.1 },
      { interval: 2, offered: 20, sl: 0.85 },
      { interval: 3, offered: 20, sl: 0.85 },
    ];
    // Need 84%: gap (0.84 − 34.2/42) × 42 = 35.28 − 34.2 = 1.08; night 0 brings 0.74, night 1 0.74 more.
    expect(dayCells(day, 34.2 / 42, 0.84)).toEqual([0, 1]);
  });
});
