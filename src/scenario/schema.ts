/**
 * The scenario FILE format (SCENARIO.md) as zod schemas, and the one place where defaults are
 * applied and the file's conveniences (mean_minutes, bare-number distributions, agents vs
 * shifts) are turned into the normalized `Scenario`.
 *
 * Objects reject unknown keys: a typo must be an error, never a silent fall-back to a default.
 * Every schema carries its own message so that a problem reads "expected X, got Y".
 */
// zod/mini, not the classic `zod`: the same validation core, checks and messages, without the
// classic API's chainable schema classes, whose loading every command reading a scenario paid.
// (While another module still imports the classic `zod`, the CLI bundle's shared zod chunk keeps
// every locale and the JSON-schema code: ~420 KB where zod/mini alone is ~20 KB.)
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { MSG, WHAT, expected, expectedList, oneOf } from './messages.ts';
import { parseOpenHours } from './open-hours.ts';
import { isCurrencyCode } from './currency.ts';
import { EFFORT_DEFAULTS } from './experience.ts';
import { SCORABLE_METRICS, directionOf } from './metric-directions.ts';
import type {
  AgentGroup,
  Arrivals,
  Channel,
  Cohort,
  ContactType,
  Distribution,
  OpenHours,
  RoutingPolicy,
  Scenario,
  ScenarioEvent,
  SelfService,
  Shift,
  ShiftBreak,
  ShiftTemplate,
  Staffing,
  Weekday,
} from './types.ts';

export const CHANNELS = ['voice', 'chat', 'email'] as const satisfies readonly Channel[];
export const POLICIES = ['round_robin', 'longest_idle', 'skill_based'] as const satisfies readonly RoutingPolicy[];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];
export const INTERVAL_MINUTES = [15, 30, 60] as const;
export const DISTRIBUTIONS = ['exponential', 'lognormal', 'gamma', 'deterministic', 'empirical', 'mixture'] as const;
export const ID_PATTERN = /^[a-z0-9_-]+$/;

export const DEFAULTS = {
  seed: 1,
  horizon: { start: '2026-01-05', days: 1, interval_minutes: 30, warmup_hours: 0 },
  service_level: { threshold_seconds: 20, target: 0.8 },
  routing: { policy: 'skill_based', transfer_seconds: 60 },
  fcr: 1,
  repeat_after: { distribution: 'exponential', mean_seconds: 24 * 3600 },
  priority: 0,
  channel: 'voice',
  concurrency: 1,
} as const;

// The classic API registers English messages at its first schema; zod/mini leaves it to us. The
// schemas carry their own messages; these are the fallback for the few issues without one.
z.config(en());

// Refinements that must run even when a sibling field failed, so that every problem is reported.
const ALWAYS = { when: () => true };

type Issue = { input?: unknown };

function num(what: string, ok: (n: number) => boolean = () => true) {
  const error = (iss: Issue) => expected(what, iss.input);
  return z.number({ error }).check(z.refine(ok, { error }));
}

const nonNegative = num(WHAT.nonNegative, (n) => n >= 0);
const positive = num(WHAT.positive, (n) => n > 0);
const share = num(WHAT.share, (n) => n >= 0 && n <= 1);
const integer = num(WHAT.integer, Number.isSafeInteger);
const nonNegativeInteger = num(WHAT.nonNegativeInteger, (n) => Number.isSafeInteger(n) && n >= 0);
const positiveInteger = num(WHAT.positiveInteger, (n) => Number.isSafeInteger(n) && n >= 1);

function list<T extends z.ZodMiniType>(count: number, noun: string, meaning: string, item: T) {
  const error = (iss: Issue) => expectedList(count, noun, meaning, iss.input);
  return z.array(item, { error }).check(z.length(count, { error }));
}

function text(what: string, pattern: RegExp) {
  const error = (iss: Issue) => expected(what, iss.input);
  return z.string({ error }).check(z.regex(pattern, { error }));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A mapping that accepts only the keys of `shape`, reporting each unknown key on its own. */
function strict<S extends z.core.$ZodLooseShape>(shape: S, what: string = WHAT.mapping) {
  const known = Object.keys(shape);
  return z.looseObject(shape, { error: (iss: Issue) => expected(what, iss.input) }).check(
    z.superRefine((value, ctx) => {
      if (!isRecord(value)) return;
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: MSG.unknownKey(key, known), input: value[key] });
        }
      }
    }, ALWAYS),
  );
}

