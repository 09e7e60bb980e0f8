import type { Model } from '../model/model.ts';
import { LogHistograms } from './log-histogram.ts';

/**
 * Counters a run streams into, in fixed-size typed arrays: one row of `FIELDS` per (reporting
 * interval, contact type). Contacts count in the interval in which they arrived; cases in the
 * interval in which they opened. Totals per interval and per type are sums of rows, made once
 * at the end. Memory does not grow with the number of contacts.
 *
 * The field offsets here are const enums: the CLI's bundler writes `grid[row + F.answered]` as
 * `grid[row + 5]`. As properties of an object, every booking loaded the offset and checked the
 * object's map first: 5-9% of the W1 run's instructions (callgrind, whole process).
 */
export const enum F {
  arrivals = 0,
  contained = 1,
  selfServiceTried = 2,
  repeats = 3,
  offered = 4,
  answered = 5,
  abandoned = 6,
  transfers = 7,
  answeredInSl = 8,
  waitSum = 9,
  waited = 10,
  handleSum = 11,
  voiceSeconds = 12,
  agentContacts = 13,
  cases = 14,
  casesReached = 15,
  casesFcr = 16,
  casesResolved = 17,
  casesLost = 18,
  ttrSum = 19,
  selfServiceCost = 20,
  leftWaiting = 21, // still queued when the run stopped
  leftInSelfService = 22,
  casesOpenAtEnd = 23,
  effortSum = 24, // effort scores of cases that ended (resolved or lost), by the case's first contact
  casesHighEffort = 25, // of those, cases scoring at or above the high-effort threshold
  effortOpenSum = 26, // effort so far of cases still open at the end (unresolved points included)
  closed = 27, // arrivals while their type was closed (not offered)
}
export const FIELDS = 28;

/** Time-based figures per interval, clipped to [warm-up, horizon). */
export const enum T {
  busy = 0, // agent-busy seconds (a chat slot counts 1/concurrency)
  logged = 1, // agent logged-in seconds
  paidHours = 2,
  agentCost = 3,
}
export const TIME_FIELDS = 4;

/** Figures per (interval, agent group), clipped to [warm-up, horizon); `handled` by arrival interval. */
export const enum G {
  busy = 0, // busy seconds (a chat slot counts 1/concurrency)
  logged = 1, // logged-in seconds
  paidHours = 2,
  cost = 3,
  handled = 4, // agent contacts (legs) the group's agents finished
}
export const GROUP_FIELDS = 5;

/** TTR histograms: 2^6 = 64 sub-bins per octave per type (<1.6% error), 2^3 per interval (<12.5%). */
export const TTR_SUB_BITS_TYPE = 6;
export const TTR_SUB_BITS_INTERVAL = 3;

/** Per event: contacts of its types born in its window (see metrics/events.ts). */
export const enum E { offered = 0, answeredInSl = 1, abandoned = 2, waitingAtEnd = 3 }
export const EVENT_FIELDS = 4;

/** Per (cohort, week): logged-in seconds, proficiency-seconds, contacts handled, handle seconds. */
export const enum W { logged = 0, rampSeconds = 1, handled = 2, handleSum = 3 }
export const COHORT_FIELDS = 4;

export interface Tally {
  /** Row (iv * typeCount + j) * FIELDS holds interval iv, type j. */
  grid: Float64Array;
  intervalTime: Float64Array; // intervalCount x TIME_FIELDS
  /** Busy seconds per (group, type) after the warm-up, for occupancy and cost per type. */
  groupBusy: Float64Array; // groupCount x typeCount
  groupLogged: Float64Array; // groupCount
  groupPaidHours: Float64Array;
  groupCost: Float64Array;
  /** Row (iv * groupCount + g) * GROUP_FIELDS holds interval iv, group g (see G). */
  groupTime: Float64Array;
  ttrByType: LogHistograms;
  ttrByInterval: LogHistograms;
  eventCounts: Float64Array; // events x EVENT_FIELDS
  cohortWeek: Float64Array; // (cohort * weeks + week) x COHORT_FIELDS
  /** Employees at the end of each week, all groups. */
  weekEmployees: Float64Array;
  /** Events the engine processed (for the benchmark). */
  events: number;
}

export function newTally(model: Model): Tally {
  const nT = model.types.length;
  const nG = model.groups.length;
  const nI = model.intervalCount;
  return {
    grid: new Float64Array(nI * nT * FIELDS),
    intervalTime: new Float64Array(nI * TIME_FIELDS),
    groupBusy: new Float64Array(nG * nT),
    groupLogged: new Float64Array(nG),
    groupPaidHours: new Float64Array(nG),
    groupCost: new Float64Array(nG),
    groupTime: new Float64Array(nI * nG * GROUP_FIELDS),
    ttrByType: new LogHistograms(nT, TTR_SUB_BITS_TYPE),
    ttrByInterval: new LogHistograms(nI, TTR_SUB_BITS_INTERVAL),
    eventCounts: new Float64Array(model.effects.events.length * EVENT_FIELDS),
    cohortWeek: new Float64Array(model.cohorts.length * model.weekCount * COHORT_FIELDS),
    weekEmployees: new Float64Array(model.weekCount),
    events: 0,
  };
}
