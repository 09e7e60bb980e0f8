/**
 * What `ccsim compare` prints and writes.
 *
 * - The table: one row per headline metric, one column per plan (mean ± 95% half-width), then
 *   per plan after the first its difference to the first (the baseline) with the paired 95%
 *   half-width and its verdict: better, worse (by the metric's better direction) or no clear
 *   difference (the interval includes zero). Above it, the plan summary: which plans meet every
 *   target and which of those costs least; below the metrics, headcount, FTE, paid hours and
 *   cost per period.
 * - `compare.json`: the CompareResult (what `--json` prints).
 * - `compare.csv`: one row per plan, every metric, then `<metric>_ci95` columns.
 * - `differences.csv`: one row per plan and headline metric: mean, paired half-width, interval
 *   bounds, whether it excludes zero, and the unpaired half-width for comparison.
 */
import type { CompareResult } from '../experiment/types.ts';
import { HEADLINE_METRICS, metricValue as metricValueOf } from '../experiment/metrics.ts';
import { isSignificant } from '../experiment/compare-result.ts';
import { csvNumber, METRIC_COLUMNS, toCsv } from './csv.ts';
import { plansMetricsCsv } from './metrics-csv.ts';
import { renderTable } from './table.ts';
import { formatDifference, formatHalfWidth, formatValue, formatWithCi, metricLabel } from './experiment-format.ts';
import { planLabels, summarySentence } from './summary-sentences.ts';

// The sentences and target texts live in summary-sentences.ts (Node-free); re-exported here.
export { planLabels, summarySentence, targetText, targetTexts } from './summary-sentences.ts';
import { formatMoney, formatNumber } from '../metrics/format.ts';
import { verdictOf } from '../metrics/catalogue.ts';
import { wrapText } from './charts/common.ts';
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
  const rows: string[][] = [['plan', 'baseline', 'metric', 'mean', 'ci95', 'low', 'high', 'excludes_zero', 'ci95_unpaired', 'verdict']];
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
      d.verdict ?? '',
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
    'metrics.csv': plansMetricsCsv(result.plans, result.summary?.currency),
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
  /** Reported hours of the horizon (after the warm-up), to state what the period is scaled from. */
  reportedHours?: number | undefined;
  /** Target descriptions (`service level ≥ 80%`), for the summary sentence. */
  targets?: readonly string[] | undefined;
}

/** The comparison as a text table, lines ending in `\n`. */
export function formatCompare(result: CompareResult, options: CompareTableOptions): string {
  const reps = result.replications ?? 1;
  const withCi = reps >= 2;
  const currency = result.summary?.currency ?? null;
  const fmt = { currency };
  const names = result.plans.map((p) => p.name);
  const { labels, legend } = planLabels(names);
  const label = (name: string): string => labels[names.indexOf(name)] ?? name;
  const base = result.plans[0]!;
  const others = result.plans.slice(1);
  const lines: string[] = [options.title];
  const facts = [`seed ${result.seed ?? '?'}`];
  if (options.days !== undefined) facts.push(`${options.days} day${options.days === 1 ? '' : 's'}`);
  facts.push(`${reps} replication${reps === 1 ? '' : 's'} per plan on common random numbers`);
  lines.push(facts.join(', '));
  lines.push('');
  for (const p of result.plans) {
    const head = legend ? `${label(p.name)} = ${p.name}` : p.name;
    if (p === base) lines.push(`${head} (baseline)`);
    else {
      const changes = p.changes ?? [];
      lines.push(changes.length === 0 ? head : `${head}, changes against ${label(base.name)}:`);
      const shown = changes.slice(0, 8);
      for (const c of shown) lines.push(`    ${c}`);
      if (changes.length > shown.length) lines.push(`    ... and ${changes.length - shown.length} more (see compare.json)`);
    }
  }
  const sentence = summarySentence(result, options);
  if (sentence !== '') lines.push('', ...wrapText(sentence, 100));
  lines.push('');
  lines.push(
    withCi
      ? `± = 95% interval half-width; ${others.map((p) => `${label(p.name)} − ${label(base.name)}`).join(', ')}: paired difference (common random numbers) and what it means`
      : `Differences to ${label(base.name)} (one replication: no intervals, no verdict; use --replications 10 or more)`,
  );
  const header = ['', ...result.plans.map((p) => label(p.name)), ...others.flatMap((p) => [`${label(p.name)} − ${label(base.name)}`, ...(withCi ? [''] : [])])];
  const rows: string[][] = [header];
  for (const metric of HEADLINE_METRICS) {
    const row = [metricLabel(metric)];
    for (const p of result.plans) {
      const value = metricValueOf(p.totals, metric);
      row.push(formatWithCi(metric, value, p.ci95 === null ? null : metricValueOf(p.ci95, metric), fmt));
    }
    for (const p of others) {
      const d = result.differences.find((x) => x.plan === p.name && x.metric === metric);
      const reference = metricValueOf(base.totals, metric);
      if (d === undefined) {
        row.push('', ...(withCi ? [''] : []));
        continue;
      }
      const pm = formatHalfWidth(metric, d.ci95, reference, fmt);
      row.push(`${formatDifference(metric, d.mean, reference, fmt)}${pm === '' ? '' : ` ${pm}`}`);
      if (withCi) row.push(d.verdict ?? verdictOf(metric, d.mean, d.ci95) ?? '');
    }
    rows.push(row);
  }
  if (result.summary !== undefined) {
    const per = result.summary.period;
    const blank = others.flatMap(() => (withCi ? ['', ''] : ['']));
    rows.push(['Meets every target', ...result.plans.map((p) => (p.meets_targets === true ? (p.name === result.summary!.best ? 'yes, least cost' : 'yes') : 'no')), ...blank]);
    rows.push(['Agents (mean logged in)', ...result.plans.map((p) => formatNumber(p.totals.agents, 1)), ...blank]);
    rows.push(['FTE (paid h/week ÷ 40)', ...result.plans.map((p) => formatNumber(p.fte, 1)), ...blank]);
    rows.push([`Paid hours per ${per}`, ...result.plans.map((p) => formatNumber(p.paid_hours, 0)), ...blank]);
    rows.push([
      `Cost per ${per}`,
      ...result.plans.map((p) => formatMoney(p.cost_per_period, currency, 0)),
      ...others.flatMap((p) => {
        const d = result.differences.find((x) => x.plan === p.name && x.metric === 'cost_total');
        const factor = p.cost_per_period !== undefined && p.totals.cost_total > 0 ? p.cost_per_period / p.totals.cost_total : null;
        if (d === undefined || d.mean === null || factor === null) return withCi ? ['', ''] : [''];
        const pm = d.ci95 === null ? '' : ` ±${formatMoney(d.ci95 * factor, currency, 0)}`;
        const signed = `${d.mean * factor >= 0 ? '+' : '-'}${formatMoney(Math.abs(d.mean * factor), currency, 0)}${pm}`;
        return withCi ? [signed, d.verdict ?? ''] : [signed];
      }),
    ]);
  }
  const align: Array<'l' | 'r'> = ['l', ...result.plans.map(() => 'r' as const), ...others.flatMap(() => (withCi ? (['r', 'l'] as const) : (['r'] as const)))];
  lines.push(...renderTable(rows, align));
  lines.push(...formatRanking(result));
  return lines.join('\n') + '\n';
}


