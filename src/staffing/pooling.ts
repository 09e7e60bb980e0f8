/** What pooling types into multi-skill groups saves against separate Erlang teams per type. */

import type { PoolingSummary } from './result.ts';

/** The pooling comparison, when some group serves two or more contact types. */
export function pooling(
  multiSkill: boolean,
  separate: readonly Int32Array[],
  plan: readonly Int32Array[],
  from: number,
  nI: number,
  hours: (i: number) => number,
  nG: number,
): PoolingSummary | null {
  if (!multiSkill) return null;
  let sepHours = 0;
  let planHours = 0;
  let savedSum = 0;
  let loaded = 0;
  for (let i = from; i < nI; i++) {
    let sep = 0;
    let got = 0;
    for (const row of separate) sep += row[i]!;
    for (let g = 0; g < nG; g++) got += plan[g]![i]!;
    sepHours += sep * hours(i);
    planHours += got * hours(i);
    if (sep > 0 && hours(i) > 0) {
      savedSum += sep - got;
      loaded++;
    }
  }
  const perInterval = loaded > 0 ? savedSum / loaded : 0;
  const saved = sepHours - planHours;
  const share = sepHours > 0 ? saved / sepHours : 0;
  const n = Number.isInteger(Math.round(perInterval * 10) / 10) ? String(Math.round(perInterval)) : perInterval.toFixed(1);
  const h = saved.toFixed(1);
  const message =
    perInterval > 0
      ? `pooling saves ${n} agents per interval on average (${h} agent-hours, ${(100 * share).toFixed(1)}%) against separate Erlang teams, one per contact type`
      : perInterval < 0
        ? `the plan needs ${n.replace('-', '')} more agents per interval on average (${h.replace('-', '')} agent-hours) than separate Erlang teams, one per contact type: pooling saves nothing here`
        : 'pooling saves 0 agents against separate Erlang teams, one per contact type';
  return {
    separate_agent_hours: sepHours,
    plan_agent_hours: planHours,
    saved_agent_hours: saved,
    saved_agents_per_interval: perInterval,
    saved_share: share,
    message,
  };
}

