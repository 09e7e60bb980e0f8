import type { Scenario } from '../scenario/types.ts';
import type { Sampler } from '../dist/sampler.ts';
import type { Roster } from './roster.ts';
import type { OpenWindows } from './open-windows.ts';
import type { EventEffects } from './events.ts';
import type { CohortModel, WorkforceModel } from './workforce.ts';
import type { EffortModel } from './effort.ts';

/** Channel codes used inside the engine. */
export const VOICE = 0;
export const CHAT = 1;
export const EMAIL = 2;
export const CHANNELS = ['voice', 'chat', 'email'] as const;

/** Routing policy codes used inside the engine. */
export const ROUND_ROBIN = 0;
export const LONGEST_IDLE = 1;
export const SKILL_BASED = 2;

export interface SelfServiceModel {
  shareOffered: number;
  containment: number;
  duration: Sampler;
  costPerSession: number;
  failedHandleFactor: number;
}

export interface ContactTypeModel {
  id: string;
  channel: number;
  /** Arrival rate per second for each slot of `rateSeconds` (an hour or an interval) of the horizon, before the daily gamma factor. */
  rates: Float64Array;
  rateSeconds: number;
  /** Handle-time multipliers by slot of the day (applied when service starts), or null (all 1). */
  handleByTime: { slotSeconds: number; values: Float64Array } | null;
  /** When the type is open, over the horizon and the drain; null = always open. */
  open: OpenWindows | null;
  /** Contacts arriving while closed come back at the next opening with this probability... */
  closedRetryProbability: number;
  /** ...after this delay, counted from the opening. */
  closedRetryAfter: Sampler;
  overdispersionCv: number;
  handle: Sampler;
  patience: Sampler | null;
  retryProbability: number;
  retryAfter: Sampler | null;
  fcr: number;
  repeatAfter: Sampler;
  priority: number;
  serviceLevelSeconds: number;
  selfService: SelfServiceModel | null;
  /** Index of the type a repeat or retry of this type arrives as (`repeat_channel`; itself by default). */
  repeatTo: number;
}

export interface AgentGroupModel {
  id: string;
  /** Proficiency per contact type index; 0 = not skilled. */
  proficiency: Float64Array;
  roster: Roster;
  /** Share of scheduled agent-days absent; when > 0 each replication draws its own roster. */
  absence: number;
  /** The roster with absence drawn from `uniform` (same plan, breaks and scale as `roster`). */
  rosterWithAbsence: (uniform: () => number) => Roster;
  /** Pay of one second on a paid break: (hourly cost + overhead) / 3600 (no shrinkage: breaks are modelled). */
  costPerPaidBreakSecond: number;
  /** Cost of one logged-in second: (hourly cost + overhead) / (1 - shrinkage) / 3600. */
  costPerLoggedSecond: number;
  /** Paid hours per logged-in hour: 1 / (1 - shrinkage). */
  paidPerLogged: number;
  concurrency: number;
  /** Headcount, attrition and cohorts; null when the group uses neither attrition nor cohorts. */
  workforce: WorkforceModel | null;
}

/** A scenario compiled into what the simulation runs: seconds, indices and samplers only. */
export interface Model {
  scenario: Scenario;
  horizonSeconds: number;
  warmupSeconds: number;
  intervalSeconds: number;
  /** Intervals covering [0, horizon). */
  intervalCount: number;
  /** First interval that is reported (the one holding the end of the warm-up). */
  firstReportedInterval: number;
  /** How long the simulation may go on after the horizon so that contacts in hand finish. */
  drainSeconds: number;
  types: ContactTypeModel[];
  groups: AgentGroupModel[];
  policy: number;
  transferSeconds: number;
  costPerVoiceSecond: number;
  costPerAgentContact: number;
  /** What the run's reader should know (e.g. contacts offered while nobody can take them). */
  warnings: string[];
  /** Time-windowed changes (identity step functions when the scenario has no events). */
  effects: EventEffects;
  /** Every group's hiring classes, in group order. */
  cohorts: CohortModel[];
  /** Weeks in the weekly table (0: no weekly table), counted from `weekOrigin`. */
  weekCount: number;
  /** Start of the first week: the midnight at or before the end of the warm-up (seconds). */
  weekOrigin: number;
  /** Effort points per case (see effort.ts). */
  effort: EffortModel;
}
