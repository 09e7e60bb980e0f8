/**
 * The studio's levers as `set` field paths (src/studio/page/study.ts), in Node: the values they
 * write are checked against the scenario files' own numbers changed by hand, and the saved
 * variants file, loaded by `ccsim compare`'s loader, builds the very scenarios the page runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { horizonSettings, leverSettings, loadStudy, neutralLevers, planScenario, studyLevers, type Levers } from '../../src/studio/page/study.ts';
import { variantsYaml } from '../../src/studio/page/variants-file.ts';
import { loadVariants } from '../../src/experiment/variants.ts';
import { UserError } from '../../src/errors.ts';

const file = (name: string): string => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
const BANK = file('retail-bank.yaml');
const study = loadStudy(readFileSync(BANK, 'utf8'), 'retail-bank.yaml');
const bot = loadStudy(readFileSync(file('retail-bank-skills-bot.yaml'), 'utf8'), 'retail-bank-skills-bot.yaml');
const erlang = loadStudy(readFileSync(file('erlang-c.yaml'), 'utf8'), 'erlang-c.yaml');

function withValues(values: Record<string, number>, policy = study.scenario.routing.policy): Levers {
  return { values, policy };
}

describe('studio levers', () => {
  it('are offered per group and per type, with the file\'s own values as their bases', () => {
    const levers = studyLevers(study);
    const keys = levers.map((l) => l.key);
    // Every group gets a %; card-specialists (24 hourly values) an "add" count; the shift groups one lever per shift.
    expect(keys.filter((k) => k.startsWith('agents.'))).toEqual(['agents.generalists', 'agents.card-specialists', 'agents.mortgage-team', 'agents.chat-team']);
    expect(keys).toContain('add.card-specialists');
    expect(keys.filter((k) => k.startsWith('shift.generalists.'))).toHaveLength(21);
    expect(keys.filter((k) => k.startsWith('shift.chat-team.'))).toEqual(['shift.chat-team.0', 'shift.chat-team.1', 'shift.chat-team.2', 'shift.chat-team.3']);
    const lever = (key: string) => levers.find((l) => l.key === key)!;
    // chat-team's shifts: 3, 4, 4, 1 agents, every day.
    expect([0, 1, 2, 3].map((i) => lever(`shift.chat-team.${i}`).base)).toEqual([3, 4, 4, 1]);
    expect(lever('shift.chat-team.0').label).toBe('07:00 8 h daily');
    expect(lever('shift.generalists.1').label).toBe('06:00 8 h mon–fri');
    // FCR bases are the file's shares, in %; the bank has no self-service: every type is
    // offered it, starting from 0% offered and 0% contained.
    expect(['cards', 'accounts', 'mortgages', 'chat'].map((t) => lever(`fcr.${t}`).base)).toEqual([85, 78, 70, 75]);
    expect(keys.filter((k) => k.startsWith('share.') || k.startsWith('containment.'))).toEqual(
      ['cards', 'accounts', 'mortgages', 'chat'].flatMap((t) => [`share.${t}`, `containment.${t}`]),
    );
    expect(levers.filter((l) => l.kind === 'share' || l.kind === 'containment').every((l) => l.base === 0)).toBe(true);
    // A group staffed by one number gets its count.
    expect(studyLevers(erlang).find((l) => l.key === 'count.team')?.base).toBe(20);
  });

  it('write nothing for an untouched plan, or for levers put back to their base', () => {
    expect(leverSettings(study, neutralLevers(study))).toEqual([]);
    expect(leverSettings(study, withValues({ 'fcr.cards': 85, 'shift.chat-team.1': 4, 'agents.generalists': 0 }))).toEqual([]);
    expect(horizonSettings(study, study.scenario.horizon.days)).toEqual([]);
  });

  it('scale a group with staffing_scale, add agents to every staffed hour, set a shift\'s or a group\'s count', () => {
    expect(leverSettings(study, withValues({ 'agents.card-specialists': 50 }))).toEqual([{ path: 'agent_groups[card-specialists].staffing_scale', value: 1.5 }]);
    // The file's 24 hourly values, each + 2 by hand.
    const hand = [4, 4, 4, 4, 4, 4, 5, 8, 13, 16, 17, 17, 16, 16, 16, 16, 15, 12, 10, 8, 7, 6, 5, 4];
    expect(leverSettings(study, withValues({ 'add.card-specialists': 2 }))).toEqual([{ path: 'agent_groups[card-specialists].agents', value: hand }]);
    expect(planScenario(study, leverSettings(study, withValues({ 'add.card-specialists': 2 }))).agent_groups[1]!.staffing).toEqual({ kind: 'hourly', agents: hand });
    expect(leverSettings(study, withValues({ 'shift.chat-team.1': 6 }))).toEqual([{ path: 'agent_groups[chat-team].shifts[1].agents', value: 6 }]);
    expect(leverSettings(erlang, { values: { 'count.team': 22 }, policy: erlang.scenario.routing.policy })).toEqual([{ path: 'agent_groups[team].agents', value: 22 }]);
  });

  it('scale a type\'s volume, handle time and patience, and set its FCR; and the routing policy', () => {
    const set = leverSettings(study, withValues({ 'volume.cards': 10, 'aht.cards': 20, 'patience.cards': -50, 'fcr.cards': 90 }, 'skill_based'));
    expect(set).toEqual([
      { path: 'contact_types[cards].arrivals.scale', value: 1.1 },
      // lognormal, mean 5 minutes, cv 0.7 in the file: 5 x 1.2 = 6 minutes, the cv kept.
      { path: 'contact_types[cards].handle_time', value: { distribution: 'lognormal', mean_minutes: 6, cv: 0.7 } },
      // 5% zero patience, 95% lognormal mean 3 min: halved, the zero stays zero, weights kept.
      {
        path: 'contact_types[cards].patience',
        value: {
          distribution: 'mixture',
          parts: [
            { weight: 0.05, distribution: 'deterministic', mean_seconds: 0 },
            { weight: 0.95, distribution: 'lognormal', mean_minutes: 1.5, cv: 1.0 },
          ],
        },
      },
      { path: 'contact_types[cards].fcr', value: 0.9 },
      { path: 'routing.policy', value: 'skill_based' },
    ]);
    const planned = planScenario(study, set);
    const cards = planned.contact_types.find((t) => t.id === 'cards')!;
    expect(cards.handle_time).toEqual({ distribution: 'lognormal', mean_seconds: 360, cv: 0.7 });
    expect(cards.fcr).toBe(0.9);
    expect(planned.routing.policy).toBe('skill_based');
    // Only cards changed: accounts keeps its 6-minute handle time.
    expect(planned.contact_types.find((t) => t.id === 'accounts')!.handle_time).toEqual({ distribution: 'lognormal', mean_seconds: 360, cv: 0.75 });
  });

  it('set self-service share and containment where a type has self-service', () => {
    const levers = studyLevers(bot);
    expect(levers.find((l) => l.key === 'share.accounts')?.base).toBe(60);
    expect(levers.find((l) => l.key === 'containment.chat')?.base).toBe(25);
    const set = leverSettings(bot, { values: { 'share.accounts': 80, 'containment.chat': 35 }, policy: bot.scenario.routing.policy });
    expect(set).toEqual([
      { path: 'contact_types[accounts].self_service.share_offered', value: 0.8 },
      { path: 'contact_types[chat].self_service.containment', value: 0.35 },
    ]);
    const planned = planScenario(bot, set);
    expect(planned.contact_types.find((t) => t.id === 'accounts')!.self_service?.share_offered).toBe(0.8);
    expect(planned.contact_types.find((t) => t.id === 'chat')!.self_service?.containment).toBe(0.35);
  });

  it('add self-service to a type without it: one block with both levers\' shares and a 2-minute session', () => {
    const set = leverSettings(study, withValues({ 'share.cards': 30, 'containment.cards': 20, 'containment.chat': 40 }));
    const duration = { distribution: 'lognormal', mean_minutes: 2, cv: 0.5 };
    expect(set).toEqual([
      { path: 'contact_types[cards].self_service', value: { share_offered: 0.3, containment: 0.2, duration } },
      // Only containment changed: nothing is offered yet (share 0), as the levers say.
      { path: 'contact_types[chat].self_service', value: { share_offered: 0, containment: 0.4, duration } },
    ]);
    const planned = planScenario(study, set);
    expect(planned.contact_types.find((t) => t.id === 'cards')!.self_service).toEqual({
      share_offered: 0.3,
      containment: 0.2,
      duration: { distribution: 'lognormal', mean_seconds: 120, cv: 0.5 },
      cost_per_session: 0,
      failed_handle_time_factor: 1,
    });
    expect(planned.contact_types.find((t) => t.id === 'accounts')!.self_service).toBeNull();
    // A type that has self-service keeps its block; the levers set its fields.
    expect(leverSettings(bot, { values: { 'share.accounts': 70 }, policy: bot.scenario.routing.policy })).toEqual([
      { path: 'contact_types[accounts].self_service.share_offered', value: 0.7 },
    ]);
  });

  it('refuse a horizon the warm-up would cover', () => {
    expect(() => horizonSettings(study, 2)).toThrow(UserError);
    expect(() => horizonSettings(study, 2)).toThrow(/48 h warm-up/);
  });

  it('save a variants file that ccsim compare loads into the same plans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-studio-levers-'));
    try {
      copyFileSync(BANK, join(dir, 'retail-bank.yaml'));
      const levers = withValues({ 'agents.generalists': 20, 'shift.chat-team.0': 5, 'add.card-specialists': 1, 'aht.accounts': -10, 'patience.chat': 25, 'fcr.mortgages': 75 }, 'longest_idle');
      const common = horizonSettings(study, 3);
      const plan = leverSettings(study, levers);
      expect(plan).toHaveLength(7);
      const other = leverSettings(study, withValues({ 'share.cards': 30, 'containment.cards': 20, 'volume.chat': 10 }));
      expect(other).toHaveLength(2);
      const name = join(dir, 'retail-bank-studio.yaml');
      const plans = [
        { name: 'plan 1', settings: plan },
        { name: 'plan 2', settings: other },
        { name: 'plan', settings: [] },
      ];
      writeFileSync(name, variantsYaml({ base: 'retail-bank.yaml', common, plans, seed: 2026, replications: 10 }, 'retail-bank-studio.yaml'));
      const loaded = loadVariants(name);
      expect(loaded.plans.map((p) => p.name)).toEqual(['baseline', 'plan 1', 'plan 2', 'plan']);
      const strip = (s: object): string => JSON.stringify({ ...s, source: undefined });
      expect(strip(loaded.plans[0]!.scenario)).toBe(strip(planScenario(study, common)));
      expect(strip(loaded.plans[1]!.scenario)).toBe(strip(planScenario(study, [...common, ...plan])));
      expect(strip(loaded.plans[2]!.scenario)).toBe(strip(planScenario(study, [...common, ...other])));
      // A plan that changes nothing is the baseline again.
      expect(strip(loaded.plans[3]!.scenario)).toBe(strip(planScenario(study, common)));
      expect(loaded.plans[1]!.scenario.horizon.days).toBe(3);
      expect(loaded.plans[2]!.scenario.contact_types[0]!.self_service?.containment).toBe(0.2);
      // Without a new horizon the base itself is the baseline.
      writeFileSync(name, variantsYaml({ base: 'retail-bank.yaml', common: [], plans: plans.slice(1, 2), seed: 2026, replications: 10 }, 'retail-bank-studio.yaml'));
      expect(loadVariants(name).plans.map((p) => p.name)).toEqual(['baseline', 'plan 2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
