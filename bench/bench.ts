/**
 * `npm run bench`: throughput and peak memory of the real simulate path (compile +
 * runReplication + summarise, metrics included) on the workloads of bench/workloads.ts.
 *
 * Each workload runs in its own child process (`node bin/bench.mjs --child ID`) so that its peak
 * RSS is its own; the child does one untimed warm-up run at a small size, then TIMED_RUNS
 * timed runs (same seed, so the same contacts and events) and reports the median time, as one
 * JSON line. This is a benchmark, not a test: it asserts nothing.
 *
 *   npm run bench                       all workloads
 *   npm run bench -- --only W1-1M,W2    some of them
 *   npm run bench -- --only whole       whole processes: ccsim simulate vs the reference engine, start-up
 *   npm run bench -- --json             results as JSON
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compile } from '../src/model/compile.ts';
import { runReplication } from '../src/center/run.ts';
import { ContactCenter } from '../src/center/contact-center.ts';
import { summarise } from '../src/metrics/summarise.ts';
import { WORKLOADS, workload, type Workload } from './workloads.ts';
import { measureReplicationsPerSecond } from '../src/experiment/replications.ts';
import { benchStaffing, type StaffingBench } from './staffing.ts';
import { benchWholeProcess, formatWholeProcess, type WholeProcessBench } from './whole-process.ts';

const RESULT_PREFIX = 'BENCH_RESULT ';
const WARMUP_CONTACTS = 50_000;
/** Timed runs per workload in the child; the median time is reported (runs are deterministic). */
const TIMED_RUNS = 3;
const GOAL_CONTACTS_PER_SECOND = 2.5e6;
const GOAL_MEMORY_RATIO = 1.3;

/** Reference figures quoted from the design notes; not measured by this run. */
const REFERENCE = [
  { engine: 'hand-written typed-array engine (this machine)', contactsPerSecond: 4.5e6 },
  { engine: 'SimPy', contactsPerSecond: 46e3 },
  { engine: 'Ciw', contactsPerSecond: 17e3 },
];

interface Measurement {
  id: string;
  description: string;
  replications: number;
  contacts: number;
  events: number;
  seconds: number;
  contactsPerSecond: number;
  eventsPerSecond: number;
  /** Peak resident set of the child process over warm-up and the first timed run, MB. */
  peakRssMB: number;
  /** Timed runs behind `seconds` (the median). */
  timedRuns: number;
  /** Peak resident set after the warm-up, before the timed run (the process's own floor), MB. */
  warmupPeakRssMB: number;
}

interface Run {
  contacts: number;
  events: number;
  seconds: number;
}

/** The real simulate path: compile, then per replication run + summarise. */
function timedRun(w: Workload, contacts: number, replications: number): Run {
  const t0 = performance.now();
  const scenario = w.build(contacts);
  const model = compile(scenario);
  let arrived = 0;
  let events = 0;
  for (let r = 0; r < replications; r++) {
    const tally = w.general === true ? new ContactCenter(model, scenario.seed, r).run() : runReplication(model, scenario.seed, r);
    const result = summarise(model, tally, scenario.seed);
    arrived += result.totals.arrivals;
    events += tally.events;
  }
  return { contacts: arrived, events, seconds: (performance.now() - t0) / 1000 };
}

const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

function child(id: string): void {
  const w = workload(id);
  timedRun(w, Math.min(WARMUP_CONTACTS, w.contacts), 1); // warm-up, not counted
  const warmupPeak = peakRssMB();
  const runs: Run[] = [timedRun(w, w.contacts, w.replications)];
  // Peak memory is read after the first timed run: later runs only refine the time, and their
  // garbage overlapping the previous run's would not be the workload's own footprint.
  const peak = peakRssMB();
  for (let i = 1; i < TIMED_RUNS; i++) runs.push(timedRun(w, w.contacts, w.replications));
  runs.sort((a, b) => a.seconds - b.seconds);
  const run = runs[Math.floor(runs.length / 2)]!;
  const m: Measurement = {
    id: w.id,
    description: w.description,
    replications: w.replications,
    timedRuns: TIMED_RUNS,
    contacts: run.contacts,
    events: run.events,
    seconds: run.seconds,
    contactsPerSecond: run.contacts / run.seconds,
    eventsPerSecond: run.events / run.seconds,
    peakRssMB: peak,
    warmupPeakRssMB: warmupPeak,
  };
  process.stdout.write(RESULT_PREFIX + JSON.stringify(m) + '\n');
}

