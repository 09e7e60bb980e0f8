/** Requirements no finite staffing can meet, refused before any search (exit code 2). */

import { ScenarioError, type Problem } from '../errors.ts';
import type { Scenario } from '../scenario/types.ts';

/**
 * Problems that make a scenario's requirement impossible for any finite staffing. The loader has
 * already checked the ranges (shares in [0, 1], seconds >= 0); these are the values a staffing
 * search cannot meet.
 */
export function staffingProblems(scenario: Scenario): Problem[] {
  const sl = scenario.service_level;
  const problems: Problem[] = [];
  if (sl.target >= 1) {
    problems.push({ path: 'service_level.target', message: `expected a share below 1 for staffing, got ${sl.target} (no finite staffing answers every contact within the threshold)` });
  }
  if (sl.max_occupancy !== undefined && sl.max_occupancy <= 0) {
    problems.push({ path: 'service_level.max_occupancy', message: `expected a share above 0, got ${sl.max_occupancy} (agents who take contacts are busy some of the time)` });
  }
  if (sl.max_asa_seconds !== undefined && sl.max_asa_seconds <= 0) {
    problems.push({ path: 'service_level.max_asa_seconds', message: `expected a number above 0, got ${sl.max_asa_seconds} (with any load some contacts wait)` });
  }
  const patient = scenario.contact_types.filter((t) => t.patience !== null && t.channel !== 'email');
  if (sl.max_abandon_rate !== undefined && sl.max_abandon_rate <= 0 && patient.length > 0) {
    problems.push({
      path: 'service_level.max_abandon_rate',
      message: `expected a share above 0, got ${sl.max_abandon_rate} (contact type ${patient[0]!.id} has a patience, so some contacts abandon under any staffing)`,
    });
  }
  return problems;
}

/** Throws ScenarioError (exit code 2) when the scenario's requirement cannot be staffed. */
export function checkStaffable(scenario: Scenario): void {
  const problems = staffingProblems(scenario);
  if (problems.length > 0) throw new ScenarioError(scenario.source ?? scenario.name, problems);
}

