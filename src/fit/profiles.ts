/**
 * Arrival fits for one contact type from its interval history: `per_day`, `by_hour`,
 * `by_weekday`, `by_month`, dated outliers (`by_date`) and `overdispersion_cv`.
 *
 * The model is the scenario format's: the expected total of day d is
 *     E[d] = per_day x by_weekday[weekday(d)] x by_month[month(d)] x by_date[d]
 * and its actual total is Poisson with that mean times a gamma factor G[d] (mean 1, cv c), so
 *     Var(total | E) = E + c^2 E^2.
 *
 * Method (also stated in the scenario YAML header and the fit report):
 * 1. Days. The days of a type run from its first to its last dated row. A date with no row for
 *    any queue is a gap (missing data, not zero) and is left out; a weekday that never appears
 *    in a history of 14 days or more is closed (factor 0). A date with rows for other queues but
 *    none for this one counts as zero contacts, as do intervals missing within a day.
 * 2. What can be fitted. `by_weekday` needs 14 days and 2 of each open weekday; `by_month`
 *    needs 2 months with 14 days each (months are pooled across years; a month with fewer days
 *    is left out of the fits and gets factor 1). Otherwise the factor stays at its default 1.
 * 3. Robust expectation. Weekday and month factors by alternating medians of day totals
 *    (weekday: median of total / month factor; month: median of total / weekday factor).
 *    Robust cv from the median absolute deviation of total / expected - 1, less Poisson's share.
 * 4. Outlier days: |observed - expected| > k sqrt(expected (1 + cv^2 expected)), with
 *    k = max(3.5, the normal quantile 1 - 0.05 / (2 n)) for n days: an ordinary day of a normal
 *    spread is flagged anywhere in the history with a chance of about 5% (3.62 for 181 days).
 * 5. Fit. The Poisson maximum-likelihood main-effects fit (iterative proportional fitting:
 *    weekday factor = sum of totals / sum of month factors, and the other way round, to
 *    convergence) on the days that are not outliers; outliers are flagged again against it,
 *    until the set of outliers no longer changes.
 * 6. Normalization. `by_weekday` has mean 1 over the 7 days (a closed day counts as 0);
 *    `by_month` has mean 1 over the covered months (the others are 1). `per_day` is then the mean
 *    contacts per calendar day of a typical week in a typical covered month, outliers excluded,
 *    and per_day x by_weekday x by_month reproduces the mean daily volume of every cell.
 * 7. `by_date` = observed / expected for each outlier day, expected from the final fit.
 * 8. Overdispersion: over the days used (outliers excluded), with expected E from the fit,
 *    c^2 = (sum (obs - E)^2 x n / (n - p) - sum E) / sum E^2, p the number of fitted factors:
 *    the variance beyond Poisson, relative to the squared mean (with a constant E this is
 *    (Var - mean) / mean^2). Its standard error is the delta-method one from the per-day terms.
 *    Needs n - p >= 14 days.
 * 9. `by_hour`: each hour's (or, with a 15- or 30-minute history that shows a shape within the
 *    hour, each interval's) share of the contacts of the days used (outliers excluded); an
 *    interval's contacts are split over the hours it overlaps. Weekdays whose shape differs
 *    significantly keep a template of their own (`intraday_by_weekday`): see intraday.ts.
 */
import { probit } from 'simple-statistics';
import { dateToEpochMs } from '../model/calendar.ts';
import type { ArrivalFit, Comparison, DatedOutlier, History, HistoryRow } from './types.ts';
import { fitIntraday, toHours } from './intraday.ts';
import { openingHoursOf } from './opening-hours.ts';

/** The smallest outlier threshold k, in standard deviations. */
export const OUTLIER_K = 3.5;

