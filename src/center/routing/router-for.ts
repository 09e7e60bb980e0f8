import { ROUND_ROBIN, SKILL_BASED, type Model } from '../../model/model.ts';
import type { AgentPool } from '../agents.ts';
import type { ContactPool } from '../pools.ts';
import type { ContactQueue } from '../queue.ts';
import { RoundRobinRouter } from './round-robin.ts';
import type { Router, RoutingContext } from './router.ts';
import { SkillBasedRouter } from './skill-based.ts';

/** What the contact center lends its router: its pools, hot per-type arrays and queue cleaner. */
export interface RouterInputs {
  agents: AgentPool;
  contacts: ContactPool;
  channelOf: Int32Array;
  /** Group g's proficiency for type j at g * typeCount + j. */
  proficiency: Float64Array;
  liveHead: (q: ContactQueue) => number;
  /** See RoutingContext.rampOf. */
  rampOf: ((a: number) => number) | null;
}

/** The router of the model's policy, with the skill tables every policy reads. */
export function routerFor(model: Model, inputs: RouterInputs): Router {
  // For each type, the groups skilled for it, most proficient first (ties: group order).
  const typeGroups = model.types.map((_, j) => {
    const gs = model.groups.map((_, g) => g).filter((g) => model.groups[g]!.proficiency[j]! > 0);
    gs.sort((a, b) => model.groups[b]!.proficiency[j]! - model.groups[a]!.proficiency[j]! || a - b);
    return Int32Array.from(gs);
  });
  // A plain literal (not a spread), so the hot routing code sees one fixed object shape.
  const ctx: RoutingContext = {
    agents: inputs.agents,
    contacts: inputs.contacts,
    typeCount: model.types.length,
    channelOf: inputs.channelOf,
    proficiency: inputs.proficiency,
    liveHead: inputs.liveHead,
    rampOf: inputs.rampOf,
    priorityOf: Float64Array.from(model.types, (t) => t.priority),
    typeGroups,
    groupTypes: model.groups.map((g) => Int32Array.from(model.types.map((_, j) => j).filter((j) => g.proficiency[j]! > 0))),
  };
  return model.policy === ROUND_ROBIN ? new RoundRobinRouter(ctx) : new SkillBasedRouter(ctx, model.policy === SKILL_BASED);
}
