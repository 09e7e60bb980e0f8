/**
 * The intraday part of an arrival fit: the shape of a day (`by_hour`), at hourly resolution or
 * per interval of the history, and the weekdays whose shape differs enough to keep a template of
 * their own (`intraday_by_weekday`).
 *
 * 1. Resolution. With a 15- or 30-minute history on its clock grid, the per-interval shape is
 *    written when the history shows a shape within the hour: given each hour's total (pooled
 *    over the days used), its intervals' counts are multinomial with equal shares if the rate is
 *    flat within the hour (the day's gamma factor cancels). A chi-square test of that, p < 0.001,
 *    decides; otherwise 24 hourly values are enough (and less noisy).
 * 2. Weekday templates. Each weekday's counts by slot are tested against the other weekdays of
 *    the pool (a 2 x K contingency table, the likelihood-ratio G statistic, slots with fewer than
 *    5 expected contacts on either side merged into one cell), p < 0.001. A weekday that differs
 *    and moves at least 5% of its contacts to other slots (total variation distance) keeps its
 *    own shape; one that differs by less is said so and shares by_hour. The test is repeated
 *    among the remaining weekdays until no more leave the pool; by_hour is the pool's shape.
 * p-values use the Wilson-Hilferty normal approximation of the chi-square distribution.
 */

/** Normal quantile of 1 - 0.001. */
const Z_999 = 3.0902;
const MIN_MOVED = 0.05;
const MIN_EXPECTED = 5;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** One day of counts by slot of the day (24, 48 or 96 slots). */
export interface SlotDay {
  weekday: number;
  slots: number[];
}

export interface WeekdayShapeTest {
  weekday: number;
  days: number;
  /** Likelihood-ratio statistic and its degrees of freedom. */
  g: number;
  df: number;
  /** Share of the weekday's contacts that would have to move to match the pool (0..1). */
  moved: number;
  differs: boolean;
  kept: boolean;
}

export interface IntradayFit {
  slotMinutes: 15 | 30 | 60;
  /** Shares of the day's contacts by slot (sum 1). */
  by_hour: number[];
  /** [weekday]: its own shape (sum 1), or null when it shares by_hour. */
  templates: Array<number[] | null>;
  tests: WeekdayShapeTest[];
  notes: string[];
}

