/** What-if variants: settings by path on the base file's raw value, and clear errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlans, loadRawScenario, loadVariants, scenarioWithSettings } from '../../src/experiment/variants.ts';
import { parseFieldPath } from '../../src/experiment/paths.ts';
import { errorOf } from '../helpers/cli.ts';

const BASE = `name: Base
seed: 5
horizon: { days: 0.25, interval_minutes: 60 }
contact_types:
  - id: billing
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
    patience: { distribution: exponential, mean_seconds: 120 }
  - id: sales
    arrivals: { per_hour: 30 }
    handle_time: 240
agent_groups:
  - id: generalists
    skills: { billing: 1, sales: 1 }
    agents: 5
  - id: experts
    skills: { billing: 1 }
    agents: 2
`;

let dir: string;
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccsim-variants-'));
  file('base.yaml', BASE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('field paths', () => {
  it('parses keys, items by id and by index, and quoted keys', () => {
    expect(parseFieldPath('routing.policy', 'x')).toEqual([{ key: 'routing' }, { key: 'policy' }]);
    expect(parseFieldPath('contact_types[billing].self_service.containment', 'x')).toEqual([
      { key: 'contact_types' },
      { item: 'billing' },
      { key: 'self_service' },
      { key: 'containment' },
    ]);
    expect(parseFieldPath('agent_groups[0].agents', 'x')).toEqual([{ key: 'agent_groups' }, { item: '0' }, { key: 'agents' }]);
    expect(parseFieldPath('contact_types[a].arrivals.by_date["2026-12-24"]', 'x').at(-1)).toEqual({ key: '2026-12-24' });
  });

  it('refuses malformed paths', () => {
    expect(errorOf(() => parseFieldPath('a..b', "variant 'V'"))).toMatch(/^variant 'V': bad path 'a\.\.b'/);
    expect(errorOf(() => parseFieldPath('a[b', 'x'))).toMatch(/has no '\]'/);
    expect(errorOf(() => parseFieldPath('a.', 'x'))).toMatch(/ends with a dot/);
    expect(errorOf(() => parseFieldPath('', 'x'))).toMatch(/empty/);
  });
});

describe('settings on a scenario', () => {
  it('sets by id, by index, and creates sections the format allows', () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    const { scenario } = scenarioWithSettings(
      base,
      [
        { path: 'routing.policy', value: 'longest_idle' }, // routing is absent in the file
        { path: 'agent_groups[experts].agents', value: 4 },
        { path: 'contact_types[1].fcr', value: 0.6 },
        { path: 'contact_types[billing].self_service', value: { share_offered: 0.5, containment: 0.3, duration: 60 } },
      ],
      "variant 'V'",
    );
    expect(scenario.routing.policy).toBe('longest_idle');
    expect(scenario.agent_groups[1]!.staffing).toEqual({ kind: 'constant', agents: 4 });
    expect(scenario.contact_types[1]!.fcr).toBe(0.6);
    expect(scenario.contact_types[0]!.self_service?.containment).toBe(0.3);
    // The base is untouched.
    expect(base.scenario.routing.policy).toBe('skill_based');
    expect(base.scenario.agent_groups[1]!.staffing).toEqual({ kind: 'constant', agents: 2 });
  });

  it('names the variant and the path for a key the format does not have', () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    const set = (path: string, value: unknown = 1) => errorOf(() => scenarioWithSettings(base, [{ path, value }], "variant 'X'"));
    expect(set('foo.bar')).toMatch(/^variant 'X': unknown path 'foo\.bar' \(no key 'foo'/);
    expect(set('routing.polcy', 'skill_based')).toBe("variant 'X': unknown path 'routing.polcy' (no key 'polcy'; did you mean 'policy'?)");
    expect(set('contact_types[billing].patience.sigma')).toMatch(/unknown path 'contact_types\[billing\]\.patience\.sigma' \(no key 'sigma'/);
    expect(set('contact_types[refunds].fcr')).toMatch(/unknown path 'contact_types\[refunds\]\.fcr' \(no item with id 'refunds' in contact_types \(ids: billing, sales\)\)/);
    expect(set('contact_types[7].fcr')).toMatch(/contact_types has 2 items, no \[7\]/);
    expect(set('contact_types.billing.fcr')).toMatch(/contact_types is a list: address its items as contact_types\[id\]/);
    expect(set('agent_groups[experts].agents.by_interval')).toMatch(/is a single value, not a mapping/);
  });

  it('reports a value the format refuses with the variant name and field path', () => {
    const base = loadRawScenario(join(dir, 'base.yaml'));
    const message = errorOf(() => scenarioWithSettings(base, [{ path: 'agent_groups[experts].agents', value: -1 }], "variant 'Cut'"));
    expect(message).toBe("variant 'Cut': agent_groups[experts].agents: expected a whole number >= 0, got -1");
    // A section created half-way must still be complete.
    const partial = errorOf(() => scenarioWithSettings(base, [{ path: 'contact_types[billing].self_service.containment', value: 0.3 }], "variant 'Bot'"));
    expect(partial).toMatch(/variant 'Bot': contact_types\[billing\]\.self_service\.share_offered: required/);
  });
});

describe('variants files', () => {
  it('builds the base and each variant, base first, base relative to the variants file', () => {
    const v = loadVariants(
      file(
        'whatif.yaml',
        `base: base.yaml
variants:
  - name: "Skill-based + bot"
    set:
      routing.policy: skill_based
      contact_types[billing].self_service: { share_offered: 0.6, containment: 0.3, duration: 90 }
      agent_groups[generalists].agents: 6
  - name: Round robin
    set: { routing.policy: round_robin }
`,
      ),
    );
    expect(v.plans.map((p) => p.name)).toEqual(['baseline', 'Skill-based + bot', 'Round robin']);
    expect(v.baseline).toBe('baseline');
    expect(v.name).toBe('Base');
    const bot = v.plans[1]!.scenario;
    expect(bot.contact_types[0]!.self_service?.containment).toBe(0.3);
    expect(bot.agent_groups[0]!.staffing).toEqual({ kind: 'constant', agents: 6 });
    expect(v.plans[2]!.scenario.routing.policy).toBe('round_robin');
  });

  it('lets the file name the base plan and choose the baseline', () => {
    const v = loadVariants(
      file(
        'named.yaml',
        `base: base.yaml
base_name: Today
baseline: More experts
variants:
  - name: More experts
    set: { "agent_groups[experts].agents": 3 }
`,
      ),
    );
    expect(v.plans.map((p) => p.name)).toEqual(['More experts', 'Today']);
  });

  it('reports an unknown path with the variant name', () => {
    // (In a YAML flow mapping {...} a key with [ ] must be quoted; block style needs no quotes.)
    const f = file('typo.yaml', `base: base.yaml\nvariants:\n  - name: Typo\n    set:\n      agent_groups[generalists].agnets: 4\n`);
    expect(errorOf(() => loadVariants(f))).toBe(
      "variant 'Typo': unknown path 'agent_groups[generalists].agnets' (no key 'agnets'; did you mean 'agents'?)",
    );
  });

  it('reports mistakes in the variants file itself with line numbers', () => {
    const f = file('broken.yaml', `base: base.yaml\nvariant:\n  - name: A\n`);
    const message = errorOf(() => loadVariants(f));
    expect(message).toMatch(/broken\.yaml:2:1: variant: unknown key 'variant'/);
    expect(message).toMatch(/variants: expected a list of at least one variant/);
    const dup = file('dup.yaml', `base: base.yaml\nvariants:\n  - { name: A, set: {} }\n  - { name: A, set: {} }\n`);
    expect(errorOf(() => loadVariants(dup))).toMatch(/two plans are named 'A'/);
    const missing = file('missing.yaml', `base: nowhere.yaml\nvariants:\n  - { name: A, set: {} }\n`);
    expect(errorOf(() => loadVariants(missing))).toMatch(/nowhere\.yaml: file not found/);
  });

  it('compare takes one variants file, or two or more scenario files', () => {
    const base = join(dir, 'base.yaml');
    const other = file('other.yaml', BASE.replace('name: Base', 'name: Other'));
    expect(loadPlans([base, other]).plans.map((p) => p.name)).toEqual(['Base', 'Other']);
    expect(errorOf(() => loadPlans([base, base]))).toMatch(/is given twice/);
    expect(errorOf(() => loadPlans([base]))).toMatch(/give two or more scenario files, or one variants file/);
    expect(errorOf(() => loadPlans([join(dir, 'whatif.yaml'), base]))).toMatch(/give one variants file alone/);
  });
});

describe('what-ifs on every staffing form', () => {
  const SHIFTED = `name: Shifted
horizon: { days: 0.25, interval_minutes: 60 }
contact_types:
  - id: billing
    arrivals: { per_hour: 60 }
    handle_time: 180
  - id: sales
    arrivals: { per_hour: 30 }
    arrivals_note_is_not_a_key: 1
    handle_time: 240
agent_groups:
  - id: day
    skills: { billing: 1, sales: 1 }
    shifts: [{ start: "00:00", hours: 8, agents: 10 }]
  - id: experts
    skills: { billing: 1 }
    agents: 3
`.replace('    arrivals_note_is_not_a_key: 1\n', '');

  it('a null removes a key, so a variant can replace shifts by agents', () => {
    const base = loadRawScenario(file('shifted.yaml', SHIFTED));
    const s = scenarioWithSettings(base, [
      { path: 'agent_groups[day].shifts', value: null },
      { path: 'agent_groups[day].agents', value: 12 },
    ], "variant 'Flat'").scenario;
    expect(s.agent_groups[0]!.staffing).toEqual({ kind: 'constant', agents: 12 });
    // Without the null, both are there: the error the README's examples used to hit.
    expect(errorOf(() => scenarioWithSettings(base, [{ path: 'agent_groups[day].agents', value: 12 }], "variant 'Both'"))).toMatch(
      /variant 'Both': agent_groups\[day\]/,
    );
    // The base's raw value is untouched.
    expect((base.raw['agent_groups'] as Array<Record<string, unknown>>)[0]!['shifts']).toBeDefined();
  });

  it('[*] sets a key on every item: "+10% staff" and "+15% volume" in one line each', () => {
    const base = loadRawScenario(file('shifted2.yaml', SHIFTED));
    const s = scenarioWithSettings(base, [
      { path: 'agent_groups[*].staffing_scale', value: 1.1 },
      { path: 'contact_types[*].handle_time', value: 200 },
    ], "variant 'More'").scenario;
    expect(s.agent_groups.map((g) => g.staffing_scale)).toEqual([1.1, 1.1]);
    expect(s.contact_types.map((t) => 'mean_seconds' in t.handle_time && t.handle_time.mean_seconds)).toEqual([200, 200]);
    // A typo under [*] is still an unknown path.
    expect(errorOf(() => scenarioWithSettings(base, [{ path: 'agent_groups[*].stafing_scale', value: 1 }], "variant 'T'"))).toMatch(
      /variant 'T': unknown path 'agent_groups\[\*\]\.stafing_scale' \(no key 'stafing_scale'/,
    );
  });

  it('a variants file with several bad variants lists every one of them', () => {
    file('shifted3.yaml', SHIFTED);
    const f = file(
      'bad-many.yaml',
      `base: shifted3.yaml
variants:
  - name: Good
    set: { "agent_groups[*].staffing_scale": 1.1 }
  - name: First bad
    set: { "agent_groups[day].agents": 12 }
  - name: Second bad
    set: { "routing.polcy": skill_based }
  - name: Third bad
    set: { "agent_groups[experts].absence": 2 }
`,
    );
    const message = errorOf(() => loadVariants(f));
    expect(message).toMatch(/3 variants have problems/);
    expect(message).toMatch(/variant 'First bad'/);
    expect(message).toMatch(/variant 'Second bad': unknown path 'routing\.polcy'/);
    expect(message).toMatch(/variant 'Third bad': .*agent_groups\[experts\]\.absence: expected a share >= 0 and < 1, got 2/);
    expect(message).not.toMatch(/'Good'/);
  });
});