/** Exactly one of `keys` must be present in a mapping. */
function exactlyOne(keys: readonly string[]) {
  return (value: unknown, ctx: z.core.$RefinementCtx) => {
    if (!isRecord(value)) return;
    const given = keys.filter((k) => value[k] !== undefined);
    if (given.length === 1) return;
    ctx.addIssue({
      code: 'custom',
      path: given.length === 0 ? [] : [given[1]!],
      message: MSG.exactlyOne(keys, given),
      input: value,
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Distributions

const MEAN_KEYS = ['mean_seconds', 'mean_minutes', 'mean_hours'] as const;

function means(what: string, ok: (n: number) => boolean) {
  return {
    mean_seconds: z.optional(num(what, ok)),
    mean_minutes: z.optional(num(what, ok)),
    mean_hours: z.optional(num(what, ok)),
  };
}

interface Means {
  mean_seconds?: number | undefined;
  mean_minutes?: number | undefined;
  mean_hours?: number | undefined;
}

function seconds(m: Means): number {
  if (m.mean_seconds !== undefined) return m.mean_seconds;
  if (m.mean_minutes !== undefined) return m.mean_minutes * 60;
  return (m.mean_hours ?? 0) * 3600;
}

type Part = { weight: number; dist: Distribution };

type RawDistribution =
  | ({ distribution: 'exponential' | 'deterministic' } & Means)
  | ({ distribution: 'lognormal' | 'gamma'; cv: number } & Means)
  | { distribution: 'empirical'; values_seconds: number[] }
  | { distribution: 'mixture'; parts: Part[] };

function toDistribution(raw: RawDistribution): Distribution {
  switch (raw.distribution) {
    case 'exponential':
    case 'deterministic':
      return { distribution: raw.distribution, mean_seconds: seconds(raw) };
    case 'lognormal':
    case 'gamma':
      return { distribution: raw.distribution, mean_seconds: seconds(raw), cv: raw.cv };
    case 'empirical':
      return { distribution: 'empirical', values_seconds: [...raw.values_seconds] };
    case 'mixture': {
      const total = raw.parts.reduce((sum, p) => sum + p.weight, 0);
      return { distribution: 'mixture', parts: raw.parts.map((p) => ({ weight: p.weight / total, dist: p.dist })) };
    }
  }
}

/** The six distribution mappings; `extra` adds the `weight` of a mixture part. */
function distributionVariants<E extends z.core.$ZodLooseShape>(extra: E) {
  const positiveMean = means(WHAT.positive, (n) => n > 0);
  const cv = nonNegative;
  const oneMean = () => z.superRefine(exactlyOne(MEAN_KEYS), ALWAYS);
  return [
    strict({ distribution: z.literal('exponential'), ...positiveMean, ...extra }).check(oneMean()),
    strict({ distribution: z.literal('lognormal'), ...positiveMean, cv, ...extra }).check(oneMean()),
    strict({ distribution: z.literal('gamma'), ...positiveMean, cv, ...extra }).check(oneMean()),
    strict({
      distribution: z.literal('deterministic'),
      ...means(WHAT.nonNegative, (n) => n >= 0),
      ...extra,
    }).check(oneMean()),
    strict({
      distribution: z.literal('empirical'),
      values_seconds: z
        .array(nonNegative, { error: (iss: Issue) => MSG.atLeastOne('value in seconds (a list)', iss.input) })
        .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('value in seconds', iss.input) })),
      ...extra,
    }),
    strict({
      distribution: z.literal('mixture'),
      parts: z
        .array(
          z.lazy(() => partSchema),
          { error: (iss: Issue) => MSG.atLeastOne('part (a list of {weight, distribution, ...})', iss.input) },
        )
        .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('part', iss.input) })),
      ...extra,
    }),
  ] as const;
}

function discriminatorError(whatIfNotMapping: string) {
  return (iss: Issue & { code?: string }) =>
    iss.code === 'invalid_union' && isRecord(iss.input)
      ? MSG.noDistribution(DISTRIBUTIONS, iss.input['distribution'])
      : expected(whatIfNotMapping, iss.input);
}

const partSchema: z.ZodMiniType<Part> = z.pipe(
  z.discriminatedUnion('distribution', distributionVariants({ weight: positive }), {
    error: discriminatorError('a mixture part like {weight: 0.1, distribution: deterministic, mean_seconds: 0}'),
  }),
  z.transform((raw) => ({ weight: raw.weight, dist: toDistribution(raw) })),
);

const distributionMapping: z.ZodMiniType<Distribution> = z.pipe(
  z.discriminatedUnion('distribution', distributionVariants({}), { error: discriminatorError(WHAT.distribution) }),
  z.transform((raw) => toDistribution(raw)),
);

