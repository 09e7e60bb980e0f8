/**
 * Estimators across replications (the metrics definitions, "Replications").
 *
 * - A mean (counts, hours, costs): the mean over replications, with the Student-t 95%
 *   half-width.
 * - A ratio (service level, ASA, rates, occupancy, FCR, cost per contact...): the pooled ratio
 *   R = ΣY_r / ΣX_r of its numerator Y and denominator X over replications r = 1..n, so a quiet
 *   interval with three contacts weighs three contacts, not one replication. Its 95% half-width
 *   is the delta-method (ratio estimator) one: with residuals d_r = Y_r − R·X_r,
 *   se(R) = √(Σd_r² / (n−1) / n) / X̄, times the Student-t quantile on n − 1 degrees of freedom
 *   (Cochran, "Sampling Techniques", 3rd ed., §6.4; the replications are the clusters).
 * - TTR quantiles: read off the pooled histogram; the half-width is the Student-t one of the
 *   per-replication quantiles (an approximation: quantile estimators have no exact small-sample
 *   interval here).
 *
 * A difference of two plans run on common random numbers pairs replication r of each: for
 * ratios it is R_A − R_B with the delta-method interval of the paired linearised residuals
 * z_r = d_Ar / X̄_A − d_Br / X̄_B; for means and quantiles the Student-t interval of the paired
 * per-replication differences.
 */
import type { Metrics } from './types.ts';
import { ci95HalfWidth, studentTQuantile } from './student-t.ts';
import { CATALOGUE, metricValue, type MetricInfo, type MetricName } from './catalogue.ts';
import type { FieldInfo } from './field-catalogue.ts';

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Per replication, the numerator and denominator of a ratio metric (0/0 when undefined). */
export function ratioParts(rows: readonly Metrics[], info: MetricInfo): { y: number[]; x: number[] } {
  const y: number[] = [];
  const x: number[] = [];
  for (const m of rows) {
    const d = info.denominator!(m);
    const v = metricValue(m, info.name);
    const den = ok(d) && d > 0 && ok(v) ? d : 0;
    x.push(den);
    y.push(den > 0 ? v! * den : 0);
  }
  return { y, x };
}

export interface Estimate {
  value: number | null;
  /** 95% half-width; null with fewer than two replications or no data. */
  ci95: number | null;
}

/** Pooled ratio Σy / Σx with its delta-method 95% half-width. */
export function pooledRatio(y: readonly number[], x: readonly number[]): Estimate {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let r = 0; r < n; r++) {
    sx += x[r]!;
    sy += y[r]!;
  }
  if (!(sx > 0)) return { value: null, ci95: null };
  const ratio = sy / sx;
  if (n < 2) return { value: ratio, ci95: null };
  let ss = 0;
  for (let r = 0; r < n; r++) {
    const d = y[r]! - ratio * x[r]!;
    ss += d * d;
  }
  const xbar = sx / n;
  const se = Math.sqrt(ss / (n - 1) / n) / xbar;
  return { value: ratio, ci95: studentTQuantile(0.975, n - 1) * se };
}

/** Linearised residuals of a pooled ratio, d_r / X̄ (their mean is 0); null when Σx is 0. */
function residuals(y: readonly number[], x: readonly number[]): { ratio: number; z: number[] } | null {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  if (!(sx > 0)) return null;
  const ratio = y.reduce((a, b) => a + b, 0) / sx;
  const xbar = sx / n;
  return { ratio, z: x.map((xi, r) => (y[r]! - ratio * xi) / xbar) };
}

function sumSquares(z: readonly number[]): number {
  let s = 0;
  for (const v of z) s += v * v;
  return s;
}

/**
 * The estimate of one metric over replications `rows`; `pooledQuantile` is the quantile of the
 * pooled TTR histogram, hours (for quantile metrics).
 */
export function estimate(rows: readonly Metrics[], info: MetricInfo, pooledQuantile?: number | null): Estimate {
  const defined = rows.map((m) => metricValue(m, info.name)).filter(ok);
  if (info.estimator === 'ratio') {
    const { y, x } = ratioParts(rows, info);
    return pooledRatio(y, x);
  }
  const half = rows.length >= 2 ? ci95HalfWidth(defined) : null;
  if (info.estimator === 'quantile' && pooledQuantile !== undefined) return { value: pooledQuantile, ci95: half };
  if (defined.length === 0) return { value: null, ci95: null };
  return { value: defined.reduce((a, b) => a + b, 0) / defined.length, ci95: half };
}

/** Writes `value` into the metric's place in a row. */
export function setMetric(m: Metrics, name: MetricName, value: number | null): void {
  switch (name) {
    case 'ttr_hours.mean':
      m.ttr_hours.mean = value;
      return;
    case 'ttr_hours.p50':
      m.ttr_hours.p50 = value;
      return;
    case 'ttr_hours.p90':
      m.ttr_hours.p90 = value;
      return;
    default:
      (m as unknown as Record<string, number | null>)[name] = value;
  }
}

/**
 * Overwrites, in `mean` and `ci`, every catalogued metric with its estimate over `rows`
 * (pooled ratios, pooled quantiles from `quantiles`, means). Fields outside the catalogue keep
 * what the caller put there.
 */
