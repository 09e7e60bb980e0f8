#!/usr/bin/env node
/**
 * Same numbers before and after an engine change: runs `ccsim simulate --json` on every bundled
 * scenario (scenarios/**.yaml, one replication and three on one worker) and on the bench
 * workloads (bench/workloads.ts at 300k contacts), and either saves the outputs or compares
 * them byte for byte with saved ones. Nothing in `simulate --json` is a timing, so any
 * difference is a changed number.
 *
 *   node scripts/same-numbers.mjs save DIR     before the change (build first)
 *   node scripts/same-numbers.mjs check DIR    after it: lists what differs, exit 1 if anything
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'check') || !dir) {
  process.stderr.write('usage: node scripts/same-numbers.mjs save|check DIR\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const ccsim = join(root, 'bin/ccsim.mjs');
mkdirSync(join(dir, 'inputs'), { recursive: true });

register();
const { WORKLOADS } = await import('../bench/workloads.ts');
const cases = [];
// Variants files (a base and its variants) are not scenarios: `simulate` would only print an
// error naming the checkout's path, which differs between two checkouts.
const isVariants = (file) => /^variants:/m.test(readFileSync(file, 'utf8'));
const yamls = (d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.yaml')).map((f) => join(root, d, f)).filter((f) => !isVariants(f));
for (const file of [...yamls('scenarios'), ...yamls('scenarios/what-if')]) {
  const name = file.slice(root.length).replaceAll('/', '_');
  cases.push({ name: `${name}.r1`, args: [file] });
  cases.push({ name: `${name}.r3`, args: [file, '--replications', '3', '--jobs', '1'] });
}
for (const w of WORKLOADS.filter((x) => x.id !== 'W1-10M')) { // W1-10M is W1-1M at another size
  const file = join(dir, 'inputs', `${w.id}.json`);
  // The workloads are parsed scenarios: back to the file form (no nulls, `agents` for constant staffing).
  const asFile = (k, v) => (v === null ? undefined : k === 'staffing' ? undefined : v);
  const s = w.build(300_000);
  for (const g of s.agent_groups) g.agents = g.staffing.agents;
  writeFileSync(file, JSON.stringify(s, asFile));
  cases.push({ name: `workload-${w.id}`, args: [file, '--replications', String(w.replications), '--jobs', '1'] });
}
let differ = 0;
for (const c of cases) {
  const r = spawnSync(process.execPath, [ccsim, 'simulate', ...c.args, '--json', '--no-charts'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const out = r.status === 0 ? r.stdout : `exit ${r.status}\n${r.stderr}`;
  const saved = join(dir, `${c.name}.json`);
  if (mode === 'save') writeFileSync(saved, out);
  else if (!existsSync(saved)) {
    console.log(`no saved output: ${c.name}`);
    differ++;
  } else if (readFileSync(saved, 'utf8') !== out) {
    console.log(`DIFFERS: ${c.name}`);
    differ++;
  } else console.log(`same: ${c.name}`);
}
console.log(mode === 'save' ? `saved ${cases.length} outputs in ${dir}` : `${cases.length - differ} of ${cases.length} the same`);
process.exit(differ > 0 ? 1 : 0);
