/**
 * Optional observers of one replication, for tests and diagnostics (e.g. that two plans on common
 * random numbers meet the same customers). Nothing is observed by default, and then the engine
 * pays one check of a constant boolean per first-contact arrival and nothing else.
 */
export interface RunTrace {
  /**
   * A first contact (a new case) of contact type index `type` arrived at `time`, seconds from the
   * start of the horizon. Repeats and retries are not first contacts and are not reported.
   */
  firstArrival?: (type: number, time: number) => void;
}
