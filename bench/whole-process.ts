/**
 * What a user waits for: whole processes timed from outside, beside the hand-written reference
 * engine (bench/reference-engine.mjs) on the same W1 workload (M/M/100, 5,700 contacts/h,
 * exponential 60 s, 10M contacts), and the start-up time of `ccsim --help`.
 * Wall-clock medians; run it on a quiet machine (other load only ever slows a run).
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
  /** `ccsim simulate W1.yaml --json --no-charts`, median wall seconds. */
  simulateSeconds: number;
  /** bench/reference-engine.mjs on the same workload, median wall seconds. */
  referenceSeconds: number;
  ratio: number;
  /** `ccsim --help`, median wall seconds. */
  helpSeconds: number;
  /** `ccsim validate scenarios/retail-bank.yaml`, median wall seconds. */
  validateSeconds: number;
}

function wall(args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchWholeProcess(contacts = 10_000_000, runs = 3): WholeProcessBench {
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
    const times = (args: string[], n: number): number => median(Array.from({ length: n }, () => wall(args, dir)));
    const helpSeconds = times([CCSIM, '--help'], 5);
    const validateSeconds = times([CCSIM, 'validate', bank], 5);
    const simulateSeconds = times([CCSIM, 'simulate', 'w1.yaml', '--json', '--no-charts'], runs);
    const referenceSeconds = times([REFERENCE, String(contacts)], runs);
    return { contacts, simulateSeconds, referenceSeconds, ratio: simulateSeconds / referenceSeconds, helpSeconds, validateSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatWholeProcess(b: WholeProcessBench): string[] {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `whole process, W1 ${(b.contacts / 1e6).toFixed(0)}M contacts: ccsim simulate --json --no-charts ${b.simulateSeconds.toFixed(2)} s, ` +
      `hand-written reference engine ${b.referenceSeconds.toFixed(2)} s: ${b.ratio.toFixed(2)}x  (goal <= ${GOAL_WHOLE_OVER_REFERENCE}x: ${met(b.ratio <= GOAL_WHOLE_OVER_REFERENCE)})`,
    `start-up: ccsim --help ${b.helpSeconds.toFixed(2)} s, ccsim validate (bank) ${b.validateSeconds.toFixed(2)} s  (goal < ${GOAL_STARTUP_SECONDS} s: ${met(b.helpSeconds < GOAL_STARTUP_SECONDS)})`,
  ];
}
