/** The headline cards of a run's report: one card per headline metric, with its 95% half-width. */
import type { Metrics } from '../../metrics/types.ts';
import type { Scenario } from '../../scenario/types.ts';
import { metricInfo, metricValue, type MetricName } from '../../metrics/catalogue.ts';
import { formatDuration, formatMetric, formatMetricHalfWidth, formatShare } from '../../metrics/format.ts';
import { escapeHtml, isNum } from './markup.ts';

/** The metrics a run's cards show, in order (labels and formats from the catalogue). */
export const CARD_METRICS: readonly MetricName[] = [
  'service_level',
  'asa_seconds',
  'abandon_rate',
  'occupancy',
  'fcr',
  'ttr_hours.mean',
  'ttr_hours.p90',
  'effort_mean',
  'high_effort_share',
  'cost_per_contact',
  'cost_total',
  'arrivals',
  'agents',
];

/** The cards; the service-level card says whether the target is met. */
export function headlineCards(totals: Metrics, ci: Metrics | null | undefined, scenario: Scenario): string {
  const { target, threshold_seconds } = scenario.service_level;
  const options = { currency: scenario.costs.currency ?? null };
  const cards = CARD_METRICS.map((name) => {
    const value = metricValue(totals, name);
    const half = ci === null || ci === undefined ? null : metricValue(ci, name);
    let note = '';
    if (name === 'service_level') {
      const verdict = isNum(value) ? (value >= target ? 'met' : 'missed') : '';
      note = `target ${formatShare(target)} within ${formatDuration(threshold_seconds).replace(/\.0 /, ' ')}` + (verdict ? `: <strong class="${verdict}">${verdict}</strong>` : '');
    }
    const hw = formatMetricHalfWidth(name, half, value, options);
    return (
      `<div class="card"><div class="label">${escapeHtml(metricInfo(name).label)}</div>` +
      `<div class="value">${escapeHtml(formatMetric(name, value, options))}</div>` +
      (hw === '' ? '' : `<div class="ci">${escapeHtml(hw)} (95%)</div>`) +
      (note === '' ? '' : `<div class="note">${note}</div>`) +
      `</div>`
    );
  });
  return `<div class="cards">${cards.join('')}</div>`;
}
