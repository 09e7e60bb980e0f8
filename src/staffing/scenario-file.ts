/**
 * A loaded `Scenario` written back in the scenario FILE format (SCENARIO.md), as YAML: what
 * `ccsim staff` writes as `staffed.yaml`, so that the staffing it found can be simulated and
 * compared at once. Every default is spelled out; times are in seconds; number lists are written
 * on one line (`[3, 4, 5]`).
 */

import { Document, isScalar, isSeq, visit } from 'yaml';
import type { AgentGroup, Arrivals, ContactType, Distribution, Scenario, ScenarioEvent, Shift, ShiftTemplate, Staffing } from '../scenario/types.ts';
import { openHoursToFile } from '../scenario/open-hours.ts';

type FileValue = string | number | boolean | FileValue[] | { [key: string]: FileValue };
type FileMap = { [key: string]: FileValue };

export function distributionToFile(d: Distribution): FileMap {
  switch (d.distribution) {
    case 'exponential':
    case 'deterministic':
      return { distribution: d.distribution, mean_seconds: d.mean_seconds };
    case 'lognormal':
    case 'gamma':
      return { distribution: d.distribution, mean_seconds: d.mean_seconds, cv: d.cv };
    case 'empirical':
      return { distribution: 'empirical', values_seconds: [...d.values_seconds] };
    case 'mixture':
      return { distribution: 'mixture', parts: d.parts.map((p) => ({ weight: p.weight, ...distributionToFile(p.dist) })) };
  }
}

function arrivalsToFile(a: Arrivals): FileMap {
  const out: FileMap = {};
  if (a.per_hour !== undefined) out['per_hour'] = typeof a.per_hour === 'number' ? a.per_hour : [...a.per_hour];
  if (a.per_day !== undefined) out['per_day'] = a.per_day;
  if (a.by_hour !== undefined) out['by_hour'] = [...a.by_hour];
  out['by_weekday'] = [...a.by_weekday];
  out['by_month'] = [...a.by_month];
  if (Object.keys(a.by_date).length > 0) out['by_date'] = { ...a.by_date };
  if (a.overdispersion_cv > 0) out['overdispersion_cv'] = a.overdispersion_cv;
  if (a.intraday_by_weekday !== undefined) {
    const shapes: FileMap = {};
    for (const [day, w] of Object.entries(a.intraday_by_weekday)) if (w) shapes[day] = [...w];
    out['intraday_by_weekday'] = shapes;
  }
  if (a.scale !== undefined) out['scale'] = a.scale;
  return out;
}

function contactTypeToFile(t: ContactType): FileMap {
  const out: FileMap = { id: t.id, channel: t.channel, arrivals: arrivalsToFile(t.arrivals), handle_time: distributionToFile(t.handle_time) };
  if (t.patience !== null) out['patience'] = distributionToFile(t.patience);
  if (t.retry !== null) out['retry'] = { probability: t.retry.probability, after: distributionToFile(t.retry.after) };
  out['fcr'] = t.fcr;
  out['repeat_after'] = distributionToFile(t.repeat_after);
  if (t.repeat_channel !== undefined) out['repeat_channel'] = t.repeat_channel;
  out['priority'] = t.priority;
  out['service_level_seconds'] = t.service_level_seconds;
  if (t.self_service !== null) {
    const s = t.self_service;
    out['self_service'] = {
      share_offered: s.share_offered,
      containment: s.containment,
      duration: distributionToFile(s.duration),
      cost_per_session: s.cost_per_session,
      failed_handle_time_factor: s.failed_handle_time_factor,
    };
  }
  if (t.handle_time_by_hour !== undefined) out['handle_time_by_hour'] = [...t.handle_time_by_hour];
  if (t.open_hours !== undefined) out['open_hours'] = openHoursToFile(t.open_hours);
  if (t.when_closed !== undefined) {
    out['when_closed'] = { retry_probability: t.when_closed.retry_probability, after: distributionToFile(t.when_closed.after) };
  }
  return out;
}

function staffingToFile(s: Staffing): [key: 'agents' | 'shifts', value: FileValue] {
  switch (s.kind) {
    case 'constant':
      return ['agents', s.agents];
    case 'hourly':
      return ['agents', [...s.agents]];
    case 'by_interval':
      return ['agents', { by_interval: [...s.agents] }];
    case 'shifts':
      return ['shifts', s.shifts.map((x) => ({ start: x.start, hours: x.hours, agents: x.agents, days: [...x.days], ...breaksToFile(x) }))];
  }
}

/** A shift's breaks and their window, when it has breaks (the loader's defaults otherwise). */
function breaksToFile(x: Shift | ShiftTemplate): FileMap {
  const breaks = x.breaks ?? [];
  if (breaks.length === 0) return {};
  return {
    breaks: breaks.map((b) => ({ after_hours: b.after_hours, minutes: b.minutes, paid: b.paid })),
    break_window_minutes: x.break_window_minutes ?? 60,
  };
}