/** k for `days` days: max(3.5, z(1 - 0.05 / (2 days))), a Bonferroni bound on false flags (step 4). */
export function outlierK(days: number): number {
  return Math.max(OUTLIER_K, probit(1 - 0.05 / (2 * Math.max(1, days))));
}
const MIN_DAYS_WEEKDAY = 14;
const MIN_PER_WEEKDAY = 2;
const MIN_DAYS_MONTH = 14;
const MIN_DOF_OVERDISPERSION = 14;

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/** `1 day`, `3 days`. */
function dayCount(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** 0 = Monday .. 6 = Sunday. */
export function weekdayOfDate(iso: string): number {
  return (new Date(dateToEpochMs(iso)).getUTCDay() + 6) % 7;
}

/** 0 = January. */
export function monthOfDate(iso: string): number {
  return new Date(dateToEpochMs(iso)).getUTCMonth();
}

export function addDays(iso: string, days: number): string {
  return new Date(dateToEpochMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** One day of one type: its total and its contacts by hour of day. */
export interface Day {
  date: string;
  weekday: number;
  month: number;
  total: number;
  hours: number[];
  /** Contacts by interval of the day, when the history has 15- or 30-minute intervals on their clock grid. */
  slots: number[] | null;
}

/** The days of `queue` (see step 1), with the dates left out as gaps and the closed weekdays. */
export function daysOf(
  history: History,
  queue: string,
): { days: Day[]; gaps: string[]; closed: boolean[]; spanDays: number } {
  const fileDates = new Set(history.rows.map((r) => r.date));
  const rows = history.rows.filter((r) => r.queue === queue);
  const dates = rows.map((r) => r.date).sort();
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const spanDays = Math.round((dateToEpochMs(last) - dateToEpochMs(first)) / DAY_MS) + 1;

  const byDate = new Map<string, Day>();
  const seenWeekdays = new Set<number>();
  const slotMinutes = history.intervalMinutes;
  const onGrid = (slotMinutes === 15 || slotMinutes === 30) && rows.every((r) => r.minute % slotMinutes === 0);
  for (let i = 0; i < spanDays; i++) {
    const date = addDays(first, i);
    if (!fileDates.has(date)) continue;
    const day: Day = { date, weekday: weekdayOfDate(date), month: monthOfDate(date), total: 0, hours: new Array<number>(24).fill(0), slots: onGrid ? new Array<number>(1440 / slotMinutes).fill(0) : null };
    byDate.set(date, day);
    seenWeekdays.add(day.weekday);
  }
  const length = history.intervalMinutes ?? 60;
  for (const r of rows) {
    const day = byDate.get(r.date)!;
    day.total += r.offered;
    spreadOverHours(day.hours, r, Math.min(length, 1440));
    if (day.slots !== null && slotMinutes !== null) day.slots[r.minute / slotMinutes]! += r.offered;
  }
  const closed = Array.from({ length: 7 }, (_, k) => spanDays >= MIN_DAYS_WEEKDAY && !seenWeekdays.has(k));
  const gaps: string[] = [];
  for (let i = 0; i < spanDays; i++) {
    const date = addDays(first, i);
    if (!byDate.has(date) && !closed[weekdayOfDate(date)]) gaps.push(date);
  }
  return { days: [...byDate.values()], gaps, closed, spanDays };
}

/** Adds the row's contacts to the hours its interval [start, start + length) overlaps. */
function spreadOverHours(hours: number[], row: HistoryRow, length: number): void {
  const start = row.minute;
  const end = Math.min(start + length, 1440);
  if (end <= start) {
    hours[Math.floor(start / 60)]! += row.offered;
    return;
  }
  for (let h = Math.floor(start / 60); h * 60 < end; h++) {
    const overlap = Math.min(end, h * 60 + 60) - Math.max(start, h * 60);
    if (overlap > 0) hours[h]! += (row.offered * overlap) / (end - start);
  }
}

// ---------------------------------------------------------------------------------------------
// Factor fits

interface Factors {
  /** Level per weekday (absorbs the overall level); all equal when weekdays are not fitted. */
  w: number[];
  /** Month factors, mean 1 over the months in the fit; 1 when months are not fitted. */
  m: number[];
}

interface FitSpec {
  weekday: boolean;
  month: boolean;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * Weekday x month factors by alternating updates: `robust` uses medians of ratios (step 3),
 * otherwise ratios of sums, which converge to the Poisson maximum-likelihood fit (step 5).
 */
function fitFactors(days: readonly Day[], spec: FitSpec, robust: boolean): Factors {
  const gw = (d: Day) => (spec.weekday ? d.weekday : 0);
  const w = new Array<number>(7).fill(0);
  const m = new Array<number>(12).fill(1);
  const byWeekday = new Map<number, Day[]>();
  const byMonth = new Map<number, Day[]>();
  const add = (map: Map<number, Day[]>, key: number, d: Day) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [d]);
    else list.push(d);
  };
  for (const d of days) {
    add(byWeekday, gw(d), d);
    if (spec.month) add(byMonth, d.month, d);
  }
  const iterations = robust ? 50 : 2000;
  for (let it = 0; it < iterations; it++) {
    let change = 0;
    for (const [g, own] of byWeekday) {
      const next = robust ? median(own.map((d) => d.total / m[d.month]!)) : sum(own.map((d) => d.total)) / sum(own.map((d) => m[d.month]!));
      change = Math.max(change, Math.abs(next - w[g]!) / Math.max(next, 1e-12));
      w[g] = next;
    }
    if (!spec.month) break;
    for (const [j, all] of byMonth) {
      const own = all.filter((d) => w[gw(d)]! > 0);
      if (own.length === 0) continue;
      const next = robust
        ? median(own.map((d) => d.total / w[gw(d)]!))
        : sum(own.map((d) => d.total)) / sum(own.map((d) => w[gw(d)]!));
      change = Math.max(change, Math.abs(next - m[j]!) / Math.max(next, 1e-12));
      m[j] = next;
    }
    const months = [...byMonth.keys()];
    const mean = sum(months.map((j) => m[j]!)) / months.length;
    if (mean > 0) {
      for (const j of months) m[j]! /= mean;
      for (const g of byWeekday.keys()) w[g]! *= mean;
    }
    if (change < 1e-12) break;
  }
  if (!spec.weekday) w.fill(w[0]!);
  return { w, m };
}

function expected(f: Factors, d: Day): number {
  return f.w[d.weekday]! * f.m[d.month]!;
}

/** Robust cv of day totals around their expectation, Poisson's share removed (step 3). */
function robustCv(days: readonly Day[], f: Factors): number {
  const open = days.filter((d) => expected(f, d) > 0);
  if (open.length < 3) return 0;
  const z = open.map((d) => d.total / expected(f, d) - 1);
  const center = median(z);
  const s = 1.4826 * median(z.map((v) => Math.abs(v - center)));
  return Math.sqrt(Math.max(0, s * s - median(open.map((d) => 1 / expected(f, d)))));
}

function isOutlier(d: Day, e: number, cv: number, k: number): boolean {
  if (e <= 0) return false;
  return Math.abs(d.total - e) > k * Math.sqrt(e * (1 + cv * cv * e));
}

/** Moment estimator of the overdispersion cv and its standard error (step 8). */
function overdispersion(days: readonly Day[], f: Factors, parameters: number): { cv: number; se: number } | null {
  const open = days.filter((d) => expected(f, d) > 0);
  const n = open.length;
  if (n - parameters < MIN_DOF_OVERDISPERSION) return null;
  const e = open.map((d) => expected(f, d));
  const ss = sum(open.map((d, i) => (d.total - e[i]!) ** 2)) * (n / (n - parameters));
  const sumE = sum(e);
  const sumE2 = sum(e.map((x) => x * x));
  const cv2 = (ss - sumE) / sumE2;
  const terms = open.map((d, i) => (d.total - e[i]!) ** 2 - e[i]! - cv2 * e[i]! ** 2);
  const se2 = Math.sqrt(sum(terms.map((t) => t * t))) / sumE2;
  const cv = Math.sqrt(Math.max(0, cv2));
  return { cv, se: cv > 0 ? se2 / (2 * cv) : Math.sqrt(se2) };
}

// ---------------------------------------------------------------------------------------------
// The whole fit

export function fitArrivals(history: History, queue: string): ArrivalFit {
  const notes: string[] = [];
  const { days: allDays, gaps, closed, spanDays } = daysOf(history, queue);
  const first = allDays[0]!.date;
  const last = allDays[allDays.length - 1]!.date;
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 10).map((g) => `${g} (${WEEKDAY_NAMES[weekdayOfDate(g)]})`);
    notes.push(
      `${gaps.length} date${gaps.length === 1 ? '' : 's'} between ${first} and ${last} ${gaps.length === 1 ? 'has' : 'have'} no rows at all and are left out as missing data: ` +
        `${shown.join(', ')}${gaps.length > 10 ? ', ...' : ''}. If the center was closed, add them as by_date: 0.`,
    );
  }
  const closedNames = WEEKDAY_NAMES.filter((_, i) => closed[i]);
  if (closedNames.length > 0) notes.push(`no rows on ${closedNames.join(', ')} in ${spanDays} days: read as closed (by_weekday 0)`);

  // What can be fitted (step 2).
  const openWeekdays = [0, 1, 2, 3, 4, 5, 6].filter((wd) => !closed[wd]);
  const perWeekday = (wd: number) => allDays.filter((d) => d.weekday === wd).length;
  const weekdayFit = spanDays >= MIN_DAYS_WEEKDAY && openWeekdays.every((wd) => perWeekday(wd) >= MIN_PER_WEEKDAY);
  if (!weekdayFit) {
    notes.push(
      spanDays < MIN_DAYS_WEEKDAY
        ? `by_weekday not fitted: the history covers ${dayCount(spanDays)} (needs ${MIN_DAYS_WEEKDAY}); left at 1, and no outlier days are looked for`
        : `by_weekday not fitted: some weekday has fewer than ${MIN_PER_WEEKDAY} days with data; left at 1, and no outlier days are looked for`,
    );
  }
  const daysPerMonth = new Array<number>(12).fill(0);
  for (const d of allDays) daysPerMonth[d.month]! += 1;
  const covered = [...daysPerMonth.keys()].filter((j) => daysPerMonth[j]! >= MIN_DAYS_MONTH);
  const monthFit = covered.length >= 2;
  let days = allDays;
  if (monthFit) {
    const partial = [...daysPerMonth.keys()].filter((j) => daysPerMonth[j]! > 0 && daysPerMonth[j]! < MIN_DAYS_MONTH);
    if (partial.length > 0) {
      days = allDays.filter((d) => covered.includes(d.month));
      notes.push(
        `by_month: ${partial.map((j) => `${MONTH_NAMES[j]} (${daysPerMonth[j]} days)`).join(', ')} ` +
          `${partial.length === 1 ? 'has' : 'have'} fewer than ${MIN_DAYS_MONTH} days: left out of the fits, factor 1`,
      );
    }
    if (spanDays > 366) notes.push('by_month: the history spans more than a year; months are pooled across years (no trend is fitted)');
  } else {
    notes.push(
      `by_month not fitted: ${covered.length === 1 ? 'one month has' : 'no month has'} ${MIN_DAYS_MONTH} days or more (needs 2 such months); left at 1`,
    );
  }
  const spec: FitSpec = { weekday: weekdayFit, month: monthFit };
  const parameters = (weekdayFit ? openWeekdays.length : 1) + (monthFit ? covered.length - 1 : 0);
  const k = outlierK(days.length);

  // Robust expectation, outliers, then the maximum-likelihood fit (steps 3 to 5).
  let flagged = new Set<string>();
  let f: Factors;
  let cv = 0;
  if (weekdayFit) {
    const robust = fitFactors(days, spec, true);
    cv = robustCv(days, robust);
    flagged = new Set(days.filter((d) => isOutlier(d, expected(robust, d), cv, k)).map((d) => d.date));
  }
  for (let round = 0; ; round++) {
    const used = days.filter((d) => !flagged.has(d.date));
    f = fitFactors(used, spec, false);
    const od = overdispersion(used, f, parameters);
    if (od !== null) cv = od.cv;
    if (!weekdayFit || round >= 5) break;
    const fit = f;
    const again = new Set(days.filter((d) => isOutlier(d, expected(fit, d), cv, k)).map((d) => d.date));
    if (again.size === flagged.size && [...again].every((d) => flagged.has(d))) break;
    flagged = again;
  }
  const used = days.filter((d) => !flagged.has(d.date));
  if (used.length === 0) throw new Error(`no days left to fit for ${queue}`);
  const od = overdispersion(used, f, parameters);
  if (od === null) {
    notes.push(
      `overdispersion_cv not fitted: ${dayCount(used.length)} for ${parameters} factor${parameters === 1 ? '' : 's'} leave fewer than ${MIN_DOF_OVERDISPERSION} degrees of freedom; left at 0`,
    );
  }
  const c2 = od === null ? 0 : od.cv * od.cv;
  for (const wd of openWeekdays) if (!used.some((d) => d.weekday === wd) && weekdayFit) f.w[wd] = 0;
  for (const wd of [0, 1, 2, 3, 4, 5, 6]) if (closed[wd]) f.w[wd] = 0;

  // Normalization (step 6) and standard errors: Var(sum of totals) = sum (E + c^2 E^2).
  const perDay = weekdayFit ? sum(f.w) / 7 : f.w[0]!;
  const relSe = (group: readonly Day[]) => {
    const e = group.map((d) => expected(f, d));
    const s = sum(e);
    return s > 0 ? Math.sqrt(sum(e.map((x) => x + c2 * x * x))) / s : 0;
  };
  const byWeekday = weekdayFit ? f.w.map((x) => (perDay > 0 ? x / perDay : 1)) : null;
  const byWeekdaySe = byWeekday?.map((x, wd) => x * relSe(used.filter((d) => d.weekday === wd))) ?? null;
  const byMonth = monthFit ? f.m.map((x, j) => (covered.includes(j) ? x : 1)) : null;
  const byMonthSe = byMonth?.map((x, j) => (covered.includes(j) ? x * relSe(used.filter((d) => d.month === j)) : 0)) ?? null;

  // Dated outliers (step 7).
  const byDate: DatedOutlier[] = days
    .filter((d) => flagged.has(d.date))
    .map((d) => {
      const e = expected(f, d);
      return { date: d.date, weekday: d.weekday, observed: d.total, expected: e, ratio: e > 0 ? d.total / e : 0 };
    });

  // Intraday shape (step 9).
  let byHour: number[] | null = null;
  let templates: Array<number[] | null> | null = null;
  const totalUsed = sum(used.map((d) => d.total));
  if (history.intervalMinutes === null) {
    notes.push('by_hour not fitted: one interval per day (daily totals); left flat');
  } else if (totalUsed <= 0) {
    notes.push('by_hour not fitted: no contacts on the days used; left flat');
  } else {
    const intraday = fitIntraday(used.map((d) => ({ weekday: d.weekday, slots: d.slots ?? d.hours })));
    byHour = intraday.by_hour;
    templates = intraday.templates;
    notes.push(...intraday.notes);
    if (history.intervalMinutes > 60) {
      notes.push(`by_hour: intervals are ${history.intervalMinutes} minutes; each one's contacts are spread evenly over the hours it covers`);
    }
  }

  const comparison = compare(used, f, byHour, templates);

  const fit: ArrivalFit = {
    per_day: perDay,
    per_day_se: perDay * relSe(used),
    by_hour: byHour,
    intraday_by_weekday: templates !== null && templates.some((t) => t !== null) ? templates : null,
    open_hours: byHour !== null && history.intervalMinutes !== null && history.intervalMinutes <= 60 ? openingHoursOf(used, closed) : null,
    by_weekday: byWeekday,
    by_weekday_se: byWeekdaySe,
    by_month: byMonth,
    by_month_se: byMonthSe,
    months_covered: monthFit ? covered : [],
    by_date: byDate,
    outlier_k: k,
    overdispersion: od === null ? null : { value: od.cv, se: od.se },
    days_used: used.length,
    first_date: first,
    last_date: last,
    notes,
    comparison,
  };
  return fit;
}

