/**
 * How much work a command asks for, estimated before any simulating, and the limits beyond
 * which it is refused (issue 15): a billion replications, a million-point sweep or an arrival
 * rate of millions per hour for years would otherwise run for hours at gigabytes with nothing
 * printed, or die out of memory. The estimate is the expected number of contacts arriving
 * (first attempts; retries and repeats come on top), from the compiled arrival rates.
 *
 * The limits are in the README ("Numeric limits"). The estimated time is a matter of patience,
 * so a flag (`--allow-long`) lifts it; the per-replication and replication limits are a matter
 * of memory and stay.
 */
import { UserError } from '../errors.ts';
import type { Model } from '../model/model.ts';
import { CATALOGUE } from '../metrics/catalogue.ts';
import { GROUP_FIELDS } from '../metrics/field-catalogue.ts';

/** Expected contacts in one replication: beyond this, a replication may not fit in memory. */
export const MAX_CONTACTS_PER_REPLICATION = 50_000_000;
/** Contacts simulated per second on one core (README, Performance: 2.3-2.8M). */
export const CONTACTS_PER_SECOND = 2_500_000;
/** Fixed cost of one replication (compile, start, summarise, hand-over), seconds. */
export const SECONDS_PER_REPLICATION = 0.02;
/**
 * On a machine of two cores or fewer, the expected contacts per replication from which a command
 * left at its default `--jobs` runs its replications on both cores; below, in process. (With more
 * cores the default is every core.) Each worker thread loads the simulator and
 * warms it up on its own, and hands its results back by copy, and on a two-core machine
 * (Dec 2026, CLI, --json) that cost more than it saved for every bundled scenario: the bank's
 * day (37k contacts), 12 replications 2.55 s in process against 3.49 s on two threads; a
 * quarter of tech support (262k contacts, 8,640 intervals), 6 replications 7.2 s against 9.0 s.
 * W1 (M/M/100) at 500k contacts, 6 replications, was the first to gain: 2.18 s against 1.86 s.
 */
export const PARALLEL_MIN_CONTACTS = 500_000;
/** The most one command may take on one core, by the estimate, seconds (half an hour). */
export const MAX_ESTIMATED_SECONDS = 1800;
/** Replications of one plan or point (each keeps its result until they are combined). */
export const MAX_REPLICATIONS = 10_000;

/**
 * The longest file a simulation may write, in characters. Its summary.json and metrics.csv are
 * each made as one string, and V8 refuses a string beyond 2^29 characters (about 536 million:
 * a result of 1,000 contact types over a week at 15 minutes failed there, as an internal
 * error). metrics.csv is the longer, one line per figure; this leaves a tenth spare.
 */
export const MAX_FILE_CHARS = 480_000_000;

/**
 * Characters of a metrics.csv line besides the scenario's name and the type or group id: the
 * level, date, time, weekday and interval start, the metric, unit, value and 95% interval.
 * Measured at 68 on a week at 15 minutes of 177 types with two replications (419 MB for 4.79M
 * lines); with one replication the interval cells are empty and a line is shorter.
 */
const CSV_LINE_CHARS = 75;

/**
 * About how many characters the run's metrics.csv takes: per reported interval, a line per
 * metric for the interval and for each contact type, and a line per group figure for each group,
 * each carrying the scenario's name and the type's or group's id.
 */
export function estimatedMetricsCsvChars(model: Model): number {
  const intervals = Math.max(0, model.intervalCount - model.firstReportedInterval);
  const name = model.scenario.name.length;
  const metrics = CATALOGUE.length;
  let perInterval = metrics * (CSV_LINE_CHARS + name + 'all'.length * 2);
  for (const t of model.types) perInterval += metrics * (CSV_LINE_CHARS + name + t.id.length + 'all'.length);
  for (const g of model.groups) perInterval += GROUP_FIELDS.length * (CSV_LINE_CHARS + name + g.id.length + 'all'.length);
  return intervals * perInterval;
}

/** Throws WorkLimitError when a simulation's result would be longer than its files can hold. */
export function checkResultSize(model: Model): void {
  const chars = estimatedMetricsCsvChars(model);
  if (chars <= MAX_FILE_CHARS) return;
  const intervals = model.intervalCount - model.firstReportedInterval;
  const mb = (n: number): string => `${fmt(n / 1e6)} MB`;
  throw new WorkLimitError(
    `the result's metrics.csv would take about ${mb(chars)} (${count(intervals, 'reported interval')} x (${count(model.types.length, 'contact type')} + ${count(model.groups.length, 'agent group')})); ` +
      `the limit is ${mb(MAX_FILE_CHARS)}, about the longest text ccsim can write: use longer intervals (horizon.interval_minutes), fewer days, or fewer contact types or groups`,
    chars,
    MAX_FILE_CHARS,
  );
}

/** A command refused before it starts because its estimated work is beyond a limit. */
export class WorkLimitError extends UserError {
  constructor(
    message: string,
    readonly estimate: number,
    readonly limit: number,
  ) {
    super(message);
    this.name = 'WorkLimitError';
  }
}