/** A distribution mapping, or a bare number of seconds (deterministic), so that `patience: 0` works. */
export const distributionSchema: z.ZodMiniType<Distribution> = z.union(
  [
    z.pipe(nonNegative, z.transform((n): Distribution => ({ distribution: 'deterministic', mean_seconds: n }))),
    distributionMapping,
  ],
  { error: (iss: Issue) => expected(WHAT.distribution, iss.input) },
);

// ---------------------------------------------------------------------------------------------
// Contact types

const idSchema = text(WHAT.id, ID_PATTERN);
const isoDate = text(WHAT.isoDate, /^\d{4}-\d{2}-\d{2}$/).check(
  z.refine(isRealDate, {
    error: (iss: Issue) => expected(WHAT.isoDate, iss.input),
  }),
);

const hourlyRates = list(24, 'numbers', 'one per hour of day', nonNegative);

/**
 * A curve over the day: 24 hourly values or one per interval of the day. Which interval lengths
 * fit the horizon is checked in checks.ts, where the horizon is known.
 */
export const DAY_CURVE_LENGTHS = [24, 48, 96] as const;
function dayCurve(noun: string) {
  const what = `24 ${noun} (one per hour of day) or one per interval of the day (48 at 30 min, 96 at 15 min)`;
  const error = (iss: Issue) => (Array.isArray(iss.input) ? `expected ${what}, got ${iss.input.length}` : expected(what, iss.input));
  return z.array(nonNegative, { error }).check(z.refine((a) => (DAY_CURVE_LENGTHS as readonly number[]).includes(a.length), { error }));
}
const dayShape = dayCurve('weights').check(
  z.refine((w) => w.some((x) => x > 0), {
    error: (iss: Issue) => MSG.allZeroWeights(Array.isArray(iss.input) ? iss.input.length : 24),
  }),
);

/** Opening hours, checked and normalised by open-hours.ts. */
const openHoursSchema = z.pipe(
  z.unknown().check(
    z.superRefine((raw, ctx) => {
      for (const i of parseOpenHours(raw).issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message, input: i.input });
    }),
  ),
  z.transform((raw): OpenHours => parseOpenHours(raw).value!),
);

const arrivalsSchema = z.pipe(
  strict(
    {
      per_hour: z.optional(
        z.union([nonNegative, hourlyRates, dayCurve('numbers')], {
          error: (iss: Issue) =>
            Array.isArray(iss.input)
              ? `expected 24 numbers (one per hour of day) or one per interval of the day (48 at 30 min, 96 at 15 min), got ${iss.input.length}`
              : expected(WHAT.perHour, iss.input),
        }),
      ),
      per_day: z.optional(nonNegative),
      by_hour: z.optional(dayShape),
      intraday_by_weekday: z.optional(
        strict(
          Object.fromEntries(WEEKDAYS.map((d) => [d, z.optional(dayShape)])) as Record<Weekday, z.ZodMiniOptional<typeof dayShape>>,
          'a mapping of weekday (mon..sun) to an intraday shape like by_hour',
        ),
      ),
      scale: z.optional(positive),
      by_weekday: z._default(list(7, 'numbers', 'one per weekday, Mon..Sun', nonNegative), () => Array<number>(7).fill(1)),
      by_month: z._default(list(12, 'numbers', 'one per month, Jan..Dec', nonNegative), () => Array<number>(12).fill(1)),
      by_date: z._default(
        z
          .record(z.string(), nonNegative, {
            error: (iss: Issue) => expected('a mapping of ISO date to multiplier, like {2026-12-24: 1.8}', iss.input),
          })
          .check(
            z.superRefine((dates, ctx) => {
              for (const key of Object.keys(dates)) {
                if (!isRealDate(key)) ctx.addIssue({ code: 'custom', path: [key], message: MSG.notRealDate(key), input: key });
              }
            }, ALWAYS),
          ),
        () => ({}),
      ),
      overdispersion_cv: z._default(nonNegative, 0),
    },
    'a mapping with per_hour or per_day',
  ).check(
    z.superRefine(exactlyOne(['per_hour', 'per_day']), ALWAYS),
    z.superRefine((a, ctx) => {
      if (isRecord(a) && a['by_hour'] !== undefined && a['per_hour'] !== undefined && a['per_day'] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['by_hour'], message: MSG.byHourNeedsPerDay, input: a['by_hour'] });
      }
      if (isRecord(a) && a['intraday_by_weekday'] !== undefined && a['per_hour'] !== undefined && a['per_day'] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['intraday_by_weekday'],
          message: 'intraday_by_weekday shapes per_day only (like by_hour); give per_day with it',
          input: a['intraday_by_weekday'],
        });
      }
    }, ALWAYS),
  ),
  z.transform((a): Arrivals => {
    const out: Arrivals = {
      by_weekday: a.by_weekday,
      by_month: a.by_month,
      by_date: { ...a.by_date },
      overdispersion_cv: a.overdispersion_cv,
    };
    if (a.per_hour !== undefined) out.per_hour = a.per_hour;
    if (a.per_day !== undefined) out.per_day = a.per_day;
    if (a.by_hour !== undefined) out.by_hour = a.by_hour;
    if (a.intraday_by_weekday !== undefined) {
      const shapes: Partial<Record<Weekday, number[]>> = {};
      for (const d of WEEKDAYS) {
        const w = (a.intraday_by_weekday as Partial<Record<Weekday, number[]>>)[d];
        if (w !== undefined) shapes[d] = [...w];
      }
      out.intraday_by_weekday = shapes;
    }
    if (a.scale !== undefined) out.scale = a.scale;
    return out;
  }),
);