/** A group's shift templates as written (days, weekly pattern, breaks). */
function templateToFile(t: ShiftTemplate): FileMap {
  const out: FileMap = { start: t.start, hours: t.hours };
  if (t.patterns !== undefined) out['patterns'] = t.patterns.map((w) => [...w]);
  else out['days'] = [...t.days];
  if (t.days_on !== undefined) out['days_on'] = t.days_on;
  return { ...out, ...breaksToFile(t) };
}

function groupToFile(g: AgentGroup): FileMap {
  const [key, value] = staffingToFile(g.staffing);
  const out: FileMap = {
    id: g.id,
    skills: { ...g.skills },
    [key]: value,
    hourly_cost: g.hourly_cost,
    shrinkage: g.shrinkage,
    concurrency: g.concurrency,
  };
  // The plan was searched and verified with these: dropping them would simulate another center.
  if ((g.staffing_scale ?? 1) !== 1) out['staffing_scale'] = g.staffing_scale!;
  if ((g.absence ?? 0) > 0) out['absence'] = g.absence!;
  // The workforce too: the plan's counts are scaled by employees / headcount when simulated, as
  // they were in the search, and the hiring classes ramp up as they did there.
  if (g.headcount !== undefined) out['headcount'] = g.headcount;
  if (g.attrition_per_year !== undefined) out['attrition_per_year'] = g.attrition_per_year;
  if (g.cohorts !== undefined && g.cohorts.length > 0) {
    out['cohorts'] = g.cohorts.map((c) => ({ start: c.start, agents: c.agents, ramp: { weeks: c.ramp.weeks, from: c.ramp.from } }));
  }
  if (g.shift_templates !== undefined) out['shift_templates'] = g.shift_templates.map(templateToFile);
  return out;
}

function eventToFile(e: ScenarioEvent): FileMap {
  const out: FileMap = { name: e.name, from: e.from, to: e.to };
  if (e.types !== null) out['types'] = [...e.types];
  if (e.arrivals_factor !== 1) out['arrivals_factor'] = e.arrivals_factor;
  if (e.handle_time_factor !== 1) out['handle_time_factor'] = e.handle_time_factor;
  if (e.self_service_down) out['self_service'] = 'down';
  if (Object.keys(e.agents_absent).length > 0) out['agents_absent'] = { ...e.agents_absent };
  return out;
}

/** The scenario as a plain object in the file format. */
export function scenarioToFile(s: Scenario): FileMap {
  const sl: FileMap = { threshold_seconds: s.service_level.threshold_seconds, target: s.service_level.target };
  if (s.service_level.max_abandon_rate !== undefined) sl['max_abandon_rate'] = s.service_level.max_abandon_rate;
  if (s.service_level.max_asa_seconds !== undefined) sl['max_asa_seconds'] = s.service_level.max_asa_seconds;
  if (s.service_level.max_occupancy !== undefined) sl['max_occupancy'] = s.service_level.max_occupancy;
  const out: FileMap = {
    name: s.name,
    seed: s.seed,
    horizon: {
      start: s.horizon.start,
      days: s.horizon.days,
      interval_minutes: s.horizon.interval_minutes,
      warmup_hours: s.horizon.warmup_hours,
    },
    service_level: sl,
    contact_types: s.contact_types.map(contactTypeToFile),
    agent_groups: s.agent_groups.map(groupToFile),
    routing: { policy: s.routing.policy, transfer_seconds: s.routing.transfer_seconds },
    costs: {
      per_minute_voice: s.costs.per_minute_voice,
      per_contact: s.costs.per_contact,
      overhead_per_agent_hour: s.costs.overhead_per_agent_hour,
      ...(s.costs.currency !== undefined ? { currency: s.costs.currency } : {}),
    },
  };
  if (s.open_hours !== undefined) out['open_hours'] = openHoursToFile(s.open_hours);
  // A written plan is the same scenario with new staffing: its incidents, effort points and
  // scorecard are part of what was staffed and what a comparison scores.
  if (s.events !== undefined && s.events.length > 0) out['events'] = s.events.map(eventToFile);
  if (s.experience !== undefined) out['experience'] = { effort: { ...s.experience.effort } };
  if (s.scorecard !== undefined) out['scorecard'] = s.scorecard.map((p) => ({ metric: p.metric, target: p.target, weight: p.weight }));
  return out;
}

/** The scenario as YAML text in the file format; `comment` (lines) goes on top. */
export function scenarioToYaml(s: Scenario, comment?: string): string {
  const doc = new Document(scenarioToFile(s));
  // Lists of numbers or words on one line; lists of mappings as blocks.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  if (comment !== undefined) doc.commentBefore = comment.split('\n').map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  return doc.toString({ lineWidth: 0 });
}
