/**
 * The headline cards: which metrics, how each is shown, and the verdict on a paired difference.
 * Better directions, differences (pooled ratios) and verdicts come from the metric catalogue and
 * the functions `ccsim compare` uses, so the page and the CLI say the same.
 */
import type { GroupMetrics, Metrics, Result } from '../../metrics/types.ts';
import { isMetricName, metricValue, verdictOf, type MetricName, type Verdict } from '../../metrics/catalogue.ts';
import { pairedDifference, type PairedDifference } from '../../metrics/pooled.ts';
import { ci95HalfWidth } from '../../metrics/student-t.ts';

export type { Verdict };

export interface Card {
  metric: MetricName;
  label: string;
  /** How a value is shown; the same precision for a value, its interval and a difference. */
  unit: 'percent' | 'seconds' | 'hours' | 'money' | 'amount' | 'number';
  /**
   * Shown multiplied by this (value, interval and difference): the cost per week is cost_total
   * over the reported stretch times 168 h / the stretch's hours, as `ccsim compare` reports it.
   */
  factor?: number;
  /** The card's own key when one metric has two cards (cost_total as cost per week). */
  id?: string;
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
  { metric: 'cost_total', label: 'Cost per week', unit: 'amount', id: 'cost_per_week' },
];

/**
 * The cards for metrics this build of ccsim has (effort only once the metric exists).
 * `weekFactor`: 168 h over the reported hours of the run (plan-summary.ts's periodFactor).
 */
export function headlineCards(weekFactor = 1): Card[] {
  return CARDS.filter((c): c is Card => isMetricName(c.metric)).map((c) => (c.id === 'cost_per_week' ? { ...c, factor: weekFactor } : c));
}

/** The key a card is known by in the page (`data-metric`). */
export function cardKey(card: Card): string {
  return card.id ?? card.metric;
}

export function formatValue(card: Card, raw: number | null): string {
  if (raw === null || !Number.isFinite(raw)) return '–';
  const v = raw * (card.factor ?? 1);
  switch (card.unit) {
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    case 'seconds':
      return `${v.toFixed(1)} s`;
    case 'hours':
      return `${v.toFixed(2)} h`;
    case 'money':
      return v.toFixed(2);
    case 'amount':
      return v.toFixed(0);
    default:
      return v.toFixed(2);
  }
}

/** A difference or half-width in the card's unit (percentage points for shares). */
export function formatDelta(card: Card, raw: number | null, signed: boolean): string {
  if (raw === null || !Number.isFinite(raw)) return '–';
  const v = raw * (card.factor ?? 1);
  const sign = signed && v > 0 ? '+' : '';
  switch (card.unit) {
    case 'percent':
      return `${sign}${(v * 100).toFixed(1)} pp`;
    case 'seconds':
      return `${sign}${v.toFixed(1)} s`;
    case 'hours':
      return `${sign}${v.toFixed(2)} h`;
    case 'amount':
      return `${sign}${v.toFixed(0)}`;
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
  weekFactor = 1,
): CardFigures[] {
  return headlineCards(weekFactor).map((card) => ({
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

/**
 * The per-group table's figures: what the group's agents did, plan and baseline. `metric`: the
 * catalogue metric whose better direction rates a column's difference (the group's cost is
 * agents' cost: lower is better; agents, occupancy, contacts handled (answered) and paid hours
 * have no better direction, so a clear difference is only higher or lower).
 */
export const GROUP_COLUMNS = [
  { key: 'agents', label: 'Agents (mean)', digits: 1, metric: 'agents' },
  { key: 'occupancy', label: 'Occupancy', digits: 1, metric: 'occupancy' },
  { key: 'handled', label: 'Contacts handled', digits: 0, metric: 'answered' },
  { key: 'paid_hours', label: 'Paid hours', digits: 0, metric: 'paid_hours' },
  { key: 'cost', label: 'Cost', digits: 0, metric: 'cost_agents' },
] as const satisfies ReadonlyArray<{ key: keyof GroupMetrics; label: string; digits: number; metric: MetricName }>;
export type GroupColumn = (typeof GROUP_COLUMNS)[number]['key'];

export interface GroupCell {
  value: number | null;
  /** Plan − baseline: the mean of the per-replication differences and its paired 95% half-width. */
  difference: { mean: number; ci95: number | null } | null;
  /**
   * The difference rated as the cards rate theirs (verdictOf: no clear difference when the
   * paired interval includes zero); null without a baseline or without an interval.
   */
  verdict: Verdict | null;
}

export interface GroupRow {
  group: string;
  cells: Record<GroupColumn, GroupCell>;
}

/** A group's figure in one replication (occupancy as busy / logged hours). */
function groupValue(g: GroupMetrics | undefined, column: GroupColumn): number | null {
  if (g === undefined) return null;
  if (column === 'occupancy') return g.logged_hours > 0 ? g.busy_hours / g.logged_hours : null;
  return g[column];
}

/**
 * Per agent group: the mean over replications (occupancy pooled: busy hours over logged hours
 * of all replications, as the totals pool it), and, with a baseline, the paired difference
 * (replication r of the plan minus replication r of the baseline; common random numbers).
 */
export function groupRows(plan: readonly Result[], baseline: readonly Result[] | null): GroupRow[] {
  const groups = Object.keys(plan[0]?.totals.by_group ?? {});
  return groups.map((group) => {
    const cells = {} as Record<GroupColumn, GroupCell>;
    for (const { key, metric } of GROUP_COLUMNS) {
      const of = (runs: readonly Result[]): Array<GroupMetrics | undefined> => runs.map((r) => r.totals.by_group?.[group]);
      const estimate = (gs: Array<GroupMetrics | undefined>): number | null => {
        if (key === 'occupancy') {
          let busy = 0;
          let logged = 0;
          for (const g of gs) {
            busy += g?.busy_hours ?? 0;
            logged += g?.logged_hours ?? 0;
          }
          return logged > 0 ? busy / logged : null;
        }
        const vs = gs.map((g) => groupValue(g, key)).filter((v): v is number => v !== null && Number.isFinite(v));
        return vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length;
      };
      const mine = of(plan);
      const value = estimate(mine);
      let difference: GroupCell['difference'] = null;
      if (baseline !== null) {
        const theirs = of(baseline);
        const base = estimate(theirs);
        const diffs: number[] = [];
        mine.forEach((g, r) => {
          const a = groupValue(g, key);
          const b = groupValue(theirs[r], key);
          if (a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b)) diffs.push(a - b);
        });
        if (value !== null && base !== null) difference = { mean: value - base, ci95: ci95HalfWidth(diffs) };
      }
      cells[key] = { value, difference, verdict: difference === null ? null : verdictOf(metric, difference.mean, difference.ci95) };
    }
    return { group, cells };
  });
}
