import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/experiment/simulate.ts';
import type { Arrivals } from '../../../src/scenario/types.ts';
import { contactType, exp, group, scenario } from '../../helpers/scenarios.ts';
import { expectConservation } from '../../helpers/conservation.ts';

/* What each routing policy promises, each checked on several seeds so one lucky run cannot pass. */

const flat = (perHour: number): Arrivals => ({ per_hour: perHour, by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 });
const SEEDS = [1, 2, 3, 4, 5];

describe('skill_based', () => {
  it('serves the higher-priority type first: its ASA is lower in every run', () => {
    for (const seed of SEEDS) {
      const s = scenario({
        seed,
        horizon: { start: '2026-01-05', days: 1, interval_minutes: 60, warmup_hours: 1 },
        contact_types: [contactType('vip', { arrivals: flat(150), priority: 1 }), contactType('std', { arrivals: flat(150) })],
        agent_groups: [group('pool', { vip: 1, std: 1 }, 16)], // load 15 on 16 agents
      });
      const r = simulate(s);
      expectConservation(r);
      expect(r.by_type['vip']!.asa_seconds!, `seed ${seed}`).toBeLessThan(r.by_type['std']!.asa_seconds! / 3);
    }
  });

  it('gives a contact to the most proficient idle agent: lower AHT than longest_idle', () => {
    for (const seed of SEEDS) {
      const make = (policy: 'skill_based' | 'longest_idle') =>
        scenario({
          seed,
          routing: { policy, transfer_seconds: 60 },
          contact_types: [contactType('general', { arrivals: flat(60), handle_time: exp(180) })], // load 3
          agent_groups: [group('experts', { general: 1 }, 6), group('novices', { general: 0.5 }, 6)],
        });
      const skill = simulate(make('skill_based'));
      const idle = simulate(make('longest_idle'));
      // Experts are almost always free under skill_based (AHT ~180 s); longest_idle spreads
      // contacts over both groups (AHT ~ (180 + 360) / 2).
      expect(skill.totals.aht_seconds!, `seed ${seed}`).toBeLessThan(200);
      expect(idle.totals.aht_seconds!, `seed ${seed}`).toBeGreaterThan(230);
    }
  });
});

describe('round_robin', () => {
  it('ignores skills: specialists receive contacts they transfer; skill_based never transfers', () => {
    for (const seed of SEEDS) {
      const make = (policy: 'skill_based' | 'round_robin') =>
        scenario({
          seed,
          routing: { policy, transfer_seconds: 60 },
          contact_types: [contactType('a', { arrivals: flat(60) }), contactType('b', { arrivals: flat(60) })],
          agent_groups: [group('for-a', { a: 1 }, 5), group('for-b', { b: 1 }, 5)],
        });
      const rr = simulate(make('round_robin'));
      const sb = simulate(make('skill_based'));
      expectConservation(rr);
      expect(sb.totals.transfers).toBe(0);
      // About half the contacts land on the wrong specialist when agents are free.
      expect(rr.totals.transfers / rr.totals.answered, `seed ${seed}`).toBeGreaterThan(0.25);
      // A transferred contact is not resolved at first contact: FCR falls by the same share.
      expect(rr.totals.fcr!).toBeLessThan(1 - 0.25);
      expect(sb.totals.fcr).toBe(1);
      // Transfer legs count in AHT: 60 s more for each transferred contact.
      expect(rr.totals.aht_seconds!).toBeGreaterThan(sb.totals.aht_seconds! + 10);
    }
  });
});

describe('telephony minutes', () => {
  const make = (policy: 'skill_based' | 'round_robin') =>
    scenario({
      seed: 9,
      routing: { policy, transfer_seconds: 60 },
      costs: { per_minute_voice: 0.6, per_contact: 0, overhead_per_agent_hour: 0 },
      contact_types: [contactType('a', { arrivals: flat(100) }), contactType('b', { arrivals: flat(100) })],
      agent_groups: [group('for-a', { a: 1 }, 6), group('for-b', { b: 1 }, 6)],
    });

  it('are the waits plus the handle times of voice contacts (skill_based, no abandonment)', () => {
    const t = simulate(make('skill_based')).totals;
    // 0.6 per minute = 0.01 per second; every offered contact was answered.
    expect(t.answered).toBe(t.offered);
    expect(t.cost_telephony).toBeCloseTo(0.01 * t.answered * (t.asa_seconds! + t.aht_seconds!), 6);
  });

  it('also bill the hold of a transferred call waiting for a skilled agent (round_robin)', () => {
    const t = simulate(make('round_robin')).totals;
    expect(t.transfers).toBeGreaterThan(0);
    expect(t.cost_telephony).toBeGreaterThan(0.01 * t.answered * (t.asa_seconds! + t.aht_seconds!));
  });
});
