/**
 * What `ccsim compare` reports, from the replications of every plan: each plan's pooled
 * estimate with its 95% interval, the paired differences to the first plan (the baseline), the
 * plan summary (FTE, paid hours, cost per period, targets met) and, with a scorecard, the
 * ranking. Pure and Node-free: the CLI calls it after running the replications on threads, and
 * the what-if studio on the replications its Web Workers ran, so both report the same figures.
 */
import type { Result } from '../metrics/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { aggregate } from '../metrics/aggregate.ts';
import type { CompareResult, Difference, Plan, PlanResult, RankedPlan } from './types.ts';
import { HEADLINE_METRICS, metricValue, pairedDifference } from './metrics.ts';
import { verdictOf } from '../metrics/catalogue.ts';
import { summarisePlans, type Period } from './plan-summary.ts';
import { meetsEveryTarget } from '../metrics/scorecard.ts';
import { ci95HalfWidth } from '../metrics/student-t.ts';

/**
 * `runs[i]` holds plan i's replications 0..R−1 (in order), run on `scenarios[i]` (the plan's
 * scenario with the run's seed and horizon) with `seed`.
 */
export function compareResult(
  plans: readonly Plan[],
  scenarios: readonly Scenario[],
  runs: readonly Result[][],
  seed: number,
  period: Period,
): { result: CompareResult; aggregates: Result[] } {
  const aggregates = runs.map((rs) => (rs.length === 1 ? rs[0]! : aggregate(rs)));
  const planResults: PlanResult[] = plans.map((p, i) => {
    const a = aggregates[i]!;
    const plan: PlanResult = { name: p.name, totals: a.totals, ci95: a.ci95?.totals ?? null };
    if (a.scorecard !== undefined) {
      plan.scorecard = a.scorecard;
      plan.scorecard_ci95 = a.ci95?.scorecard ?? null;
      plan.meets_scorecard = meetsEveryTarget(a.scorecard);
    }
    return plan;
  });
  const baseline = plans[0]!.name;
  const differences: Difference[] = [];
  for (let i = 1; i < plans.length; i++) {
    const planTotals = runs[i]!.map((r) => r.totals);
    const baseTotals = runs[0]!.map((r) => r.totals);
    for (const metric of HEADLINE_METRICS) {
      const pooled = { plan: metricValue(aggregates[i]!.totals, metric), baseline: metricValue(aggregates[0]!.totals, metric) };
      const d = pairedDifference(planTotals, baseTotals, metric, pooled);
      differences.push({ plan: plans[i]!.name, baseline, metric, mean: d.mean, ci95: d.ci95, ci95_unpaired: d.ci95Unpaired, verdict: verdictOf(metric, d.mean, d.ci95) });
    }
  }
  const { summary, figures } = summarisePlans(
    plans.map((p, i) => ({ name: p.name, scenario: scenarios[i]!, totals: planResults[i]!.totals, scorecard: planResults[i]!.scorecard })),
    period,
    (name) => differences.find((d) => d.plan === name && d.metric === 'cost_total'),
  );
  figures.forEach((f, i) => {
    const p = planResults[i]!;
    p.fte = f.fte;
    p.paid_hours = f.paid_hours;
    p.cost_per_period = f.cost_per_period;
    p.meets_targets = f.meets_targets;
    const changes = plans[i]!.changes;
    if (changes !== undefined) p.changes = changes;
  });
  const result: CompareResult = { seed, replications: runs[0]!.length, summary, plans: planResults, differences };
  const ranking = rankPlans(planResults);
  if (ranking !== undefined) {
    // The score's difference to the baseline, replication by replication (paired).
    const scores = runs.map((rs) => rs.map((r) => r.scorecard?.score ?? null));
    for (const row of ranking) {
      const i = plans.findIndex((p) => p.name === row.plan);
      if (i <= 0) continue;
      const diffs: number[] = [];
      scores[i]!.forEach((x, r) => {
        const y = scores[0]![r];
        if (x !== null && y !== null && y !== undefined) diffs.push(x - y);
      });
      row.score_difference = {
        mean: diffs.length > 0 ? diffs.reduce((a, b) => a + b, 0) / diffs.length : null,
        ci95: ci95HalfWidth(diffs),
      };
    }
    result.ranking = ranking;
  }
  return { result, aggregates };
}

/**
 * Plans ranked by scorecard score, best first (a plan without a score last); ties go to the
 * lower cost per contact. Undefined when no plan has a scorecard.
 */
export function rankPlans(plans: readonly PlanResult[]): RankedPlan[] | undefined {
  if (!plans.some((p) => p.scorecard !== undefined)) return undefined;
  const rows = plans.map((p) => ({
    plan: p.name,
    score: p.scorecard?.score ?? null,
    score_ci95: p.scorecard_ci95?.score ?? null,
    cost_per_contact: p.totals.cost_per_contact,
    cost_per_contact_ci95: p.ci95?.cost_per_contact ?? null,
    meets_targets: p.meets_scorecard ?? false,
  }));
  const key = (x: number | null, worst: number): number => (x === null ? worst : x);
  rows.sort((a, b) => key(b.score, -Infinity) - key(a.score, -Infinity) || key(a.cost_per_contact, Infinity) - key(b.cost_per_contact, Infinity));
  return rows.map((r, i) => ({ rank: i + 1, ...r }));
}


/** A difference whose 95% interval excludes zero. */
export function isSignificant(d: Difference): boolean {
  return d.mean !== null && d.ci95 !== null && Math.abs(d.mean) > d.ci95;
}
