import { expect } from 'vitest';
import type { Metrics, Result } from '../../src/metrics/types.ts';

/**
 * The bookkeeping laws every run must satisfy, in total, per type and per interval:
 *   arrivals = closed + contained + offered + still in self-service
 *   offered  = answered + abandoned + still waiting
 *   cases    = resolved + lost + open
 */
export function expectConservation(result: Result): void {
  const rows: Array<[string, Metrics]> = [
    ['totals', result.totals],
    ...Object.entries(result.by_type).map(([k, m]): [string, Metrics] => [`type ${k}`, m]),
    ...result.by_interval.map((m): [string, Metrics] => [`interval ${m.start}`, m]),
  ];
  for (const [where, m] of rows) {
    expect(m.closed + m.contained + m.offered + m.in_self_service_at_end, `${where}: arrivals`).toBe(m.arrivals);
    expect(m.answered + m.abandoned + m.waiting_at_end, `${where}: offered`).toBe(m.offered);
    expect(m.resolved_cases + m.lost_cases + m.open_cases, `${where}: cases`).toBe(m.cases);
  }
  type Count = 'arrivals' | 'offered' | 'answered' | 'cases' | 'closed';
  const sum = (key: Count) => Object.values(result.by_type).reduce((a, m) => a + m[key], 0);
  const sumIv = (key: Count) => result.by_interval.reduce((a, m) => a + m[key], 0);
  for (const key of ['arrivals', 'offered', 'answered', 'cases', 'closed'] as const) {
    expect(sum(key), `types add up: ${key}`).toBe(result.totals[key]);
    expect(sumIv(key), `intervals add up: ${key}`).toBe(result.totals[key]);
  }
}
