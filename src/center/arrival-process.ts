import type { Uniform } from '../engine/random.ts';
import { standardGamma } from '../dist/sampler.ts';
import { SECONDS_PER_DAY } from '../model/calendar.ts';
import type { StepFunction } from '../model/events.ts';
import type { Model } from '../model/model.ts';

/**
 * First contacts of every type as non-homogeneous Poisson processes: the rate is piecewise
 * constant by slot (an hour, or an interval for per-interval curves), scaled by this
 * replication's daily gamma factor when the type is overdispersed, and by events' arrival
 * factors. The next arrival inverts the integrated rate, so a change of rate between two
 * arrivals does not bias the gap.
 */
export class ArrivalProcess {
  /** Arrival rate per second for each slot of the horizon, per type (daily factor applied). */
  private readonly rates: Float64Array[];
  /** Length of a rate slot per type, seconds. */
  private readonly slot: Float64Array;
  private readonly streams: Uniform[];
  /** Events' arrival factors per type, read through a cursor (time only grows). */
  private readonly steps: StepFunction[];
  private readonly cursor: Int32Array;
  /** 1 where no event changes the type's arrivals: decided once, not per arrival. */
  private readonly plain: Uint8Array;
  private readonly horizon: number;

  constructor(model: Model, stream: (purpose: string) => Uniform) {
    this.horizon = model.horizonSeconds;
    this.streams = model.types.map((t) => stream(`arrivals:${t.id}`));
    this.steps = model.effects.arrivalFactor;
    this.cursor = new Int32Array(model.types.length);
    this.plain = Uint8Array.from(this.steps, (f) => (f.times.length === 1 && f.values[0] === 1 ? 1 : 0));
    this.slot = Float64Array.from(model.types, (t) => t.rateSeconds);
    this.rates = model.types.map((t) => {
      const r = Float64Array.from(t.rates);
      if (t.overdispersionCv > 0) {
        // One gamma factor per day (mean 1, CV as given), shared by every slot of that day.
        const u = stream(`overdispersion:${t.id}`);
        const shape = 1 / (t.overdispersionCv * t.overdispersionCv);
        const perDay = Math.round(SECONDS_PER_DAY / t.rateSeconds);
        for (let d = 0; d * perDay < r.length; d++) {
          const g = standardGamma(u, shape) / shape;
          for (let h = d * perDay; h < Math.min(r.length, d * perDay + perDay); h++) r[h]! *= g;
        }
      }
      return r;
    });
  }

  /**
   * Next arrival of type j after time t (Infinity when none before the end of the rates): an
   * exponential amount of "rate mass" is consumed slot by slot.
   *
   * "None" is written `1 / 0`, which V8's parser folds into a number. Spelled any other way it
   * boxes every arrival time these functions return: until the end of a run that return has
   * never run, and V8's optimizing compiler then types it from what it reads. The global
   * `Infinity`, unread, is a generic global lookup; a module constant (`const NONE =
   * Number.POSITIVE_INFINITY`) is a context slot, which in the CLI's bundle it cannot type
   * either. Either way the return, and so every arrival time, becomes a heap number: on W1 (10M
   * contacts) 160-200 MB of garbage, 40 more minor collections, 40-90 ms of a 1.9 s run.
   */
  next(j: number, t: number): number {
    const r = this.rates[j]!;
    const slot = this.slot[j]!;
    const remaining = -Math.log(1 - this.streams[j]!());
    if (this.plain[j] === 1) return nextPlain(r, slot, this.horizon, remaining, t);
    return this.nextWithEvents(j, r, slot, remaining, t);
  }

  /** As `next`, where events' arrival factors also end stretches of constant rate. */
  private nextWithEvents(j: number, r: Float64Array, slot: number, remaining: number, t: number): number {
    const end = this.horizon;
    const ft = this.steps[j]!.times;
    const fv = this.steps[j]!.values;
    const nf = ft.length;
    let h = Math.floor(t / slot);
    let k = this.cursor[j]!;
    while (k + 1 < nf && ft[k + 1]! <= t) k++;
    while (h < r.length && t < end) {
      const hourEnd = Math.min(end, (h + 1) * slot);
      const stepEnd = k + 1 < nf && ft[k + 1]! < hourEnd ? ft[k + 1]! : hourEnd;
      const rate = r[h]! * fv[k]!;
      if (rate > 0) {
        const mass = rate * (stepEnd - t);
        if (remaining <= mass) {
          this.cursor[j] = k;
          return t + remaining / rate;
        }
        remaining -= mass;
      }
      t = stepEnd;
      if (k + 1 < nf && ft[k + 1]! <= t) k++;
      if (t >= hourEnd) h++;
    }
    this.cursor[j] = k;
    return 1 / 0;
  }
}

/** The next arrival through rates `r` by slots of `slot` seconds, from t, after `remaining` rate mass. */
function nextPlain(r: Float64Array, slot: number, end: number, remaining: number, t: number): number {
  let h = Math.floor(t / slot);
  while (h < r.length) {
    const rate = r[h]!;
    const hourEnd = Math.min(end, (h + 1) * slot);
    if (rate > 0) {
      const mass = rate * (hourEnd - t);
      if (remaining <= mass) return t + remaining / rate;
      remaining -= mass;
    }
    t = hourEnd;
    h++;
  }
  return 1 / 0;
}
