/**
 * Every command of the README runs as written: each line of a ```sh block that starts with
 * `npx ccsim` or `ccsim` is run with bash in a scratch copy of the bundled scenarios, and must
 * exit 0. What a command needs that a user would have (what-if.yaml from the README's own
 * example, a history.csv, a run folder, sweep shards) is made first; placeholders are filled
 * in (FILE -> a bundled scenario, /results and /shared -> scratch folders, Slurm's variables).
 *
 * Runtime: with `CCSIM_README_FULL=1` every line runs verbatim. By default, replications above
 * 3 run as `--replications 3` and `--target-ci` stops at 5 replications, so the whole README
 * runs in a few minutes on two cores; everything else (paths, options, files) is verbatim.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FULL = process.env['CCSIM_README_FULL'] === '1';

/** The README's `ccsim` command lines, in order, continuation lines joined. */
export function readmeCommands(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const joined = m[1]!.replace(/\\\n\s*/g, ' ');
    for (const line of joined.split('\n')) {
      const t = line.trim();
      if (t.startsWith('npx ccsim ') || t.startsWith('ccsim ')) out.push(t);
    }
  }
  return out;
}

/** The YAML block of the README that is a variants file. */
function whatIfYaml(text: string): string {
  const block = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => /^base: /m.test(b) && /^variants:/m.test(b));
  if (block === undefined) throw new Error('README has no variants example');
  return block;
}

/** A small interval history in the usual ACD export shape (4 weeks, hourly, two queues). */
function history(offeredColumn: string): string {
  const rows = [`date,interval,queue,${offeredColumn},handled,abandoned,aht,asa,agents`];
  let x = 12345;
  const rand = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let d = 0; d < 28; d++) {
    const date = new Date(Date.UTC(2026, 9, 5 + d)).toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      for (const [queue, size] of [['billing', 40], ['sales', 15]] as const) {
        const shape = h >= 8 && h < 20 ? 1 : 0.15;
        const offered = Math.round(size * shape * (0.7 + 0.6 * rand()));
        const abandoned = Math.min(offered, Math.round(offered * 0.05 * rand() * 2));
        rows.push(`${date},${String(h).padStart(2, '0')}:00,${queue},${offered},${offered - abandoned},${abandoned},${Math.round(200 + 100 * rand())},${Math.round(10 + 30 * rand())},${Math.round(size / 6)}`);
      }
    }
  }
  return rows.join('\n') + '\n';
}

let dir: string;

