import type { Model } from '../model/model.ts';
import { G, GROUP_FIELDS, type Tally } from './tally.ts';
import type { GroupMetrics } from './types.ts';

/**
 * Per agent group figures (`by_group`) of one interval, or of the whole reported horizon when
 * `iv` is null: who was logged in and paid, how busy, what they finished and cost. Summed over
 * groups, busy hours / logged hours is the total occupancy and cost is `cost_agents`.
 */
export function groupMetrics(model: Model, tally: Tally, iv: number | null, span: number): Record<string, GroupMetrics> {
  const nG = model.groups.length;
  const from = iv ?? 0;
  const to = iv === null ? model.intervalCount : iv + 1;
  const out: Record<string, GroupMetrics> = {};
  for (let g = 0; g < nG; g++) {
    let busy = 0;
    let logged = 0;
    let paid = 0;
    let cost = 0;
    let handled = 0;
    for (let i = from; i < to; i++) {
      const row = (i * nG + g) * GROUP_FIELDS;
      busy += tally.groupTime[row + G.busy]!;
      logged += tally.groupTime[row + G.logged]!;
      paid += tally.groupTime[row + G.paidHours]!;
      cost += tally.groupTime[row + G.cost]!;
      handled += tally.groupTime[row + G.handled]!;
    }
    out[model.groups[g]!.id] = {
      agents: span > 0 ? logged / span : null,
      logged_hours: logged / 3600,
      paid_hours: paid,
      busy_hours: busy / 3600,
      occupancy: logged > 0 ? busy / logged : null,
      handled,
      cost,
    };
  }
  return out;
}