const selfServiceSchema = z.pipe(
  strict(
    {
      share_offered: share,
      containment: share,
      duration: distributionSchema,
      cost_per_session: z._default(nonNegative, 0),
      failed_handle_time_factor: z._default(positive, 1),
    },
    'a mapping with share_offered, containment and duration',
  ),
  z.transform(
  (s): SelfService => ({
    share_offered: s.share_offered,
    containment: s.containment,
    duration: s.duration,
    cost_per_session: s.cost_per_session,
    failed_handle_time_factor: s.failed_handle_time_factor,
  }),
  ),
);

const retrySchema = strict({ probability: share, after: distributionSchema }, 'a mapping {probability, after}');

const whenClosedSchema = strict(
  {
    retry_probability: z._default(share, 0),
    after: z._default(distributionSchema, (): Distribution => ({ distribution: 'exponential', mean_seconds: 30 * 60 })),
  },
  'a mapping {retry_probability, after}',
);

const enumOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: (iss: Issue) => expected(`one of ${oneOf(values)}`, iss.input) });

/** A contact type before the scenario-wide defaults (the service-level threshold) are known. */
const contactTypeSchema = strict({
  id: idSchema,
  channel: z._default(enumOf(CHANNELS), DEFAULTS.channel),
  arrivals: arrivalsSchema,
  handle_time: distributionSchema,
  patience: z.optional(distributionSchema),
  retry: z.optional(retrySchema),
  fcr: z._default(share, DEFAULTS.fcr),
  repeat_after: z._default(distributionSchema, () => ({ ...DEFAULTS.repeat_after })),
  priority: z._default(integer, DEFAULTS.priority),
  service_level_seconds: z.optional(nonNegative),
  self_service: z.optional(selfServiceSchema),
  repeat_channel: z.optional(idSchema),
  handle_time_by_hour: z.optional(dayCurve('multipliers')),
  open_hours: z.optional(openHoursSchema),
  when_closed: z.optional(whenClosedSchema),
});

// ---------------------------------------------------------------------------------------------
// Agent groups

const clockTime = z.pipe(
  text(WHAT.clockTime, /^([01]?\d|2[0-3]):[0-5]\d$/),
  z.transform((t) => t.padStart(5, '0')),
);

/** Breaks of a shift's agents start evenly over this many minutes, centred on `after_hours`. */
export const DEFAULT_BREAK_WINDOW_MINUTES = 60;

const breakSchema = z.pipe(
  strict(
    {
      after_hours: nonNegative,
      minutes: positive,
      paid: z._default(z.boolean({ error: (iss: Issue) => expected('true or false', iss.input) }), true),
    },
    'a break like {after_hours: 2, minutes: 15, paid: true}',
  ),
  z.transform((b): ShiftBreak => ({ after_hours: b.after_hours, minutes: b.minutes, paid: b.paid })),
);

const shiftSchema = z.pipe(
  strict(
    {
      start: clockTime,
      hours: num(WHAT.shiftHours, (n) => n > 0 && n <= 24),
      agents: nonNegativeInteger,
      days: z._default(
        z
          .array(enumOf(WEEKDAYS), {
            error: (iss: Issue) => expected(`a list of weekdays (${oneOf(WEEKDAYS)})`, iss.input),
          })
          .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('weekday', iss.input) })),
        () => [...WEEKDAYS],
      ),
      breaks: z._default(
        z.array(breakSchema, { error: (iss: Issue) => expected('a list of breaks like {after_hours: 2, minutes: 15}', iss.input) }),
        () => [],
      ),
      break_window_minutes: z._default(nonNegative, DEFAULT_BREAK_WINDOW_MINUTES),
    },
    'a shift like {start: "08:00", hours: 8, agents: 5}',
  ),
  z.transform(
  (s): Shift => ({
    start: s.start,
    hours: s.hours,
    agents: s.agents,
    days: s.days,
    breaks: s.breaks,
    break_window_minutes: s.break_window_minutes,
  }),
  ),
);

