/**
 * The headline cards: which metrics, how each is shown, and the verdict on a paired difference.
 * Better directions, differences (pooled ratios) and verdicts come from the metric catalogue and
 * the functions `ccsim compare` uses, so the page and the CLI say the same.
 */
import type { Metrics, Result } from '../../metrics/types.ts';
import { isMetricName, metricValue, verdictOf, type MetricName, type Verdict } from '../../metrics/catalogue.ts';
import { pairedDifference, type PairedDifference } from '../../metrics/pooled.ts';

export type { Verdict };

export interface Card {
  metric: MetricName;
  label: string;
  /** How a value is shown; the same precision for a value, its interval and a difference. */
  unit: 'percent' | 'seconds' | 'hours' | 'money' | 'number';
}

const CARDS: ReadonlyArray<Omit<Card, 'metric'> & { metric: string }> = [
  { metric: 'service_level', label: 'Service level', unit: 'percent' },
  { metric: 'asa_seconds', label: 'ASA', unit: 'seconds' },
  { metric: 'abandon_rate', label: 'Abandon rate', unit: 'percent' },
  { metric: 'occupancy', label: 'Occupancy', unit: 'percent' },
  { metric: 'fcr', label: 'FCR', unit: 'percent' },
  { metric: 'ttr_hours.mean', label: 'TTR mean', unit: 'hours' },
  { metric: 'cost_per_contact', label: 'Cost per contact', unit: 'money' },
  { metric: 'effort_mean', label: 'Effort (1-7)', unit: 'number' },
];

/** The cards for metrics this build of ccsim has (effort only once the metric exists). */
export function headlineCards(): Card[] {
  return CARDS.filter((c): c is Card => isMetricName(c.metric));
}

export function formatValue(card: Card, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  switch (card.unit) {
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    case 'seconds':
      return `${v.toFixed(1)} s`;
    case 'hours':
      return `${v.toFixed(2)} h`;
    case 'money':
      return v.toFixed(2);
    default:
      return v.toFixed(2);
  }
}

/** A difference or half-width in the card's unit (percentage points for shares). */
export function formatDelta(card: Card, v: number | null, signed: boolean): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const sign = signed && v > 0 ? '+' : '';
  switch (card.unit) {
    case 'percent':
      return `${sign}${(v * 100).toFixed(1)} pp`;
    case 'seconds':
      return `${sign}${v.toFixed(1)} s`;
    case 'hours':
      return `${sign}${v.toFixed(2)} h`;
    default:
      return `${sign}${v.toFixed(2)}`;
  }
}

/**
 * Better/worse (by the catalogue's better direction; higher/lower for a metric without one)
 * when the paired 95% interval excludes zero; else no clear difference.
 */
export function verdict(card: Card, d: PairedDifference): Verdict {
  return verdictOf(card.metric, d.mean, d.ci95) ?? 'no clear difference';
}

export interface CardFigures {
  card: Card;
  value: number | null;
  ci95: number | null;
  difference: PairedDifference | null;
}

/**
 * A plan's figures for every card: its estimate with 95% half-width (the aggregate, as
 * `ccsim compare` reports it), and the paired difference to the baseline, computed as compare
 * computes it.
 */
export function cardFigures(
  planAggregate: Result,
  plan: readonly Metrics[],
  baseline: { aggregate: Result; rows: readonly Metrics[] } | null,
): CardFigures[] {
  return headlineCards().map((card) => ({
    card,
    value: metricValue(planAggregate.totals, card.metric),
    ci95: planAggregate.ci95 ? metricValue(planAggregate.ci95.totals, card.metric) : null,
    difference:
      baseline === null
        ? null
        : pairedDifference(plan, baseline.rows, card.metric, {
            plan: metricValue(planAggregate.totals, card.metric),
            baseline: metricValue(baseline.aggregate.totals, card.metric),
          }),
  }));
}

/** The per-type table's metrics: what a planner checks type by type. */
const TYPE_METRICS: readonly string[] = ['service_level', 'asa_seconds', 'abandon_rate', 'fcr'];

export interface TypeRow {
  type: string;
  figures: CardFigures[];
}

/**
 * Per contact type: the plan's estimate and, when there is a baseline, the paired difference,
 * computed like the cards (pooled over replications, paired on common random numbers).
 */
export function typeRows(planAggregate: Result, plan: readonly Result[], baseline: { aggregate: Result; runs: readonly Result[] } | null): TypeRow[] {
  const cards = headlineCards().filter((c) => TYPE_METRICS.includes(c.metric));
  return Object.keys(planAggregate.by_type).map((type) => {
    const mean = planAggregate.by_type[type]!;
    const ci = planAggregate.ci95?.by_type[type];
    const rows = plan.map((r) => r.by_type[type]!);
    const baseRows = baseline?.runs.map((r) => r.by_type[type]!);
    const baseMean = baseline?.aggregate.by_type[type];
    return {
      type,
      figures: cards.map((card) => ({
        card,
        value: metricValue(mean, card.metric),
        ci95: ci === undefined ? null : metricValue(ci, card.metric),
        difference:
          baseRows === undefined || baseMean === undefined
            ? null
            : pairedDifference(rows, baseRows, card.metric, { plan: metricValue(mean, card.metric), baseline: metricValue(baseMean, card.metric) }),
      })),
    };
  });
}
