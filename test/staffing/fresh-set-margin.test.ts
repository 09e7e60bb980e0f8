// The day verdict staff accepts a plan on (verify.ts FRESH_SET_MARGIN, clearsForFreshSet): a
// mean must be (1 + √2) 95% half-widths above the target, so that another set of replications
// of the same size (the user's `ccsim simulate --replications 20`) puts its own lower end at or
// above the target. Expected values are worked by hand below, not taken from the code.
import { describe, expect, it } from 'vitest';
import { clearsForFreshSet, FRESH_SET_MARGIN } from '../../src/staffing/verify.ts';

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
