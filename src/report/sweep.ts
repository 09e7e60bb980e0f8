/**
 * What `ccsim sweep` and `ccsim merge` print and write.
 *
 * - `sweep.json`: the sweep document (what `--json` prints): the grid, the settings that make two
 *   shards part of one sweep, one row per grid point `{index, point, replications, totals,
 *   ci95, fte, paid_hours, cost_per_period, meets_targets, missed}` in grid order, and the
 *   `summary` (which points meet every target, which of those costs least). A shard's document
 *   also has `shard` and only its own rows, and no summary (`ccsim merge` makes it).
 * - `sweep.csv`: one row per grid point: `index`, one column per varied path, `replications`,
 *   every metric, then `<metric>_ci95` columns.
 */
import type { SweepDocument } from '../experiment/sweep.ts';
import { withContentHash } from '../experiment/sweep-file.ts';
import { HEADLINE_METRICS, metricValue } from '../experiment/metrics.ts';
import { isMetricName } from '../metrics/catalogue.ts';
import { csvNumber, METRIC_COLUMNS, toCsv } from './csv.ts';
import { plansMetricsCsv } from './metrics-csv.ts';
import { pointLabels } from './charts/frontier.ts';
import { renderTable } from './table.ts';
import { formatWithCi, metricShortLabel } from './experiment-format.ts';
import { formatMoney, formatNumber } from '../metrics/format.ts';
import { sweepSentence, type SentenceOptions } from './summary-sentences.ts';

export { sweepSentence };
/** What the sweep's text says beside the table (targets, reported hours). */
export type SweepTextOptions = SentenceOptions;
import { wrapText } from './charts/common.ts';

/**
 * The sweep as JSON text (two-space indent, final newline), ending with `content_hash` (sha256 of
 * the rest), which `ccsim merge` checks so that an edited shard is refused.
 */
export function sweepJson(doc: SweepDocument): string {
  return JSON.stringify(withContentHash(doc), null, 2) + '\n';
}

function cell(v: number | string | null | undefined): string {
  return typeof v === 'number' ? csvNumber(v) : (v ?? '');
}

/** `sweep.csv`. */
export function sweepCsv(doc: SweepDocument): string {
  const paths = doc.grid.map((a) => a.path);
  const names = METRIC_COLUMNS.map((c) => c.name);
  const rows: string[][] = [['index', ...paths, 'replications', ...names, ...names.map((n) => `${n}_ci95`)]];
  for (const r of doc.rows) {
    rows.push([
      String(r.index ?? ''),
      ...paths.map((p) => cell(r.point[p])),
      String(r.replications ?? ''),
      ...METRIC_COLUMNS.map((c) => csvNumber(c.value(r.totals))),
      ...METRIC_COLUMNS.map((c) => (r.ci95 === null ? '' : csvNumber(c.value(r.ci95)))),
    ]);
  }
  return toCsv(rows);
}

/** Every file `ccsim sweep` (and `ccsim merge`) writes into its run folder (the one place to add files). */
export function sweepFiles(doc: SweepDocument): Record<string, string> {
  const labels = pointLabels(doc.rows.map((r) => r.point));
  const plans = doc.rows.map((r, i) => ({ name: labels[i] || `point ${r.index ?? i}`, totals: r.totals, ci95: r.ci95 }));
  return { 'sweep.json': sweepJson(doc), 'sweep.csv': sweepCsv(doc), 'metrics.csv': plansMetricsCsv(plans) };
}

/** What a row's `targets` cell says: `yes`, `yes, least cost`, or what it misses. */
function targetsCell(doc: SweepDocument, r: SweepDocument['rows'][number]): string {
  if (r.meets_targets === undefined) return '';
  if (r.meets_targets) return doc.summary?.best === r.index ? 'yes, least cost' : 'yes';
  return `no (${(r.missed ?? []).map((m) => (m === 'service_level' ? 'SL' : m === 'scorecard' ? 'scorecard' : isMetricName(m) ? metricShortLabel(m) : m)).join(', ')})`;
}

/** Headline metrics of the sweep table: cost per period stands in for the horizon's total. */
const SWEEP_METRICS = HEADLINE_METRICS.filter((m) => m !== 'cost_total');

/** The sweep as a text table: one row per grid point, headline metrics with ± half-widths. */
export function formatSweep(doc: SweepDocument, options: SweepTextOptions = {}): string {
  const lines: string[] = [];
  const shard = doc.shard === undefined ? '' : `, shard ${doc.shard.index}/${doc.shard.count} (${doc.rows.length} of ${doc.points} points)`;
  lines.push(`${doc.scenario}: sweep of ${doc.points} point${doc.points === 1 ? '' : 's'}${shard}`);
  const reps = doc.target_ci === null ? `${doc.replications} replication${doc.replications === 1 ? '' : 's'} per point` : 'replications per point until --target-ci is met';
  lines.push(`seed ${doc.seed}${doc.days === null ? '' : `, ${doc.days} day${doc.days === 1 ? '' : 's'}`}, ${reps}${doc.replications >= 2 || doc.target_ci !== null ? ' (± = 95% interval half-width)' : ''}`);
  const sentence = sweepSentence(doc, options);
  if (sentence !== '') lines.push('', ...wrapText(sentence, 100));
  lines.push('');
  const paths = doc.grid.map((a) => a.path);
  const showReps = doc.target_ci !== null;
  const per = doc.period;
  const fmt = { currency: doc.currency };
  const header = ['#', ...paths, ...(showReps ? ['reps'] : []), ...SWEEP_METRICS.map(metricShortLabel), 'agents', 'FTE', `paid h/${per}`, `cost/${per}`, 'meets targets'];
  const rows: string[][] = [header];
  for (const r of doc.rows) {
    rows.push([
      String(r.index ?? ''),
      ...paths.map((p) => String(r.point[p] ?? '')),
      ...(showReps ? [String(r.replications ?? '')] : []),
      ...SWEEP_METRICS.map((m) => formatWithCi(m, metricValue(r.totals, m), r.ci95 === null ? null : metricValue(r.ci95, m), fmt)),
      formatNumber(r.totals.agents, 1),
      formatNumber(r.fte, 1),
      formatNumber(r.paid_hours, 0),
      formatMoney(r.cost_per_period, doc.currency, 0),
      targetsCell(doc, r),
    ]);
  }
  lines.push(...renderTable(rows, ['r', ...paths.map(() => 'r' as const), ...(showReps ? ['r' as const] : []), ...SWEEP_METRICS.map(() => 'r' as const), 'r', 'r', 'r', 'r', 'l']));
  return lines.join('\n') + '\n';
}
