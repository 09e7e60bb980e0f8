import { expect } from 'vitest';
import type { Metrics, Result } from '../../src/metrics/types.ts';

/**
 * The bookkeeping laws every run must satisfy, in total, per type and per interval:
 *   arrivals = closed + contained + offered + still in self-service
 *   offered  = answered + abandoned + still waiting
 *   cases    = resolved + lost + open
 * and the types and the intervals each add up to the totals.
 *
 * Checked with plain comparisons and asserted once, listing every law broken: this runs on every
 * replication of the statistical tests (thousands), where ~90 `expect` calls per replication
 * cost more than simulating a small day.
 */
export function expectConservation(result: Result): void {
  const broken: string[] = [];
  const law = (where: string, got: number, want: number): void => {
    if (got !== want) broken.push(`${where}: ${got} != ${want}`);
  };
  const row = (where: string, m: Metrics): void => {
    law(`${where}: arrivals`, m.closed + m.contained + m.offered + m.in_self_service_at_end, m.arrivals);
    law(`${where}: offered`, m.answered + m.abandoned + m.waiting_at_end, m.offered);
    law(`${where}: cases`, m.resolved_cases + m.lost_cases + m.open_cases, m.cases);
  };
  row('totals', result.totals);
  for (const [k, m] of Object.entries(result.by_type)) row(`type ${k}`, m);
  for (const m of result.by_interval) row(`interval ${m.start}`, m);
  const types = Object.values(result.by_type);
  for (const key of ['arrivals', 'offered', 'answered', 'cases', 'closed'] as const) {
    law(`types add up: ${key}`, types.reduce((a, m) => a + m[key], 0), result.totals[key]);
    law(`intervals add up: ${key}`, result.by_interval.reduce((a, m) => a + m[key], 0), result.totals[key]);
  }
  expect(broken.length, `conservation laws broken:\n${broken.join('\n')}`).toBe(0);
}
