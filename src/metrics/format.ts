/**
 * How every table and text output shows a number: counts with thousands separators, shares as
 * percentages (their half-widths and differences in percentage points), durations in the unit
 * that reads (an email ASA of 47,200 s is "13.1 h"), money with `Intl.NumberFormat` in the
 * scenario's currency. An undefined figure shows as `–`. One module, read by compare, sweep,
 * the staffing report and the HTML report, driven by the metric catalogue's `kind`.
 */
import { metricInfo, type MetricName } from './catalogue.ts';

export const NONE = '–';

const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

const numberFormats = new Map<number, Intl.NumberFormat>();
/** A number with thousands separators and exactly `digits` decimals: `12,345.6`. */
export function formatNumber(x: number | null | undefined, digits = 0): string {
  if (!ok(x)) return NONE;
  let f = numberFormats.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  const text = f.format(x);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A count: whole numbers as they are, means of replications with one decimal. */
export function formatCount(x: number | null | undefined): string {
  if (!ok(x)) return NONE;
  return Number.isInteger(x) ? formatNumber(x, 0) : formatNumber(x, 1);
}

/** A share as a percentage: `82.3%`. */
export function formatShare(x: number | null | undefined, digits = 1): string {
  return ok(x) ? `${formatNumber(x * 100, digits)}%` : NONE;
}

export type DurationUnit = 's' | 'min' | 'h' | 'd';
const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, min: 60, h: 3600, d: 86400 };

/**
 * The unit a duration reads best in: seconds below 2 minutes, minutes below 2 hours, hours
 * below 2 days, days beyond.
 */
export function durationUnit(seconds: number): DurationUnit {
  const a = Math.abs(seconds);
  if (a < 120) return 's';
  if (a < 7200) return 'min';
  if (a < 172800) return 'h';
  return 'd';
}

/** A duration given in seconds, in `unit` (default: the one that reads): `14.2 s`, `13.1 h`. */
export function formatDuration(seconds: number | null | undefined, unit?: DurationUnit): string {
  if (!ok(seconds)) return NONE;
  const u = unit ?? durationUnit(seconds);
  return `${formatNumber(seconds / UNIT_SECONDS[u], 1)} ${u}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/**
 * Money: with an ISO 4217 `currency`, as `Intl.NumberFormat` writes it (`€1,234.50`,
 * `CHF 1,234.50`); without one, a plain number with two decimals. `digits` overrides the
 * decimals (0 for large totals).
 */
export function formatMoney(x: number | null | undefined, currency?: string | null, digits = 2): string {
  if (!ok(x)) return NONE;
  if (currency === undefined || currency === null || currency === '') return formatNumber(x, digits);
  const key = `${currency}/${digits}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f.format(x);
}

export interface FormatOptions {
  /** ISO 4217 code for money. */
  currency?: string | null | undefined;
}

/** The stored value of a duration metric in seconds (TTR is stored in hours). */
function toSeconds(name: MetricName, x: number): number {
  return metricInfo(name).unit === 'hours' ? x * 3600 : x;
}

/** Money decimals: none for large amounts, two otherwise. */
const moneyDigits = (x: number): number => (Math.abs(x) >= 10_000 ? 0 : 2);

/** The value of a metric as it reads: `82.3%`, `14.2 s`, `13.1 h`, `€4.12`, `1,204`. */
export function formatMetric(name: MetricName, x: number | null | undefined, options: FormatOptions = {}): string {
  if (!ok(x)) return NONE;
  switch (metricInfo(name).kind) {
    case 'share':
      return formatShare(x);
    case 'duration':
      return formatDuration(toSeconds(name, x));
    case 'hours':
      return `${formatNumber(x, x >= 100 ? 0 : 1)} h`;
    case 'money':
      return formatMoney(x, options.currency, moneyDigits(x));
    case 'count':
      return formatCount(x);
    case 'score':
      return formatNumber(x, 2);
  }
}

/**
 * A half-width or a difference's magnitude in the unit `reference` is shown in (so `13.1 h ±0.4 h`):
 * percentage points for shares.
 */
