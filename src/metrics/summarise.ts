import type { Model } from '../model/model.ts';
import { timestampOf } from '../model/calendar.ts';
import type { IntervalMetrics, Metrics, Result } from './types.ts';
import { F, FIELDS, G, GROUP_FIELDS, T, TIME_FIELDS, TTR_SUB_BITS_INTERVAL, TTR_SUB_BITS_TYPE, type Tally } from './tally.ts';
import { quantileOfBins } from './log-histogram.ts';
import { sparseOf } from './ttr-histogram.ts';
import type { SparseBins } from './types.ts';
import { groupMetrics } from './by-group.ts';
import { assertFiniteResult } from './finite.ts';
import { eventMetrics } from './events.ts';
import { weeklyMetrics } from './weekly.ts';
import { scorecardOf } from './scorecard.ts';

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The p-quantile of a TTR histogram, hours; null when it is empty or not kept (null). */
function ttrHours(ttr: ArrayLike<number> | null, subBitsLog2: number, p: number): number | null {
  if (ttr === null) return null;
  const s = quantileOfBins(ttr, subBitsLog2, p);
  return s === null ? null : s / 3600;
}

/** Time-based inputs of one row of metrics: busy and logged-in seconds, paid hours, agent cost. */
interface TimeRow {
  busy: number;
  logged: number;
  paidHours: number;
  agentCost: number;
  /** Length of the stretch the row covers, seconds (for mean agents on line). */
  span: number;
}

/**
 * Turn one row of counters into the metrics of the README. `c` holds FIELDS counters (see
 * tally.ts), `ttr` the TTR histogram of the same contacts (null where none is kept).
 */
function metricsOf(model: Model, c: ArrayLike<number>, time: TimeRow, ttr: ArrayLike<number> | null, subBitsLog2: number): Metrics {
  const arrivals = c[F.arrivals]!;
  const offered = c[F.offered]!;
  const answered = c[F.answered]!;
  const resolved = c[F.casesResolved]!;
  const costSelfService = c[F.selfServiceCost]!;
  const costTelephony = c[F.voiceSeconds]! * model.costPerVoiceSecond;
  const costContacts = c[F.agentContacts]! * model.costPerAgentContact;
  const costTotal = time.agentCost + costSelfService + costTelephony + costContacts;
  const ttrMean = ratio(c[F.ttrSum]!, resolved);
  const ended = resolved + c[F.casesLost]!;
  return {
    arrivals,
    contained: c[F.contained]!,
    offered,
    answered,
    abandoned: c[F.abandoned]!,
    transfers: c[F.transfers]!,
    service_level: ratio(c[F.answeredInSl]!, offered),
    asa_seconds: ratio(c[F.waitSum]!, answered),
    wait_probability: ratio(c[F.waited]!, offered),
    abandon_rate: ratio(c[F.abandoned]!, offered),
    aht_seconds: ratio(c[F.handleSum]!, answered),
    occupancy: ratio(time.busy, time.logged),
    fcr: ratio(c[F.casesFcr]!, c[F.casesReached]!),
    containment_rate: ratio(c[F.contained]!, c[F.selfServiceTried]!),
    repeat_rate: ratio(c[F.repeats]!, arrivals),
    ttr_hours: { mean: ttrMean === null ? null : ttrMean / 3600, p50: ttrHours(ttr, subBitsLog2, 0.5), p90: ttrHours(ttr, subBitsLog2, 0.9) },
    cases: c[F.cases]!,
    resolved_cases: resolved,
    lost_cases: c[F.casesLost]!,
    open_cases: c[F.casesOpenAtEnd]!,
    cost_total: costTotal,
    cost_per_contact: ratio(costTotal, arrivals),
    cost_per_resolution: ratio(costTotal, resolved),
    effort_mean: ratio(c[F.effortSum]!, ended),
    high_effort_share: ratio(c[F.casesHighEffort]!, ended),
    effort_open_mean: ratio(c[F.effortOpenSum]!, c[F.casesOpenAtEnd]!),
    closed: c[F.closed]!,
    agents: time.span > 0 ? time.logged / time.span : null,
    paid_hours: time.paidHours,
    cost_agents: time.agentCost,
    cost_self_service: costSelfService,
    cost_telephony: costTelephony,
    cost_contacts: costContacts,
    waiting_at_end: c[F.leftWaiting]!,
    in_self_service_at_end: c[F.leftInSelfService]!,
    cases_reached: c[F.casesReached]!,
    self_service_tried: c[F.selfServiceTried]!,
  };
}

