#!/usr/bin/env node
// The staffing must-show (issue 11) over the bundled scenarios, as a user would run it:
//   ccsim staff FILE                                  (timed: CPU seconds of the whole process)
//   ccsim simulate staffed.yaml --replications 20     (and the same for staffed-shifts.yaml)
// The simulation is replications 0..19 of each written plan, exactly those `ccsim simulate
// --replications 20` runs, judged as the issue asks: per contact type, the lower end of the 95%
// interval of the service level at or above target in total and on every day, and at least 95%
// of the loaded intervals at or above target on their mean. Totals and days count the contacts
// that arrive while their type is open (see src/staffing/verify.ts). The current plan (the
// scenario as it is) is judged the same way, and the plan's agent cost compared with its cost.
//
//   node scripts/staffing-check.mjs [--jobs N] [FILE...]     (default: every scenarios/*.yaml)
//
// Needs a build (npm run build). Prints one table; exit code 1 when some plan does not hold.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { loadScenario } = await import(join(root, 'dist/files/scenario-file.js'));
const { verifyScenario } = await import(join(root, 'dist/staffing/verify.js'));
const { runInProcess } = await import(join(root, 'dist/staffing/simulations.js'));

const args = process.argv.slice(2);
let jobs = 1;
const files = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--jobs') jobs = Number(args[++k]);
  else files.push(args[k]);
}
if (files.length === 0) {
  for (const f of readdirSync(join(root, 'scenarios')).sort()) if (f.endsWith('.yaml')) files.push(join('scenarios', f));
  for (const f of readdirSync(join(root, 'scenarios/what-if')).sort()) if (f.endsWith('.yaml')) files.push(join('scenarios/what-if', f));
}

/** A compare or sweep file (plans or variants of a base), not a scenario: `staff` takes scenarios only. */
const notAScenario = (file) => /^(base|plans|variants):/m.test(readFileSync(resolve(root, file), 'utf8'));

const R = 20;
const pct = (x) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);

/** Judges a scenario on replications 0..R−1: the worst lower end over types (total, days), and the interval share. */
function judge(scenario, checked) {
  const { verification: v } = runInProcess(verifyScenario(scenario, checked, R, 0));
  let worstTotal = Infinity;
  let worstDay = Infinity;
  for (const x of Object.values(v.by_type)) if (x.service_level !== null) worstTotal = Math.min(worstTotal, x.service_level - (x.ci95 ?? 0));
  for (const d of v.by_day) for (const x of Object.values(d.by_type)) if (x.service_level !== null) worstDay = Math.min(worstDay, x.service_level - (x.ci95 ?? 0));
  return { holds: v.holds, worstTotal, worstDay, share: v.loaded_intervals > 0 ? v.intervals_meeting / v.loaded_intervals : 1, v };
}

const rows = [['scenario', 'CPU s', 'iter/sims', 'plan holds', 'lowest total/day', 'intervals', 'shifts hold', 'lowest total/day', 'intervals', 'current holds', 'cost vs current']];
let failed = false;
for (const file of files) {
  if (notAScenario(file)) {
    rows.push([file.replace(/^scenarios\//, ''), '', '', 'not a scenario (a compare file of plans): skipped']);
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-staff-check-'));
  const out = join(dir, 'run');
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, join(root, 'bin/ccsim.mjs'), 'staff', file, '--out', out, '--quiet', '--jobs', String(jobs)], { cwd: root, encoding: 'utf8' });
  const lines = run.stderr.trim().split('\n');
  const [user, sys] = (lines.pop() ?? '').split(' ').map(Number);
  if (run.status !== 0 || lines.some((l) => l.startsWith('Command exited'))) {
    rows.push([file, '', '', `staff failed: ${lines.filter((l) => !l.startsWith('Command exited')).slice(-3).join(' / ')}`]);
    failed = true;
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const result = JSON.parse(readFileSync(join(out, 'staffing.json'), 'utf8'));
  const base = loadScenario(resolve(root, file)).scenario;
  const typeIds = base.contact_types.map((t) => t.id);
  const nT = typeIds.length;
  const checked = new Uint8Array(result.intervals.length * nT);
  result.intervals.forEach((iv, i) => typeIds.forEach((t, j) => (checked[i * nT + j] = iv.by_type[t].checked ? 1 : 0)));
  const plan = judge(loadScenario(join(out, 'staffed.yaml')).scenario, checked);
  // A plan exact everywhere is judged on its exact values; the simulation's verdict is shown too.
  const exact = result.verification?.plan?.exact;
  const exactHolds = exact !== undefined && exact.meets && exact.consistent;
  let shifts = null;
  try {
    shifts = judge(loadScenario(join(out, 'staffed-shifts.yaml')).scenario, checked);
  } catch {
    shifts = null; // no group in shifts
  }
  const current = judge(base, checked);
  let cost = 0;
  let currentCost = 0;
  for (const [id, g] of Object.entries(result.groups)) {
    cost += result.shifts[id]?.cost_agents ?? g.cost_agents;
    currentCost += g.current_cost_agents;
  }
  const costText = currentCost > 0 ? `${cost <= currentCost ? '' : '+'}${((100 * (cost - currentCost)) / currentCost).toFixed(1)}%` : '—';
  if ((!plan.holds && !exactHolds) || (shifts !== null && !shifts.holds) || (current.holds && cost > currentCost)) failed = true;
  rows.push([
    file.replace(/^scenarios\//, ''),
    (user + sys).toFixed(1),
    `${result.search.iterations}/${result.search.simulations}`,
    plan.holds ? 'yes' : exactHolds ? `exactly (${pct(exact.pooled)}); simulation: no` : 'NO',
    `${pct(plan.worstTotal)} / ${pct(plan.worstDay)}`,
    pct(plan.share),
    shifts === null ? '—' : shifts.holds ? 'yes' : 'NO',
    shifts === null ? '—' : `${pct(shifts.worstTotal)} / ${pct(shifts.worstDay)}`,
    shifts === null ? '—' : pct(shifts.share),
    current.holds ? 'yes' : 'no',
    costText + (current.holds && cost > currentCost ? ' (ABOVE a plan that holds)' : ''),
  ]);
  rmSync(dir, { recursive: true, force: true });
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
for (const r of rows) console.log(r.map((x, c) => (x ?? '').padEnd(widths[c])).join('  ').trimEnd());
console.log(`\n${R} replications (0..${R - 1}, as ccsim simulate --replications ${R}); lowest total/day: the lowest lower end of a 95% interval over contact types; intervals: loaded intervals meeting the target on their mean.`);
process.exit(failed ? 1 : 0);
