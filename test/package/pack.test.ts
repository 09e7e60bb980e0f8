/**
 * The published package as a user gets it: `npm pack`, installed into an empty folder, runs
 * `npx ccsim simulate` on a bundled scenario and `import('ccsim')` from plain Node ESM, with no
 * TypeScript tooling installed. (dist/ is built by the suite's global setup; packing skips the
 * prepare script so a concurrent test never sees dist/ half rebuilt.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccsim-pack-'));
    execFileSync(NPM, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
    execFileSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], { cwd: dir, stdio: 'pipe' });
    copyFileSync(join(ROOT, 'scenarios', 'erlang-c.yaml'), join(dir, 'erlang-c.yaml'));
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs without TypeScript tooling', () => {
    expect(existsSync(join(dir, 'node_modules', 'ccsim', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'ccsim', 'src'))).toBe(false);
    for (const tool of ['tsx', 'typescript', 'vitest', 'esbuild']) expect(existsSync(join(dir, 'node_modules', tool)), tool).toBe(false);
  });

  it('runs `npx ccsim simulate` on a copied bundled scenario', () => {
    const r = spawnSync('npx', ['ccsim', 'simulate', 'erlang-c.yaml', '--json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { totals: { service_level: number; answered: number } };
    expect(result.totals.answered).toBeGreaterThan(0);
    expect(result.totals.service_level).toBeGreaterThan(0);
    expect(result.totals.service_level).toBeLessThanOrEqual(1);
  });

  it('carries the cached scripts (validate, every command), and runs `ccsim validate` from its own', () => {
    const bin = join(dir, 'node_modules', 'ccsim', 'dist', 'bin');
    for (const file of ['validate.cjs', 'validate.cjs.cache', 'commands.cjs', 'commands.cjs.cache']) expect(existsSync(join(bin, file)), file).toBe(true);
    // The command npm installed (node_modules/.bin/ccsim, what npx runs): the test above already
    // goes through npx, whose own start-up (~1 CPU-s) would add nothing here.
    const r = spawnSync(join(dir, 'node_modules', '.bin', 'ccsim'), ['validate', 'erlang-c.yaml'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^erlang-c\.yaml: ok \(1 contact type, 1 agent group, /);
  });

  it('imports as a library from plain Node ESM', () => {
    const script = `import('ccsim').then((m) => { const { scenario } = m.loadScenario('erlang-c.yaml'); console.log(m.simulate(scenario, { days: 1 }).totals.service_level); })`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const sl = Number(r.stdout.trim());
    expect(sl).toBeGreaterThan(0);
    expect(sl).toBeLessThanOrEqual(1);
  });
});