/** Whether a chi-square-distributed statistic with df degrees of freedom exceeds its 0.999 quantile. */
export function chiSquareSignificant(x2: number, df: number): boolean {
  if (df < 1) return false;
  const z = (Math.cbrt(x2 / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return z > Z_999;
}

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);

function totals(days: readonly SlotDay[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const d of days) d.slots.forEach((c, s) => (out[s]! += c));
  return out;
}

/** Fold a per-slot vector into hours. */
export function toHours(values: readonly number[]): number[] {
  const per = values.length / 24;
  return Array.from({ length: 24 }, (_, h) => sum(values.slice(h * per, h * per + per)));
}

/** Step 1: is the rate within the hour not flat? */
function shapeWithinHour(counts: readonly number[]): { g: number; df: number; significant: boolean } {
  const per = counts.length / 24;
  let x2 = 0;
  let df = 0;
  for (let h = 0; h < 24; h++) {
    const cells = counts.slice(h * per, h * per + per);
    const n = sum(cells);
    if (n <= 0) continue;
    const e = n / per;
    for (const c of cells) x2 += (c - e) ** 2 / e;
    df += per - 1;
  }
  return { g: x2, df, significant: chiSquareSignificant(x2, df) };
}

/** Step 2: the G statistic of a 2 x K table (weekday vs rest), sparse cells merged. */
function gTest(a: readonly number[], b: readonly number[]): { g: number; df: number } {
  const na = sum(a);
  const nb = sum(b);
  const n = na + nb;
  if (na <= 0 || nb <= 0) return { g: 0, df: 0 };
  const cells: Array<[number, number]> = [];
  let restA = 0;
  let restB = 0;
  a.forEach((x, s) => {
    const col = x + b[s]!;
    if ((col * na) / n >= MIN_EXPECTED && (col * nb) / n >= MIN_EXPECTED) cells.push([x, b[s]!]);
    else {
      restA += x;
      restB += b[s]!;
    }
  });
  if (restA + restB > 0) cells.push([restA, restB]);
  let g = 0;
  for (const [x, y] of cells) {
    const col = x + y;
    if (x > 0) g += 2 * x * Math.log(x / ((col * na) / n));
    if (y > 0) g += 2 * y * Math.log(y / ((col * nb) / n));
  }
  return { g, df: cells.length - 1 };
}

function shares(counts: readonly number[]): number[] {
  const n = sum(counts);
  return counts.map((c) => (n > 0 ? c / n : 1 / counts.length));
}

/**
 * Fit the intraday shape of `days` (every day with counts at the history's finest usable
 * resolution: 24, 48 or 96 slots).
 */
export function fitIntraday(days: readonly SlotDay[]): IntradayFit {
  const notes: string[] = [];
  let slotsPerDay = days[0]?.slots.length ?? 24;
  let use = days;
  if (slotsPerDay !== 24) {
    const within = shapeWithinHour(totals(days, slotsPerDay));
    const minutes = 1440 / slotsPerDay;
    if (within.significant) {
      notes.push(
        `by_hour: one value per ${minutes}-minute interval: the history's counts vary within the hour ` +
          `(chi-square ${within.g.toFixed(1)} on ${within.df} df, p < 0.001)`,
      );
    } else {
      notes.push(
        `by_hour: 24 hourly values: the history's ${minutes}-minute counts show no shape within the hour ` +
          `(chi-square ${within.g.toFixed(1)} on ${within.df} df, p >= 0.001)`,
      );
      use = days.map((d) => ({ weekday: d.weekday, slots: toHours(d.slots) }));
      slotsPerDay = 24;
    }
  }

  const byWeekday = Array.from({ length: 7 }, (_, wd) => use.filter((d) => d.weekday === wd));
  const counts = byWeekday.map((group) => totals(group, slotsPerDay));
  const tests: WeekdayShapeTest[] = [];
  const kept = new Set<number>();
  const tested = new Map<number, WeekdayShapeTest>();
  // Greedy: the weekday that differs most leaves the pool first, so that (say) Saturday's shape
  // in the pool does not make Monday look different from "the rest".
  for (let round = 0; round < 7; round++) {
    const pool = [0, 1, 2, 3, 4, 5, 6].filter((wd) => !kept.has(wd) && byWeekday[wd]!.length > 0);
    let worst: WeekdayShapeTest | undefined;
    let worstZ = -Infinity;
    for (const wd of pool) {
      if (byWeekday[wd]!.length < 2 || sum(counts[wd]!) <= 0) continue;
      const rest = new Array<number>(slotsPerDay).fill(0);
      for (const other of pool) if (other !== wd) counts[other]!.forEach((c, s) => (rest[s]! += c));
      const { g, df } = gTest(counts[wd]!, rest);
      const own = shares(counts[wd]!);
      const them = shares(rest);
      const moved = sum(own.map((p, s) => Math.abs(p - them[s]!))) / 2;
      const differs = sum(rest) > 0 && chiSquareSignificant(g, df);
      const test: WeekdayShapeTest = { weekday: wd, days: byWeekday[wd]!.length, g, df, moved, differs, kept: false };
      tested.set(wd, test);
      const z = df > 0 ? (Math.cbrt(g / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df)) : -Infinity;
      if (differs && moved >= MIN_MOVED && z > worstZ) {
        worst = test;
        worstZ = z;
      }
    }
    if (worst === undefined) break;
    worst.kept = true;
    kept.add(worst.weekday);
  }
  tests.push(...[...tested.values()].sort((a, b) => a.weekday - b.weekday));

  const poolDays = [0, 1, 2, 3, 4, 5, 6].filter((wd) => !kept.has(wd));
  const poolCounts = new Array<number>(slotsPerDay).fill(0);
  for (const wd of poolDays) counts[wd]!.forEach((c, s) => (poolCounts[s]! += c));
  const byHour = sum(poolCounts) > 0 ? shares(poolCounts) : shares(totals(use, slotsPerDay));
  const templates = [0, 1, 2, 3, 4, 5, 6].map((wd) => (kept.has(wd) ? shares(counts[wd]!) : null));

  const name = (t: WeekdayShapeTest) => `${WEEKDAY_NAMES[t.weekday]} (G ${t.g.toFixed(1)} on ${t.df} df, ${(t.moved * 100).toFixed(0)}% moved)`;
  const differ = tests.filter((t) => t.differs);
  if (differ.length === 0 && tests.length > 0) {
    notes.push('weekday shapes: no weekday differs significantly from the others (p >= 0.001); one by_hour for every day');
  } else if (differ.length > 0) {
    notes.push(`weekday shapes differ significantly (p < 0.001) on ${differ.map(name).join(', ')}`);
    const keptTests = differ.filter((t) => t.kept);
    const small = differ.filter((t) => !t.kept);
    if (keptTests.length > 0) {
      notes.push(`intraday_by_weekday: kept a template of its own for ${keptTests.map((t) => WEEKDAY_NAMES[t.weekday]).join(', ')}; the other days share by_hour`);
    }
    if (small.length > 0) {
      notes.push(
        `${small.map((t) => WEEKDAY_NAMES[t.weekday]).join(', ')}: significant but under ${MIN_MOVED * 100}% of contacts moved: no template kept (shares by_hour)`,
      );
    }
  }
  return { slotMinutes: (1440 / slotsPerDay) as 15 | 30 | 60, by_hour: byHour, templates, tests, notes };
}
