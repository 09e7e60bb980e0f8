/**
 * The default effort points of the scenario format (`experience.effort`). They are assumptions,
 * stated in the README and in every report: the drivers (waiting, abandoning, transfers,
 * repeat contacts, failed self-service, switching channel, an unresolved issue) are the ones
 * published customer-effort research names; the sizes are a starting point for a user's own.
 */
import type { EffortPoints, Experience } from './types.ts';

export const EFFORT_DEFAULTS: Readonly<EffortPoints> = Object.freeze({
  per_wait_minute: 0.1,
  max_wait_points: 2,
  abandon: 1,
  transfer: 1,
  repeat: 1.5,
  self_service_failed: 0.5,
  channel_switch: 0.5,
  unresolved: 2,
  high_threshold: 5,
});

/** The effort scale: 1 (effortless) to 7 (very hard). */
export const EFFORT_MIN = 1;
export const EFFORT_MAX = 7;

/** A scenario's experience settings, the defaults where it has none (a scenario built in code). */
export function experienceOf(scenario: { experience?: Experience | undefined }): Experience {
  return scenario.experience ?? { effort: { ...EFFORT_DEFAULTS } };
}
