/**
 * A scenario after loading and validation: every default applied, every time in seconds.
 *
 * This is the one shape the rest of ccsim reads. The file format (documented in the README)
 * allows `mean_minutes`/`mean_hours` and omitted keys; the loader turns all of that into this.
 */

export type Channel = 'voice' | 'chat' | 'email';
export type RoutingPolicy = 'round_robin' | 'longest_idle' | 'skill_based';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A non-negative random duration, in seconds. */
export type Distribution =
  | { distribution: 'exponential'; mean_seconds: number }
  | { distribution: 'lognormal'; mean_seconds: number; cv: number }
  | { distribution: 'gamma'; mean_seconds: number; cv: number }
  | { distribution: 'deterministic'; mean_seconds: number }
  | { distribution: 'empirical'; values_seconds: number[] }
  | { distribution: 'mixture'; parts: Array<{ weight: number; dist: Distribution }> };

export interface Arrivals {
  /** A flat rate, 24 hour-of-day rates or one rate per interval of the day, per hour. Exactly one of per_hour / per_day. */
  per_hour?: number | number[];
  per_day?: number;
  /** 24 (or one per interval of the day) relative weights for per_day (flat when absent). */
  by_hour?: number[];
  by_weekday: number[]; // 7, Mon..Sun
  by_month: number[]; // 12, Jan..Dec
  by_date: Record<string, number>; // ISO date -> multiplier
  overdispersion_cv: number;
  /** A weekday's own intraday shape (like by_hour); weekdays not listed use by_hour. */
  intraday_by_weekday?: Partial<Record<Weekday, number[]>>;
  /** Multiplies the whole rate; absent = 1. */
  scale?: number;
}

/**
 * Opening hours, normalised: for each weekday the open stretches as [from, to) in minutes after
 * that day's midnight, sorted and not overlapping (empty = closed all day).
 */
export type OpenHours = Record<Weekday, Array<[number, number]>>;

export interface WhenClosed {
  retry_probability: number;
  after: Distribution;
}

export interface SelfService {
  share_offered: number;
  containment: number;
  duration: Distribution;
  cost_per_session: number;
  failed_handle_time_factor: number;
}

export interface Retry {
  probability: number;
  after: Distribution;
}

export interface ContactType {
  id: string;
  channel: Channel;
  arrivals: Arrivals;
  handle_time: Distribution;
  patience: Distribution | null;
  retry: Retry | null;
  fcr: number;
  repeat_after: Distribution;
  priority: number;
  service_level_seconds: number;
  self_service: SelfService | null;
  /** The contact type a repeat or retry of this type arrives as (absent: this type itself). */
  repeat_channel?: string;
  /** 24 or one-per-interval multipliers of the handle-time mean by time of day; absent = all 1. */
  handle_time_by_hour?: number[];
  /** When this type is served (its own, else the scenario's); absent = always open. */
  open_hours?: OpenHours;
  /** What a contact arriving while closed does; absent = it does not come back. */
  when_closed?: WhenClosed;
}

export interface ShiftBreak {
  after_hours: number; // centre of the break window, hours after the shift start
  minutes: number;
  paid: boolean;
}

export interface Shift {
  start: string; // "HH:MM"
  hours: number;
  agents: number;
  days: Weekday[];
  /** Optional in code-built scenarios (none; window 60 minutes); the loader always sets them. */
  breaks?: ShiftBreak[];
  break_window_minutes?: number;
}

/**
 * A shift `ccsim staff` may roster (a group's `shift_templates`): a daily shift (start, length,
 * breaks) and the weekly patterns of working days an agent on it may have. Without `days_on` or
 * `patterns`, every weekday in `days` is rostered on its own (an agent-day at a time).
 */
