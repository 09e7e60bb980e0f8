/**
 * What `ccsim compare` prints and writes.
 *
 * - The table: one row per headline metric, one column per plan (mean ± 95% half-width), then
 *   per plan after the first its difference to the first (the baseline) with the paired 95%
 *   half-width, marked `*` when the interval excludes zero.
 * - `compare.json`: the CompareResult (what `--json` prints).
 * - `compare.csv`: one row per plan, every metric, then `<metric>_ci95` columns.
 * - `differences.csv`: one row per plan and headline metric: mean, paired half-width, interval
 *   bounds, whether it excludes zero, and the unpaired half-width for comparison.
 */
import type { CompareResult } from '../experiment/types.ts';
import { HEADLINE_METRICS, metricValue as metricValueOf } from '../experiment/metrics.ts';
import { isSignificant } from '../experiment/compare.ts';
import { csvNumber, METRIC_COLUMNS, toCsv } from './csv.ts';
import { renderTable } from './table.ts';
import { formatDifference, formatHalfWidth, formatValue, formatWithCi, metricLabel } from './experiment-format.ts';
import { isMetricName } from '../experiment/metrics.ts';
import { directionOf } from '../scenario/metric-directions.ts';

/** The comparison as JSON text (two-space indent, final newline). */
export function compareJson(result: CompareResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** `compare.csv`: plans × metrics. */
export function compareCsv(result: CompareResult): string {
  const names = METRIC_COLUMNS.map((c) => c.name);
  const rows: string[][] = [['plan', 'replications', ...names, ...names.map((n) => `${n}_ci95`)]];
  for (const p of result.plans) {
    rows.push([
      p.name,
      String(result.replications ?? ''),
      ...METRIC_COLUMNS.map((c) => csvNumber(c.value(p.totals))),
      ...METRIC_COLUMNS.map((c) => (p.ci95 === null ? '' : csvNumber(c.value(p.ci95)))),
    ]);
  }
  return toCsv(rows);
}

/** `differences.csv`: each plan's difference to the baseline, per headline metric. */
export function differencesCsv(result: CompareResult): string {
  const rows: string[][] = [['plan', 'baseline', 'metric', 'mean', 'ci95', 'low', 'high', 'excludes_zero', 'ci95_unpaired']];
  for (const d of result.differences) {
    const bounded = d.mean !== null && d.ci95 !== null;
    rows.push([
      d.plan,
      d.baseline,
      d.metric,
      csvNumber(d.mean),
      csvNumber(d.ci95),
      bounded ? csvNumber(d.mean! - d.ci95!) : '',
      bounded ? csvNumber(d.mean! + d.ci95!) : '',
      bounded ? String(isSignificant(d)) : '',
      csvNumber(d.ci95_unpaired ?? null),
    ]);
  }
  return toCsv(rows);
}

/**
 * `scorecard.csv`: one row per plan in rank order: the score with its half-width, whether it
 * meets every target, cost per contact, then each part's value and attainment.
 */
export function scorecardCsv(result: CompareResult): string | undefined {
  const ranking = result.ranking;
  if (ranking === undefined) return undefined;
  const parts = result.plans.find((p) => p.scorecard !== undefined)?.scorecard?.parts ?? [];
  const rows: string[][] = [
    [
      'rank', 'plan', 'score', 'score_ci95', 'score_difference', 'score_difference_ci95', 'meets_targets', 'cost_per_contact', 'cost_per_contact_ci95',
      ...parts.flatMap((p) => [`${p.metric}_target`, `${p.metric}_weight`, `${p.metric}_value`, `${p.metric}_attainment`]),
    ],
  ];
  for (const r of ranking) {
    const plan = result.plans.find((p) => p.name === r.plan);
    rows.push([
      String(r.rank), r.plan, csvNumber(r.score), csvNumber(r.score_ci95),
      csvNumber(r.score_difference?.mean ?? null), csvNumber(r.score_difference?.ci95 ?? null), String(r.meets_targets),
      csvNumber(r.cost_per_contact), csvNumber(r.cost_per_contact_ci95),
      ...parts.flatMap((_, i) => {
        const part = plan?.scorecard?.parts[i];
        return part === undefined ? ['', '', '', ''] : [csvNumber(part.target), csvNumber(part.weight), csvNumber(part.value), csvNumber(part.attainment)];
      }),
    ]);
  }
  return toCsv(rows);
}

/** Every file `ccsim compare` writes into its run folder, by name (the one place to add files). */
export function compareFiles(result: CompareResult): Record<string, string> {
  const files: Record<string, string> = {
    'compare.json': compareJson(result),
    'compare.csv': compareCsv(result),
    'differences.csv': differencesCsv(result),
  };
  const card = scorecardCsv(result);
  if (card !== undefined) files['scorecard.csv'] = card;
  return files;
}

/** The scorecard ranking as text lines (none when the plans have no scorecard). */
export function formatRanking(result: CompareResult): string[] {
  const ranking = result.ranking;
  if (ranking === undefined) return [];
  const withCi = (result.replications ?? 1) >= 2;
  const parts = result.plans.find((p) => p.scorecard !== undefined)?.scorecard?.parts ?? [];
  const lines = [
    '',
    'Scorecard (score 0-100: 100 x weighted mean of min(1, value/target), lower-is-better metrics inverted)',
    'Targets: ' + parts.map((p) => `${metricLabelOf(p.metric)}${formatTarget(p.metric, p.target)} (weight ${p.weight})`).join('; '),
    '',
  ];
  const base = result.plans[0]?.name ?? '';
  const rows: string[][] = [['rank', 'plan', 'score', `Δ score vs ${base}`, 'cost per contact', 'meets every target', ...parts.map((p) => metricLabelOf(p.metric))]];
  for (const r of ranking) {
    const plan = result.plans.find((p) => p.name === r.plan);
    rows.push([
      String(r.rank),
      r.plan,
      r.score === null ? '–' : `${r.score.toFixed(1)}${withCi && r.score_ci95 !== null ? ` ±${r.score_ci95.toFixed(1)}` : ''}`,
      scoreDifference(r.score_difference, withCi),
      formatWithCi('cost_per_contact', r.cost_per_contact, withCi ? r.cost_per_contact_ci95 : null),
      r.meets_targets ? 'yes' : 'no',
      ...parts.map((_, i) => {
        const part = plan?.scorecard?.parts[i];
        if (part === undefined) return '';
        const value = isMetricName(part.metric) ? formatValue(part.metric, part.value) : String(part.value);
        return `${value} (${part.attainment === null ? '–' : `${Math.round(part.attainment * 100)}%`})`;
      }),
    ]);
  }
  lines.push(...renderTable(rows, ['r', 'l', 'r', 'r', 'r', 'l', ...parts.map(() => 'r' as const)]));
  return lines;
}

/** `+1.2 ±0.4 *` (paired; `*` when the interval excludes 0), or '' for the baseline. */
function scoreDifference(d: { mean: number | null; ci95: number | null } | undefined, withCi: boolean): string {
  if (d === undefined || d.mean === null) return '';
  const sign = d.mean > 0 ? '+' : d.mean < 0 ? '-' : '';
  const text = `${sign}${Math.abs(d.mean).toFixed(1)}`;
  if (!withCi || d.ci95 === null) return text;
  return `${text} ±${d.ci95.toFixed(1)}${Math.abs(d.mean) > d.ci95 ? ' *' : '  '}`;
}

function metricLabelOf(metric: string): string {
  return isMetricName(metric) ? metricLabel(metric) : metric;
}

function formatTarget(metric: string, target: number): string {
  const direction = directionOf(metric);
  const value = isMetricName(metric) ? formatValue(metric, target) : String(target);
  return `${direction === 'lower' ? '<=' : '>='} ${value}`;
}

export interface CompareTableOptions {
  /** The comparison's name, for the heading. */
  title: string;
  /** Days simulated, when known. */
  days?: number | undefined;
}

/** The comparison as a text table, lines ending in `\n`. */
export function formatCompare(result: CompareResult, options: CompareTableOptions): string {
  const reps = result.replications ?? 1;
  const withCi = reps >= 2;
  const base = result.plans[0]!;
  const others = result.plans.slice(1);
  const lines: string[] = [options.title];
  const facts = [`seed ${result.seed ?? '?'}`];
  if (options.days !== undefined) facts.push(`${options.days} day${options.days === 1 ? '' : 's'}`);
  facts.push(`${reps} replication${reps === 1 ? '' : 's'} per plan on common random numbers`);
  lines.push(facts.join(', '));
  lines.push(
    withCi
      ? `± = 95% interval half-width; Δ = difference to ${base.name} with its paired 95% interval; * = the interval excludes 0`
      : `Δ = difference to ${base.name} (one replication: no intervals; use --replications 10 or more)`,
  );
  lines.push('');
  const header = ['', ...result.plans.map((p) => p.name), ...others.map((p) => `Δ ${p.name}`)];
  const rows: string[][] = [header];
  for (const metric of HEADLINE_METRICS) {
    const row = [metricLabel(metric)];
    for (const p of result.plans) {
      const value = metricValueOf(p.totals, metric);
      row.push(formatWithCi(metric, value, p.ci95 === null ? null : metricValueOf(p.ci95, metric)));
    }
    for (const p of others) {
      const d = result.differences.find((x) => x.plan === p.name && x.metric === metric);
      if (d === undefined) {
        row.push('');
        continue;
      }
      const pm = formatHalfWidth(metric, d.ci95);
      row.push(`${formatDifference(metric, d.mean)}${pm === '' ? '' : ` ${pm}`}${isSignificant(d) ? ' *' : withCi ? '  ' : ''}`);
    }
    rows.push(row);
  }
  lines.push(...renderTable(rows, ['l', ...result.plans.map(() => 'r' as const), ...others.map(() => 'r' as const)]));
  lines.push(...formatRanking(result));
  return lines.join('\n') + '\n';
}