function runChild(id: string): Measurement {
  const bin = fileURLToPath(new URL('../bin/bench.mjs', import.meta.url));
  const out = spawnSync(process.execPath, [...process.execArgv, bin, '--child', id], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (out.error) throw out.error;
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (out.status !== 0 || line === undefined) {
    throw new Error(`workload ${id}: child exited with status ${out.status ?? out.signal}\n${out.stdout}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as Measurement;
}

// ---- formatting -----------------------------------------------------------------------------

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const si = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

interface Summary {
  machine: { cpus: number; node: string };
  results: Measurement[];
  memoryRatio: { w1_10M_over_1M: number | null; goal: number };
  contactsPerSecond: { w1_1M: number | null; w1_10M: number | null; goal: number };
  replicationsPerSecond: { jobs1: number | null; jobs2: number | null; speedup?: number | null; goal?: number };
  reference: typeof REFERENCE;
  /** `ccsim staff` on a 7-day, 30-minute, three-type week (bench/staffing.ts); absent unless run. */
  staffing?: StaffingBench;
  wholeProcess?: WholeProcessBench;
}

function summary(results: Measurement[]): Summary {
  const by = (id: string): Measurement | undefined => results.find((m) => m.id === id);
  const w1 = by('W1-1M');
  const w10 = by('W1-10M');
  const r = by('R');
  return {
    machine: { cpus: cpus().length, node: process.version },
    results,
    memoryRatio: { w1_10M_over_1M: w1 && w10 ? w10.peakRssMB / w1.peakRssMB : null, goal: GOAL_MEMORY_RATIO },
    contactsPerSecond: { w1_1M: w1?.contactsPerSecond ?? null, w1_10M: w10?.contactsPerSecond ?? null, goal: GOAL_CONTACTS_PER_SECOND },
    // --jobs 2: filled in once src/experiment offers parallel replications (worker threads).
    replicationsPerSecond: { jobs1: r ? r.replications / r.seconds : null, jobs2: null },
    reference: REFERENCE,
  };
}

function print(s: Summary): void {
  const rows = [['workload', 'contacts', 'events', 'seconds', 'contacts/s', 'events/s', 'peak RSS (MB)']];
  for (const m of s.results) {
    rows.push([m.id, int(m.contacts), int(m.events), m.seconds.toFixed(2), int(m.contactsPerSecond), int(m.eventsPerSecond), m.peakRssMB.toFixed(1)]);
  }
  const out: string[] = [];
  out.push(`ccsim bench — node ${s.machine.node}, ${s.machine.cpus} CPUs; compile + runReplication + summarise, one child process per workload, median of ${TIMED_RUNS} timed runs after a warm-up`);
  out.push('');
  out.push(table(rows));
  out.push('');
  const ratio = s.memoryRatio.w1_10M_over_1M;
  if (ratio !== null) {
    out.push(`peak RSS W1-10M / W1-1M: ${ratio.toFixed(2)}  (goal <= ${GOAL_MEMORY_RATIO}: ${ratio <= GOAL_MEMORY_RATIO ? 'met' : 'NOT met'})`);
  }
  for (const [label, v] of [['W1-1M', s.contactsPerSecond.w1_1M], ['W1-10M', s.contactsPerSecond.w1_10M]] as const) {
    if (v !== null) out.push(`${label} contacts/s: ${si(v)}  (goal ${si(GOAL_CONTACTS_PER_SECOND)}/s: ${v >= GOAL_CONTACTS_PER_SECOND ? 'met' : `NOT met, ${((100 * v) / GOAL_CONTACTS_PER_SECOND).toFixed(0)}% of goal`})`);
  }
  const r = s.results.find((m) => m.id === 'R');
  if (r) {
    out.push(`R replications/s, --jobs 1: ${(r.replications / r.seconds).toFixed(2)}  (${r.replications} x ${si(r.contacts / r.replications)} contacts in ${r.seconds.toFixed(2)} s)`);
    const p = s.replicationsPerSecond;
    if (p.speedup != null && p.jobs2 !== null) {
      out.push(
        `R replications/s on worker threads (warm pool, ${R_PARALLEL_REPLICATIONS} replications, best of ${PARALLEL_ROUNDS}): --jobs 1 ${p.jobs1!.toFixed(2)}, --jobs 2 ${p.jobs2.toFixed(2)}: ${p.speedup.toFixed(2)}x  (goal >= ${GOAL_SPEEDUP_2_JOBS}x on 2 cores: ${p.speedup >= GOAL_SPEEDUP_2_JOBS ? 'met' : 'NOT met'}${cpus().length < 2 ? '; this machine has 1 CPU' : ''})`,
      );
    }
  }
  if (s.staffing) {
    const st = s.staffing;
    out.push(
      `staffing (ccsim staff, 7 days x 30 min, 3 types, default settings): ${st.seconds.toFixed(1)} s; ${st.iterations} iterations, ${st.simulations} simulations, ` +
        `${st.replications} replications, ${si(st.contacts)} contacts; ${st.checkedIntervals} checked intervals, ${st.missedIntervals} missed (goal: under ~60 s)`,
    );
    const ts = st.techSupport;
    out.push(
      `staffing the tech-support week (scenarios/tech-support.yaml, search + verification on 20 fresh replications, one thread): ${ts.seconds.toFixed(1)} s, ${ts.cpuSeconds.toFixed(1)} CPU s; ` +
        `${ts.iterations} iterations, ${ts.simulations} simulations, ${ts.replications} replications; the plan ${ts.holds ? 'holds' : 'does NOT hold'} (goal: under 15 s)`,
    );
  }
  if (s.wholeProcess) out.push(...formatWholeProcess(s.wholeProcess));
  out.push('');
  out.push('Reference figures from the design notes (not measured by this run):');
  for (const ref of s.reference) out.push(`  ${ref.engine}: ~${si(ref.contactsPerSecond)} contacts/s`);
  process.stdout.write(out.join('\n') + '\n');
}

// ---- command line ---------------------------------------------------------------------------

// ---- replications per second with 1 and 2 worker threads --------------------------------------

const R_PARALLEL_REPLICATIONS = 16;
const GOAL_SPEEDUP_2_JOBS = 1.8;
const PARALLEL_ROUNDS = 3;

/** Child: the R workload's scenario timed with --jobs 1 (in process) and --jobs 2 (worker threads). */
async function childParallel(): Promise<void> {
  const w = workload('R');
  const scenario = w.build(w.contacts);
  // Best of PARALLEL_ROUNDS alternating rounds: other load on the machine only ever slows a round.
  let jobs1 = 0;
  let jobs2 = 0;
  for (let round = 0; round < PARALLEL_ROUNDS; round++) {
    jobs1 = Math.max(jobs1, (await measureReplicationsPerSecond(scenario, R_PARALLEL_REPLICATIONS, 1)).replicationsPerSecond);
    jobs2 = Math.max(jobs2, (await measureReplicationsPerSecond(scenario, R_PARALLEL_REPLICATIONS, 2)).replicationsPerSecond);
  }
  process.stdout.write(RESULT_PREFIX + JSON.stringify({ jobs1, jobs2 }) + '\n');
}

function runParallelChild(): { jobs1: number; jobs2: number } {
  const bin = fileURLToPath(new URL('../bin/bench.mjs', import.meta.url));
  const out = spawnSync(process.execPath, [...process.execArgv, bin, '--child-parallel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (out.status !== 0 || line === undefined) throw new Error(`parallel replications child exited with status ${out.status ?? out.signal}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as { jobs1: number; jobs2: number };
}

export function main(argv: string[]): number {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    return eq?.slice(name.length + 1);
  };
  if (argv.includes('--child-parallel')) {
    childParallel().catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
    return 0;
  }
  if (argv.includes('--child-staffing')) {
    process.stdout.write(RESULT_PREFIX + JSON.stringify(benchStaffing()) + '\n');
    return 0;
  }
  const childId = flag('--child');
  if (childId !== undefined) {
    child(childId);
    return 0;
  }
  const json = argv.includes('--json');
  const only = flag('--only');
  let selected: Workload[];
  try {
    selected = only === undefined ? WORKLOADS : only.split(',').map((id) => id.trim()).filter((id) => id !== 'staffing' && id !== 'whole').map((id) => workload(id));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 2;
  }
  const results: Measurement[] = [];
  for (const w of selected) {
    if (!json) process.stderr.write(`running ${w.id}: ${w.description} ...\n`);
    results.push(runChild(w.id));
  }
  const s = summary(results);
  if (selected.some((w) => w.id === 'R')) {
    if (!json) process.stderr.write(`running R with --jobs 1 and --jobs 2 (worker threads) ...\n`);
    const p = runParallelChild();
    s.replicationsPerSecond = { jobs1: p.jobs1, jobs2: p.jobs2, speedup: p.jobs2 / p.jobs1, goal: GOAL_SPEEDUP_2_JOBS };
  }
  if (only === undefined || only.split(',').some((id) => id.trim() === 'staffing')) {
    if (!json) process.stderr.write(`running staffing: ccsim staff on a 7-day, 30-minute, three-type week ...\n`);
    s.staffing = runStaffingChild();
  }
  if (only === undefined || only.split(',').some((id) => id.trim() === 'whole')) {
    if (!json) process.stderr.write(`running whole: ccsim simulate as a process vs the reference engine, W1 10M; ccsim --help ...\n`);
    s.wholeProcess = benchWholeProcess();
  }
  if (json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
  else print(s);
  return 0;
}

/** `ccsim staff` timed in its own child process (bench/staffing.ts). */
function runStaffingChild(): StaffingBench {
  const bin = fileURLToPath(new URL('../bin/bench.mjs', import.meta.url));
  const out = spawnSync(process.execPath, [...process.execArgv, bin, '--child-staffing'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (out.status !== 0 || line === undefined) throw new Error(`staffing child exited with status ${out.status ?? out.signal}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as StaffingBench;
}
