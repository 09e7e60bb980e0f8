/**
 * How experiment tables (compare, sweep) show a metric: its label, the value, its 95%
 * half-width, and a difference. Shares show as percentages (half-widths and differences in
 * percentage points), times and money with fixed decimals. An undefined figure shows as `–`.
 */
import type { MetricName } from '../experiment/types.ts';

const NONE = '–';

type Kind = 'share' | 'seconds' | 'hours' | 'money' | 'count' | 'score';

const KINDS: Partial<Record<MetricName, Kind>> = {
  service_level: 'share',
  wait_probability: 'share',
  abandon_rate: 'share',
  occupancy: 'share',
  fcr: 'share',
  containment_rate: 'share',
  repeat_rate: 'share',
  high_effort_share: 'share',
  effort_mean: 'score',
  effort_open_mean: 'score',
  asa_seconds: 'seconds',
  aht_seconds: 'seconds',
  'ttr_hours.mean': 'hours',
  'ttr_hours.p50': 'hours',
  'ttr_hours.p90': 'hours',
  cost_total: 'money',
  cost_per_contact: 'money',
  cost_per_resolution: 'money',
  cost_agents: 'money',
  cost_self_service: 'money',
  cost_telephony: 'money',
  cost_contacts: 'money',
};

const LABELS: Partial<Record<MetricName, string>> = {
  service_level: 'Service level',
  asa_seconds: 'ASA (s)',
  abandon_rate: 'Abandon rate',
  occupancy: 'Occupancy',
  fcr: 'FCR',
  'ttr_hours.mean': 'TTR mean (h)',
  cost_per_contact: 'Cost per contact',
  cost_per_resolution: 'Cost per resolution',
  cost_total: 'Cost total',
  effort_mean: 'Effort (1-7)',
  high_effort_share: 'High-effort share',
};

/** Short column titles for wide tables (sweep rows). */
const SHORT: Partial<Record<MetricName, string>> = {
  service_level: 'SL',
  asa_seconds: 'ASA s',
  abandon_rate: 'abandon',
  occupancy: 'occ',
  fcr: 'FCR',
  'ttr_hours.mean': 'TTR h',
  cost_per_contact: 'cost/contact',
  cost_per_resolution: 'cost/resolution',
  cost_total: 'cost total',
  effort_mean: 'effort',
  high_effort_share: 'high effort',
};

export function metricLabel(m: MetricName): string {
  return LABELS[m] ?? m;
}

export function metricShortLabel(m: MetricName): string {
  return SHORT[m] ?? m;
}

function kind(m: MetricName): Kind {
  return KINDS[m] ?? 'count';
}

function group(text: string): string {
  const [int = '', frac] = text.split('.');
  const sign = int.startsWith('-') || int.startsWith('+') ? int[0]! : '';
  const digits = sign ? int.slice(1) : int;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
}

const ok = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/** A magnitude in the metric's display unit, without sign handling. */
function plain(m: MetricName, x: number): string {
  switch (kind(m)) {
    case 'share':
      return (x * 100).toFixed(1);
    case 'seconds':
      return group(x.toFixed(1));
    case 'hours':
      return group(x.toFixed(2));
    case 'money':
    case 'score':
      return group(x.toFixed(2));
    case 'count':
      return Number.isInteger(x) ? group(String(x)) : group(x.toFixed(1));
  }
}

/** The value: `82.3%`, `14.2`, `3.10`. */
export function formatValue(m: MetricName, x: number | null | undefined): string {
  if (!ok(x)) return NONE;
  return kind(m) === 'share' ? `${plain(m, x)}%` : plain(m, x);
}

/** `±1.2` (percentage points for shares), or '' when there is no half-width. */
export function formatHalfWidth(m: MetricName, h: number | null | undefined): string {
  return ok(h) ? `±${plain(m, h)}` : '';
}

/** `82.3% ±1.2`. */
export function formatWithCi(m: MetricName, x: number | null | undefined, h: number | null | undefined): string {
  const pm = formatHalfWidth(m, h);
  return pm === '' ? formatValue(m, x) : `${formatValue(m, x)} ${pm}`;
}

/** A signed difference: `+6.8 pp`, `-12.5`, `+0.12`. */
export function formatDifference(m: MetricName, d: number | null | undefined): string {
  if (!ok(d)) return NONE;
  const text = plain(m, Math.abs(d));
  const zero = Number(text.replace(/,/g, '')) === 0;
  const sign = zero ? '' : d > 0 ? '+' : '-';
  return `${sign}${text}${kind(m) === 'share' ? ' pp' : ''}`;
}
