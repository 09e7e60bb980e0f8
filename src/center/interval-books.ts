import type { Model } from '../model/model.ts';
import { SECONDS_PER_HOUR } from '../model/calendar.ts';
import { FIELDS, G, GROUP_FIELDS, T, TIME_FIELDS, type Tally } from '../metrics/tally.ts';

/**
 * Where a run writes its counts: rows of the tally by (reporting interval, contact type) and by
 * (interval, agent group). Contacts count in the interval they arrived in; time (busy, logged)
 * is spread over the intervals it spans, clipped to [warm-up, horizon).
 */
export class IntervalBooks {
  readonly tally: Tally;
  /**
   * The (interval x type) rows, lent to the hot handlers: a handler that books several fields of
   * one contact works out its row once (`rowOf`) and adds at `row + F.field`, instead of redoing
   * the index arithmetic (and its bounds check) per field through `add`.
   */
  readonly grid: Float64Array;
  private readonly typeCount: number;
  private readonly groupCount: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly ivLen: number;

  constructor(model: Model, tally: Tally) {
    this.tally = tally;
    this.grid = tally.grid;
    this.typeCount = model.types.length;
    this.groupCount = model.groups.length;
    this.warmup = model.warmupSeconds;
    this.horizon = model.horizonSeconds;
    this.ivLen = model.intervalSeconds;
  }

  /** The reporting interval of time t, or -1 in the warm-up and after the horizon. */
  intervalOf(t: number): number {
    return t >= this.warmup && t < this.horizon ? Math.floor(t / this.ivLen) : -1;
  }

  /** Offset in `grid` of the row of interval iv (>= 0), type j; add `F.field` to reach a field. */
  rowOf(iv: number, j: number): number {
    return (iv * this.typeCount + j) * FIELDS;
  }

  add(field: number, iv: number, j: number, v: number): void {
    this.grid[(iv * this.typeCount + j) * FIELDS + field]! += v;
  }

  /** One agent leg of group g finished, for a contact that arrived in interval iv (>= 0). */
  handled(iv: number, g: number): void {
    this.tally.groupTime[(iv * this.groupCount + g) * GROUP_FIELDS + G.handled]! += 1;
  }

  /** Busy time of one leg, spread over the intervals it spans within [warm-up, horizon). */
  accrueBusy(g: number, j: number, from: number, to: number, weight: number): void {
    const lo = from > this.warmup ? from : this.warmup;
    const hi = to < this.horizon ? to : this.horizon;
    if (hi <= lo) return;
    const tally = this.tally;
    tally.groupBusy[g * this.typeCount + j]! += weight * (hi - lo);
    const len = this.ivLen;
    let iv = Math.floor(lo / len);
    let t = lo;
    while (t < hi) {
      const end = Math.min(hi, (iv + 1) * len);
      tally.intervalTime[iv * TIME_FIELDS + T.busy]! += weight * (end - t);
      tally.groupTime[(iv * this.groupCount + g) * GROUP_FIELDS + G.busy]! += weight * (end - t);
      t = end;
      iv++;
    }
  }

  /**
   * `n` agents of group g logged in (and `onBreak` on a paid break) over [since, now): their
   * seconds, paid hours and cost, clipped to [warm-up, horizon) and spread over intervals.
   */
  accrueLogged(model: Model, g: number, n: number, onBreak: number, since: number, now: number): void {
    if (n === 0 && onBreak === 0) return;
    const lo = since > this.warmup ? since : this.warmup;
    const hi = now < this.horizon ? now : this.horizon;
    if (hi <= lo) return;
    const group = model.groups[g]!;
    const tally = this.tally;
    // Paid hours: logged-in time grossed up by shrinkage, plus paid breaks as scheduled.
    const paidPerSecond = (n * group.paidPerLogged + onBreak) / SECONDS_PER_HOUR;
    const costPerSecond = n * group.costPerLoggedSecond + onBreak * group.costPerPaidBreakSecond;
    const seconds = n * (hi - lo);
    tally.groupLogged[g]! += seconds;
    tally.groupPaidHours[g]! += (hi - lo) * paidPerSecond;
    tally.groupCost[g]! += (hi - lo) * costPerSecond;
    const len = this.ivLen;
    let iv = Math.floor(lo / len);
    let t = lo;
    while (t < hi) {
      const end = Math.min(hi, (iv + 1) * len);
      const dt = end - t;
      const row = iv * TIME_FIELDS;
      tally.intervalTime[row + T.logged]! += n * dt;
      tally.intervalTime[row + T.paidHours]! += dt * paidPerSecond;
      tally.intervalTime[row + T.agentCost]! += dt * costPerSecond;
      const gRow = (iv * this.groupCount + g) * GROUP_FIELDS;
      tally.groupTime[gRow + G.logged]! += n * dt;
      tally.groupTime[gRow + G.paidHours]! += dt * paidPerSecond;
      tally.groupTime[gRow + G.cost]! += dt * costPerSecond;
      t = end;
      iv++;
    }
  }
}
