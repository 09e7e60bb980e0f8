import type { AgentPool } from '../agents.ts';
import type { ContactPool } from '../pools.ts';
import type { ContactQueue } from '../queue.ts';

/**
 * What a routing policy decides, and nothing else: which idle agent takes an arriving contact,
 * and which waiting contact a freed agent takes. The contact center owns the queues' contents
 * and the bookkeeping; a router only reads them.
 */
export interface Router {
  /** The queue a waiting contact of type j joins. */
  queueFor(j: number): ContactQueue;
  /** An agent who takes an arriving contact of type j now, or -1 (it waits). */
  agentFor(j: number): number;
  /** The contact agent a takes next, removed from its queue, or -1 (the agent goes idle). */
  workFor(a: number): number;
  /** Every queue, for the final count of contacts still waiting. */
  allQueues(): readonly ContactQueue[];
}

/** What every policy may look at. */
export interface RoutingContext {
  agents: AgentPool;
  contacts: ContactPool;
  typeCount: number;
  /** Channel code of each type (0 voice, 1 chat, 2 email). */
  channelOf: Int32Array;
  priorityOf: Float64Array;
  /** Proficiency of group g for type j at g * typeCount + j; 0 = not skilled. */
  proficiency: Float64Array;
  /** For each type, the groups skilled for it, most proficient first. */
  typeGroups: Int32Array[];
  /** For each group, the types it is skilled for. */
  groupTypes: Int32Array[];
  /**
   * The share of its group's proficiency agent a works at now (a new hire still ramping: below
   * 1), or null when no group has hiring cohorts (every agent works at its group's).
   */
  rampOf: ((a: number) => number) | null;
  /**
   * The head of a queue after dropping contacts that abandoned while waiting, or -1 when
   * empty. Dropping one is the contact center's business (it counts the abandonment).
   */
  liveHead(q: ContactQueue): number;
}

/** Among the queues' live heads, the one to serve first: highest priority, then longest waiting. */
export function takeBest(ctx: RoutingContext, queues: ContactQueue[], candidates: Int32Array, chatOnly: boolean, usePriority: boolean): number {
  const p = ctx.contacts;
  let best = -1;
  let bestQueue: ContactQueue | null = null;
  let bestPriority = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const qi = candidates[i]!;
    const q = queues[qi]!;
    if (q.length === 0) continue;
    const c = ctx.liveHead(q);
    if (c < 0) continue;
    if (chatOnly && ctx.channelOf[p.type[c]!] !== 1) continue;
    const priority = usePriority ? ctx.priorityOf[p.type[c]!]! : 0;
    if (best < 0 || priority > bestPriority || (priority === bestPriority && p.queued[c]! < p.queued[best]!)) {
      best = c;
      bestQueue = q;
      bestPriority = priority;
    }
  }
  if (bestQueue !== null) bestQueue.shift();
  return best;
}
