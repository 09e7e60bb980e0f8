import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ScenarioError } from '../../src/errors.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-scenario-'));

export function tempFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const MINIMAL = `name: Erlang C check
seed: 7
horizon: { days: 3, interval_minutes: 60, warmup_hours: 2 }
contact_types:
  - id: general
    arrivals: { per_hour: 360 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { general: 1 }
    agents: 20
`;

/** Runs `fn`, which must throw a ScenarioError, and returns it. */
export function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}

export function parseError(text: string, file = 'bad.yaml'): ScenarioError {
  return scenarioError(() => parseScenario(text, file));
}

/**
 * The problem at `path` must exist, sit on `line`, and its message (as the user sees it: with
 * file name, line, path) must contain `words`.
 */
export function expectProblem(err: ScenarioError, path: string, line: number | undefined, words: string): void {
  const problem = err.problems.find((p) => p.path === path && p.message.includes(words));
  expect(problem, `no problem at ${path} saying "${words}" in:\n${err.message}`).toBeDefined();
  expect(problem!.line).toBe(line);
  const where = line === undefined ? err.file : `${err.file}:${line}:`;
  const shown = err.message.split('\n').find((l) => l.includes(words) && l.includes(path));
  expect(shown, err.message).toBeDefined();
  expect(shown!).toContain(where);
  expect(err.message).not.toMatch(/\n\s+at /);
}
