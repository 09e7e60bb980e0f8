import type { EventModel, StepFunction } from '../model/events.ts';
import type { Model } from '../model/model.ts';
import { E, EVENT_FIELDS, type Tally } from '../metrics/tally.ts';
import { FL_ABANDON_EVENT, S_WAITING, type ContactPool } from './pools.ts';
import type { ContactQueue } from './queue.ts';

/**
 * Events (incidents, outages, campaigns) as the run sees them: step functions of the
 * handle-time factor and of "self-service down" per contact type, read through cursors since
 * time only grows, and each event's own counts of the contacts born in its window. Arrival
 * factors are the arrival process's business.
 */
export class EventWindows {
  readonly list: EventModel[];
  /** Whether there are events at all: without them, nothing here is called per contact. */
  readonly any: boolean;
  /** Whether any event changes a handle time (otherwise the factor is not looked up). */
  readonly changesHandling: boolean;
  private readonly handleSteps: StepFunction[];
  private readonly handleCursor: Int32Array;
  private readonly selfServiceSteps: StepFunction[];
  private readonly selfServiceCursor: Int32Array;
  private readonly counts: Float64Array;

  constructor(model: Model, tally: Tally) {
    const fx = model.effects;
    this.list = fx.events;
    this.any = fx.events.length > 0;
    this.changesHandling = fx.handleFactor.some((f) => f.times.length > 1 || f.values[0] !== 1);
    this.handleSteps = fx.handleFactor;
    this.selfServiceSteps = fx.selfServiceDown;
    this.handleCursor = new Int32Array(model.types.length);
    this.selfServiceCursor = new Int32Array(model.types.length);
    this.counts = tally.eventCounts;
  }

  /** Events' handle-time factor for type j at `now`. */
  handleFactor(j: number, now: number): number {
    return stepAt(this.handleSteps, this.handleCursor, j, now);
  }

  /** 1 when an event has type j's self-service down at `now`, else 0. */
  selfServiceDown(j: number, now: number): number {
    return stepAt(this.selfServiceSteps, this.selfServiceCursor, j, now);
  }

  /** Count a contact of type j born at `born` in every event whose window and types hold it. */
  count(j: number, born: number, field: number): void {
    const events = this.list;
    for (let e = 0; e < events.length; e++) {
      const ev = events[e]!;
      if (born >= ev.fromSeconds && born < ev.toSeconds && ev.typeMask[j] === 1) this.counts[e * EVENT_FIELDS + field]! += 1;
    }
  }

  /** Event e's window closes at `now`: count the contacts of its types still waiting for an agent. */
  closeWindow(e: number, queues: readonly ContactQueue[], p: ContactPool, now: number): void {
    const ev = this.list[e]!;
    let waiting = 0;
    for (const q of queues) {
      for (let i = 0; i < q.length; i++) {
        const c = q.at(i);
        if (p.state[c] === S_WAITING && ev.typeMask[p.type[c]!] === 1 && (p.flags[c]! & FL_ABANDON_EVENT || p.deadline[c]! > now)) waiting++;
      }
    }
    this.counts[e * EVENT_FIELDS + E.waitingAtEnd] = waiting;
  }
}

/** Value at `now` of a step function of type j, moving its cursor forward (time only grows). */
function stepAt(perType: StepFunction[], cursors: Int32Array, j: number, now: number): number {
  const steps = perType[j]!;
  const times = steps.times;
  let k = cursors[j]!;
  while (k + 1 < times.length && times[k + 1]! <= now) k++;
  cursors[j] = k;
  return steps.values[k]!;
}
