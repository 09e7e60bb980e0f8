/**
 * The studio's levers as `set` field paths (src/studio/page/study.ts), in Node: the counts they
 * write are checked against the bank file's own numbers scaled by hand, and the saved variants
 * file, loaded by `ccsim compare`'s loader, builds the very scenario the page runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { horizonSettings, leverSettings, loadStudy, neutralLevers, planScenario } from '../../src/studio/page/study.ts';
import { variantsYaml } from '../../src/studio/page/variants-file.ts';
import { loadVariants } from '../../src/experiment/variants.ts';
import { UserError } from '../../src/errors.ts';

const BANK = fileURLToPath(new URL('../../scenarios/retail-bank.yaml', import.meta.url));
const study = loadStudy(readFileSync(BANK, 'utf8'), 'retail-bank.yaml');

describe('studio levers', () => {
  it('use staffing_scale and arrivals.scale, which this format has', () => {
    expect(study.hasStaffingScale).toBe(true);
    expect(study.hasArrivalsScale).toBe(true);
  });

  it('write nothing for an untouched plan', () => {
    expect(leverSettings(study, neutralLevers(study))).toEqual([]);
    expect(horizonSettings(study, study.scenario.horizon.days)).toEqual([]);
  });

  it('scale every staffing count of a group, rounded to whole agents, or use staffing_scale', () => {
    const levers = neutralLevers(study);
    levers.agents['card-specialists'] = 50;
    const set = leverSettings(study, levers);
    if (study.hasStaffingScale) {
      expect(set).toEqual([{ path: 'agent_groups[card-specialists].staffing_scale', value: 1.5 }]);
      return;
    }
    // The file's 24 hourly values, each x 1.5, rounded half up by hand.
    const file = [2, 2, 2, 2, 2, 2, 3, 6, 11, 14, 15, 15, 14, 14, 14, 14, 13, 10, 8, 6, 5, 4, 3, 2];
    const hand = [3, 3, 3, 3, 3, 3, 5, 9, 17, 21, 23, 23, 21, 21, 21, 21, 20, 15, 12, 9, 8, 6, 5, 3];
    expect(file.map((a) => Math.round(a * 1.5))).toEqual(hand);
    expect(set).toEqual([{ path: 'agent_groups[card-specialists].agents', value: hand }]);
  });

  it('scale a shift-staffed group shift by shift', () => {
    const levers = neutralLevers(study);
    levers.agents['chat-team'] = 25;
    const set = leverSettings(study, levers);
    if (study.hasStaffingScale) {
      expect(set).toEqual([{ path: 'agent_groups[chat-team].staffing_scale', value: 1.25 }]);
      return;
    }
    // chat-team shifts: 3, 4, 4, 1 agents; x 1.25 = 3.75, 5, 5, 1.25 -> 4, 5, 5, 1.
    expect(set).toEqual([
      { path: 'agent_groups[chat-team].shifts[0].agents', value: 4 },
      { path: 'agent_groups[chat-team].shifts[1].agents', value: 5 },
      { path: 'agent_groups[chat-team].shifts[2].agents', value: 5 },
      { path: 'agent_groups[chat-team].shifts[3].agents', value: 1 },
    ]);
  });

  it('scale a type\'s volume and set the routing policy', () => {
    const levers = neutralLevers(study);
    levers.volume['cards'] = 10;
    levers.policy = 'skill_based';
    const set = leverSettings(study, levers);
    expect(set).toContainEqual({ path: 'routing.policy', value: 'skill_based' });
    expect(set).toContainEqual(
      study.hasArrivalsScale ? { path: 'contact_types[cards].arrivals.scale', value: 1.1 } : { path: 'contact_types[cards].arrivals.per_day', value: 2200 },
    );
    const planned = planScenario(study, set);
    expect(planned.routing.policy).toBe('skill_based');
  });

  it('refuse a horizon the warm-up would cover', () => {
    expect(() => horizonSettings(study, 2)).toThrow(UserError);
    expect(() => horizonSettings(study, 2)).toThrow(/48 h warm-up/);
  });

  it('save a variants file that ccsim compare loads into the same plans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-studio-levers-'));
    try {
      copyFileSync(BANK, join(dir, 'retail-bank.yaml'));
      const levers = neutralLevers(study);
      levers.agents['generalists'] = 20;
      levers.policy = 'longest_idle';
      const common = horizonSettings(study, 3);
      const plan = leverSettings(study, levers);
      const file = join(dir, 'retail-bank-studio.yaml');
      writeFileSync(file, variantsYaml({ base: 'retail-bank.yaml', common, plan, planName: 'plan', seed: 2026, replications: 10 }, 'retail-bank-studio.yaml'));
      const loaded = loadVariants(file);
      expect(loaded.plans.map((p) => p.name)).toEqual(['baseline', 'plan']);
      const strip = (s: object): string => JSON.stringify({ ...s, source: undefined });
      expect(strip(loaded.plans[0]!.scenario)).toBe(strip(planScenario(study, common)));
      expect(strip(loaded.plans[1]!.scenario)).toBe(strip(planScenario(study, [...common, ...plan])));
      expect(loaded.plans[1]!.scenario.horizon.days).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
