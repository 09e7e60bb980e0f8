import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { planRunFolder, RUN_MARKER, writeRunFolder } from '../../src/report/run-folder.ts';
import { expectUserError, runCcsim } from '../helpers/cli.ts';

/*
 * Data loss (issue 15): --force replaces only a folder a ccsim run wrote and never one holding the
 * input; temporaries are unique and stale ones ignored; an unusable --out is refused before any
 * simulating.
 */

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
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-i15-folders-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('--force replaces only a ccsim run folder', () => {
  it('refuses a folder holding a non-run file, and the file is still there', () => {
    mkdirSync(join(cwd, 'docs'));
    writeFileSync(join(cwd, 'docs', 'thesis.tex'), 'years of work');
    let error: unknown;
    try {
      planRunFolder({ name: 'r', out: 'docs', force: true, cwd });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/--out docs: refusing to replace a folder that is not a ccsim run folder \(it has no \.ccsim-run marker\)/);
    expect(readdirSync(join(cwd, 'docs'))).toEqual(['thesis.tex']);
    expect(readFileSync(join(cwd, 'docs', 'thesis.tex'), 'utf8')).toBe('years of work');
  });

  it('on the command line: exit 2, nothing simulated, nothing deleted', () => {
    writeFileSync(join(cwd, 'tiny.yaml'), TINY);
    mkdirSync(join(cwd, 'etc'));
    writeFileSync(join(cwd, 'etc', 'passwd'), 'root:x:0:0');
    const r = runCcsim(cwd, 'simulate', 'tiny.yaml', '--out', 'etc', '--force', '--quiet');
    expectUserError(r, /--out etc: refusing to replace a folder that is not a ccsim run folder/);
    expect(readdirSync(join(cwd, 'etc'))).toEqual(['passwd']);
    expect(readdirSync(cwd).sort()).toEqual(['etc', 'tiny.yaml']);
  });

  it('refuses a run folder that holds the input scenario', () => {
    const dir = writeRunFolder(planRunFolder({ name: 'r', out: 'run', cwd }), { 'summary.json': '{}' });
    writeFileSync(join(dir, 'tiny.yaml'), TINY);
    const r = runCcsim(cwd, 'simulate', 'run/tiny.yaml', '--out', 'run', '--force', '--quiet');
    expectUserError(r, /--out run: refusing to replace this folder: it holds the input file run\/tiny\.yaml/);
    expect(readFileSync(join(dir, 'tiny.yaml'), 'utf8')).toBe(TINY);
    expect(readdirSync(dir).sort()).toEqual([RUN_MARKER, 'summary.json', 'tiny.yaml']);
  });

  it('replaces a run folder the program wrote', () => {
    writeFileSync(join(cwd, 'tiny.yaml'), TINY);
    expect(runCcsim(cwd, 'simulate', 'tiny.yaml', '--out', 'run', '--quiet', '--no-charts').status).toBe(0);
    const r = runCcsim(cwd, 'simulate', 'tiny.yaml', '--out', 'run', '--force', '--no-charts', '--seed', '7');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'run', 'summary.json'), 'utf8')).seed).toBe(7);
    expect(JSON.parse(readFileSync(join(cwd, 'run', RUN_MARKER), 'utf8')).files).toContain('summary.json');
  });
});

describe('temporary folders', () => {
  it('a stale temporary of a killed run (same name scheme, same pid) is ignored, not used or shown', () => {
    mkdirSync(join(cwd, 'output'));
    const stale = join(cwd, 'output', `.r-20261123-203000.tmp-${process.pid}`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'summary.json'), 'half-written');
    const now = new Date(2026, 10, 23, 20, 30, 0);
    const dir = writeRunFolder(planRunFolder({ name: 'r', cwd, now }), { 'summary.json': '{"ok":1}' });
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{"ok":1}');
    expect(readFileSync(join(stale, 'summary.json'), 'utf8')).toBe('half-written'); // not ours: left alone
    expect(readdirSync(join(cwd, 'output')).filter((f) => !f.startsWith('.'))).toEqual(['r-20261123-203000']);
  });

  it('two writers into the same parent at once each get their own temporary and their own folder', async () => {
    const now = new Date(2026, 10, 23, 20, 30, 0);
    const plans = [planRunFolder({ name: 'r', cwd, now }), planRunFolder({ name: 'r', cwd, now })];
    const dirs = await Promise.all(plans.map((p, i) => Promise.resolve().then(() => writeRunFolder(p, { 'a.txt': `run ${i}` }))));
    expect(new Set(dirs).size).toBe(2);
    expect(dirs.map((d) => readFileSync(join(d, 'a.txt'), 'utf8')).sort()).toEqual(['run 0', 'run 1']);
    expect(readdirSync(join(cwd, 'output')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('an unusable --out is refused before simulating', () => {
  it('a dangling symbolic link', () => {
    writeFileSync(join(cwd, 'tiny.yaml'), TINY);
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'link'));
    const r = runCcsim(cwd, 'simulate', 'tiny.yaml', '--out', 'link', '--quiet');
    expectUserError(r, /--out link: is a symbolic link to something that does not exist; give a real folder path/);
    expect(lstatSync(join(cwd, 'link')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(cwd, 'nowhere'))).toBe(false);
    expect(readdirSync(cwd).sort()).toEqual(['link', 'tiny.yaml']);
  });

  it('a folder under a file, and under a dangling link', () => {
    writeFileSync(join(cwd, 'afile'), 'x');
    expect(() => planRunFolder({ name: 'r', out: 'afile/sub', cwd })).toThrow(/--out afile\/sub: cannot create it: .*afile is not a folder/);
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'dead'));
    expect(() => planRunFolder({ name: 'r', out: 'dead/sub', cwd })).toThrow(/--out dead\/sub: cannot create it: .*dead is a symbolic link to something that does not exist/);
    expect(readdirSync(cwd).sort()).toEqual(['afile', 'dead']);
  });
});
