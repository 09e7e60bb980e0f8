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
  /**
   * How far the run has got, told every 65,536 events (simulated seconds, and the horizon), so
   * a long single run can show progress; one mask test per event when absent.
   */
  progress?: (simulatedSeconds: number, horizonSeconds: number) => void;
}
