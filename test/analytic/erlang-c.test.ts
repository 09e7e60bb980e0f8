import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  erlangCAsa,
  erlangCOccupancy,
  erlangCServiceLevel,
  erlangCStaffing,
} from '../../src/analytic/index.ts';
import { erlangCExact } from './reference.ts';

function expectRel(x: number, y: number, tol: number): void {
  expect(Math.abs(x - y)).toBeLessThanOrEqual(tol * Math.abs(y));
}

describe('erlangC', () => {
  it('matches the textbook direct formula evaluated exactly (BigInt), including 1000+ agents near load 1', () => {
    // Reference: C = [aᶜ/c!·c/(c−a)] / [Σ_{k<c} aᵏ/k! + aᶜ/c!·c/(c−a)] (Gans, Koole & Mandelbaum
    // 2003, §4.1), exact rational arithmetic in test/analytic/reference.ts.
    const cases: Array<[number, number, number]> = [
      [1, 1, 2], // M/M/1: C = ρ = 0.5
      [14, 10, 1],
      [13, 10, 1],
      [100, 95, 1], // ρ = 0.95
      [120, 1139, 10], // ρ ≈ 0.949
      [1000, 950, 1], // ρ = 0.95
      [1000, 999, 1], // ρ = 0.999
      [2000, 19999, 10], // ρ = 0.99995
    ];
    for (const [c, p, q] of cases) {
      expectRel(erlangC(c, p / q), erlangCExact(c, p, q), 1e-11);
    }
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 15);
  });

  it('reproduces the classic call-center example: 100 calls / 30 min, AHT 180 s, 80/20 → 14 agents', () => {
    // λ = 100/1800 per second, E[S] = 180 s, a = 10 Erlangs. Values from the formulas of Gans,
    // Koole & Mandelbaum (2003) §4.1, checked against the exact reference:
    // C(14, 10) = 0.174131933..., SL(14) = 1 − 0.174132·e^{−4·20/180} = 0.888350...,
    // C(13, 10) = 0.285270..., SL(13) = 0.795595... < 0.8, ASA(14) = 0.174132·180/4 = 7.8359 s.
    expect(erlangC(14, 10)).toBeCloseTo(0.1741319336, 9);
    expect(erlangCExact(14, 10)).toBeCloseTo(0.1741319336, 9);
    expect(erlangCServiceLevel(14, 10, 20, 180)).toBeCloseTo(0.88835, 5);
    expect(erlangCServiceLevel(13, 10, 20, 180)).toBeCloseTo(0.795595, 5);
    expect(erlangCAsa(14, 10, 180)).toBeCloseTo(7.835937, 5);
    expect(erlangCOccupancy(14, 10)).toBeCloseTo(10 / 14, 15);
    const staffing = erlangCStaffing({
      ratePerSecond: 100 / 1800,
      meanServiceSeconds: 180,
      thresholdSeconds: 20,
      target: 0.8,
    });
    expect(staffing.servers).toBe(14);
    expect(staffing.load).toBeCloseTo(10, 12);
    expect(staffing.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(staffing.waitProbability).toBeCloseTo(erlangC(14, 10), 14);
    expect(staffing.asaSeconds).toBeCloseTo(erlangCAsa(14, 10, 180), 12);
  });

  it('is 1 when the queue is unstable, 0 with no load', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(0, 0)).toBe(1);
    expect(erlangC(10, 0)).toBe(0);
    expect(erlangCServiceLevel(10, 10, 20, 180)).toBe(0);
    expect(erlangCAsa(10, 11, 180)).toBe(Infinity);
    expect(erlangCOccupancy(10, 12)).toBe(1);
    expect(erlangCServiceLevel(14, 10, Infinity, 180)).toBe(1);
    expect(erlangCServiceLevel(14, 10, 0, 180)).toBeCloseTo(1 - erlangC(14, 10), 15);
    expect(() => erlangCOccupancy(0, 1)).toThrow(RangeError);
    expect(() => erlangCServiceLevel(14, 10, -1, 180)).toThrow(RangeError);
    expect(() => erlangCAsa(14, 10, 0)).toThrow(RangeError);
  });

  it('is consistent with Erlang B and stable for very large centers', () => {
    // C = B / (1 − ρ(1 − B)) is the same identity written differently.
    for (const [c, a] of [
      [5000, 4990],
      [20_000, 19_900],
      [3, 2.9999],
    ] as const) {
      const b = erlangB(c, a);
      const ec = erlangC(c, a);
      expectRel(ec, b / (1 - (a / c) * (1 - b)), 1e-12);
      expect(ec).toBeGreaterThan(0);
      expect(ec).toBeLessThan(1);
    }
  });

  it('staffs to the caps on occupancy and ASA', () => {
    const base = { ratePerSecond: 100 / 1800, meanServiceSeconds: 180, thresholdSeconds: 20, target: 0.8 };
    // Occupancy ≤ 0.6 needs c ≥ 10/0.6 = 16.67 → 17.
    expect(erlangCStaffing({ ...base, maxOccupancy: 0.6 }).servers).toBe(17);
    // ASA ≤ 5 s: ASA(14) = 7.84 s, ASA(15) = 0.1020·180/5 ≈ 3.67 s → 15.
    expect(erlangCAsa(15, 10, 180)).toBeLessThan(5);
    expect(erlangCStaffing({ ...base, maxAsaSeconds: 5 }).servers).toBe(15);
    // Zero arrivals → zero agents; target 0 → the smallest stable staffing.
    expect(erlangCStaffing({ ...base, ratePerSecond: 0 }).servers).toBe(0);
    expect(erlangCStaffing({ ...base, target: 0 }).servers).toBe(11);
    expect(() => erlangCStaffing({ ...base, target: 1.5 })).toThrow(RangeError);
  });

  it('staffing is the fewest agents meeting the target (checked by brute force), also for 1000+ Erlangs', () => {
    for (const [rate, aht, t, target] of [
      [100 / 1800, 180, 20, 0.8],
      [2, 300, 30, 0.9],
      [5, 240, 15, 0.95],
      [0.01, 600, 60, 0.99],
    ] as const) {
      const s = erlangCStaffing({ ratePerSecond: rate, meanServiceSeconds: aht, thresholdSeconds: t, target });
      const a = rate * aht;
      expect(erlangCServiceLevel(s.servers, a, t, aht)).toBeGreaterThanOrEqual(target);
      if (s.servers - 1 > a) expect(erlangCServiceLevel(s.servers - 1, a, t, aht)).toBeLessThan(target);
    }
  });
});
