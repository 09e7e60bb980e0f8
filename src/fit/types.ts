/**
 * What `ccsim fit` reads from an interval-history CSV and what it fits from it. Shared by the
 * reader, the fits, the scenario writer and the fit report.
 */

/** The fields a history column can stand for. */
export const FIELDS = [
  'date',
  'interval',
  'queue',
  'offered',
  'handled',
  'abandoned',
  'aht',
  'asa',
  'agents',
] as const;
export type Field = (typeof FIELDS)[number];

/** One usable row of history: one interval of one queue. Times in seconds. */
export interface HistoryRow {
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Start of the interval, minutes after midnight. */
  minute: number;
  /** Contact-type id the queue becomes. */
  queue: string;
  offered: number;
  /** Absent when the file has no such column (or no value where it is allowed to be empty). */
  handled?: number;
  abandoned?: number;
  aht?: number;
  asa?: number;
  agents?: number;
}

/** Why a row was not used. */
export type ProblemKind = 'fields' | 'missing' | 'negative' | 'large' | 'number' | 'date' | 'time' | 'grid' | 'duplicate' | 'counts';

export interface RowProblem {
  line: number;
  kind: ProblemKind;
  message: string;
}

/** The CSV after column matching and row checks. */
export interface History {
  file: string;
  /** Column name in the file -> the field it was read as. */
  columns: Array<{ column: string; field: Field; how: 'name' | 'alias' | 'map' }>;
  /** Columns that matched no field (not used). */
  ignoredColumns: string[];
  /** Data rows in the file (after the header; blank lines not counted). */
  rowsRead: number;
  rows: HistoryRow[];
  /** Every row not used, with its line; none is dropped without an entry here. */
  problems: RowProblem[];
  /** Inferred interval length in minutes; null when every day has a single interval. */
  intervalMinutes: number | null;
  /** Queue name in the file -> contact-type id. */
  queues: Array<{ name: string; id: string }>;
  /** Which optional fields the file has. */
  has: Record<'handled' | 'abandoned' | 'aht' | 'asa' | 'agents', boolean>;
  notes: string[];
}

/** A fitted value with its standard error, when one is known. */
export interface Estimate {
  value: number;
  se?: number;
}

/** A day far from its weekday x month expectation, written as `by_date`. */
export interface DatedOutlier {
  date: string;
  weekday: number;
  observed: number;
  expected: number;
  ratio: number;
}

/** One row of the observed-vs-fitted comparisons. `days` is how many days the means are over. */
export interface Comparison {
  label: string;
  days: number;
  observed: number;
  fitted: number;
}

/** Opening hours read off a history (fit/opening-hours.ts). */
export interface OpeningHoursFit {
  /** Mon..Sun: [open, close) in minutes of the day (1440 is midnight at the end), or null: closed. */
  by_weekday: Array<[number, number] | null>;
}

export interface ArrivalFit {
  /** Mean contacts per calendar day for a typical week and a typical covered month, outliers excluded. */
  per_day: number;
  per_day_se?: number;
  /** 24 (or one per 15- or 30-minute interval) shares of the day's contacts (sum 1), or null when not fitted (flat). */
  by_hour: number[] | null;
  /** [weekday Mon..Sun]: a weekday's own shape like by_hour, or null when it shares by_hour; null when no weekday has one. */
  intraday_by_weekday?: Array<number[] | null> | null;
  /** When contacts came, or null when around the clock (or the history has only daily totals). */
  open_hours?: OpeningHoursFit | null;
  /** 7 factors Mon..Sun (mean 1), or null when not fitted. */
  by_weekday: number[] | null;
  by_weekday_se: number[] | null;
  /** 12 factors Jan..Dec (mean 1 over covered months, 1 elsewhere), or null when not fitted. */
  by_month: number[] | null;
  by_month_se: number[] | null;
  /** Months (0 = Jan) with enough days to get a factor of their own. */
  months_covered: number[];
  by_date: DatedOutlier[];
  /** The outlier threshold k used: |observed - expected| > k sd. */
  outlier_k: number;
  /** null when not fitted. */
  overdispersion: Estimate | null;
  /** Days the fits used (outliers and excluded days not counted). */
  days_used: number;
  first_date: string;
  last_date: string;
  /** Why something was not fitted, what was excluded, and other things the user should know. */
  notes: string[];
  comparison: {
    by_weekday: Comparison[];
    by_month: Comparison[];
    /** 24 rows, hour of day, mean contacts per day in that hour over the days used. */
    by_hour: Comparison[];
    /** [weekday][hour]: mean contacts in that hour on that weekday, observed and fitted. */
    by_weekday_hour: Comparison[][];
  };
}

export interface HandleTimeFit {
  /** null when no interval had handled contacts with an AHT. */
  mean_seconds: number | null;
  mean_se?: number;
  /** Bounds of the contact-level cv implied by the spread of interval AHTs (null if too few intervals). */
  cv_lower: number | null;
  cv_upper: number | null;
  /** The cv written to the scenario (lognormal). */
  cv: number;
  cv_fitted: boolean;
  intervals: number;
  notes: string[];
}

export interface PatienceFit {
  /** null when it cannot be fitted (no asa column, no abandonment, no waiting). */
  mean_seconds: number | null;
  mean_se?: number;
  abandoned: number;
  waiting_seconds: number;
  notes: string[];
}

export interface TypeFit {
  id: string;
  /** The queue's name in the file. */
  queue: string;
  arrivals: ArrivalFit;
  handle_time: HandleTimeFit;
  patience: PatienceFit;
  /** 24 values, mean agents staffed by hour of day, when the file has an agents column. */
  agents_by_hour: number[] | null;
}

export interface FitResult {
  history: History;
  types: TypeFit[];
}
