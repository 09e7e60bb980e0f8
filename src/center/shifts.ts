import type { Uniform } from '../engine/random.ts';
import type { Model } from '../model/model.ts';
import type { Tally } from '../metrics/tally.ts';
import { AgentPool, A_LEAVING, A_ON } from './agents.ts';
import type { CohortBook } from './cohort-book.ts';
import type { IntervalBooks } from './interval-books.ts';
import { employeesByWeek, staffingFor, type GroupStaffing } from './workforce.ts';

/**
 * This replication's staffing per group: attrition drawn, absence drawn, events' absences
 * applied; and the employees at the end of each week, into the tally.
 */
export function replicationStaffing(model: Model, stream: (purpose: string) => Uniform, tally: Tally): GroupStaffing[] {
  const until = model.horizonSeconds + model.drainSeconds;
  // Absence has its own stream per group, made only when used (other draws do not move).
  const staffing = model.groups.map((g, gi) =>
    staffingFor(
      model,
      gi,
      until,
      g.workforce !== null && g.workforce.attritionPerSecond > 0 ? stream(`attrition:${g.id}`) : null,
      g.absence > 0 ? g.rosterWithAbsence(stream(`absence:${g.id}`)) : g.roster,
    ),
  );
  staffing.forEach((s) => {
    employeesByWeek(s, model.weekCount, model.weekOrigin, model.horizonSeconds).forEach((n, w) => (tally.weekEmployees[w]! += n));
  });
  return staffing;
}

/**
 * Agents coming on and going off duty as each group's roster changes, and the pay of their
 * logged-in time (and paid breaks). Agents leaving finish the contact in hand first; agents
 * arriving take waiting work at once (through `dispatch`, the contact center's).
 */
export class Shifts {
  private readonly rosterIndex: Int32Array;
  /** Agents of each group on a paid break now (paid, not logged in). */
  private readonly onPaidBreak: Int32Array;

  constructor(
    private readonly model: Model,
    private readonly staffing: GroupStaffing[],
    private readonly agents: AgentPool,
    private readonly cohorts: CohortBook,
    private readonly books: IntervalBooks,
    private readonly dispatch: (a: number) => void,
  ) {
    this.rosterIndex = new Int32Array(model.groups.length);
    this.onPaidBreak = new Int32Array(model.groups.length);
  }

  /** Group g's roster changes at `now`: apply it; returns when it changes next (-1: never). */
  rosterChange(g: number, now: number): number {
    const roster = this.staffing[g]!.roster;
    const i = this.rosterIndex[g]!;
    this.setStaff(g, roster.counts[i]!, now);
    this.onPaidBreak[g] = roster.paidBreak[i]!; // setStaff has accrued the stretch before
    this.rosterIndex[g] = i + 1;
    return i + 1 < roster.times.length ? roster.times[i + 1]! : -1;
  }

  /** Agent a ends its shift (nothing in hand). */
  logOut(a: number, now: number): void {
    this.accrueLogged(this.agents.group[a]!, now);
    this.cohorts.logOut(a, now);
    this.agents.logOut(a);
  }

  /** The run stops at `now`: pay the last stretch of logged-in time. */
  close(now: number): void {
    for (let g = 0; g < this.model.groups.length; g++) this.accrueLogged(g, now);
    this.cohorts.close(now);
  }

  /** Bring the number of agents on duty in group g to `target`. */
  private setStaff(g: number, target: number, now: number): void {
    const ag = this.agents;
    this.accrueLogged(g, now);
    let onDuty = ag.onDuty[g]!;
    const first = ag.first[g]!;
    const last = first + ag.size[g]!;
    // Call back agents who were finishing their last contact before leaving.
    for (let a = first; a < last && onDuty < target; a++) {
      if (ag.state[a] !== A_LEAVING) continue;
      ag.state[a] = A_ON;
      ag.onDuty[g]!++;
      onDuty++;
      if (ag.free[a]! > 0) this.dispatch(a);
    }
    while (onDuty < target) {
      const a = ag.logIn(g, now);
      this.cohorts.logIn(a, now);
      onDuty++;
      this.dispatch(a);
    }
    while (onDuty > target) {
      const a = ag.idlestToLeave(g);
      if (a >= 0) this.logOut(a, now);
      else {
        // Everyone is busy: the next one to finish leaves.
        for (let b = first; b < last; b++) {
          if (ag.state[b] === A_ON) {
            ag.markLeaving(b);
            break;
          }
        }
      }
      onDuty--;
    }
  }

  /** Logged-in time of group g since its last change, spread over intervals, with its pay. */
  private accrueLogged(g: number, now: number): void {
    const ag = this.agents;
    const since = ag.loggedSince[g]!;
    ag.loggedSince[g] = now;
    this.books.accrueLogged(this.model, g, ag.loggedIn[g]!, this.onPaidBreak[g]!, since, now);
  }
}