/** A week of `days_on` consecutive working days fits inside `days` for some start day. */
export function consecutiveWeeks(daysOn: number, days: readonly Weekday[]): Weekday[][] {
  const out: Weekday[][] = [];
  const seen = new Set<string>();
  for (let s = 0; s < 7; s++) {
    const week = Array.from({ length: daysOn }, (_, k) => WEEKDAYS[(s + k) % 7]!);
    if (!week.every((d) => days.includes(d))) continue;
    const key = [...week].sort().join(',');
    if (seen.has(key)) continue; // days_on 7: every start day is the same week
    seen.add(key);
    out.push(week);
  }
  return out;
}

const weekdayList = (what: string) =>
  z
    .array(enumOf(WEEKDAYS), { error: (iss: Issue) => expected(`${what} (${oneOf(WEEKDAYS)})`, iss.input) })
    .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('weekday', iss.input) }));

/**
 * A shift `ccsim staff` may roster: a daily shift and the weekly patterns of working days
 * (`days_on` consecutive days, or `patterns` listed), or day by day without either.
 */
const shiftTemplateSchema = z.pipe(
  strict(
    {
      start: clockTime,
      hours: num(WHAT.shiftHours, (n) => n > 0 && n <= 24),
      days: z.optional(weekdayList('a list of weekdays')),
      days_on: z.optional(num('a whole number of working days in a week, from 1 to 7', (n) => Number.isSafeInteger(n) && n >= 1 && n <= 7)),
      patterns: z.optional(
        z
          .array(weekdayList('a week of working days, a list of weekdays'), {
            error: (iss: Issue) => expected('a list of weeks, each a list of working days like [mon, tue, wed, thu, fri]', iss.input),
          })
          .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('week of working days', iss.input) })),
      ),
      breaks: z._default(
        z.array(breakSchema, { error: (iss: Issue) => expected('a list of breaks like {after_hours: 2, minutes: 15}', iss.input) }),
        () => [],
      ),
      break_window_minutes: z._default(nonNegative, DEFAULT_BREAK_WINDOW_MINUTES),
    },
    'a shift template like {start: "08:00", hours: 8, days_on: 5}',
  ).check(
    z.superRefine((t, ctx) => {
      if (!isRecord(t)) return;
      if (t['days_on'] !== undefined && t['patterns'] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['patterns'], message: 'give either days_on (consecutive working days) or patterns (weeks listed day by day), not both', input: t['patterns'] });
      }
      if (t['patterns'] !== undefined && t['days'] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['days'], message: 'days restricts days_on or day-by-day rostering; with patterns, each week lists its own days: leave days out', input: t['days'] });
      }
      const daysOn = t['days_on'];
      const days = t['days'];
      if (typeof daysOn === 'number' && Number.isSafeInteger(daysOn) && daysOn >= 1 && daysOn <= 7 && Array.isArray(days) && days.every((d) => (WEEKDAYS as readonly unknown[]).includes(d))) {
        if (consecutiveWeeks(daysOn, days as Weekday[]).length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['days_on'],
            message: `no ${daysOn} consecutive days among [${(days as string[]).join(', ')}]: widen days, or list the weeks under patterns instead`,
            input: daysOn,
          });
        }
      }
    }, ALWAYS),
  ),
  z.transform((t): ShiftTemplate => {
    const out: ShiftTemplate = { start: t.start, hours: t.hours, days: t.days ?? [...WEEKDAYS], breaks: t.breaks, break_window_minutes: t.break_window_minutes };
    if (t.days_on !== undefined) out.days_on = t.days_on;
    if (t.patterns !== undefined) out.patterns = t.patterns.map((w) => WEEKDAYS.filter((d) => w.includes(d)));
    return out;
  }),
);

const agentsSchema = z.union(
  [
    z.pipe(nonNegativeInteger, z.transform((n): Staffing => ({ kind: 'constant', agents: n }))),
    z.pipe(
      list(24, 'whole numbers', 'one per hour of day', nonNegativeInteger),
      z.transform((a): Staffing => ({ kind: 'hourly', agents: a })),
    ),
    z.pipe(
      strict(
        {
          by_interval: z
            .array(nonNegativeInteger, {
              error: (iss: Issue) => expected('a list of whole numbers, one per interval (of a day, a week or the horizon)', iss.input),
            })
            .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('value', iss.input) })),
        },
        WHAT.agents,
      ),
      z.transform((b): Staffing => ({ kind: 'by_interval', agents: b.by_interval })),
    ),
  ],
  { error: (iss: Issue) => expected(WHAT.agents, iss.input) },
);

