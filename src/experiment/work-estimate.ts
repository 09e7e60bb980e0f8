/**
 * How much work a command asks for, estimated before any simulating, and the limits beyond
 * which it is refused (issue 15): a billion replications, a million-point sweep or an arrival
 * rate of millions per hour for years would otherwise run for hours at gigabytes with nothing
 * printed, or die out of memory. The estimate is the expected number of contacts arriving
 * (first attempts; retries and repeats come on top), from the compiled arrival rates.
 *
 * The limits are in the README ("Numeric limits"). The total is a matter of patience, so a flag
 * (`--allow-long`) lifts it; the per-replication limit is a matter of memory and stays.
 */
import { UserError } from '../errors.ts';
import type { Model } from '../model/model.ts';

/** Expected contacts in one replication: beyond this, a replication may not fit in memory. */
export const MAX_CONTACTS_PER_REPLICATION = 50_000_000;
/** Expected contacts in all the replications of one command (about half an hour at 2.5M/s). */
export const MAX_TOTAL_CONTACTS = 5_000_000_000;
/** Replications of one plan or point (each keeps its result until they are combined). */
export const MAX_REPLICATIONS = 100_000;

/** A command refused before it starts because its estimated work is beyond a limit. */
export class WorkLimitError extends UserError {
  constructor(
    message: string,
    readonly estimate: number,
    readonly limit: number,
  ) {
    super(message);
    this.name = 'WorkLimitError';
  }
}

/** Expected arriving contacts over the horizon (and the warm-up) of one replication. */
export function expectedContacts(model: Model): number {
  let total = 0;
  for (const t of model.types) {
    const rates = t.hourlyRates;
    const hours = rates.length;
    for (let h = 0; h < hours; h++) {
      // The last hour may be partial.
      const seconds = Math.min(3600, model.horizonSeconds - h * 3600);
      total += rates[h]! * Math.max(0, seconds);
    }
  }
  return total;
}

export interface WorkPlan {
  /** Expected contacts in one replication (of the largest plan). */
  contactsPerReplication: number;
  /** Replications per plan or point (with --target-ci, the most it may run). */
  replications: number;
  /** Plans compared or grid points run (1 for simulate). */
  runs: number;
  /** `--allow-long`: lift the total limit. */
  allowLong?: boolean | undefined;
}

const fmt = (n: number): string => (n >= 1e15 || !Number.isFinite(n) ? n.toExponential(2) : Math.round(n).toLocaleString('en-US'));

/** Throws WorkLimitError when the plan is beyond a limit; the message states estimate and limit. */
export function checkWork(plan: WorkPlan): void {
  if (plan.replications > MAX_REPLICATIONS) {
    throw new WorkLimitError(
      `${fmt(plan.replications)} replications asked for; the limit is ${fmt(MAX_REPLICATIONS)} (each is kept until they are combined)`,
      plan.replications,
      MAX_REPLICATIONS,
    );
  }
  if (!(plan.contactsPerReplication <= MAX_CONTACTS_PER_REPLICATION)) {
    throw new WorkLimitError(
      `one replication would simulate about ${fmt(plan.contactsPerReplication)} contacts; the limit is ${fmt(MAX_CONTACTS_PER_REPLICATION)} per replication (shorten horizon.days or lower the arrival rates)`,
      plan.contactsPerReplication,
      MAX_CONTACTS_PER_REPLICATION,
    );
  }
  const total = plan.contactsPerReplication * plan.replications * plan.runs;
  if (plan.allowLong !== true && !(total <= MAX_TOTAL_CONTACTS)) {
    const parts = [`${fmt(plan.contactsPerReplication)} contacts per replication`, `${fmt(plan.replications)} replications`];
    if (plan.runs > 1) parts.push(`${fmt(plan.runs)} plans or grid points`);
    throw new WorkLimitError(
      `this would simulate about ${fmt(total)} contacts (${parts.join(' x ')}); the limit is ${fmt(MAX_TOTAL_CONTACTS)}, about half an hour of simulating: give fewer replications or points, or add --allow-long to run it anyway`,
      total,
      MAX_TOTAL_CONTACTS,
    );
  }
}
