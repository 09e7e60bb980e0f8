import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/files/scenario-file.ts';
import { MAX_SYNTAX_PROBLEMS, MAX_YAML_VALUES } from '../../src/scenario/source.ts';
import { MINIMAL, expectProblem, parseError, scenarioError, tempFile } from './helpers.ts';

/** MINIMAL with one line replaced; line numbers below refer to MINIMAL's layout. */
const withLine = (from: string, to: string) => {
  expect(MINIMAL).toContain(from);
  return MINIMAL.replace(from, to);
};

describe('file problems', () => {
  it('file not found', () => {
    const file = join(tmpdir(), 'ccsim-no-such-dir', 'missing.yaml');
    const err = scenarioError(() => loadScenario(file));
    expect(err.message).toBe(`${file}: file not found`);
  });

  it('a file that is not YAML or JSON by its extension', () => {
    const err = scenarioError(() => loadScenario(tempFile('notes.txt', MINIMAL)));
    expect(err.message).toMatch(/notes\.txt: expected a \.yaml, \.yml or \.json file, got a \.txt file$/);
  });

  it('empty file', () => {
    for (const text of ['', '\n\n', '# just a comment\n']) {
      const file = tempFile('empty.yaml', text);
      const err = scenarioError(() => loadScenario(file));
      expect(err.message).toBe(`${file}: the file is empty: expected a scenario with at least contact_types and agent_groups`);
    }
  });

  it('not YAML: a syntax error with its line', () => {
    const file = tempFile('broken.yaml', 'name: x\ncontact_types:\n  - id: a\n   bad: [1, 2\n');
    const err = scenarioError(() => loadScenario(file));
    expect(err.problems.length).toBeGreaterThan(0);
    expect(err.problems[0]!.message).toMatch(/^not valid YAML: /);
    expect(err.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(err.message).toContain(`${file}:${err.problems[0]!.line}:`);
  });

  it('brackets nested too deep: a few lines that say so, not one per level', () => {
    // 100,000 unclosed brackets: the parser runs out of stack, then reports each enclosing
    // level again (799 errors at one place before the list was capped).
    const unclosed = parseError(`name: x\nextra: ${'['.repeat(100_000)}\n`, 'deep.yaml');
    expect(unclosed.problems.length).toBeLessThanOrEqual(MAX_SYNTAX_PROBLEMS + 1);
    expect(unclosed.problems[0]).toMatchObject({ line: 2 });
    expect(unclosed.problems[0]!.message).toBe('not valid YAML: lists or mappings nested too deeply to read (hundreds of levels, where a scenario needs a few)');
    // Closed, in JSON: the same answer. (What follows it depends on the stack of the thread the
    // parser runs on: nothing more on the main thread, a second cascade error on a worker's.)
    const closed = parseError(`{"name": "x", "extra": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'deep.json');
    expect(closed.problems.length).toBeLessThanOrEqual(MAX_SYNTAX_PROBLEMS + 1);
    expect(closed.problems.some((p) => p.message.includes('nested too deeply')), JSON.stringify(closed.problems)).toBe(true);
  });

  it('a file of more values than a scenario could need is refused before the YAML library keeps a node per value', () => {
    // A million numbers in one list, with the keys and the name (values too) just over the limit:
    // about 1.1 GB and 10 s in the library's nodes; refused from the lexer's count instead.
    const list = (n: number): string => `name: x\nextra: [${'1, '.repeat(n - 1)}1]\n`;
    const t0 = performance.now();
    const err = parseError(list(MAX_YAML_VALUES), 'values.yaml');
    expect(err.problems).toHaveLength(1);
    expect(err.message).toBe('values.yaml: the file holds more than 1,000,000 values; a scenario needs far fewer (ten years of staffing by 15 minutes is 350,400), and reading more would take gigabytes');
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(parseError(list(1000), 'values.yaml').message).not.toContain('values; a scenario needs far fewer');
  });

  it('a cascade of YAML errors is cut to the first few, with a count of the rest', () => {
    // Twelve separate lines that are each a syntax error of their own.
    const text = 'name: x\n' + Array.from({ length: 12 }, (_, i) => `key${i}: [unclosed\n  - : :\n`).join('');
    const err = parseError(text, 'many.yaml');
    expect(err.problems).toHaveLength(MAX_SYNTAX_PROBLEMS + 1);
    const more = err.problems[MAX_SYNTAX_PROBLEMS]!;
    expect(more.message).toMatch(/^and \d+ more YAML errors after these/);
    expect(more.line).toBeUndefined();
    // The listed ones are distinct (line, column, message) and in file order.
    const listed = err.problems.slice(0, MAX_SYNTAX_PROBLEMS);
    expect(new Set(listed.map((p) => `${p.line}:${p.column}:${p.message}`)).size).toBe(MAX_SYNTAX_PROBLEMS);
    for (let i = 1; i < listed.length; i++) expect(listed[i]!.line!).toBeGreaterThanOrEqual(listed[i - 1]!.line!);
  });

  it('duplicate keys are a YAML error', () => {
    const err = parseError(withLine('seed: 7', 'seed: 7\nseed: 8'));
    expect(err.problems[0]).toMatchObject({ line: 3 });
    expect(err.problems[0]!.message).toContain('unique');
  });

  it('top level not a mapping', () => {
    const err = parseError('- id: general\n- id: other\n', 'list.yaml');
    expectProblem(err, '', 1, 'expected a mapping at the top level (keys like name, contact_types, agent_groups), got a list of 2');
    expect(parseError('42\n').message).toContain('got 42');
  });
});

describe('field problems: file name, field path, line and expectation', () => {
  it('missing field: points at the parent object', () => {
    const err = parseError(withLine('    handle_time: { distribution: exponential, mean_seconds: 180 }\n', ''));
    expectProblem(err, 'contact_types[general].handle_time', 5, 'required: a distribution');
  });

  it('missing contact_types and agent_groups', () => {
    const err = parseError('name: nothing here\n');
    expectProblem(err, 'contact_types', 1, 'required: at least one contact type');
    expectProblem(err, 'agent_groups', 1, 'required: at least one agent group');
  });

  it('missing both per_hour and per_day', () => {
    const err = parseError(withLine('arrivals: { per_hour: 360 }', 'arrivals: { by_weekday: [1, 1, 1, 1, 1, 1, 1] }'));
    expectProblem(err, 'contact_types[general].arrivals', 6, 'required: one of per_hour or per_day');
  });

  it('wrong type', () => {
    const err = parseError(withLine('agents: 20', 'agents: twenty'));
    expectProblem(err, 'agent_groups[team].agents', 11, 'expected a whole number >= 0, 24 whole numbers (one per hour of day), or {by_interval: [...]}, got "twenty"');
    const err2 = parseError(withLine('seed: 7', 'seed: 7.5'));
    expectProblem(err2, 'seed', 2, 'expected a whole number, got 7.5');
  });

  it('unknown key, with a suggestion', () => {
    const err = parseError(withLine('arrivals: { per_hour: 360 }', 'arival: { per_hour: 360 }'));
    expectProblem(err, 'contact_types[general].arival', 6, "unknown key 'arival' (did you mean 'arrivals'?)");
    expectProblem(err, 'contact_types[general].arrivals', 5, 'required: a mapping with per_hour or per_day');
    const top = parseError(`${MINIMAL}rooting: { policy: round_robin }\n`);
    expectProblem(top, 'rooting', 12, "unknown key 'rooting' (did you mean 'routing'?)");
    const far = parseError(withLine('seed: 7', 'seed: 7\ncolour: blue'));
    expectProblem(far, 'colour', 3, "unknown key 'colour' (expected one of name, seed, horizon");
  });

  it('unknown key inside a distribution', () => {
    const err = parseError(withLine('mean_seconds: 180 }', 'mean_seconds: 180, mean_second: 3 }'));
    expectProblem(err, 'contact_types[general].handle_time.mean_second', 7, "unknown key 'mean_second' (did you mean 'mean_seconds'?)");
  });

  it('unknown skill', () => {
    const err = parseError(withLine('skills: { general: 1 }', 'skills: { general: 1, genral: 0.5 }'));
    expectProblem(err, 'agent_groups[team].skills.genral', 10, "unknown contact type 'genral' (did you mean 'general'?)");
  });

  it('a contact type no group is skilled for', () => {
    const text = withLine('agent_groups:', `  - id: other
    arrivals: { per_hour: 10 }
    handle_time: 60
agent_groups:`);
    const err = parseError(text);
    expectProblem(err, 'contact_types[other]', 8, "no agent group has the skill 'other', so its contacts would wait forever");
  });

  it('negative rate', () => {
    const err = parseError(withLine('per_hour: 360', 'per_hour: -5'));
    expectProblem(err, 'contact_types[general].arrivals.per_hour', 6, 'expected a number >= 0, got -5');
    expect(err.problems).toHaveLength(1);
    expect(err.message).toBe('bad.yaml:6:27: contact_types[general].arrivals.per_hour: expected a number >= 0, got -5');
  });

  it('wrong list length', () => {
    const rates = Array.from({ length: 23 }, () => 10).join(', ');
    const err = parseError(withLine('arrivals: { per_hour: 360 }', `arrivals:\n      per_hour: [${rates}]`));
    expectProblem(err, 'contact_types[general].arrivals.per_hour', 7, 'expected 24 numbers (one per hour of day) or one per interval of the day (48 at 30 min, 96 at 15 min), got 23');
    const week = parseError(withLine('{ per_hour: 360 }', '{ per_hour: 360, by_weekday: [1, 1, 1] }'));
    expectProblem(week, 'contact_types[general].arrivals.by_weekday', 6, 'expected 7 numbers (one per weekday, Mon..Sun), got 3');
  });

  it('a bad item in a list names its index', () => {
    const hours = Array.from({ length: 24 }, (_, i) => (i === 5 ? -1 : 1)).join(', ');
    const err = parseError(withLine('agents: 20', `agents: [${hours}]`));
    expectProblem(err, 'agent_groups[team].agents[5]', 11, 'expected a whole number >= 0, got -1');
  });

  it('by_interval of the wrong length says the expected and actual lengths', () => {
    const err = parseError(withLine('agents: 20', 'agents: { by_interval: [20, 20, 20] }'));
    expectProblem(err, 'agent_groups[team].agents.by_interval', 11, 'expected 24 values (one day of 60-minute intervals, repeated daily), 168 (one week from Monday, repeated weekly) or 72 (every interval of the 3-day horizon), got 3');
  });

  it('by_date keys must be real dates', () => {
    const err = parseError(withLine('{ per_hour: 360 }', '{ per_hour: 360, by_date: { 2026-02-30: 2, 2026-12-24: 1.5 } }'));
    expectProblem(err, 'contact_types[general].arrivals.by_date.2026-02-30', 6, "'2026-02-30' is not a real date");
    expect(err.problems).toHaveLength(1);
  });

  it('warm-up must end before the horizon does', () => {
    const err = parseError(withLine('warmup_hours: 2', 'warmup_hours: 72'));
    expectProblem(err, 'horizon.warmup_hours', 3, 'expected less than the horizon (72 hours), got 72');
  });

  it('duplicate ids', () => {
    const err = parseError(`${MINIMAL}  - id: team\n    skills: { general: 0.5 }\n    agents: 1\n`);
    expectProblem(err, 'agent_groups[1].id', 12, "duplicate id 'team' (already used by agent_groups[0])");
  });

  it('an id that is not [a-z0-9_-]+', () => {
    const err = parseError(withLine('id: team', 'id: Team A'));
    expectProblem(err, 'agent_groups[0].id', 9, 'expected an id made of lowercase letters');
  });

  it('agents and shifts are exclusive; one is required', () => {
    const both = parseError(withLine('agents: 20', 'agents: 20\n    shifts: [{ start: "08:00", hours: 8, agents: 3 }]'));
    expectProblem(both, 'agent_groups[team].shifts', 12, 'give only one of agents or shifts, not agents and shifts');
    const none = parseError(withLine('    agents: 20\n', ''));
    expectProblem(none, 'agent_groups[team]', 9, 'required: one of agents or shifts');
  });

  it('shift fields', () => {
    const err = parseError(withLine('agents: 20', 'shifts: [{ start: "25:00", hours: 30, agents: 2, days: [mon, fun] }]'));
    expectProblem(err, 'agent_groups[team].shifts[0].start', 11, 'expected a time of day "HH:MM" like "08:30", got "25:00"');
    expectProblem(err, 'agent_groups[team].shifts[0].hours', 11, 'expected a number of hours > 0 and <= 24, got 30');
    expectProblem(err, 'agent_groups[team].shifts[0].days[1]', 11, 'expected one of mon, tue, wed, thu, fri, sat or sun, got "fun"');
  });

  it('by_hour belongs with per_day', () => {
    const weights = Array.from({ length: 24 }, () => 1).join(', ');
    const err = parseError(withLine('{ per_hour: 360 }', `{ per_hour: 360, by_hour: [${weights}] }`));
    expectProblem(err, 'contact_types[general].arrivals.by_hour', 6, 'by_hour shapes per_day only');
  });

  it('enumerations say their allowed values', () => {
    const err = parseError(withLine('interval_minutes: 60', 'interval_minutes: 45'));
    expectProblem(err, 'horizon.interval_minutes', 3, 'expected 15, 30 or 60, got 45');
    const ch = parseError(withLine('    arrivals:', '    channel: phone\n    arrivals:'));
    expectProblem(ch, 'contact_types[general].channel', 6, 'expected one of voice, chat or email, got "phone"');
  });

  it('reports every problem at once, in file order', () => {
    const text = withLine('per_hour: 360', 'per_hour: -5')
      .replace('seed: 7', 'seed: seven')
      .replace('{ general: 1 }', '{ general: 1, nope: 1 }')
      .replace('agents: 20', 'agents: -1');
    const err = parseError(text, 'many.yaml');
    expect(err.problems.map((p) => [p.line, p.path])).toEqual([
      [2, 'seed'],
      [6, 'contact_types[general].arrivals.per_hour'],
      [10, 'agent_groups[team].skills.nope'],
      [11, 'agent_groups[team].agents'],
    ]);
    expect(err.message.split('\n')[0]).toBe('many.yaml: 4 problems');
  });
});

describe('distribution problems', () => {
  const handle = (dist: string) => parseError(withLine('{ distribution: exponential, mean_seconds: 180 }', dist));

  it('an unknown distribution name', () => {
    expectProblem(handle('{ distribution: normal, mean_seconds: 180 }'), 'contact_types[general].handle_time.distribution', 7,
      'expected distribution: one of exponential, lognormal, gamma, deterministic, empirical or mixture, got "normal"');
  });

  it('no mean, or two means', () => {
    expectProblem(handle('{ distribution: exponential }'), 'contact_types[general].handle_time', 7,
      'required: one of mean_seconds, mean_minutes or mean_hours');
    expectProblem(handle('{ distribution: exponential, mean_seconds: 180, mean_minutes: 3 }'),
      'contact_types[general].handle_time.mean_minutes', 7, 'give only one of mean_seconds, mean_minutes or mean_hours');
  });

  it('cv is required for lognormal and gamma', () => {
    expectProblem(handle('{ distribution: lognormal, mean_seconds: 180 }'), 'contact_types[general].handle_time.cv', 7, 'required: a number >= 0');
  });

  it('empirical needs values; mixture parts need a positive weight', () => {
    expectProblem(handle('{ distribution: empirical, values_seconds: [] }'), 'contact_types[general].handle_time.values_seconds', 7,
      'expected at least one value in seconds, got an empty list');
    expectProblem(handle('{ distribution: mixture, parts: [{ weight: 0, distribution: deterministic, mean_seconds: 0 }] }'),
      'contact_types[general].handle_time.parts[0].weight', 7, 'expected a number > 0, got 0');
  });

  it('something that is not a distribution', () => {
    expectProblem(handle('fast'), 'contact_types[general].handle_time', 7,
      'expected a distribution (a mapping like {distribution: exponential, mean_seconds: 180}) or a number of seconds, got "fast"');
  });
});