const cohortSchema = z.pipe(
  strict(
    {
      start: isoDate,
      agents: positiveInteger,
      ramp: z.prefault(strict({ weeks: nonNegative, from: num(WHAT.proficiency, (n) => n > 0 && n <= 1) }, 'a mapping {weeks, from}'), {
        weeks: 0,
        from: 1,
      }),
    },
    'a cohort like {start: 2026-02-02, agents: 12, ramp: {weeks: 8, from: 0.5}}',
  ),
  z.transform((c): Cohort => ({ start: c.start, agents: c.agents, ramp: { weeks: c.ramp.weeks, from: c.ramp.from } })),
);

const agentGroupSchema = z.pipe(
  strict({
    id: idSchema,
    skills: z
      .record(z.string(), num(WHAT.proficiency, (n) => n > 0 && n <= 1), {
        error: (iss: Issue) => expected('a mapping of contact type id to proficiency, like {billing: 1}', iss.input),
      })
      .check(
        z.refine((s) => Object.keys(s).length > 0, {
          error: (iss: Issue) => MSG.atLeastOne('skill (contact type id: proficiency)', iss.input),
        }),
      ),
    agents: z.optional(agentsSchema),
    shifts: z.optional(
      z
        .array(shiftSchema, { error: (iss: Issue) => expected('a list of shifts', iss.input) })
        .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('shift', iss.input) })),
    ),
    hourly_cost: z._default(nonNegative, 0),
    shrinkage: z._default(
      num(WHAT.shareBelowOne, (n) => n >= 0 && n < 1),
      0,
    ),
    concurrency: z._default(positiveInteger, DEFAULTS.concurrency),
    staffing_scale: z._default(positive, 1),
    absence: z._default(
      num(WHAT.shareBelowOne, (n) => n >= 0 && n < 1),
      0,
    ),
    headcount: z.optional(positiveInteger),
    attrition_per_year: z.optional(nonNegative),
    cohorts: z.optional(z.array(cohortSchema, { error: (iss: Issue) => expected('a list of cohorts', iss.input) })),
    shift_templates: z.optional(
      z
        .array(shiftTemplateSchema, { error: (iss: Issue) => expected('a list of shift templates like {start: "08:00", hours: 8, days_on: 5}', iss.input) })
        .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('shift template', iss.input) })),
    ),
  }).check(z.superRefine(exactlyOne(['agents', 'shifts']), ALWAYS)),
  z.transform((g): AgentGroup => {
    const out: AgentGroup = {
      id: g.id,
      skills: { ...g.skills },
      staffing: g.agents ?? { kind: 'shifts', shifts: g.shifts ?? [] },
      hourly_cost: g.hourly_cost,
      shrinkage: g.shrinkage,
      concurrency: g.concurrency,
      staffing_scale: g.staffing_scale,
      absence: g.absence,
    };
    // Workforce keys are carried only when given, so a scenario without them is unchanged.
    if (g.headcount !== undefined) out.headcount = g.headcount;
    if (g.attrition_per_year !== undefined) out.attrition_per_year = g.attrition_per_year;
    if (g.cohorts !== undefined && g.cohorts.length > 0) out.cohorts = g.cohorts;
    if (g.shift_templates !== undefined) out.shift_templates = g.shift_templates;
    return out;
  }),
);

// ---------------------------------------------------------------------------------------------
// Events

const dateTime = text(WHAT.dateTime, /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/).check(
  z.refine((v) => isRealDate(v.slice(0, 10)), {
    error: (iss: Issue) => expected(WHAT.dateTime, iss.input),
  }),
);