function magnitude(name: MetricName, x: number, reference: number | null | undefined, options: FormatOptions): string {
  switch (metricInfo(name).kind) {
    case 'share':
      return `${formatNumber(x * 100, 1)} pp`;
    case 'duration': {
      const ref = ok(reference) ? toSeconds(name, reference) : toSeconds(name, x);
      return formatDuration(toSeconds(name, x), durationUnit(ref));
    }
    case 'hours':
      return `${formatNumber(x, 1)} h`;
    case 'money':
      return formatMoney(x, options.currency, moneyDigits(ok(reference) ? reference : x));
    case 'count':
      return formatNumber(x, 1);
    case 'score':
      return formatNumber(x, 2);
  }
}

/** `±1.2 pp`, `±0.4 h`, or '' when there is no half-width. */
export function formatMetricHalfWidth(name: MetricName, h: number | null | undefined, reference?: number | null, options: FormatOptions = {}): string {
  return ok(h) ? `±${magnitude(name, Math.abs(h), reference, options)}` : '';
}

/** `82.3% ±1.2 pp`. */
export function formatMetricWithCi(name: MetricName, x: number | null | undefined, h: number | null | undefined, options: FormatOptions = {}): string {
  const pm = formatMetricHalfWidth(name, h, x, options);
  return pm === '' ? formatMetric(name, x, options) : `${formatMetric(name, x, options)} ${pm}`;
}

/** A signed difference: `+6.8 pp`, `-12.5 s`, `+€0.12`. `reference` picks the duration unit. */
export function formatMetricDifference(name: MetricName, d: number | null | undefined, reference?: number | null, options: FormatOptions = {}): string {
  if (!ok(d)) return NONE;
  const text = magnitude(name, Math.abs(d), reference ?? d, options);
  const zero = !/[1-9]/.test(text);
  return `${zero ? '' : d > 0 ? '+' : '-'}${text}`;
}

/** What sort of number a field of a secondary catalogue is (field-catalogue.ts). */
export interface FieldFormat {
  kind: 'count' | 'share' | 'duration' | 'hours' | 'money' | 'score';
  unit: string;
}

/** The stored value of a duration field in seconds. */
const fieldSeconds = (f: FieldFormat, x: number): number => (f.unit === 'minutes' ? x * 60 : f.unit === 'hours' ? x * 3600 : x);

/**
 * A figure of a secondary catalogue (per group, per event, per week) as it reads, by the same
 * rules as `formatMetric`: `74.1%`, `8 h`, `€1,250.00`, `12.5` agents, `1,204` contacts.
 */
export function formatField(f: FieldFormat, x: number | null | undefined, options: FormatOptions = {}): string {
  if (!ok(x)) return NONE;
  switch (f.kind) {
    case 'share':
      return formatShare(x);
    case 'duration':
      return formatDuration(fieldSeconds(f, x));
    case 'hours':
      return `${formatNumber(x, x >= 100 ? 0 : 1)} h`;
    case 'money':
      return formatMoney(x, options.currency, moneyDigits(x));
    case 'count':
      return f.unit === 'agents' ? formatNumber(x, 1) : formatCount(x);
    case 'score':
      return formatNumber(x, 2);
  }
}

/** The 95% half-width of a secondary figure, in the unit `reference` is shown in: `±1.2 pp`; '' without one. */
export function formatFieldHalfWidth(f: FieldFormat, h: number | null | undefined, reference?: number | null, options: FormatOptions = {}): string {
  if (!ok(h)) return '';
  const a = Math.abs(h);
  switch (f.kind) {
    case 'share':
      return `±${formatNumber(a * 100, 1)} pp`;
    case 'duration': {
      const ref = ok(reference) ? fieldSeconds(f, reference) : fieldSeconds(f, a);
      return `±${formatDuration(fieldSeconds(f, a), durationUnit(ref))}`;
    }
    case 'hours':
      return `±${formatNumber(a, 1)} h`;
    case 'money':
      return `±${formatMoney(a, options.currency, moneyDigits(ok(reference) ? reference : a))}`;
    case 'count':
      return `±${formatNumber(a, 1)}`;
    case 'score':
      return `±${formatNumber(a, 2)}`;
  }
}
