import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Every class of bad scenario file, end to end through the command line: exit code 2, one
 * message naming the file, the line, the field path and what was expected, and no stack trace.
 */

const BIN = fileURLToPath(new URL('../../bin/ccsim.mjs', import.meta.url));

const GOOD = `name: ok
contact_types:
  - id: billing
    arrivals: { per_hour: 60 }
    handle_time: { distribution: exponential, mean_seconds: 180 }
agent_groups:
  - id: team
    skills: { billing: 1 }
    agents: 4
`;

/** [class, file text, expected fragments of the message]. */
const CASES: Array<[string, string | null, RegExp[]]> = [
  ['missing field', GOOD.replace('    handle_time: { distribution: exponential, mean_seconds: 180 }\n', ''), [/:3:\d+: contact_types\[billing\]/, /handle_time/, /required/]],
  ['wrong type', GOOD.replace('agents: 4', 'agents: four'), [/:9:\d+: agent_groups\[team\]\.agents/, /expected/]],
  ['unknown key', GOOD.replace('agents: 4', 'agents: 4\n    agnets: 5'), [/:10:\d+: agent_groups\[team\]\.agnets/, /unknown key/]],
  ['unknown skill', GOOD.replace('skills: { billing: 1 }', 'skills: { billing: 1, biling: 1 }'), [/:8:\d+: agent_groups\[team\]\.skills\.biling/, /unknown contact type/]],
  ['negative rate', GOOD.replace('per_hour: 60', 'per_hour: -60'), [/:4:\d+: contact_types\[billing\]\.arrivals\.per_hour/, />= 0/]],
  ['wrong list length', GOOD.replace('per_hour: 60', 'per_hour: [1, 2, 3]'), [/contact_types\[billing\]\.arrivals\.per_hour/, /24/]],
  ['empty file', '', [/empty/i]],
  ['not YAML', 'contact_types: [\n  - id: x\n', [/:\d+(:\d+)?: /, /YAML/]],
  ['file not found', null, [/not found/]],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccsim-bad-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bad scenario files get a clear answer and exit code 2', () => {
  it('the good file is accepted (so each case below fails for its own reason)', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, GOOD);
    const r = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
  });

  for (const [name, text, expected] of CASES) {
    it(name, () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
      if (text !== null) writeFileSync(file, text);
      for (const command of ['validate', 'simulate']) {
        const r = spawnSync(process.execPath, [BIN, command, file, ...(command === 'simulate' ? ['--quiet'] : [])], { encoding: 'utf8', timeout: 60_000, cwd: dir });
        expect(r.status, `${command}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(file);
        for (const e of expected) expect(r.stderr).toMatch(e);
        expect(r.stderr).not.toContain('    at ');
        expect(r.stdout).toBe('');
      }
    });
  }
});
