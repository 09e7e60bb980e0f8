import { ContactQueue } from '../queue.ts';
import { CHAT } from '../../model/model.ts';
import { takeBest, type Router, type RoutingContext } from './router.ts';

/**
 * Skill-based routing: one queue per contact type. An arriving contact goes to the most
 * proficient idle agent skilled for it (ties: the one idle longest); a freed agent takes the
 * highest-priority, then longest-waiting, contact it is skilled for. A new hire still ramping
 * is as proficient as its ramp makes it: below the veterans of its group.
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
    // Agents at their group's proficiency times their ramp (1 but for new hires still ramping).
    const rampOf = this.mostProficientFirst ? ctx.rampOf : null;
    let best = -1;
    let bestProficiency = 0;
    let bestSince = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      const prof = ctx.proficiency[g * ctx.typeCount + j]!;
      // Groups come most proficient first: no agent of a less proficient group can beat one
      // found (a ramp only lowers a proficiency).
      if (this.mostProficientFirst && best >= 0 && prof < bestProficiency) break;
      // A group's list runs from the longest idle, so its first agent at full proficiency ends
      // the scan (none after it can beat it): in a group without new hires, its first agent.
      for (let a = ag.firstAvailable(g, chat); a >= 0; a = ag.nextAvailable(a, chat)) {
        const ramp = rampOf === null ? 1 : rampOf(a);
        // Longest idle compares idle times only.
        const p = this.mostProficientFirst ? prof * ramp : 0;
        if (best < 0 || p > bestProficiency || (p === bestProficiency && ag.idleSince[a]! < bestSince)) {
          best = a;
          bestProficiency = p;
          bestSince = ag.idleSince[a]!;
        }
        if (ramp >= 1) break;
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
