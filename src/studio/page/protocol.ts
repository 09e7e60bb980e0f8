/** Messages between the page and its simulation workers. */
import type { Scenario } from '../../scenario/types.ts';
import type { Result } from '../../metrics/types.ts';

/** Run one replication of a scenario; `key` names the scenario so a worker compiles it once. */
export interface RunTask {
  run: number;
  key: string;
  scenario: Scenario;
  seed: number;
  replication: number;
}

export type TaskReply =
  | { run: number; key: string; replication: number; result: Result }
  | { run: number; key: string; replication: number; error: string };