/** Observed vs fitted means over the days used. */
function compare(used: readonly Day[], f: Factors, byHour: number[] | null, templates: Array<number[] | null> | null): ArrivalFit['comparison'] {
  const mean = (values: readonly number[]) => (values.length === 0 ? 0 : sum(values) / values.length);
  const row = (label: string, group: readonly Day[], obs: (d: Day) => number, fit: (d: Day) => number): Comparison => ({
    label,
    days: group.length,
    observed: mean(group.map(obs)),
    fitted: mean(group.map(fit)),
  });
  const total = (d: Day) => d.total;
  const exp = (d: Day) => expected(f, d);
  const byWeekday = WEEKDAY_NAMES.map((name, wd) => row(name, used.filter((d) => d.weekday === wd), total, exp));
  const months = [...new Set(used.map((d) => d.month))].sort((a, b) => a - b);
  const byMonth = months.map((j) => row(MONTH_NAMES[j]!, used.filter((d) => d.month === j), total, exp));
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
  // Hourly shares of each weekday's shape (its template, else by_hour), for hourly comparisons.
  const pooled = byHour === null ? null : toHours(byHour);
  const hourShares = [0, 1, 2, 3, 4, 5, 6].map((wd) => {
    const own = templates?.[wd];
    return own ? toHours(own) : pooled;
  });
  const hourRows = (group: readonly Day[]) =>
    pooled === null
      ? []
      : pooled.map((_, h) => row(hourLabel(h), group, (d) => d.hours[h]!, (d) => exp(d) * hourShares[d.weekday]![h]!));
  return {
    by_weekday: byWeekday,
    by_month: byMonth,
    by_hour: hourRows(used),
    by_weekday_hour: WEEKDAY_NAMES.map((_, wd) => hourRows(used.filter((d) => d.weekday === wd))),
  };
}