/**
 * Expected arriving contacts over the horizon (and the warm-up) of one replication: each type's
 * rate by slot, times its events' arrival factors where they apply. (Overlapping events multiply:
 * a thousand overlapping factors of 1.1 make the rate 2.5 x 10^41 times higher, which the estimate
 * without them let run as if it were 100 contacts an hour.)
 */
export function expectedContacts(model: Model): number {
  let total = 0;
  model.types.forEach((t, j) => {
    const rates = t.rates;
    const slot = t.rateSeconds;
    const factor = model.effects.arrivalFactor[j];
    let k = 0; // the factor's step in force at the start of the slot (slots come in order)
    for (let h = 0; h < rates.length; h++) {
      // The last slot (an hour or an interval) may be partial.
      const lo = h * slot;
      const hi = Math.min((h + 1) * slot, model.horizonSeconds);
      if (!(hi > lo) || rates[h] === 0) continue;
      if (factor === undefined) {
        total += rates[h]! * (hi - lo);
        continue;
      }
      // The factor is a step function: value k holds from times[k] until times[k + 1].
      const times = factor.times;
      while (k + 1 < times.length && times[k + 1]! <= lo) k++;
      let seconds = 0;
      for (let i = k, from = lo; from < hi; i++) {
        const to = i + 1 < times.length ? Math.min(hi, times[i + 1]!) : hi;
        seconds += factor.values[i]! * (to - from);
        from = to;
      }
      total += rates[h]! * seconds;
    }
  });
  return total;
}

export interface WorkPlan {
  /** Expected contacts in one replication (of the largest plan). */
  contactsPerReplication: number;
  /** Replications per plan or point (with --target-ci, the most it may run). */
  replications: number;
  /** Plans compared or grid points run (1 for simulate). */
  runs: number;
  /** `--allow-long`: lift the total limit. */
  allowLong?: boolean | undefined;
}

/** Seconds on one core: the contacts at CONTACTS_PER_SECOND plus each replication's fixed cost. */
export function estimatedSeconds(plan: WorkPlan): number {
  const runs = plan.replications * plan.runs;
  return (plan.contactsPerReplication * runs) / CONTACTS_PER_SECOND + runs * SECONDS_PER_REPLICATION;
}

function minutes(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds >= 1e9) return `${seconds.toExponential(1)} seconds`;
  return seconds < 3600 ? `${Math.ceil(seconds / 60)} minutes` : `${(seconds / 3600).toLocaleString('en-US', { maximumFractionDigits: 1 })} hours`;
}

/** `about 1,234`, or, for an estimate beyond doubles (events multiplying without end), what it is. */
const about = (n: number): string => (Number.isFinite(n) ? `about ${fmt(n)}` : 'more than 10^308');
const count = (n: number, what: string): string => `${fmt(n)} ${what}${n === 1 ? '' : 's'}`;
const fmt = (n: number): string => (n >= 1e15 || !Number.isFinite(n) ? n.toExponential(2) : Math.round(n).toLocaleString('en-US'));

/** Throws WorkLimitError when the plan is beyond a limit; the message states estimate and limit. */
export function checkWork(plan: WorkPlan): void {
  if (plan.replications > MAX_REPLICATIONS) {
    throw new WorkLimitError(
      `${fmt(plan.replications)} replications asked for; the limit is ${fmt(MAX_REPLICATIONS)} (each is kept until they are combined)`,
      plan.replications,
      MAX_REPLICATIONS,
    );
  }
  if (!(plan.contactsPerReplication <= MAX_CONTACTS_PER_REPLICATION)) {
    throw new WorkLimitError(
      `one replication would simulate ${about(plan.contactsPerReplication)} contacts; the limit is ${fmt(MAX_CONTACTS_PER_REPLICATION)} per replication (shorten horizon.days, or lower the arrival rates or the events' arrivals_factor)`,
      plan.contactsPerReplication,
      MAX_CONTACTS_PER_REPLICATION,
    );
  }
  const runs = plan.replications * plan.runs;
  const contacts = plan.contactsPerReplication * runs;
  const seconds = estimatedSeconds(plan);
  if (plan.allowLong !== true && !(seconds <= MAX_ESTIMATED_SECONDS)) {
    const parts = [`${fmt(plan.contactsPerReplication)} contacts per replication`, `${fmt(plan.replications)} replication${plan.replications === 1 ? '' : 's'}`];
    if (plan.runs > 1) parts.push(`${fmt(plan.runs)} plans or grid points`);
    throw new WorkLimitError(
      `this would simulate ${about(contacts)} contacts in ${fmt(runs)} runs (${parts.join(' x ')}), about ${minutes(seconds)} on one core; the limit is ${minutes(MAX_ESTIMATED_SECONDS)}: give fewer replications or points, or add --allow-long to run it anyway`,
      seconds,
      MAX_ESTIMATED_SECONDS,
    );
  }
}
