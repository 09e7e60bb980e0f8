import type { Model } from '../model/model.ts';
import { isoDateOf } from '../model/calendar.ts';
import { SECONDS_PER_WEEK } from '../model/workforce.ts';
import { COHORT_FIELDS, F, FIELDS, T, TIME_FIELDS, W, type Tally } from './tally.ts';
import type { CohortWeekMetrics, WeekMetrics } from './types.ts';

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The weekly table of a multi-week run: mean agents logged in, employees at the week's end, the
 * mean proficiency share of the agents on line (1 = fully trained; time-weighted), and AHT and
 * FCR of the contacts that arrived in the week; per cohort its members on line, their mean
 * proficiency share and the AHT of the contacts they handled (by start of handling).
 */
export function weeklyMetrics(model: Model, tally: Tally): WeekMetrics[] {
  const out: WeekMetrics[] = [];
  const nT = model.types.length;
  const len = model.intervalSeconds;
  for (let w = 0; w < model.weekCount; w++) {
    const weekStart = model.weekOrigin + w * SECONDS_PER_WEEK;
    const weekEnd = weekStart + SECONDS_PER_WEEK;
    const lo = Math.max(weekStart, model.warmupSeconds);
    const hi = Math.min(weekEnd, model.horizonSeconds);
    if (hi <= lo) continue;
    let logged = 0;
    let handleSum = 0;
    let answered = 0;
    let fcr = 0;
    let reached = 0;
    for (let iv = model.firstReportedInterval; iv < model.intervalCount; iv++) {
      const start = iv * len;
      if (start < weekStart || start >= weekEnd) continue;
      logged += tally.intervalTime[iv * TIME_FIELDS + T.logged]!;
      for (let j = 0; j < nT; j++) {
        const row = (iv * nT + j) * FIELDS;
        handleSum += tally.grid[row + F.handleSum]!;
        answered += tally.grid[row + F.answered]!;
        fcr += tally.grid[row + F.casesFcr]!;
        reached += tally.grid[row + F.casesReached]!;
      }
    }
    // Proficiency-seconds: everyone at 1, less what ramping cohort members lack.
    let lacking = 0;
    const cohorts: Record<string, CohortWeekMetrics> = {};
    model.cohorts.forEach((c, q) => {
      const row = (q * model.weekCount + w) * COHORT_FIELDS;
      const cl = tally.cohortWeek[row + W.logged]!;
      const ramp = tally.cohortWeek[row + W.rampSeconds]!;
      lacking += cl - ramp;
      cohorts[c.id] = {
        agents: cl / (hi - lo),
        proficiency: ratio(ramp, cl),
        aht_seconds: ratio(tally.cohortWeek[row + W.handleSum]!, tally.cohortWeek[row + W.handled]!),
        handled: tally.cohortWeek[row + W.handled]!,
      };
    });
    out.push({
      week_start: isoDateOf(model.scenario.horizon.start, Math.round(weekStart / 86_400)),
      agents: logged / (hi - lo),
      employees: tally.weekEmployees[w]!,
      mean_proficiency: ratio(logged - lacking, logged),
      aht_seconds: ratio(handleSum, answered),
      fcr: ratio(fcr, reached),
      answered,
      cases_reached: reached,
      cohorts,
    });
  }
  return out;
}