export interface ShiftTemplate {
  start: string; // "HH:MM"
  hours: number;
  /** Weekdays the shift may be worked (default all seven); `days_on` patterns stay inside them. */
  days: Weekday[];
  /** A week of `days_on` consecutive working days and 7 − days_on consecutive rest days, any start day. */
  days_on?: number;
  /** Weeks listed day by day, e.g. [[mon, tue, thu, fri, sat]] (instead of `days_on`). */
  patterns?: Weekday[][];
  breaks?: ShiftBreak[];
  break_window_minutes?: number;
}

/** Exactly one of `agents` and `shifts` is set. */
export type Staffing =
  | { kind: 'constant'; agents: number }
  | { kind: 'hourly'; agents: number[] } // 24 values, hour of day
  | { kind: 'by_interval'; agents: number[] } // one per interval of a day, a week (from Monday) or the horizon
  | { kind: 'shifts'; shifts: Shift[] };

export interface AgentGroup {
  id: string;
  skills: Record<string, number>; // contact type id -> proficiency (0, 1]
  staffing: Staffing;
  hourly_cost: number;
  shrinkage: number;
  concurrency: number;
  /** Multiplies every staffing count (rounded to whole agents per interval or shift). */
  staffing_scale?: number; // default 1
  /** Each day, each scheduled agent is absent (not logged in, not paid) with this probability. */
  absence?: number; // default 0
  /** What `ccsim staff` may roster this group with; absent: its `shifts`, one weekday at a time. */
  shift_templates?: ShiftTemplate[];
  /** Workforce over the horizon (see workforce.ts in model/): absent when neither is used. */
  headcount?: number;
  attrition_per_year?: number;
  cohorts?: Cohort[];
}

/** A class of new hires: joins on `start`, proficiency ramps from `from` to 1 over `weeks`. */
export interface Cohort {
  start: string; // ISO date
  agents: number;
  ramp: { weeks: number; from: number };
}

/** A time-windowed change (an incident, an outage, a campaign). `from`/`to`: "YYYY-MM-DDTHH:MM". */
export interface ScenarioEvent {
  name: string;
  from: string;
  to: string;
  /** Contact types the changes apply to; null = all. */
  types: string[] | null;
  arrivals_factor: number;
  handle_time_factor: number;
  self_service_down: boolean;
  /** group id -> agents not logged in during the window. */
  agents_absent: Record<string, number>;
}

export interface Scenario {
  name: string;
  seed: number;
  horizon: {
    start: string; // ISO date, YYYY-MM-DD
    days: number;
    interval_minutes: 15 | 30 | 60;
    warmup_hours: number;
  };
  service_level: {
    threshold_seconds: number;
    target: number;
    /** Optional caps a staffing search must also respect. */
    max_abandon_rate?: number;
    max_asa_seconds?: number;
    max_occupancy?: number;
  };
  contact_types: ContactType[];
  agent_groups: AgentGroup[];
  routing: { policy: RoutingPolicy; transfer_seconds: number };
  costs: { per_minute_voice: number; per_contact: number; overhead_per_agent_hour: number; /** ISO 4217 code shown beside amounts. */ currency?: string };
  /** Scenario-wide opening hours (each type's `open_hours` already falls back to these). */
  open_hours?: OpenHours;
  /** Incidents and other time-windowed changes (absent: none). */
  events?: ScenarioEvent[];
  /** How effort is scored per case (absent in a scenario built in code: the defaults). */
  experience?: Experience;
  /** A blended score of the plan (absent: none). */
  scorecard?: ScorecardEntry[];
  /** Where it was loaded from, when it came from a file. */
  source?: string;
}

/** Effort points per case (SCENARIO.md, Experience): stated assumptions a user can change. */
export interface EffortPoints {
  per_wait_minute: number;
  max_wait_points: number;
  abandon: number;
  transfer: number;
  repeat: number;
  self_service_failed: number;
  channel_switch: number;
  unresolved: number;
  high_threshold: number;
}

export interface Experience {
  effort: EffortPoints;
}

/** One part of a scorecard: a metric, its target and its weight. */
export interface ScorecardEntry {
  metric: string;
  target: number;
  weight: number;
}
