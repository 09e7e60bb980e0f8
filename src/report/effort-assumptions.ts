/**
 * The effort points a run used, as rows of the report's assumptions: each driver, its points
 * and why it is there. The points are ccsim's defaults unless the scenario sets its own
 * (`experience.effort`); either way they are assumptions and the report says so.
 */
import { EFFORT_DEFAULTS, experienceOf } from '../scenario/experience.ts';
import type { EffortPoints, Scenario } from '../scenario/types.ts';

export interface EffortRow {
  driver: string;
  points: string;
  /** True where the scenario changed the default. */
  changed: boolean;
}

const n = (x: number): string => String(+x.toFixed(3));

export function effortRows(scenario: Scenario): EffortRow[] {
  const e = experienceOf(scenario).effort;
  const row = (key: keyof EffortPoints, driver: string, points: string): EffortRow => ({ driver, points, changed: e[key] !== EFFORT_DEFAULTS[key] });
  return [
    row('per_wait_minute', 'Waiting in an agent queue (all contacts of the case)', `${n(e.per_wait_minute)} per minute`),
    row('max_wait_points', 'Cap on the waiting points', n(e.max_wait_points)),
    row('abandon', 'Each abandoned contact', n(e.abandon)),
    row('transfer', 'Each transfer', n(e.transfer)),
    row('repeat', 'Each repeat contact (issue not resolved)', n(e.repeat)),
    row('self_service_failed', 'Each failed self-service session', n(e.self_service_failed)),
    row('channel_switch', 'Each contact on another channel than the first', n(e.channel_switch)),
    row('unresolved', 'Case lost, or open at the end', n(e.unresolved)),
    row('high_threshold', 'High effort: a score at or above', n(e.high_threshold)),
  ];
}

/** "chat → accounts" for every type whose repeats and retries arrive as another type. */
export function repeatChannels(scenario: Scenario): string[] {
  return scenario.contact_types.filter((t) => t.repeat_channel !== undefined && t.repeat_channel !== t.id).map((t) => `${t.id} → ${t.repeat_channel}`);
}
