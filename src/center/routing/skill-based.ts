import { ContactQueue } from '../queue.ts';
import { CHAT } from '../../model/model.ts';
import { takeBest, type Router, type RoutingContext } from './router.ts';

/**
 * Skill-based routing: one queue per contact type. An arriving contact goes to the most
 * proficient idle agent skilled for it (ties: the one idle longest); a freed agent takes the
 * highest-priority, then longest-waiting, contact it is skilled for.
 *
 * With `mostProficientFirst` false this is longest-idle routing: the skilled agent idle
 * longest gets the contact, whatever the proficiency; freed agents choose the same way.
 */
export class SkillBasedRouter implements Router {
  private readonly queues: ContactQueue[];

  constructor(
    private readonly ctx: RoutingContext,
    private readonly mostProficientFirst: boolean,
  ) {
    this.queues = Array.from({ length: ctx.typeCount }, () => new ContactQueue(64));
  }

  queueFor(j: number): ContactQueue {
    return this.queues[j]!;
  }

  agentFor(j: number): number {
    const ctx = this.ctx;
    const groups = ctx.typeGroups[j]!;
    const ag = ctx.agents;
    const chat = ctx.channelOf[j] === CHAT;
    let best = -1;
    let bestProficiency = 0;
    let bestSince = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      const prof = ctx.proficiency[g * ctx.typeCount + j]!;
      // Groups come most proficient first: a less proficient group cannot beat an agent found.
      if (this.mostProficientFirst && best >= 0 && prof < bestProficiency) break;
      const a = ag.firstAvailable(g, chat);
      if (a < 0) continue;
      if (best < 0 || ag.idleSince[a]! < bestSince) {
        best = a;
        bestProficiency = prof;
        bestSince = ag.idleSince[a]!;
      }
    }
    return best;
  }

  allQueues(): readonly ContactQueue[] {
    return this.queues;
  }

  workFor(a: number): number {
    const ag = this.ctx.agents;
    const g = ag.group[a]!;
    const chatOnly = ag.free[a]! < ag.concurrency[g]!;
    return takeBest(this.ctx, this.queues, this.ctx.groupTypes[g]!, chatOnly, true);
  }
}
