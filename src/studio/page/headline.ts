/**
 * The headline cards: which metrics, which way is better, how each is shown, and the verdict on
 * a paired difference. Differences come from the same function `ccsim compare` uses.
 */
import type { Metrics, Result } from '../../metrics/types.ts';
import { isMetricName, metricValue, pairedDifference, type PairedDifference } from '../../experiment/metrics.ts';
import type { MetricName } from '../../experiment/types.ts';

export type Better = 'higher' | 'lower' | 'neither';

export interface Card {
  metric: MetricName;
  label: string;
  better: Better;
  /** How a value is shown; the same precision for a value, its interval and a difference. */
  unit: 'percent' | 'seconds' | 'hours' | 'money' | 'number';
}

const CARDS: ReadonlyArray<Omit<Card, 'metric'> & { metric: string }> = [
  { metric: 'service_level', label: 'Service level', better: 'higher', unit: 'percent' },
  { metric: 'asa_seconds', label: 'ASA', better: 'lower', unit: 'seconds' },
  { metric: 'abandon_rate', label: 'Abandon rate', better: 'lower', unit: 'percent' },
  // Busier agents are cheaper but closer to burn-out: neither way is plainly better.
  { metric: 'occupancy', label: 'Occupancy', better: 'neither', unit: 'percent' },
  { metric: 'fcr', label: 'FCR', better: 'higher', unit: 'percent' },
  { metric: 'ttr_hours.mean', label: 'TTR mean', better: 'lower', unit: 'hours' },
  { metric: 'cost_per_contact', label: 'Cost per contact', better: 'lower', unit: 'money' },
  { metric: 'effort_mean', label: 'Customer effort', better: 'lower', unit: 'number' },
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

export type Verdict = 'better' | 'worse' | 'no clear difference' | 'higher' | 'lower';

/** Better/worse when the paired 95% interval excludes zero; else no clear difference. */
export function verdict(card: Card, d: PairedDifference): Verdict {
  if (d.mean === null || d.ci95 === null || !(Math.abs(d.mean) > d.ci95)) return 'no clear difference';
  const up = d.mean > 0;
  if (card.better === 'neither') return up ? 'higher' : 'lower';
  return up === (card.better === 'higher') ? 'better' : 'worse';
}

export interface CardFigures {
  card: Card;
  value: number | null;
  ci95: number | null;
  difference: PairedDifference | null;
}

/** A plan's figures for every card: mean with 95% half-width, and the paired difference to the baseline. */
export function cardFigures(planAggregate: Result, plan: readonly Metrics[], baseline: readonly Metrics[] | null): CardFigures[] {
  return headlineCards().map((card) => ({
    card,
    value: metricValue(planAggregate.totals, card.metric),
    ci95: planAggregate.ci95 ? metricValue(planAggregate.ci95.totals, card.metric) : null,
    difference: baseline === null ? null : pairedDifference(plan, baseline, card.metric),
  }));
}