const eventSchema = z.pipe(
  strict(
    {
      name: text('non-empty text', /\S/),
      from: dateTime,
      to: dateTime,
      types: z.optional(
        z
          .array(idSchema, { error: (iss: Issue) => expected('a list of contact type ids', iss.input) })
          .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('contact type id', iss.input) })),
      ),
      arrivals_factor: z.optional(nonNegative),
      handle_time_factor: z.optional(positive),
      self_service: z.optional(z.literal('down', { error: (iss: Issue) => expected('down', iss.input) })),
      agents_absent: z.optional(
        z.record(z.string(), nonNegativeInteger, {
          error: (iss: Issue) => expected('a mapping of agent group id to agents, like {retail: 10}', iss.input),
        }),
      ),
    },
    'an event like {name: IVR outage, from: "2026-01-05T10:00", to: "2026-01-05T12:00", self_service: down}',
  ).check(
    z.superRefine((e, ctx) => {
      if (!isRecord(e)) return;
      const changes = ['arrivals_factor', 'handle_time_factor', 'self_service', 'agents_absent'];
      if (!changes.some((k) => e[k] !== undefined)) ctx.addIssue({ code: 'custom', path: [], message: MSG.eventChangesNothing, input: e });
      if (typeof e['from'] === 'string' && typeof e['to'] === 'string' && e['to'] <= e['from']) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: MSG.eventEndsBeforeStart(e['from'], e['to']), input: e['to'] });
      }
    }, ALWAYS),
  ),
  z.transform(
    (e): ScenarioEvent => ({
      name: e.name,
      from: e.from,
      to: e.to,
      types: e.types ? [...e.types] : null,
      arrivals_factor: e.arrivals_factor ?? 1,
      handle_time_factor: e.handle_time_factor ?? 1,
      self_service_down: e.self_service === 'down',
      agents_absent: { ...(e.agents_absent ?? {}) },
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// The whole file

const horizonSchema = z.prefault(
  strict({
    start: z._default(isoDate, DEFAULTS.horizon.start),
    days: z._default(positive, DEFAULTS.horizon.days),
    interval_minutes: z._default(
      z.literal(INTERVAL_MINUTES, { error: (iss: Issue) => expected(oneOf(INTERVAL_MINUTES), iss.input) }),
      DEFAULTS.horizon.interval_minutes,
    ),
    warmup_hours: z._default(nonNegative, DEFAULTS.horizon.warmup_hours),
  }),
  {},
);

const serviceLevelSchema = z.prefault(
  strict({
    threshold_seconds: z._default(nonNegative, DEFAULTS.service_level.threshold_seconds),
    target: z._default(share, DEFAULTS.service_level.target),
    max_abandon_rate: z.optional(share),
    max_asa_seconds: z.optional(nonNegative),
    max_occupancy: z.optional(share),
  }),
  {},
);

const routingSchema = z.prefault(
  strict({
    policy: z._default(enumOf(POLICIES), DEFAULTS.routing.policy),
    transfer_seconds: z._default(nonNegative, DEFAULTS.routing.transfer_seconds),
  }),
  {},
);

const costsSchema = z.prefault(
  strict({
    per_minute_voice: z._default(nonNegative, 0),
    per_contact: z._default(nonNegative, 0),
    overhead_per_agent_hour: z._default(nonNegative, 0),
    currency: z.optional(
      z
        .string({ error: (iss: Issue) => expected('an ISO 4217 currency code such as EUR or USD', iss.input) })
        .check(z.refine(isCurrencyCode, { error: (iss: Issue) => expected('an ISO 4217 currency code such as EUR or USD', iss.input) })),
    ),
  }),
  {},
);

// Customer effort points and the scorecard (SCENARIO.md, Experience and Scorecard).
const D = EFFORT_DEFAULTS;
const effortSchema = z.prefault(
  strict({
    per_wait_minute: z._default(nonNegative, D.per_wait_minute),
    max_wait_points: z._default(nonNegative, D.max_wait_points),
    abandon: z._default(nonNegative, D.abandon),
    transfer: z._default(nonNegative, D.transfer),
    repeat: z._default(nonNegative, D.repeat),
    self_service_failed: z._default(nonNegative, D.self_service_failed),
    channel_switch: z._default(nonNegative, D.channel_switch),
    unresolved: z._default(nonNegative, D.unresolved),
    high_threshold: z._default(
      num('a score between 1 and 7', (n) => n >= 1 && n <= 7),
      D.high_threshold,
    ),
  }),
  {},
);

const experienceSchema = z.prefault(strict({ effort: effortSchema }), {});

const scorecardMetric = z.string({ error: (iss: Issue) => expected('a metric name like fcr or effort_mean', iss.input) }).check(
  z.superRefine((name, ctx) => {
    const direction = directionOf(name);
    if (direction === undefined) ctx.addIssue({ code: 'custom', message: MSG.unknownMetric(name, SCORABLE_METRICS), input: name });
    else if (direction === null) ctx.addIssue({ code: 'custom', message: MSG.undirectedMetric(name), input: name });
  }),
);

export const scorecardSchema = z
  .array(
    strict(
      {
        metric: scorecardMetric,
        target: num('a number > 0 (a target of 0 cannot be attained in proportion)', (n) => n > 0 && Number.isFinite(n)),
        weight: z._default(positive, 1),
      },
      'a mapping {metric, target, weight}',
    ),
    { error: (iss: Issue) => MSG.atLeastOne('scorecard part (a list of {metric, target, weight})', iss.input) },
  )
  .check(z.minLength(1, { error: (iss: Issue) => MSG.atLeastOne('scorecard part', iss.input) }));

/**
 * The most events a scenario may list. A real plan has a handful; each event's window is a cut
 * in the step functions events compile to, where the events over it combine.
 */
export const MAX_EVENTS = 1_000;

function nonEmptyList<T extends z.ZodMiniType>(item: T, what: string) {
  const error = (iss: Issue) => MSG.atLeastOne(what, iss.input);
  return z.array(item, { error }).check(z.minLength(1, { error }));
}

/** The scenario file; `defaultName` (usually the file name) names a scenario without `name`. */
export function scenarioSchema(defaultName: string) {
  return z.pipe(
    strict(
      {
        name: z.optional(text('non-empty text', /\S/)),
        seed: z._default(integer, DEFAULTS.seed),
        horizon: horizonSchema,
        service_level: serviceLevelSchema,
        contact_types: nonEmptyList(contactTypeSchema, 'contact type (a list of {id, arrivals, handle_time, ...})'),
        agent_groups: nonEmptyList(agentGroupSchema, 'agent group (a list of {id, skills, agents, ...})'),
        routing: routingSchema,
        costs: costsSchema,
        open_hours: z.optional(openHoursSchema),
        // null means none, so a what-if variant can remove the base's events with `events: null`.
        events: z.optional(
          z.nullable(
            z
              .array(eventSchema, { error: (iss: Issue) => expected('a list of events', iss.input) })
              .check(z.maxLength(MAX_EVENTS, { error: (iss: Issue) => MSG.tooManyEvents(MAX_EVENTS, iss.input) })),
          ),
        ),
        experience: experienceSchema,
        scorecard: z.optional(scorecardSchema),
      },
      'a mapping',
    ),
    z.transform((s): Scenario => {
    const service_level: Scenario['service_level'] = {
      threshold_seconds: s.service_level.threshold_seconds,
      target: s.service_level.target,
    };
    if (s.service_level.max_abandon_rate !== undefined) service_level.max_abandon_rate = s.service_level.max_abandon_rate;
    if (s.service_level.max_asa_seconds !== undefined) service_level.max_asa_seconds = s.service_level.max_asa_seconds;
    if (s.service_level.max_occupancy !== undefined) service_level.max_occupancy = s.service_level.max_occupancy;
    const scenario: Scenario = {
      name: s.name ?? defaultName,
      seed: s.seed,
      horizon: {
        start: s.horizon.start,
        days: s.horizon.days,
        interval_minutes: s.horizon.interval_minutes,
        warmup_hours: s.horizon.warmup_hours,
      },
      service_level,
      contact_types: s.contact_types.map((t): ContactType => {
        const type: ContactType = {
          id: t.id,
          channel: t.channel,
          arrivals: t.arrivals,
          handle_time: t.handle_time,
          // Email has no patience; the loader warns when one is given.
          patience: t.channel === 'email' ? null : (t.patience ?? null),
          retry: t.retry ? { probability: t.retry.probability, after: t.retry.after } : null,
          fcr: t.fcr,
          repeat_after: t.repeat_after,
          priority: t.priority,
          service_level_seconds: t.service_level_seconds ?? s.service_level.threshold_seconds,
          self_service: t.self_service ?? null,
          ...(t.repeat_channel !== undefined ? { repeat_channel: t.repeat_channel } : {}),
        };
        if (t.handle_time_by_hour !== undefined) type.handle_time_by_hour = [...t.handle_time_by_hour];
        const open = t.open_hours ?? s.open_hours;
        if (open !== undefined) type.open_hours = open;
        if (t.when_closed !== undefined) type.when_closed = { retry_probability: t.when_closed.retry_probability, after: t.when_closed.after };
        return type;
      }),
      agent_groups: s.agent_groups,
      routing: { policy: s.routing.policy, transfer_seconds: s.routing.transfer_seconds },
      costs: {
        per_minute_voice: s.costs.per_minute_voice,
        per_contact: s.costs.per_contact,
        overhead_per_agent_hour: s.costs.overhead_per_agent_hour,
        ...(s.costs.currency !== undefined ? { currency: s.costs.currency } : {}),
      },
      experience: { effort: { ...s.experience.effort } },
    };
    if (s.open_hours !== undefined) scenario.open_hours = s.open_hours;
    if (s.events && s.events.length > 0) scenario.events = s.events;
    if (s.scorecard !== undefined) scenario.scorecard = s.scorecard.map((p) => ({ metric: p.metric, target: p.target, weight: p.weight }));
    return scenario;
    }),
  );
}