/** Summarise one run's tally into totals, per-type and per-interval metrics. */
export function summarise(model: Model, tally: Tally, seed: number): Result {
  const nT = model.types.length;
  const nG = model.groups.length;
  const len = model.intervalSeconds;
  const from = model.firstReportedInterval;
  const reportedSpan = Math.max(0, model.horizonSeconds - model.warmupSeconds);

  // Each group's busy mix over the horizon, to share its pay among types per interval.
  const typeShare = groupTypeShares(model, tally);
  const by_interval: IntervalMetrics[] = [];
  const ttrIntervals: SparseBins[] = [];
  const ttrTypes: Record<string, SparseBins> = {};
  // Scratch reused by every interval (a week at 15 minutes has 672 of them, a long run thousands).
  const counters = new Float64Array(FIELDS);
  for (let iv = from; iv < model.intervalCount; iv++) {
    const tRow = iv * TIME_FIELDS;
    const lo = Math.max(iv * len, model.warmupSeconds);
    const hi = Math.min((iv + 1) * len, model.horizonSeconds);
    const time: TimeRow = {
      busy: tally.intervalTime[tRow + T.busy]!,
      logged: tally.intervalTime[tRow + T.logged]!,
      paidHours: tally.intervalTime[tRow + T.paidHours]!,
      agentCost: tally.intervalTime[tRow + T.agentCost]!,
      span: Math.max(0, hi - lo),
    };
    counters.fill(0);
    for (let j = 0; j < nT; j++) {
      const row = (iv * nT + j) * FIELDS;
      for (let f = 0; f < FIELDS; f++) counters[f]! += tally.grid[row + f]!;
    }
    const bins = tally.ttrByInterval.counts.subarray(iv * tally.ttrByInterval.bins, (iv + 1) * tally.ttrByInterval.bins);
    ttrIntervals.push(sparseOf(bins));
    by_interval.push({
      start: timestampOf(model.scenario.horizon.start, iv * len),
      ...metricsOf(model, counters, time, bins, TTR_SUB_BITS_INTERVAL),
      by_group: groupMetrics(model, tally, iv, time.span),
      by_type: intervalByType(model, tally, iv, time.span, typeShare),
    });
  }

  // Agent time and cost per type: a group's busy time is the type's own; its idle time and pay
  // are shared among the types it serves in proportion to the busy time each took.
  const by_type: Record<string, Metrics> = {};
  // Per group, once: its busy time over all types, and how many types it is skilled for.
  const groupBusyTotal = new Float64Array(nG);
  const groupSkills = new Int32Array(nG);
  const allTime: TimeRow = { busy: 0, logged: 0, paidHours: 0, agentCost: 0, span: reportedSpan };
  for (let g = 0; g < nG; g++) {
    for (let j = 0; j < nT; j++) {
      groupBusyTotal[g]! += tally.groupBusy[g * nT + j]!;
      if (model.groups[g]!.proficiency[j]! > 0) groupSkills[g]!++;
    }
    allTime.busy += groupBusyTotal[g]!;
    allTime.logged += tally.groupLogged[g]!;
    allTime.paidHours += tally.groupPaidHours[g]!;
    allTime.agentCost += tally.groupCost[g]!;
  }
  const hist = tally.ttrByType;
  const allBins = new Float64Array(hist.bins);
  const allCounters = new Float64Array(FIELDS);
  for (let j = 0; j < nT; j++) {
    // Occupancy per type: the busy time of the groups that serve it over their logged-in time.
    // Pay per type: each group's pay shared among its types by the busy time each took (evenly
    // among its skills if it was never busy).
    const time: TimeRow = { busy: 0, logged: 0, paidHours: 0, agentCost: 0, span: reportedSpan };
    for (let g = 0; g < nG; g++) {
      const serves = model.groups[g]!.proficiency[j]! > 0;
      const busyOnJ = tally.groupBusy[g * nT + j]!;
      const share = groupBusyTotal[g]! > 0 ? busyOnJ / groupBusyTotal[g]! : serves ? 1 / groupSkills[g]! : 0;
      if (serves) {
        time.busy += groupBusyTotal[g]!;
        time.logged += tally.groupLogged[g]!;
      }
      time.paidHours += share * tally.groupPaidHours[g]!;
      time.agentCost += share * tally.groupCost[g]!;
    }
    const counters = new Float64Array(FIELDS);
    for (let iv = 0; iv < model.intervalCount; iv++) {
      const row = (iv * nT + j) * FIELDS;
      for (let f = 0; f < FIELDS; f++) counters[f]! += tally.grid[row + f]!;
    }
    const bins = hist.counts.subarray(j * hist.bins, (j + 1) * hist.bins);
    for (let f = 0; f < FIELDS; f++) allCounters[f]! += counters[f]!;
    for (let b = 0; b < hist.bins; b++) allBins[b]! += bins[b]!;
    ttrTypes[model.types[j]!.id] = sparseOf(bins);
    by_type[model.types[j]!.id] = metricsOf(model, counters, time, bins, TTR_SUB_BITS_TYPE);
  }
  const totals = { ...metricsOf(model, allCounters, allTime, allBins, TTR_SUB_BITS_TYPE), by_group: groupMetrics(model, tally, null, reportedSpan) };

  const ttr_histogram = {
    sub_bits_log2: TTR_SUB_BITS_TYPE,
    totals: sparseOf(allBins),
    by_type: ttrTypes,
    interval_sub_bits_log2: TTR_SUB_BITS_INTERVAL,
    by_interval: ttrIntervals,
  };
  const result: Result = { scenario: model.scenario.name, seed, replications: 1, totals, by_type, by_interval, ttr_histogram };
  if (model.warnings.length > 0) result.warnings = [...model.warnings];
  if (model.effects.events.length > 0) result.events = eventMetrics(model, tally);
  if (model.weekCount > 0) result.weekly = weeklyMetrics(model, tally);
  const card = model.scenario.scorecard;
  if (card !== undefined && card.length > 0) result.scorecard = scorecardOf(card, totals);
  assertFiniteResult(result);
  return result;
}

