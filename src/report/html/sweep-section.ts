/**
 * The grid-point section of a sweep's report: the plan summary sentence (which points meet
 * every target, the cheapest of them), then one row per point with the headline figures, FTE,
 * paid hours and cost per period, whether it meets the targets, and the Pareto front of cost
 * per contact against service level.
 */
import type { SweepResult, SweepRow } from '../../experiment/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import { metricInfo, metricValue, type MetricName } from '../../metrics/catalogue.ts';
import { formatMoney, formatNumber, formatShare } from '../../metrics/format.ts';
import { paretoFront, pointLabels } from '../charts/frontier.ts';
import { sweepSentence } from '../summary-sentences.ts';
import type { SweepDocument } from '../../experiment/sweep.ts';
import { escapeHtml, isNum, metricCell, table } from './markup.ts';

const SWEEP_COLUMNS: readonly MetricName[] = ['service_level', 'asa_seconds', 'abandon_rate', 'occupancy', 'fcr', 'ttr_hours.mean', 'effort_mean', 'cost_per_contact'];

/** Which row is the cheapest meeting the service-level target (sweeps saved before the plan summary). */
function cheapestMeetingTarget(rows: readonly SweepRow[], target: number): number {
  let best = -1;
  rows.forEach((r, i) => {
    const sl = r.totals.service_level;
    const cost = r.totals.cost_per_contact;
    if (!isNum(sl) || !isNum(cost) || sl < target) return;
    const current = best < 0 ? null : rows[best]!.totals.cost_per_contact;
    if (current === null || (isNum(current) && cost < current)) best = i;
  });
  return best;
}

export function sweepTable(sweep: SweepResult, scenario: Scenario, targets: readonly string[], reportedHours: number): string {
  const labels = pointLabels(sweep.rows.map((r) => r.point));
  const placed = sweep.rows.map((r) => ({ cost: r.totals.cost_per_contact, value: r.totals.service_level }));
  const usable = placed.map((p) => isNum(p.cost) && isNum(p.value));
  const front = paretoFront(placed.filter((_, i) => usable[i]).map((p) => ({ cost: p.cost!, value: p.value! })));
  let f = 0;
  const onFront = usable.map((u) => (u ? front[f++] === true : false));
  const currency = sweep.currency ?? scenario.costs.currency ?? null;
  const options = { currency };
  const summary = sweep.summary;
  const per = sweep.period ?? 'week';
  const withPlan = summary !== undefined;
  const head = [
    'Grid point',
    ...SWEEP_COLUMNS.map((m) => metricInfo(m).label),
    ...(withPlan ? ['Agents', 'FTE', `Paid hours per ${per}`, `Cost per ${per}`, 'Meets every target'] : []),
    'Pareto (SL)',
  ];
  const rows = sweep.rows.map((r: SweepRow, i) => [
    escapeHtml(labels[i] ?? ''),
    ...SWEEP_COLUMNS.map((m) => metricCell(m, metricValue(r.totals, m), r.ci95 === null ? null : metricValue(r.ci95, m), options)),
    ...(withPlan
      ? [
          escapeHtml(formatNumber(r.totals.agents, 1)),
          escapeHtml(formatNumber(r.fte, 1)),
          escapeHtml(formatNumber(r.paid_hours, 0)),
          escapeHtml(formatMoney(r.cost_per_period, currency, 0)),
          r.meets_targets === true
            ? summary.best === r.index
              ? '<strong class="met">yes, least cost</strong>'
              : 'yes'
            : `<span class="missed">no</span>${(r.missed ?? []).length > 0 ? ` <span class="ci">(${escapeHtml((r.missed ?? []).join(', '))})</span>` : ''}`,
        ]
      : []),
    onFront[i] ? '●' : '',
  ]);
  let lead: string;
  if (withPlan) {
    lead = `<p class="summary">${escapeHtml(sweepSentence(sweep as SweepDocument, { targets, reportedHours }))}</p>`;
  } else {
    const target = scenario.service_level.target;
    const best = cheapestMeetingTarget(sweep.rows, target);
    lead =
      best < 0
        ? `<p>No grid point meets the service-level target of ${formatShare(target)}.</p>`
        : `<p>Cheapest grid point meeting the service-level target of ${formatShare(target)}: <strong>${escapeHtml(labels[best] ?? '')}</strong> ` +
          `(service level ${formatShare(sweep.rows[best]!.totals.service_level)}, cost per contact ${escapeHtml(formatMoney(sweep.rows[best]!.totals.cost_per_contact, currency))}).</p>`;
  }
  return lead + table(head, rows, { numeric: head.map((_, i) => i > 0 && i < head.length - 1 && head[i] !== 'Meets every target') });
}
