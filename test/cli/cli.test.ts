import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCcsim, type CliRun, expectUserError } from '../helpers/cli.ts';


let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ccsim-cli-'));
  writeFileSync(join(cwd, 'exists.yaml'), 'name: x\n');
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

const ccsim = (...args: string[]): CliRun => runCcsim(cwd, ...args);


describe('ccsim command line', () => {
  it('--help lists the commands and exits 0', () => {
    const r = ccsim('--help');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('simulate <file>');
    expect(r.stdout).toContain('validate <file>');
  });

  it('simulate --help lists its options', () => {
    const r = ccsim('simulate', '--help');
    expect(r.status, r.stderr).toBe(0);
    for (const flag of ['--seed', '--days', '--json', '--out', '--force', '--quiet']) expect(r.stdout).toContain(flag);
  });

  it('--version prints the version', () => {
    const r = ccsim('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a bad --seed is refused with a clear message', () => {
    expectUserError(ccsim('simulate', 'exists.yaml', '--seed', 'abc'), /--seed: expected an integer, got 'abc'/);
    expectUserError(ccsim('simulate', 'exists.yaml', '--seed', '1.5'), /--seed: expected an integer, got '1.5'/);
  });

  it('a bad --days or --replications is refused', () => {
    expectUserError(ccsim('simulate', 'exists.yaml', '--days', '0'), /--days: expected a number > 0, got '0'/);
    expectUserError(ccsim('simulate', 'exists.yaml', '--days', 'two'), /--days: expected a number, got 'two'/);
    expectUserError(ccsim('simulate', 'exists.yaml', '--replications', '0'), /--replications: expected an integer >= 1/);
  });

  it('an option without its value is refused', () => {
    expectUserError(ccsim('simulate', 'exists.yaml', '--seed'), /seed/);
  });

  it('an unknown command exits 2', () => {
    expectUserError(ccsim('simulat', 'exists.yaml'), /Unknown command: simulat \(did you mean simulate\?\)/);
    expectUserError(ccsim('frobnicate'), /Unknown command: frobnicate/);
  });

  it('an unknown option exits 2', () => {
    expectUserError(ccsim('validate', 'exists.yaml', '--bogus'), /Unknown argument: bogus/);
  });

  it('no command exits 2', () => {
    expectUserError(ccsim(), /no command given/);
  });

  it('validate on a missing file exits 2 with "not found" and no stack trace', () => {
    const r = ccsim('validate', 'missing.yaml');
    expectUserError(r, /missing\.yaml.*not found/);
    expect(r.stdout).toBe('');
  });

  it('simulate on a missing file exits 2', () => {
    expectUserError(ccsim('simulate', 'missing.yaml', '--json'), /missing\.yaml.*not found/);
  });
});