export function poolInto(mean: Metrics, ci: Metrics, rows: readonly Metrics[], quantiles?: (q: number) => number | null): void {
  for (const info of CATALOGUE) {
    if (info.estimator === 'mean') continue; // the plain mean is already there
    const q = info.estimator === 'quantile' && quantiles !== undefined ? quantiles(info.quantile!) : undefined;
    const e = estimate(rows, info, q);
    setMetric(mean, info.name, e.value);
    setMetric(ci, info.name, e.ci95);
  }
}

export interface PairedDifference {
  /** plan − baseline (difference of pooled ratios, or of means); null if undefined. */
  mean: number | null;
  /** Paired 95% half-width (common random numbers). */
  ci95: number | null;
  /** The 95% half-width of the same difference as if the plans were independent (what pairing saves). */
  ci95Unpaired: number | null;
}

/** Welch–Satterthwaite degrees of freedom of two variance terms qa = s_a²/n_a, qb = s_b²/n_b. */
function welchDf(qa: number, qb: number, na: number, nb: number): number {
  const se2 = qa + qb;
  return (se2 * se2) / ((qa * qa) / (na - 1) + (qb * qb) / (nb - 1));
}

/**
 * Difference plan − baseline of one metric over replications run on common random numbers:
 * replication r of both is paired. `pooled` holds the two plans' pooled quantiles (TTR
 * quantile metrics only).
 */
export function pairedDifference(
  plan: readonly Metrics[],
  baseline: readonly Metrics[],
  name: MetricName,
  pooled?: { plan: number | null; baseline: number | null },
): PairedDifference {
  const info = CATALOGUE.find((m) => m.name === name)!;
  const n = Math.min(plan.length, baseline.length);
  const a = plan.slice(0, n);
  const b = baseline.slice(0, n);
  if (info.estimator === 'ratio') {
    const pa = ratioParts(a, info);
    const pb = ratioParts(b, info);
    const ra = residuals(pa.y, pa.x);
    const rb = residuals(pb.y, pb.x);
    if (ra === null || rb === null) return { mean: null, ci95: null, ci95Unpaired: null };
    const mean = ra.ratio - rb.ratio;
    if (n < 2) return { mean, ci95: null, ci95Unpaired: null };
    const z = ra.z.map((v, r) => v - rb.z[r]!);
    const t = studentTQuantile(0.975, n - 1);
    const qa = sumSquares(ra.z) / (n - 1) / n;
    const qb = sumSquares(rb.z) / (n - 1) / n;
    const unpaired = qa + qb > 0 ? studentTQuantile(0.975, welchDf(qa, qb, n, n)) * Math.sqrt(qa + qb) : 0;
    return { mean, ci95: t * Math.sqrt(sumSquares(z) / (n - 1) / n), ci95Unpaired: unpaired };
  }
  const diffs: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < n; r++) {
    const x = metricValue(a[r]!, name);
    const y = metricValue(b[r]!, name);
    if (!ok(x) || !ok(y)) continue;
    diffs.push(x - y);
    xs.push(x);
    ys.push(y);
  }
  let mean: number | null = diffs.length === 0 ? null : diffs.reduce((s, d) => s + d, 0) / diffs.length;
  if (info.estimator === 'quantile' && pooled !== undefined) mean = ok(pooled.plan) && ok(pooled.baseline) ? pooled.plan - pooled.baseline : null;
  if (mean === null) return { mean: null, ci95: null, ci95Unpaired: null };
  return { mean, ci95: ci95HalfWidth(diffs), ci95Unpaired: welchHalfWidth(xs, ys) };
}

function meanAndVariance(xs: readonly number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return [mean, ss / (n - 1)];
}

/**
 * Welch's 95% half-width of mean(a) − mean(b) for independent samples:
 * t_{0.975, ν} · √(s_a²/n_a + s_b²/n_b), ν from the Welch–Satterthwaite equation.
 * Null with fewer than two values in either sample. With no spread at all, 0.
 */
export function welchHalfWidth(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || b.length < 2) return null;
  const [, va] = meanAndVariance(a);
  const [, vb] = meanAndVariance(b);
  const qa = va / a.length;
  const qb = vb / b.length;
  if (!(qa + qb > 0)) return 0;
  return studentTQuantile(0.975, welchDf(qa, qb, a.length, b.length)) * Math.sqrt(qa + qb);
}

/**
 * Pools, in `mean` and `ci`, the fields of one row of a secondary catalogue (by_group, events,
 * weekly, cohorts: field-catalogue.ts) over the replications' rows `rows`: ratio fields become
 * the pooled ratio with its delta-method half-width; `reading` fields get no half-width (the
 * caller reads their value off pooled figures). Mean fields keep the mean and Student-t
 * half-width the caller put there.
 */
export function poolFields<Row>(mean: Row, ci: Row, rows: readonly Row[], fields: readonly FieldInfo<Row>[]): void {
  const put = (row: Row, key: string, v: number | null): void => {
    (row as Record<string, unknown>)[key] = v;
  };
  for (const f of fields) {
    if (f.estimator === 'reading') {
      put(ci, f.name, null);
      continue;
    }
    if (f.estimator !== 'ratio') continue;
    const y: number[] = [];
    const x: number[] = [];
    for (const row of rows) {
      const v = (row as Record<string, unknown>)[f.name];
      const d = f.denominator!(row);
      const den = ok(d) && d > 0 && ok(v as number | null) ? d : 0;
      x.push(den);
      y.push(den > 0 ? (v as number) * den : 0);
    }
    const e = pooledRatio(y, x);
    put(mean, f.name, e.value);
    put(ci, f.name, e.ci95);
  }
}
