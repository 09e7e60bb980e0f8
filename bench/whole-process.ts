/**
 * What a user waits for: whole processes timed from outside, beside the hand-written reference
 * engine (bench/reference-engine.mjs) on the same W1 workload (M/M/100, 5,700 contacts/h,
 * exponential 60 s, 10M contacts), and the start-up time of `ccsim --help`.
 * Wall-clock medians, for a quiet machine, of runs that alternate ccsim and the reference; and
 * each process's own CPU time (user + system, the least of the runs), which other load disturbs
 * far less, so the ratio stays readable on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CCSIM = fileURLToPath(new URL('../bin/ccsim.mjs', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./reference-engine.mjs', import.meta.url));
export const GOAL_WHOLE_OVER_REFERENCE = 1.5;
export const GOAL_STARTUP_SECONDS = 0.3;

export interface WholeProcessBench {
  contacts: number;
  /** Runs of each, alternated. */
  runs: number;
  /** `ccsim simulate W1.yaml --json --no-charts`, median wall seconds. */
  simulateSeconds: number;
  /** bench/reference-engine.mjs on the same workload, median wall seconds. */
  referenceSeconds: number;
  ratio: number;
  /** The same two processes' CPU seconds (user + system), least of the runs, and their ratio. */
  simulateCpuSeconds: number;
  referenceCpuSeconds: number;
  cpuRatio: number;
  /** `ccsim --help`, median wall seconds, and its least CPU seconds. */
  helpSeconds: number;
  helpCpuSeconds: number;
  /** `ccsim validate scenarios/retail-bank.yaml`, median wall seconds. */
  validateSeconds: number;
}

/**
 * Loaded before the timed program (`--import`): at exit it writes the process's own CPU time on
 * stderr, on a line of its own that `timed` takes out.
 */
const CPU_PREFIX = 'CCSIM_BENCH_CPU ';
const CPU_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(`process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write('\\n${CPU_PREFIX}' + (c.user + c.system) / 1e6 + '\\n'); });`);

interface Timing {
  wall: number;
  cpu: number;
}

function timed(args: string[], cwd: string): Timing {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith(CPU_PREFIX));
  if (line === undefined) throw new Error(`${args.join(' ')}: no CPU time reported`);
  return { wall, cpu: Number(line.slice(CPU_PREFIX.length)) };
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchWholeProcess(contacts = 10_000_000, runs = 5): WholeProcessBench {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-'));
  try {
    const days = contacts / 5700 / 24;
    writeFileSync(
      join(dir, 'w1.yaml'),
      `name: W1 M/M/100\nhorizon: { start: 2026-01-05, days: ${days}, interval_minutes: 60 }\n` +
        `contact_types:\n  - id: general\n    arrivals: { per_hour: 5700 }\n    handle_time: { distribution: exponential, mean_seconds: 60 }\n` +
        `agent_groups:\n  - id: team\n    skills: { general: 1 }\n    agents: 100\n`,
    );
    const bank = fileURLToPath(new URL('../scenarios/retail-bank.yaml', import.meta.url));
    const runsOf = (args: string[], n: number): Timing[] => Array.from({ length: n }, () => timed(args, dir));
    const wallMedian = (t: Timing[]): number => median(t.map((x) => x.wall));
    const cpuLeast = (t: Timing[]): number => Math.min(...t.map((x) => x.cpu));
    const help = runsOf([CCSIM, '--help'], 5);
    const helpSeconds = wallMedian(help);
    const helpCpuSeconds = cpuLeast(help);
    const validateSeconds = wallMedian(runsOf([CCSIM, 'validate', bank], 5));
    // Alternated, so that a busy spell of a shared host slows both alike rather than one of them.
    const simulate: Timing[] = [];
    const reference: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      simulate.push(timed([CCSIM, 'simulate', 'w1.yaml', '--json', '--no-charts'], dir));
      reference.push(timed([REFERENCE, String(contacts)], dir));
    }
    const simulateSeconds = wallMedian(simulate);
    const referenceSeconds = wallMedian(reference);
    const simulateCpuSeconds = cpuLeast(simulate);
    const referenceCpuSeconds = cpuLeast(reference);
    return {
      contacts,
      runs,
      simulateSeconds,
      referenceSeconds,
      ratio: simulateSeconds / referenceSeconds,
      simulateCpuSeconds,
      referenceCpuSeconds,
      cpuRatio: simulateCpuSeconds / referenceCpuSeconds,
      helpSeconds,
      helpCpuSeconds,
      validateSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatWholeProcess(b: WholeProcessBench): string[] {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `whole process, W1 ${(b.contacts / 1e6).toFixed(0)}M contacts (medians of ${b.runs} runs, alternated): ccsim simulate --json --no-charts ${b.simulateSeconds.toFixed(2)} s, ` +
      `hand-written reference engine ${b.referenceSeconds.toFixed(2)} s: ${b.ratio.toFixed(2)}x  (goal <= ${GOAL_WHOLE_OVER_REFERENCE}x: ${met(b.ratio <= GOAL_WHOLE_OVER_REFERENCE)})`,
    `  CPU time (user + system, least of the runs): ccsim ${b.simulateCpuSeconds.toFixed(2)} s, reference ${b.referenceCpuSeconds.toFixed(2)} s: ${b.cpuRatio.toFixed(2)}x`,
    `start-up: ccsim --help ${b.helpSeconds.toFixed(2)} s, ccsim validate (bank) ${b.validateSeconds.toFixed(2)} s  (goal < ${GOAL_STARTUP_SECONDS} s for both: ${met(b.helpSeconds < GOAL_STARTUP_SECONDS && b.validateSeconds < GOAL_STARTUP_SECONDS)}); --help CPU ${b.helpCpuSeconds.toFixed(2)} s`,
  ];
}
