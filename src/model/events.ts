import type { Scenario } from '../scenario/types.ts';
import { dateToEpochMs } from './calendar.ts';

/**
 * Events (incidents, outages, campaigns) compiled into what the simulation reads: per contact
 * type, step functions of the arrival factor, the handle-time factor and "self-service down";
 * per agent group, a step function of agents absent. Overlapping events multiply their factors
 * and add their absences.
 */

/** `values[i]` holds from `times[i]` until `times[i + 1]` (the last one forever); times[0] = 0. */
export interface StepFunction {
  times: Float64Array;
  values: Float64Array;
}

export interface EventModel {
  name: string;
  from: string;
  to: string;
  /** Seconds from the horizon start (may lie outside the horizon). */
  fromSeconds: number;
  toSeconds: number;
  /** 1 for the contact types the event applies to. */
  typeMask: Uint8Array;
}

export interface EventEffects {
  events: EventModel[];
  /** Per contact type. */
  arrivalFactor: StepFunction[];
  handleFactor: StepFunction[];
  selfServiceDown: StepFunction[];
  /** Per agent group: agents not logged in. */
  absent: StepFunction[];
}

/** Seconds from the horizon start of a local "YYYY-MM-DDTHH:MM". */
export function secondsOf(startIso: string, dateTime: string): number {
  return (Date.parse(`${dateTime}:00Z`) - dateToEpochMs(startIso)) / 1000;
}

/** The constant step function 1 (no event): reading it changes nothing. */
export const UNIT: StepFunction = { times: Float64Array.of(0), values: Float64Array.of(1) };

/**
 * A step function from windows [from, to) each carrying a value, combined by `combine` where
 * they overlap, `neutral` elsewhere. Windows are clipped at time 0.
 */
function stepsOf(windows: Array<{ from: number; to: number; value: number }>, neutral: number, combine: (a: number, b: number) => number): StepFunction {
  if (windows.length === 0) return neutral === 1 ? UNIT : { times: Float64Array.of(0), values: Float64Array.of(neutral) };
  const cuts = new Set<number>([0]);
  for (const w of windows) {
    if (w.to <= 0) continue;
    cuts.add(Math.max(0, w.from));
    cuts.add(w.to);
  }
  const times = [...cuts].sort((a, b) => a - b);
  const values = times.map((t) => windows.reduce((v, w) => (t >= w.from && t < w.to ? combine(v, w.value) : v), neutral));
  // Merge equal neighbours so that a reader steps only where something changes.
  const outT: number[] = [];
  const outV: number[] = [];
  times.forEach((t, i) => {
    if (outV.length > 0 && outV[outV.length - 1] === values[i]) return;
    outT.push(t);
    outV.push(values[i]!);
  });
  return { times: Float64Array.from(outT), values: Float64Array.from(outV) };
}

export function compileEvents(scenario: Scenario): EventEffects {
  const start = scenario.horizon.start;
  const list = scenario.events ?? [];
  const typeIds = scenario.contact_types.map((t) => t.id);
  const events: EventModel[] = list.map((e) => ({
    name: e.name,
    from: e.from,
    to: e.to,
    fromSeconds: secondsOf(start, e.from),
    toSeconds: secondsOf(start, e.to),
    typeMask: Uint8Array.from(typeIds, (id) => (e.types === null || e.types.includes(id) ? 1 : 0)),
  }));
  const perType = (j: number, value: (e: (typeof list)[number]) => number | null, combine: (a: number, b: number) => number, neutral: number) =>
    stepsOf(
      list.flatMap((e, i) => {
        const v = value(e);
        return events[i]!.typeMask[j] === 1 && v !== null ? [{ from: events[i]!.fromSeconds, to: events[i]!.toSeconds, value: v }] : [];
      }),
      neutral,
      combine,
    );
  const times = (a: number, b: number) => a * b;
  return {
    events,
    arrivalFactor: typeIds.map((_, j) => perType(j, (e) => (e.arrivals_factor !== 1 ? e.arrivals_factor : null), times, 1)),
    handleFactor: typeIds.map((_, j) => perType(j, (e) => (e.handle_time_factor !== 1 ? e.handle_time_factor : null), times, 1)),
    selfServiceDown: typeIds.map((_, j) => perType(j, (e) => (e.self_service_down ? 1 : null), Math.max, 0)),
    absent: scenario.agent_groups.map((g) =>
      stepsOf(
        list.flatMap((e, i) => {
          const n = e.agents_absent[g.id] ?? 0;
          return n > 0 ? [{ from: events[i]!.fromSeconds, to: events[i]!.toSeconds, value: n }] : [];
        }),
        0,
        (a, b) => a + b,
      ),
    ),
  };
}
