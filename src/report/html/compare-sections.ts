/**
 * The sections of a comparison's report: the plan summary (who meets every target, headcount,
 * hours and cost per period), the headline figures per plan, the scorecard ranking, the paired
 * differences with their verdicts, and what each plan changes against the baseline.
 */
import type { CompareResult } from '../../experiment/types.ts';
import { isMetricName, metricInfo, metricValue, verdictOf, type MetricName } from '../../metrics/catalogue.ts';
import { formatMetric, formatMetricDifference, formatMoney, formatNumber } from '../../metrics/format.ts';
import { CARD_METRICS } from './cards.ts';
import { escapeHtml, isNum, metricCell, NONE, table } from './markup.ts';

/** The headline figures, one column per plan. */
export function planTable(compare: CompareResult): string {
  const options = { currency: compare.summary?.currency ?? null };
  const head = ['', ...compare.plans.map((p) => p.name)];
  const rows = CARD_METRICS.map((name) => [
    escapeHtml(metricInfo(name).label),
    ...compare.plans.map((p) => metricCell(name, metricValue(p.totals, name), p.ci95 === null ? null : metricValue(p.ci95, name), options)),
  ]);
  return table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

const VERDICT_CLASS: Record<string, string> = { better: 'better', worse: 'worse' };

/** The plans ranked by their scorecard (when they have one), with each part's value and attainment. */
export function scorecardTable(compare: CompareResult): string {
  const ranking = compare.ranking;
  if (ranking === undefined) return '';
  const parts = compare.plans.find((p) => p.scorecard !== undefined)?.scorecard?.parts ?? [];
  const head = ['Rank', 'Plan', 'Score', 'Cost per contact', 'Meets every target', ...parts.map((p) => `${isMetricName(p.metric) ? metricInfo(p.metric).label : p.metric} (target ${+p.target.toPrecision(4)}, weight ${+p.weight.toPrecision(4)})`)];
  const rows = ranking.map((r) => {
    const plan = compare.plans.find((p) => p.name === r.plan);
    return [
      String(r.rank),
      escapeHtml(r.plan),
      escapeHtml(isNum(r.score) ? r.score.toFixed(1) : NONE) + (isNum(r.score_ci95) ? ` <span class="ci">${escapeHtml(`±${r.score_ci95.toFixed(1)}`)}</span>` : ''),
      metricCell('cost_per_contact', r.cost_per_contact, r.cost_per_contact_ci95, { currency: compare.summary?.currency ?? null }),
      r.meets_targets ? 'yes' : 'no',
      ...parts.map((_, i) => {
        const part = plan?.scorecard?.parts[i];
        if (part === undefined) return '';
        const value = isMetricName(part.metric) ? formatMetric(part.metric, part.value) : String(part.value);
        return `${escapeHtml(value)} <span class="ci">(${escapeHtml(part.attainment === null ? NONE : `${Math.round(part.attainment * 100)}%`)})</span>`;
      }),
    ];
  });
  return (
    `<h3>Scorecard</h3>` +
    `<p class="hint">Score 0–100: the weighted mean of each part’s attainment, min(1, value / target) where higher is better and min(1, target / value) where lower is better; plans ranked by score, ties by cost per contact.</p>` +
    table(head, rows, { numeric: head.map((_, i) => i === 0 || (i >= 2 && i !== 4)) })
  );
}

export function differenceTable(compare: CompareResult): string {
  const differences = compare.differences;
  if (differences.length === 0) return '';
  const currency = compare.summary?.currency ?? null;
  const head = ['Plan', 'Metric', 'Difference', '95% interval (paired)', 'Verdict'];
  const rows = differences.map((d) => {
    const metric = d.metric as MetricName;
    const base = compare.plans.find((p) => p.name === d.baseline);
    const reference = base === undefined ? null : metricValue(base.totals, metric);
    const fmt = { currency };
    const interval =
      isNum(d.mean) && isNum(d.ci95)
        ? `${formatMetricDifference(metric, d.mean - d.ci95, reference, fmt)} to ${formatMetricDifference(metric, d.mean + d.ci95, reference, fmt)}`
        : NONE;
    const verdict = d.verdict ?? verdictOf(metric, d.mean, d.ci95);
    return [
      escapeHtml(d.plan),
      escapeHtml(metricInfo(metric).label),
      escapeHtml(formatMetricDifference(metric, d.mean, reference, fmt)),
      escapeHtml(interval),
      verdict === null ? '' : `<span class="${VERDICT_CLASS[verdict] ?? 'neutral'}">${escapeHtml(verdict)}</span>`,
    ];
  });
  const baseline = differences[0]!.baseline;
  return (
    `<h3>Differences to the baseline (${escapeHtml(baseline)})</h3>` +
    `<p class="hint">Plan minus baseline on common random numbers, with the paired 95% interval. “better” or “worse” (by the metric’s better direction): the interval excludes zero; “no clear difference”: it includes zero, so the difference may be noise; occupancy has no better direction (“higher”/“lower”).</p>` +
    table(head, rows, { numeric: [false, false, true, true, false] })
  );
}

/** The plan summary: the sentence, and per plan whether it meets every target, headcount, hours and cost per period. */
export function planSummary(compare: CompareResult, sentence: string): string {
  const s = compare.summary;
  if (s === undefined) return '';
  const head = ['', ...compare.plans.map((p) => p.name)];
  const per = s.period;
  const rows = [
    ['Meets every target', ...compare.plans.map((p) => (p.meets_targets === true ? (p.name === s.best ? '<strong class="met">yes, least cost</strong>' : 'yes') : '<span class="missed">no</span>'))],
    ['Agents (mean logged in)', ...compare.plans.map((p) => escapeHtml(formatNumber(p.totals.agents, 1)))],
    ['FTE (paid hours per week ÷ 40)', ...compare.plans.map((p) => escapeHtml(formatNumber(p.fte, 1)))],
    [`Paid hours per ${per}`, ...compare.plans.map((p) => escapeHtml(formatNumber(p.paid_hours, 0)))],
    [`Cost per ${per}`, ...compare.plans.map((p) => escapeHtml(formatMoney(p.cost_per_period, s.currency, 0)))],
  ];
  return `<p class="summary">${escapeHtml(sentence)}</p>` + table(head, rows, { numeric: head.map((_, i) => i > 0) });
}

/** What each plan changes against the baseline (the baseline's assumptions are shown in full). */
export function planChanges(compare: CompareResult): string {
  const items = compare.plans.slice(1).filter((p) => p.changes !== undefined).map((p) => {
    const changes = p.changes ?? [];
    return (
      `<li><strong>${escapeHtml(p.name)}</strong>: ` +
      (changes.length === 0 ? 'no change recorded' : `<ul>${changes.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul>`) +
      `</li>`
    );
  });
  return items.length === 0 ? '' : `<h3>What each plan changes against ${escapeHtml(compare.plans[0]!.name)}</h3><ul class="changes">${items.join('')}</ul>`;
}
