/**
 * The planner's Erlang calculator: one interval's volume, handle time and target in; agents
 * required (or, given a number of agents, what they achieve), service level, ASA, P(wait),
 * abandonment, occupancy and FTE out, under Erlang C and (with a patience) Erlang A side by side.
 * `ccsim erlang` prints it; it is pure arithmetic (no simulation, no Node APIs).
 *
 * Conventions (those of the usual planner spreadsheets):
 *  - arrival rate λ = volume / interval length, offered load a = λ·AHT (Erlangs);
 *  - chat with concurrency k: every agent works k sessions at once, each session taking AHT, so an
 *    agent is k servers; the requirement is ⌈servers / k⌉ agents and figures are per session;
 *  - occupancy is the busy share of the servers (sessions), a/c under Erlang C;
 *  - FTE = agents / (1 − shrinkage): the paid agents to schedule so that `agents` are available
 *    (not rounded; a roster rounds it up);
 *  - the requirement is the fewest agents meeting the service level target and, when given, the
 *    occupancy cap (and for Erlang A the abandon cap); every measure improves with agents.
 * Erlang C with a load at or above the servers has no steady state: service level 0, ASA and
 * P(wait) are reported as `null` (unbounded) rather than as Infinity or NaN.
 */

import { erlangA } from './erlang-a.ts';
import { erlangCStaffing } from './erlang-c.ts';
import { erlangB } from './erlang-b.ts';

/** One interval to size. Times in seconds; shares in [0, 1]. */
export interface CalculatorInput {
  /** Contacts offered in the interval, ≥ 0. */
  volume: number;
  /** Interval length, minutes, > 0. */
  intervalMinutes: number;
  /** Mean handle time per contact (per session for chat), seconds, > 0. */
  ahtSeconds: number;
  /** Required share answered within the threshold, in [0, 1). */
  target: number;
  /** Service-level threshold, seconds, ≥ 0. */
  thresholdSeconds: number;
  /** Mean patience, seconds, > 0: adds the Erlang A answer. */
  patienceSeconds?: number | undefined;
  /** Share of paid time agents are not available, in [0, 1). Default 0. */
  shrinkage?: number | undefined;
  /** Cap on occupancy, in (0, 1]. */
  maxOccupancy?: number | undefined;
  /** Cap on the abandon rate (Erlang A only), in [0, 1]. */
  maxAbandonRate?: number | undefined;
  /** Sessions an agent works at once (chat), integer ≥ 1. Default 1. */
  concurrency?: number | undefined;
  /** Evaluate this many agents instead of finding the requirement (integer ≥ 0). */
  agents?: number | undefined;
}

/** What one model says about the interval. `null`: unbounded (an unstable Erlang C queue). */
export interface ModelFigures {
  /** The requirement, or the agents given. */
  agents: number;
  service_level: number;
  asa_seconds: number | null;
  wait_probability: number;
  occupancy: number;
  fte: number;
  /** Whether these agents meet the target and caps. */
  meets: boolean;
}

export interface ErlangAFigures extends ModelFigures {
  abandon_rate: number;
}

export interface CalculatorResult {
  /** Offered load, Erlangs (sessions). */
  load: number;
  erlang_c: ModelFigures;
  /** Only with a patience. */
  erlang_a: ErlangAFigures | null;
}

/** Thrown for an input outside its range; names the field. */
export class CalculatorInputError extends RangeError {
  override readonly name = 'CalculatorInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/**
 * The largest offered load (Erlangs) and agent count the calculator takes: a scenario's own cap
 * on agents. Erlang B is computed by a recursion of one step per server, so without a cap a
 * volume of 1e12 contacts an interval (3.3e10 Erlangs) ran for minutes; at this cap an interval
 * takes milliseconds.
 */
export const MAX_CALCULATOR_LOAD = 100_000;

function check(input: CalculatorInput): void {
  const finite = (x: number): boolean => Number.isFinite(x);
  const { volume, intervalMinutes, ahtSeconds, target, thresholdSeconds, patienceSeconds, shrinkage, maxOccupancy, maxAbandonRate, concurrency, agents } = input;
  if (!(volume >= 0) || !finite(volume)) throw new CalculatorInputError('volume', `expected a number >= 0, got ${volume}`);
  if (!(intervalMinutes > 0) || !finite(intervalMinutes)) throw new CalculatorInputError('interval_minutes', `expected a number > 0, got ${intervalMinutes}`);
  if (!(ahtSeconds > 0) || !finite(ahtSeconds)) throw new CalculatorInputError('aht', `expected a number > 0, got ${ahtSeconds}`);
  if (!(target >= 0 && target < 1)) throw new CalculatorInputError('target', `expected a share in [0, 1) (no finite staffing answers every contact in time), got ${target}`);
  if (!(thresholdSeconds >= 0) || !finite(thresholdSeconds)) throw new CalculatorInputError('threshold', `expected a number >= 0, got ${thresholdSeconds}`);
  if (patienceSeconds !== undefined && (!(patienceSeconds > 0) || !finite(patienceSeconds))) {
    throw new CalculatorInputError('patience', `expected a number > 0, got ${patienceSeconds}`);
  }
  if (shrinkage !== undefined && !(shrinkage >= 0 && shrinkage < 1)) throw new CalculatorInputError('shrinkage', `expected a share in [0, 1), got ${shrinkage}`);
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new CalculatorInputError('max_occupancy', `expected a share in (0, 1], got ${maxOccupancy}`);
  }
  if (maxAbandonRate !== undefined && !(maxAbandonRate >= 0 && maxAbandonRate <= 1)) {
    throw new CalculatorInputError('max_abandon_rate', `expected a share in [0, 1], got ${maxAbandonRate}`);
  }
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new CalculatorInputError('concurrency', `expected an integer >= 1, got ${concurrency}`);
  }
  if (agents !== undefined && !(Number.isInteger(agents) && agents >= 0 && agents <= MAX_CALCULATOR_LOAD)) {
    throw new CalculatorInputError('agents', `expected an integer from 0 to ${MAX_CALCULATOR_LOAD.toLocaleString('en-US')}, got ${agents}`);
  }
  const load = (volume / (intervalMinutes * 60)) * ahtSeconds;
  if (!(load <= MAX_CALCULATOR_LOAD)) {
    throw new CalculatorInputError(
      'volume',
      `the offered load (volume x aht / interval) is ${load.toPrecision(3)} Erlangs; expected at most ${MAX_CALCULATOR_LOAD.toLocaleString('en-US')}, a scenario's most agents`,
    );
  }
}