/** The environment of a README line: this checkout's `ccsim` first on the PATH, Slurm's variables. */
function env(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(dir, '.bin')}:${process.env['PATH'] ?? ''}`, SLURM_ARRAY_TASK_ID: '1', SLURM_CPUS_PER_TASK: '1', NO_COLOR: '1' };
}

/** Runs a command line with bash in `cwd` (default: the prepared folder). */
function sh(command: string, cwd = dir): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 30, env: env() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking the test thread, so that several README lines run at once. */
function shAsync(command: string, cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, env: env(), stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** The line as it runs here: `npx ccsim` and `ccsim` call this checkout; placeholders filled in. */
function prepared(line: string): string {
  let cmd = line.replace(/^npx ccsim /, 'ccsim ');
  cmd = cmd.replace(/\bFILE\b/g, 'scenarios/erlang-c.yaml');
  cmd = cmd.replace(/ \/(results|shared)\//g, ' $1/');
  if (!FULL) {
    cmd = cmd.replace(/--replications (\d+)/g, (all, n: string) => (Number(n) > 3 ? '--replications 3' : all));
    if (cmd.includes('--target-ci') && !cmd.includes('--max-replications')) cmd += ' --max-replications 5';
  }
  return cmd;
}

let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ccsim-readme-'));
  dir = join(root, 'prepared');
  mkdirSync(dir);
  cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(join(ROOT, 'scenarios', 'retail-bank.yaml'), join(dir, 'retail-bank.yaml'));
  writeFileSync(join(dir, 'what-if.yaml'), whatIfYaml(README));
  writeFileSync(join(dir, 'history.csv'), history('offered'));
  writeFileSync(join(dir, 'export.csv'), history('Calls In'));
  mkdirSync(join(dir, '.bin'));
  writeFileSync(join(dir, '.bin', 'ccsim'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, '.bin', 'ccsim'), 0o755);
  // A run folder for `ccsim report`, and sweep shards for `ccsim merge` (made quickly on the
  // small bundled scenario, without charts: what is checked is that the README's commands read
  // them). The three are independent, so they run at once.
  const setup = [
    'ccsim simulate scenarios/erlang-c.yaml --out output/retail-bank-20261207-093000 --quiet --no-charts',
    "ccsim sweep scenarios/erlang-c.yaml --vary 'agent_groups[team].agents=18..21' --shard 1/2 --out shards/1 --quiet --no-charts",
    "ccsim sweep scenarios/erlang-c.yaml --vary 'agent_groups[team].agents=18..21' --shard 2/2 --out shards/2 --quiet --no-charts",
  ];
  const results = await Promise.all(setup.map((c) => shAsync(c, dir)));
  results.forEach((r, i) => {
    if (r.status !== 0) throw new Error(`setup '${setup[i]!}' failed: ${r.stderr}`);
  });
  const copy = sh('mkdir -p results && cp -r shards/1 results/shard-1 && cp -r shards/2 results/shard-2');
  if (copy.status !== 0) throw new Error(`setup copy failed: ${copy.stderr}`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('README commands', () => {
  const commands = readmeCommands(README);

  it('finds the commands of every section', () => {
    expect(commands.length).toBeGreaterThanOrEqual(20);
    for (const verb of ['simulate', 'validate', 'compare', 'sweep', 'merge', 'report', 'staff', 'fit']) {
      expect(commands.some((c) => c.includes(`ccsim ${verb} `))).toBe(true);
    }
  });

  // Each line runs in its own copy of the prepared folder: the README's lines are alternatives
  // (`fit history.csv > plan.yaml` and `fit history.csv --out plan.yaml`), not one script. So
  // they run concurrently (vitest's maxConcurrency at a time): this file is the suite's longest,
  // and one line at a time would leave it running alone on one core at the end of the suite.
  const ran = new Map<string, string>();
  // The lines start longest first (two at a time), so that no long line starts last and runs alone:
  // `staff` (a search over many replications, 8-22 CPU-s a line, measured under load), then the
  // lines that run several replications or plans (5-7 CPU-s), then the rest (under 2 CPU-s each).
  const cost = (line: string): number => (/ccsim staff /.test(line) ? 0 : /--replications|--target-ci|ccsim (compare|sweep) /.test(line) ? 1 : 2);
  const order = commands.map((line, i) => ({ line, i })).sort((x, y) => cost(x.line) - cost(y.line) || x.i - y.i);
  order.forEach(({ line, i }) => {
    it.concurrent(`runs: ${line}`, async () => {
      const here = join(root, 'runs', String(i));
      cpSync(dir, here, { recursive: true });
      const r = await shAsync(prepared(line), here);
      expect(r.status, `${prepared(line)}\n${r.stderr.slice(0, 2000)}`).toBe(0);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      ran.set(line, here);
    }, 600_000);
  });

  it('left the outputs where the README says', () => {
    const where = (part: string): string => [...ran].find(([line]) => line.includes(part))?.[1] ?? '';
    expect(existsSync(join(where('fit history.csv > plan.yaml'), 'plan.yaml'))).toBe(true);
    expect(existsSync(join(where('merge shards/*'), 'staffing-sweep', 'sweep.json'))).toBe(true);
    expect(existsSync(join(where('--out runs/dec-plan'), 'runs', 'dec-plan', 'summary.json'))).toBe(true);
  });
});
