import type { Scenario } from '../scenario/types.ts';
import { makeSampler } from '../dist/sampler.ts';
import { baseRates, handleTimeCurve } from './arrival-profile.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from './calendar.ts';
import { openWindows } from './open-windows.ts';
import { unstaffedWarnings } from './unstaffed.ts';
import { buildRoster } from './roster.ts';
import { compileEvents } from './events.ts';
import { SECONDS_PER_WEEK, compileWorkforce, hasWorkforce, type CohortModel } from './workforce.ts';
import { compileEffort } from './effort.ts';
import { CHANNELS, LONGEST_IDLE, ROUND_ROBIN, SKILL_BASED, type Model } from './model.ts';

const DRAIN_SECONDS = 7 * SECONDS_PER_DAY;

/** Compile a validated scenario into a runnable model. Pure: the same scenario gives the same model. */
export function compile(scenario: Scenario): Model {
  const h = scenario.horizon;
  const horizonSeconds = h.days * SECONDS_PER_DAY;
  const intervalSeconds = h.interval_minutes * 60;
  const intervalCount = Math.ceil(horizonSeconds / intervalSeconds - 1e-9);
  const warmupSeconds = h.warmup_hours * SECONDS_PER_HOUR;
  // Weeks of the weekly table start at the day the reported stretch starts.
  const weekOrigin = Math.floor(warmupSeconds / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  const typeIndex = new Map(scenario.contact_types.map((t, i) => [t.id, i]));

  const types = scenario.contact_types.map((t) => ({
    id: t.id,
    channel: CHANNELS.indexOf(t.channel),
    ...baseRates(t.arrivals, h.start, horizonSeconds, intervalSeconds),
    handleByTime: handleTimeCurve(t.handle_time_by_hour),
    open: t.open_hours ? openWindows(t.open_hours, h.start, horizonSeconds + DRAIN_SECONDS) : null,
    closedRetryProbability: t.when_closed?.retry_probability ?? 0,
    closedRetryAfter: makeSampler(t.when_closed?.after ?? { distribution: 'exponential', mean_seconds: 30 * 60 }),
    overdispersionCv: t.arrivals.overdispersion_cv,
    handle: makeSampler(t.handle_time),
    // Email never abandons, whatever the file says.
    patience: t.patience && t.channel !== 'email' ? makeSampler(t.patience) : null,
    retryProbability: t.retry?.probability ?? 0,
    retryAfter: t.retry ? makeSampler(t.retry.after) : null,
    fcr: t.fcr,
    repeatAfter: makeSampler(t.repeat_after),
    priority: t.priority,
    serviceLevelSeconds: t.service_level_seconds,
    selfService: t.self_service
      ? {
          shareOffered: t.self_service.share_offered,
          containment: t.self_service.containment,
          duration: makeSampler(t.self_service.duration),
          costPerSession: t.self_service.cost_per_session,
          failedHandleFactor: t.self_service.failed_handle_time_factor,
        }
      : null,
    repeatTo: t.repeat_channel !== undefined ? (typeIndex.get(t.repeat_channel) ?? -1) : -1,
  }));
  types.forEach((t, j) => {
    if (t.repeatTo < 0) t.repeatTo = j;
  });

  const cohorts: CohortModel[] = [];
  const groups = scenario.agent_groups.map((g, gi) => {
    const proficiency = new Float64Array(types.length);
    for (const [id, p] of Object.entries(g.skills)) {
      const j = typeIndex.get(id);
      if (j !== undefined) proficiency[j] = p;
    }
    const paidPerLogged = 1 / (1 - g.shrinkage);
    const hasChat = types.some((t, j) => proficiency[j]! > 0 && t.channel === CHANNELS.indexOf('chat'));
    const absence = g.absence ?? 0;
    const options = { scale: g.staffing_scale ?? 1, horizonSeconds, label: `agent_groups[${g.id}]` };
    const until = horizonSeconds + DRAIN_SECONDS;
    // Without absence this is the roster of every replication; with it, the most there can be.
    const roster = buildRoster(g.staffing, h.start, intervalSeconds, until, options);
    return {
      id: g.id,
      proficiency,
      roster,
      absence,
      rosterWithAbsence: (uniform: () => number) => buildRoster(g.staffing, h.start, intervalSeconds, until, { ...options, absence, uniform }),
      costPerPaidBreakSecond: (g.hourly_cost + scenario.costs.overhead_per_agent_hour) / SECONDS_PER_HOUR,
      workforce: compileWorkforce(g, gi, h.start, roster.max, cohorts),
      costPerLoggedSecond: ((g.hourly_cost + scenario.costs.overhead_per_agent_hour) * paidPerLogged) / SECONDS_PER_HOUR,
      paidPerLogged,
      concurrency: hasChat ? g.concurrency : 1,
    };
  });

  const policy = { round_robin: ROUND_ROBIN, longest_idle: LONGEST_IDLE, skill_based: SKILL_BASED }[scenario.routing.policy];
  return {
    scenario,
    horizonSeconds,
    warmupSeconds,
    intervalSeconds,
    intervalCount,
    firstReportedInterval: Math.min(intervalCount - 1, Math.floor(warmupSeconds / intervalSeconds)),
    drainSeconds: DRAIN_SECONDS,
    types,
    groups,
    policy,
    transferSeconds: scenario.routing.transfer_seconds,
    costPerVoiceSecond: scenario.costs.per_minute_voice / 60,
    costPerAgentContact: scenario.costs.per_contact,
    warnings: unstaffedWarnings(scenario, types, groups, horizonSeconds),
    effects: compileEvents(scenario),
    cohorts,
    // A weekly table over a multi-week run, or whenever the workforce changes.
    weekCount:
      h.days >= 14 || scenario.agent_groups.some(hasWorkforce) ? Math.ceil((horizonSeconds - weekOrigin) / SECONDS_PER_WEEK - 1e-9) : 0,
    weekOrigin,
    effort: compileEffort(scenario),
  };
}