/** Erlang C figures for `servers` servers (sessions). */
function erlangCAt(servers: number, load: number, t: number, aht: number): Omit<ModelFigures, 'agents' | 'fte' | 'meets'> {
  if (load === 0) return { service_level: 1, asa_seconds: 0, wait_probability: 0, occupancy: 0 };
  if (servers <= load) return { service_level: 0, asa_seconds: null, wait_probability: 1, occupancy: 1 };
  const b = erlangB(servers, load);
  const c = (servers * b) / (servers - load * (1 - b));
  return {
    service_level: 1 - c * Math.exp((-(servers - load) * t) / aht),
    asa_seconds: (c * aht) / (servers - load),
    wait_probability: c,
    occupancy: load / servers,
  };
}

/**
 * Sizes (or evaluates) one interval under Erlang C and, with a patience, Erlang A. Throws
 * {@link CalculatorInputError} for an input out of range.
 *
 * @example
 * // 100 calls in 30 min, AHT 180 s, 80% within 20 s:
 * erlangCalculator({ volume: 100, intervalMinutes: 30, ahtSeconds: 180, target: 0.8, thresholdSeconds: 20 }).erlang_c;
 * // { agents: 14, service_level: 0.88835, asa_seconds: 7.8359, wait_probability: 0.17413, occupancy: 0.71429, fte: 14, meets: true }
 */
export function erlangCalculator(input: CalculatorInput): CalculatorResult {
  check(input);
  const k = input.concurrency ?? 1;
  const shrinkage = input.shrinkage ?? 0;
  const aht = input.ahtSeconds;
  const t = input.thresholdSeconds;
  const rate = input.volume / (input.intervalMinutes * 60);
  const load = rate * aht;
  const fte = (agents: number): number => agents / (1 - shrinkage);
  const occupancyOk = (o: number): boolean => input.maxOccupancy === undefined || o <= input.maxOccupancy + 1e-12;

  // Erlang C: the requirement in servers, then whole agents of k servers each.
  let cAgents: number;
  if (input.agents !== undefined) cAgents = input.agents;
  else if (load === 0) cAgents = 0;
  else {
    const servers = erlangCStaffing({
      ratePerSecond: rate,
      meanServiceSeconds: aht,
      thresholdSeconds: t,
      target: input.target,
      ...(input.maxOccupancy !== undefined ? { maxOccupancy: input.maxOccupancy } : {}),
    }).servers;
    cAgents = Math.ceil(servers / k);
  }
  const cFig = erlangCAt(cAgents * k, load, t, aht);
  const erlang_c: ModelFigures = {
    agents: cAgents,
    ...cFig,
    fte: fte(cAgents),
    meets: cFig.service_level >= input.target && occupancyOk(cFig.occupancy),
  };

  let erlang_a: ErlangAFigures | null = null;
  if (input.patienceSeconds !== undefined) {
    const patience = input.patienceSeconds;
    const at = (agents: number): Omit<ErlangAFigures, 'agents' | 'fte' | 'meets'> => {
      if (load === 0) return { service_level: 1, asa_seconds: 0, wait_probability: 0, occupancy: 0, abandon_rate: 0 };
      if (agents === 0) return { service_level: 0, asa_seconds: null, wait_probability: 1, occupancy: 0, abandon_rate: 1 };
      const r = erlangA({ servers: agents * k, ratePerSecond: rate, meanServiceSeconds: aht, meanPatienceSeconds: patience, thresholdSeconds: t });
      return { service_level: r.serviceLevel, asa_seconds: r.asaSeconds, wait_probability: r.waitProbability, occupancy: r.occupancy, abandon_rate: r.abandonProbability };
    };
    const ok = (f: Omit<ErlangAFigures, 'agents' | 'fte' | 'meets'>): boolean =>
      f.service_level >= input.target && occupancyOk(f.occupancy) && (input.maxAbandonRate === undefined || f.abandon_rate <= input.maxAbandonRate);
    let aAgents: number;
    if (input.agents !== undefined) aAgents = input.agents;
    else if (load === 0) aAgents = 0;
    else {
      // Every measure improves with agents: bracket by doubling, then bisect. Erlang C's answer
      // always suffices (abandonment only shortens the queue) unless only the abandon cap binds.
      let lo = 0; // fails
      let hi = Math.max(1, cAgents);
      while (!ok(at(hi))) {
        lo = hi;
        hi *= 2;
        if (hi > 10_000_000) throw new CalculatorInputError('max_abandon_rate', 'no staffing up to 10,000,000 agents meets it');
      }
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (ok(at(mid))) hi = mid;
        else lo = mid;
      }
      aAgents = hi;
    }
    const f = at(aAgents);
    erlang_a = { agents: aAgents, ...f, fte: fte(aAgents), meets: ok(f) };
  }
  return { load, erlang_c, erlang_a };
}
