#!/usr/bin/env node
/**
 * Instructions per contact on W1 (M/M/100, 5,700 contacts/h, exponential 60 s), counted by
 * valgrind's callgrind: for the whole `ccsim simulate FILE --json --no-charts` process and for
 * bench/reference-engine.mjs. Each is run at two sizes and the difference divided by the extra
 * contacts, so start-up, compilation and the output cancel out.
 *
 * Unlike a timing, the count hardly moves with the machine's load, so an engine change can be
 * judged while other work runs. Node runs with --single-threaded: V8's optimising compiler then
 * works on the main thread, and under valgrind (which runs threads one at a time) optimised code
 * arrives at the same point of each run instead of whenever a background thread gets its turn.
 * Repeated runs agree to about 1%. The price: compiled that way, code meets paths it has not seen
 * sooner, and a loop deoptimised often enough stays in baseline code. W1's loop on the
 * single-queue center does (five deoptimisations, then baseline for the rest of the run; a normal
 * run has one and re-enters optimised code), so for it the count overstates: time it instead.
 *
 *   node scripts/instructions-per-contact.mjs [small=200000] [large=1000000]
 *
 * Needs valgrind and a build. Takes a few minutes (valgrind runs code ~50x slower).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const small = Number(process.argv[2] ?? 200_000);
const large = Number(process.argv[3] ?? 1_000_000);
if (!(Number.isSafeInteger(small) && Number.isSafeInteger(large) && small > 0 && large > small)) {
  process.stderr.write('usage: node scripts/instructions-per-contact.mjs [small] [large] (whole numbers, small < large)\n');
  process.exit(2);
}
const ccsim = fileURLToPath(new URL('../bin/ccsim.mjs', import.meta.url));
const reference = fileURLToPath(new URL('../bench/reference-engine.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ccsim-instructions-'));

/** Instructions valgrind counted for `node --single-threaded ...args`. */
function instructions(args) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '--single-threaded', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`valgrind: ${r.error.message}`);
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return Number(m[1]);
}

/** The W1 scenario with about `contacts` first contacts. */
function scenario(contacts) {
  const file = join(dir, `w1-${contacts}.yaml`);
  const days = contacts / 5700 / 24;
  writeFileSync(
    file,
    `name: W1\nhorizon: { start: 2026-01-05, days: ${days}, interval_minutes: 60 }\n` +
      `contact_types:\n  - id: general\n    arrivals: { per_hour: 5700 }\n    handle_time: { distribution: exponential, mean_seconds: 60 }\n` +
      `agent_groups:\n  - id: team\n    skills: { general: 1 }\n    agents: 100\n`,
  );
  return file;
}

try {
  const perContact = (at) => (at(large) - at(small)) / (large - small);
  const whole = perContact((n) => instructions([ccsim, 'simulate', scenario(n), '--json', '--no-charts']));
  const ref = perContact((n) => instructions([reference, String(n)]));
  console.log(`ccsim simulate (whole process): ${Math.round(whole)} instructions per contact`);
  console.log(`reference engine:               ${Math.round(ref)} instructions per contact`);
  console.log(`ratio: ${(whole / ref).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
