import { ContactQueue } from '../queue.ts';
import { CHAT } from '../../model/model.ts';
import { takeBest, type Router, type RoutingContext } from './router.ts';

/**
 * Round-robin routing, skill ignored: one FIFO queue per channel, and the agents who serve a
 * channel take its contacts in a fixed rotation. An agent without the contact's skill talks
 * briefly and transfers it (the contact center runs that leg); the transferred contact then
 * goes to the longest-idle skilled agent, or waits in a transfer queue that skilled agents
 * serve before anything else.
 */
export class RoundRobinRouter implements Router {
  private readonly channelQueues = [new ContactQueue(64), new ContactQueue(64), new ContactQueue(64)];
  private readonly transferQueues: ContactQueue[];
  /** Agents serving each channel, in rotation order, and where the rotation stands. */
  private readonly channelAgents: Int32Array[];
  private readonly rotation = new Int32Array(3);
  /** Per group: the channels it serves (indices into channelQueues). */
  private readonly groupChannels: Int32Array[];

  constructor(private readonly ctx: RoutingContext) {
    this.transferQueues = Array.from({ length: ctx.typeCount }, () => new ContactQueue(16));
    this.groupChannels = ctx.groupTypes.map((types) => Int32Array.from(new Set(Array.from(types, (j) => ctx.channelOf[j]!))).sort());
    this.channelAgents = [0, 1, 2].map((ch) => {
      const list: number[] = [];
      this.groupChannels.forEach((channels, g) => {
        if (!channels.includes(ch)) return;
        for (let k = 0; k < ctx.agents.size[g]!; k++) list.push(ctx.agents.first[g]! + k);
      });
      return Int32Array.from(list);
    });
  }

  queueFor(j: number): ContactQueue {
    return this.channelQueues[this.ctx.channelOf[j]!]!;
  }

  transferQueueFor(j: number): ContactQueue {
    return this.transferQueues[j]!;
  }

  /** The next agent in rotation on the contact's channel who can take it now. */
  agentFor(j: number): number {
    const channel = this.ctx.channelOf[j]!;
    const list = this.channelAgents[channel]!;
    const n = list.length;
    const ag = this.ctx.agents;
    const chat = channel === CHAT;
    let pos = this.rotation[channel]!;
    for (let i = 0; i < n; i++) {
      const a = list[pos]!;
      pos = pos + 1 === n ? 0 : pos + 1;
      if (ag.canTake(a, chat)) {
        this.rotation[channel] = pos;
        return a;
      }
    }
    return -1;
  }

  /** The longest-idle skilled agent for a transferred contact of type j, or -1. */
  skilledAgentFor(j: number): number {
    const ctx = this.ctx;
    const groups = ctx.typeGroups[j]!;
    const chat = ctx.channelOf[j] === CHAT;
    let best = -1;
    for (let i = 0; i < groups.length; i++) {
      const a = ctx.agents.firstAvailable(groups[i]!, chat);
      if (a >= 0 && (best < 0 || ctx.agents.idleSince[a]! < ctx.agents.idleSince[best]!)) best = a;
    }
    return best;
  }

  allQueues(): readonly ContactQueue[] {
    return [...this.channelQueues, ...this.transferQueues];
  }

  workFor(a: number): number {
    const ag = this.ctx.agents;
    const g = ag.group[a]!;
    const chatOnly = ag.free[a]! < ag.concurrency[g]!;
    const transferred = takeBest(this.ctx, this.transferQueues, this.ctx.groupTypes[g]!, chatOnly, false);
    if (transferred >= 0) return transferred;
    return takeBest(this.ctx, this.channelQueues, this.groupChannels[g]!, chatOnly, false);
  }
}
