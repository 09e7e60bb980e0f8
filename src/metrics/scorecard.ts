/**
 * The scorecard: a blended score of a plan from named metrics, each against its target.
 *
 *   attainment = min(1, value / target)   where higher is better
 *              = min(1, target / value)   where lower is better (a value of 0 attains fully)
 *   score      = 100 x sum(weight x attainment) / sum(weight)
 *
 * The better direction of each metric comes from scenario/metric-directions.ts (the one list).
 * A part whose value is undefined (a ratio over nothing, e.g. FCR when no case reached an
 * agent) has no attainment, and then the plan has no score: a blend that silently skipped a
 * customer measure would flatter the plan.
 */
import { directionOf } from '../scenario/metric-directions.ts';
import type { ScorecardEntry } from '../scenario/types.ts';
import type { Metrics, Scorecard, ScorecardPart } from './types.ts';
import { ci95HalfWidth } from './student-t.ts';

export type { Scorecard, ScorecardPart } from './types.ts';

/** A scalar metric by its name (`ttr_hours.mean` and friends included); undefined when unknown. */
export function metricByName(m: Metrics, name: string): number | null | undefined {
  if (name.startsWith('ttr_hours.')) {
    const key = name.slice('ttr_hours.'.length);
    return key === 'mean' || key === 'p50' || key === 'p90' ? m.ttr_hours[key] : undefined;
  }
  if (!Object.hasOwn(m, name)) return undefined;
  const v = (m as unknown as Record<string, unknown>)[name];
  return typeof v === 'number' || v === null ? v : undefined;
}

/** How far a value goes towards its target, 0..1 (null when the value is undefined). */
export function attainment(metric: string, value: number | null, target: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const direction = directionOf(metric);
  if (direction === 'higher') return Math.max(0, Math.min(1, value / target));
  if (direction === 'lower') return value <= 0 ? 1 : Math.min(1, target / value);
  throw new RangeError(`scorecard: metric '${metric}' has no better direction`);
}

/** The scorecard of one row of metrics. */
export function scorecardOf(entries: readonly ScorecardEntry[], m: Metrics): Scorecard {
  const parts = entries.map((e): ScorecardPart => {
    const v = metricByName(m, e.metric);
    if (v === undefined) throw new RangeError(`scorecard: unknown metric '${e.metric}'`);
    return { metric: e.metric, target: e.target, weight: e.weight, value: v, attainment: attainment(e.metric, v, e.target) };
  });
  return { score: blend(parts), parts };
}

function blend(parts: readonly ScorecardPart[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.attainment === null) return null;
    weighted += p.weight * p.attainment;
    weights += p.weight;
  }
  return weights > 0 ? (100 * weighted) / weights : null;
}

/** True when every part reaches its target (attainment 1). */
export function meetsEveryTarget(s: Scorecard): boolean {
  return s.parts.every((p) => p.attainment === 1);
}

/**
 * The scorecard of replications: the parts and score are those of the replication means
 * (`means`, the figures the report shows), and the interval is the Student-t 95% half-width
 * of the per-replication scores, values and attainments (same shape, in `ci95`).
 */
export function replicatedScorecard(entries: readonly ScorecardEntry[], means: Metrics, perReplication: readonly Scorecard[]): { scorecard: Scorecard; ci95: Scorecard } {
  const scorecard = scorecardOf(entries, means);
  const hw = (xs: Array<number | null>): number | null => {
    const nums = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return nums.length >= 2 ? ci95HalfWidth(nums) : null;
  };
  const ci95: Scorecard = {
    score: hw(perReplication.map((s) => s.score)),
    parts: entries.map((e, i) => ({
      metric: e.metric,
      target: e.target,
      weight: e.weight,
      value: hw(perReplication.map((s) => s.parts[i]?.value ?? null)),
      attainment: hw(perReplication.map((s) => s.parts[i]?.attainment ?? null)),
    })),
  };
  return { scorecard, ci95 };
}

/** The entries a scorecard was made from. */
export function entriesOf(s: Scorecard): ScorecardEntry[] {
  return s.parts.map((p) => ({ metric: p.metric, target: p.target, weight: p.weight }));
}