/** share[g * nT + j]: the part of group g's time and pay that type j takes (by busy time; evenly if never busy). */
function groupTypeShares(model: Model, tally: Tally): Float64Array {
  const nT = model.types.length;
  const nG = model.groups.length;
  const share = new Float64Array(nG * nT);
  for (let g = 0; g < nG; g++) {
    let busy = 0;
    let skills = 0;
    for (let j = 0; j < nT; j++) {
      busy += tally.groupBusy[g * nT + j]!;
      if (model.groups[g]!.proficiency[j]! > 0) skills++;
    }
    for (let j = 0; j < nT; j++) {
      const serves = model.groups[g]!.proficiency[j]! > 0;
      share[g * nT + j] = busy > 0 ? tally.groupBusy[g * nT + j]! / busy : serves ? 1 / skills : 0;
    }
  }
  return share;
}

/**
 * Per-type metrics of one interval (the type x interval rows). Counts are the type's own; as in
 * `by_type`, occupancy is that of the groups serving the type, and their pay in the interval is
 * shared among types by each group's busy mix over the horizon.
 */
function intervalByType(model: Model, tally: Tally, iv: number, span: number, share: Float64Array): Record<string, Metrics> {
  const nT = model.types.length;
  const nG = model.groups.length;
  const out: Record<string, Metrics> = {};
  for (let j = 0; j < nT; j++) {
    const time: TimeRow = { busy: 0, logged: 0, paidHours: 0, agentCost: 0, span };
    for (let g = 0; g < nG; g++) {
      const row = (iv * nG + g) * GROUP_FIELDS;
      if (model.groups[g]!.proficiency[j]! > 0) {
        time.busy += tally.groupTime[row + G.busy]!;
        time.logged += tally.groupTime[row + G.logged]!;
      }
      time.paidHours += share[g * nT + j]! * tally.groupTime[row + G.paidHours]!;
      time.agentCost += share[g * nT + j]! * tally.groupTime[row + G.cost]!;
    }
    const start = (iv * nT + j) * FIELDS;
    // TTR percentiles per type and interval are not kept (the histogram is per interval only).
    const m = metricsOf(model, tally.grid.subarray(start, start + FIELDS), time, null, TTR_SUB_BITS_INTERVAL);
    out[model.types[j]!.id] = m;
  }
  return out;
}
