/**
 * Customer effort per case, compiled: the points of `experience.effort` in the units the
 * engine counts in (seconds), and the score of a case from its points.
 *
 * A case's score is 1 + its points (capped at 7), where the points are what the customer went
 * through over the whole journey, on every channel: minutes waited in agent queues (capped),
 * abandoned contacts, transfers, repeat contacts, failed self-service, contacts on another
 * channel than the first, and an unresolved issue (lost, or open when the run stops).
 */
import { EFFORT_MAX, EFFORT_MIN, experienceOf } from '../scenario/experience.ts';
import type { Scenario } from '../scenario/types.ts';

export interface EffortModel {
  /** Points per second waited in an agent queue. */
  perWaitSecond: number;
  maxWaitPoints: number;
  abandon: number;
  transfer: number;
  repeat: number;
  selfServiceFailed: number;
  channelSwitch: number;
  unresolved: number;
  highThreshold: number;
}

export function compileEffort(scenario: Scenario): EffortModel {
  const e = experienceOf(scenario).effort;
  return {
    perWaitSecond: e.per_wait_minute / 60,
    maxWaitPoints: e.max_wait_points,
    abandon: e.abandon,
    transfer: e.transfer,
    repeat: e.repeat,
    selfServiceFailed: e.self_service_failed,
    channelSwitch: e.channel_switch,
    unresolved: e.unresolved,
    highThreshold: e.high_threshold,
  };
}

/** The score of a case: 1 + its event points + its (capped) waiting points, at most 7. */
export function effortScore(m: EffortModel, points: number, waitSeconds: number): number {
  const waitPoints = Math.min(m.maxWaitPoints, waitSeconds * m.perWaitSecond);
  return Math.min(EFFORT_MAX, EFFORT_MIN + points + waitPoints);
}
