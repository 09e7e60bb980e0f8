/**
 * The exact shift cover: the covering problem of shifts.ts (one integer count per template and
 * week of working days, every interval's requirement covered, least paid hours) as an integer program solved
 * by HiGHS (the `highs` package, HiGHS compiled to WebAssembly), and its LP relaxation for the
 * optimality gap. HiGHS is loaded on first use (its WebAssembly takes about half a second).
 *
 *   minimise   Σ_v paid_hours_v · x_v
 *   subject to Σ_{v covers i} share_vi · x_v ≥ need_i   for every interval i a template can cover
 *
 * where share_vi is 1 less the expected share of interval i an agent of v spends on a break.
 *              x_v ≥ 0 integer
 *
 * gap = (integer optimum − LP bound) / LP bound: how far any cover could be below this one.
 */

import { coverOf, shiftProblem, type Pay, type ShiftCover, type TemplateInput } from './shifts.ts';

/** The part of the HiGHS result this module reads. */
interface Solution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
}
interface Solver {
  solve(problem: string, options?: Record<string, unknown>): Solution;
}

let loading: Promise<Solver> | null = null;

/** The HiGHS solver, loaded once. */
async function solver(): Promise<Solver> {
  // The package's CommonJS typings do not describe its ESM default export: the loader function.
  loading ??= import('highs').then(async (m: { default: unknown }) => (await (m.default as () => Promise<unknown>)()) as Solver);
  return loading;
}

/** Seconds HiGHS may search before returning its best cover (the gap then says how good). */
const TIME_LIMIT_SECONDS = 20;

const num = (x: number): string => Number(x.toPrecision(12)).toString();

/** The covering problem in CPLEX LP format; `integer` adds the `General` section. */
function lpText(cost: readonly number[], support: readonly number[][], coef: readonly number[][], need: readonly number[], used: readonly number[], integer: boolean): string {
  const covering = new Map<number, string[]>();
  for (const v of used) {
    support[v]!.forEach((i, q) => {
      if (need[i]! <= 0) return;
      const a = coef[v]![q]!;
      covering.set(i, [...(covering.get(i) ?? []), a === 1 ? `x${v}` : `${num(a)} x${v}`]);
    });
  }
  const lines = ['Minimize', ` cost: ${used.map((v) => `${num(cost[v]!)} x${v}`).join(' + ') || '0 x0'}`, 'Subject To'];
  for (const [i, terms] of [...covering].sort((a, b) => a[0] - b[0])) lines.push(` i${i}: ${terms.join(' + ')} >= ${need[i]}`);
  lines.push('Bounds');
  for (const v of used) lines.push(` x${v} >= 0`);
  if (integer && used.length > 0) lines.push('General', ` ${used.map((v) => `x${v}`).join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

/**
 * Covers `requirement` with `templates` at least paid hours, exactly (HiGHS). Same result shape
 * as the greedy `coverWithShifts`; `lowerBoundHours` is the LP relaxation and `gap` the distance
 * of the cover found to it.
 */
export async function coverWithShiftsExact(
  requirement: readonly number[],
  templates: readonly TemplateInput[],
  horizon: { start: string; days: number },
  intervalMinutes: number,
  pay: Pay = { shrinkage: 0, absence: 0 },
): Promise<ShiftCover> {
  const p = shiftProblem(requirement, templates, horizon, intervalMinutes, pay);
  const n = requirement.length;
  const used = p.variables.flatMap((_, v) => (p.rowSupport[v]!.length > 0 && p.cost[v]! > 0 ? [v] : []));
  const counts = new Array<number>(p.variables.length).fill(0);
  let lowerBoundHours = 0;
  if (p.need.some((x) => x > 0)) {
    const highs = await solver();
    const options = { output_flag: false, time_limit: TIME_LIMIT_SECONDS, mip_rel_gap: 1e-6 };
    const mip = highs.solve(lpText(p.cost, p.rowSupport, p.coef, p.need, used, true), options);
    if (!(mip.Status === 'Optimal' || mip.Status === 'Time limit reached') || !Number.isFinite(mip.ObjectiveValue)) {
      throw new Error(`coverWithShiftsExact: HiGHS ended with status ${mip.Status}`);
    }
    for (const v of used) counts[v] = Math.max(0, Math.round(mip.Columns[`x${v}`]?.Primal ?? 0));
    const lp = highs.solve(lpText(p.cost, p.rowSupport, p.coef, p.need, used, false), options);
    lowerBoundHours = lp.Status === 'Optimal' ? lp.ObjectiveValue : p.requiredHours;
  }
  return coverOf(p, counts, lowerBoundHours, horizon, intervalMinutes, n);
}
