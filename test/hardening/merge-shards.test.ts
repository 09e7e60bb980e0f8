import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUserError, runCcsim } from '../helpers/cli.ts';

/* Issue 15: ccsim merge refuses tampered shards (schema + content hash); nothing is written. */

const TINY = `name: tiny
horizon: { days: 0.05 }
contact_types:
  - id: billing
    arrivals: { per_hour: 30 }
    handle_time: { distribution: exponential, mean_seconds: 120 }
agent_groups:
  - id: team
    skills: { billing: 1 }
    agents: 3
`;

let cwd: string;
let original: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-i15-merge-'));
  writeFileSync(join(cwd, 'tiny.yaml'), TINY);
  for (const i of [1, 2]) {
    const r = runCcsim(cwd, 'sweep', 'tiny.yaml', '--vary', 'agent_groups[team].agents=2..5:1', '--shard', `${i}/2`, '--out', `s${i}`, '--quiet', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
  }
  original = readFileSync(join(cwd, 's2', 'sweep.json'), 'utf8');
}, 120_000);
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function tamper(edit: (doc: Record<string, any>) => void): void {
  const doc = JSON.parse(original) as Record<string, any>;
  edit(doc);
  writeFileSync(join(cwd, 's2', 'sweep.json'), JSON.stringify(doc, null, 2) + '\n');
}

describe('ccsim merge checks every shard', () => {
  it('the untouched shards merge', () => {
    writeFileSync(join(cwd, 's2', 'sweep.json'), original);
    const r = runCcsim(cwd, 'merge', 's1', 's2', '--out', 'ok', '--quiet', '--no-charts');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'ok', 'sweep.json'), 'utf8')).content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an edited number (hash no longer matches)', (d: Record<string, any>) => void (d.rows[0].totals.service_level = 0.99), /s2\/sweep\.json: its content does not match its content_hash: the file was changed after ccsim wrote it/],
    ['a string for a number', (d: Record<string, any>) => void (d.rows[0].totals.offered = '12'), /s2\/sweep\.json: not a valid ccsim sweep output: rows\[0\]\.totals\.offered: /],
    ['a negative count', (d: Record<string, any>) => void (d.rows[0].totals.answered = -4), /rows\[0\]\.totals\.answered: expected a number >= 0/],
    ['missing totals', (d: Record<string, any>) => void delete d.rows[1].totals, /rows\[1\]\.totals: /],
    ['no content hash', (d: Record<string, any>) => void delete d.content_hash, /content_hash: /],
    ['more answered and abandoned than offered', (d: Record<string, any>) => void (d.rows[0].totals.answered = d.rows[0].totals.offered + 5), /rows\[0\]\.totals\.answered: answered \+ abandoned \(\d+\) is more than offered/],
  ])('%s is refused, nothing written', (_name, edit, message) => {
    tamper(edit);
    expectUserError(runCcsim(cwd, 'merge', 's1', 's2', '--out', 'merged', '--quiet', '--no-charts'), message);
    expect(existsSync(join(cwd, 'merged'))).toBe(false);
  });
});
