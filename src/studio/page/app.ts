/**
 * The what-if studio page. The main thread only reads the scenario text, turns the levers into
 * settings, posts replications to the workers and renders; every simulation runs in a worker.
 * Every plan runs on the baseline's seed and replications (common random numbers), and the
 * difference to the baseline is the paired one `ccsim compare` reports.
 */
import type { Result } from '../../metrics/types.ts';
import { aggregate } from '../../metrics/aggregate.ts';
import { metricValue } from '../../metrics/catalogue.ts';
import { BUNDLED } from './scenarios.ts';
import { cardFigures, formatDelta, formatValue, typeRows, verdict } from './headline.ts';
import { compareCommand, variantsYaml } from './variants-file.ts';
import { WorkerRunner, type Job } from './runner.ts';
import type { PlanReply, PlanRequest, ReadReply, ReaderAsk, ReaderReply, ReaderRequest, StudySummary } from './protocol.ts';

const DEFAULT_REPLICATIONS = 10;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node as T;
}

const picker = byId<HTMLSelectElement>('scenario');
const editor = byId<HTMLTextAreaElement>('editor');
const problems = byId<HTMLPreElement>('problems');
const leversBox = byId<HTMLDivElement>('levers');
const cardsBox = byId<HTMLDivElement>('cards');
const typesBox = byId<HTMLDivElement>('types');
const status = byId<HTMLParagraphElement>('status');
const saveButton = byId<HTMLButtonElement>('save');
const commandLine = byId<HTMLElement>('command');

const runner = new WorkerRunner('worker.js', Math.max(1, navigator.hardwareConcurrency || 1));
const reader = new Worker('reader.js');

/** The scenario being studied (null while it is read, or when it has problems). */
let study: StudySummary | null = null;
let studyNumber = 0;
/** The levers of the plan (null while a scenario is being read: nothing to change yet). */
let levers: PlanRequest | null = null;
let replications = DEFAULT_REPLICATIONS;
/** Replication results by scenario key (baseline and plans already run). */
let cache = new Map<string, Result[]>();
let lastSaved: { yaml: string; name: string } | null = null;
/** Finished runs, counted for whoever watches the page (tests wait for the next one). */
let finished = 0;
/** The latest request to the reader; older answers are stale. */
let latest = 0;
let pendingPlan: { started: number } | null = null;
/** The levers of the latest update, to skip an update that changes nothing. */
let lastAsked = '';

function setState(state: 'loading' | 'running' | 'ready' | 'invalid' | 'error'): void {
  document.body.dataset['state'] = state;
}

function ask(request: ReaderAsk): void {
  latest += 1;
  const message: ReaderRequest = { ...request, id: latest };
  reader.postMessage(message);
}

reader.onmessage = (e: MessageEvent<ReaderReply>) => {
  const reply = e.data;
  if (reply.id !== latest) return;
  if (reply.kind === 'read') read(reply);
  else planned(reply);
};

// ---------------------------------------------------------------------------------------------
// Scenario text (read and validated by the reader worker)

function chooseScenario(file: string, text: string): void {
  editor.value = text;
  editor.dataset['file'] = file;
  readText();
}

function readText(): void {
  study = null;
  levers = null;
  runner.cancel();
  setState('loading');
  status.textContent = 'Reading the scenario…';
  ask({ kind: 'read', text: editor.value, file: editor.dataset['file'] ?? 'pasted.yaml' });
}

function read(reply: ReadReply): void {
  if ('error' in reply) {
    problems.textContent = reply.error;
    problems.hidden = false;
    cardsBox.replaceChildren();
    typesBox.replaceChildren();
    saveButton.disabled = true;
    commandLine.textContent = '';
    status.textContent = 'The scenario has problems: nothing runs until they are fixed.';
    setState('invalid');
    return;
  }
  study = reply.study;
  problems.textContent = study.warnings.join('\n');
  problems.hidden = study.warnings.length === 0;
  studyNumber += 1;
  cache = new Map();
  levers = { agents: {}, volume: {}, policy: study.policy, days: study.days };
  if (shared !== null && shared.get('scenario') === study.file) applyShared(shared, study, levers);
  shared = null;
  buildLevers(study);
  update();
}

// ---------------------------------------------------------------------------------------------
// A plan's address: its levers in the URL's fragment, so a link reopens the same plan
// (e.g. #scenario=retail-bank.yaml&days=3&policy=skill_based&agents.generalists=20).

/** The fragment the page was opened with, applied to the first scenario it names. */
let shared: URLSearchParams | null = location.hash.length > 1 ? new URLSearchParams(location.hash.slice(1)) : null;

function shareable(s: StudySummary, l: PlanRequest): string {
  const q = new URLSearchParams({ scenario: s.file });
  if (l.days !== s.days) q.set('days', String(l.days));
  if (l.policy !== s.policy) q.set('policy', l.policy);
  if (replications !== DEFAULT_REPLICATIONS) q.set('replications', String(replications));
  for (const [g, v] of Object.entries(l.agents)) if (v !== 0) q.set(`agents.${g}`, String(v));
  for (const [t, v] of Object.entries(l.volume)) if (v !== 0) q.set(`volume.${t}`, String(v));
  return q.toString();
}

function applyShared(q: URLSearchParams, s: StudySummary, l: PlanRequest): void {
  const num = (key: string): number | undefined => {
    const v = q.get(key);
    return v !== null && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  l.days = num('days') ?? l.days;
  const policy = q.get('policy');
  if (policy !== null && s.policies.includes(policy)) l.policy = policy;
  const reps = num('replications');
  if (reps !== undefined) replications = Math.min(200, Math.max(2, Math.floor(reps)));
  for (const g of s.groups) l.agents[g] = num(`agents.${g}`) ?? 0;
  for (const t of s.types) l.volume[t] = num(`volume.${t}`) ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Levers

function percentInput(id: string, label: string, value: number, onChange: (v: number) => void): HTMLElement {
  const input = el('input', { type: 'number', id, step: '5', value: String(value), min: '-100' });
  input.addEventListener('change', () => {
    const v = Number(input.value);
    onChange(Number.isFinite(v) ? v : 0);
  });
  return el('label', {}, el('span', {}, label), input, el('span', { class: 'unit' }, '%'));
}

function buildLevers(s: StudySummary): void {
  const groups = el('fieldset', {}, el('legend', {}, 'Agents per group'));
  for (const g of s.groups) {
    groups.append(percentInput(`agents-${g}`, g, levers?.agents[g] ?? 0, (v) => {
      if (levers === null) return;
      levers.agents[g] = v;
      update();
    }));
  }
  const volume = el('fieldset', {}, el('legend', {}, 'Volume per contact type'));
  for (const t of s.types) {
    volume.append(percentInput(`volume-${t}`, t, levers?.volume[t] ?? 0, (v) => {
      if (levers === null) return;
      levers.volume[t] = v;
      update();
    }));
  }
  const policy = el('select', { id: 'policy' });
  for (const p of s.policies) policy.append(el('option', { value: p }, p));
  policy.value = levers?.policy ?? s.policy;
  policy.addEventListener('change', () => {
    if (levers === null) return;
    levers.policy = policy.value;
    update();
  });
  const horizon = el('input', { type: 'number', id: 'days', min: '1', step: '1', value: String(levers?.days ?? s.days) });
  horizon.addEventListener('change', () => {
    if (levers === null) return;
    levers.days = Number(horizon.value);
    update();
  });
  const reps = el('input', { type: 'number', id: 'replications', min: '2', max: '200', step: '1', value: String(replications) });
  reps.addEventListener('change', () => {
    const v = Math.floor(Number(reps.value));
    replications = Number.isFinite(v) ? Math.min(200, Math.max(2, v)) : DEFAULT_REPLICATIONS;
    update();
  });
  const run = el(
    'fieldset',
    {},
    el('legend', {}, 'Run'),
    el('label', {}, el('span', {}, 'Routing'), policy),
    el('label', {}, el('span', {}, 'Horizon'), horizon, el('span', { class: 'unit' }, 'days')),
    el('label', {}, el('span', {}, 'Replications'), reps),
  );
  leversBox.replaceChildren(run, groups, volume);
}

// ---------------------------------------------------------------------------------------------
// Runs

/** A change: the reader turns the levers into validated scenarios, then the workers run them. */
function update(): void {
  if (study === null || levers === null) return;
  // A lever left with the value it had (a blur re-firing 'change') is no change: no rerun, and
  // the click that caused the blur (e.g. on Save) still lands on an enabled button.
  const asked = `${studyNumber}|${replications}|${JSON.stringify(levers)}`;
  if (asked === lastAsked) return;
  lastAsked = asked;
  history.replaceState(null, '', `#${shareable(study, levers)}`);
  runner.cancel();
  pendingPlan = { started: performance.now() };
  setState('running');
  saveButton.disabled = true;
  status.textContent = 'Preparing the plan…';
  ask({ kind: 'plan', ...structuredClone(levers) });
}

function planned(reply: PlanReply): void {
  const current = study;
  if (current === null || pendingPlan === null) return;
  const started = pendingPlan.started;
  if ('error' in reply) {
    status.textContent = reply.error;
    setState('error');
    return;
  }
  const baseKey = `${studyNumber}|${replications}|${JSON.stringify(reply.common)}`;
  const planKey = reply.plan.length === 0 ? baseKey : `${baseKey}|${JSON.stringify(reply.plan)}`;
  const seed = current.seed;
  const jobs: Job[] = [];
  if (!cache.has(baseKey)) jobs.push({ key: baseKey, scenario: reply.base, seed, replications });
  if (planKey !== baseKey && !cache.has(planKey)) jobs.push({ key: planKey, scenario: reply.planned, seed, replications });
  runner.start(jobs, {
    progress(done, total) {
      status.textContent = `Running: ${done} of ${total} replications (${runner.size} worker${runner.size === 1 ? '' : 's'})…`;
    },
    done(results) {
      jobs.forEach((j, i) => cache.set(j.key, results[i]!));
      render(cache.get(baseKey)!, cache.get(planKey)!, planKey !== baseKey);
      const ms = performance.now() - started;
      document.body.dataset['updateMs'] = ms.toFixed(0);
      finished += 1;
      document.body.dataset['run'] = String(finished);
      status.textContent = `Updated in ${ms.toFixed(0)} ms: ${replications} replications on seed ${seed}, ${runner.size} worker${runner.size === 1 ? '' : 's'}.`;
      const name = `${current.file.replace(/\.(ya?ml|json)$/i, '')}-studio.yaml`;
      const saved = { base: current.file, common: reply.common, plan: reply.plan, planName: 'plan', seed, replications };
      lastSaved = { yaml: variantsYaml(saved, name), name };
      commandLine.textContent = compareCommand(saved, name);
      saveButton.disabled = false;
      setState('ready');
    },
    error(message) {
      status.textContent = `The simulation failed: ${message}`;
      setState('error');
    },
  });
}

function render(base: Result[], plan: Result[], changed: boolean): void {
  const planAggregate = aggregate(plan);
  const baseAggregate = aggregate(base);
  const baseTotals = baseAggregate.totals;
  const figures = cardFigures(planAggregate, plan.map((r) => r.totals), changed ? { aggregate: baseAggregate, rows: base.map((r) => r.totals) } : null);
  const cards = figures.map((f) => {
    const v = f.difference === null ? null : verdict(f.card, f.difference);
    const diff =
      f.difference === null
        ? 'baseline'
        : `${formatDelta(f.card, f.difference.mean, true)} ± ${formatDelta(f.card, f.difference.ci95, false)}`;
    return el(
      'div',
      { class: `card ${v === null ? 'base' : v.replace(/ /g, '-')}`, 'data-metric': f.card.metric },
      el('h3', {}, f.card.label),
      el('p', { class: 'value' }, formatValue(f.card, f.value)),
      el('p', { class: 'ci' }, `± ${formatDelta(f.card, f.ci95, false)}`),
      el('p', { class: 'diff' }, diff),
      el('p', { class: 'baseline' }, changed ? `baseline ${formatValue(f.card, metricValue(baseTotals, f.card.metric))}` : ''),
      el('p', { class: 'verdict' }, v ?? ''),
    );
  });
  cardsBox.replaceChildren(...cards);

  // Per type: the plan's figure, and (after a change) the paired difference, coloured.
  const rows = typeRows(planAggregate, plan, changed ? { aggregate: baseAggregate, runs: base } : null);
  const head = el('tr', {}, el('th', {}, 'Contact type'), ...(rows[0]?.figures ?? []).map((f) => el('th', {}, f.card.label)));
  const body = rows.map((row) =>
    el(
      'tr',
      { 'data-type': row.type },
      el('th', {}, row.type),
      ...row.figures.map((f) => {
        const v = f.difference === null ? null : verdict(f.card, f.difference);
        const text = formatValue(f.card, f.value) + (f.difference === null ? '' : ` (${formatDelta(f.card, f.difference.mean, true)})`);
        return el('td', { class: v === null ? '' : v.replace(/ /g, '-'), title: v ?? '' }, text);
      }),
    ),
  );
  typesBox.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

// ---------------------------------------------------------------------------------------------
// Save as variants

saveButton.addEventListener('click', () => {
  if (lastSaved === null) return;
  const url = URL.createObjectURL(new Blob([lastSaved.yaml], { type: 'application/yaml' }));
  const a = el('a', { href: url, download: lastSaved.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// ---------------------------------------------------------------------------------------------
// Start

/** A file the user opened or dropped: read here, never sent anywhere. */
async function openFile(file: File | undefined): Promise<void> {
  if (file === undefined) return;
  chooseScenario(file.name, await file.text());
}
byId<HTMLInputElement>('open').addEventListener('change', (e) => void openFile((e.target as HTMLInputElement).files?.[0]));
editor.addEventListener('dragover', (e) => e.preventDefault());
editor.addEventListener('drop', (e) => {
  e.preventDefault();
  void openFile(e.dataTransfer?.files[0]);
});

let typing: ReturnType<typeof setTimeout> | undefined;
editor.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(readText, 300);
});
picker.addEventListener('change', () => {
  const chosen = BUNDLED.find((b) => b.file === picker.value) ?? given;
  if (chosen !== undefined && chosen.file === picker.value) chooseScenario(chosen.file, chosen.text);
});

let given: { file: string; text: string } | undefined;

async function start(): Promise<void> {
  setState('loading');
  // `ccsim studio FILE` serves that file here; a static copy of the page has none.
  try {
    const reply = await fetch('scenario.json');
    if (reply.ok) {
      const body = (await reply.json()) as { file?: unknown; text?: unknown };
      if (typeof body.file === 'string' && typeof body.text === 'string') given = { file: body.file, text: body.text };
    }
  } catch {
    // No server behind the page: only the bundled scenarios.
  }
  if (given !== undefined) picker.append(el('option', { value: given.file }, `${given.file} (given)`));
  for (const b of BUNDLED) picker.append(el('option', { value: b.file }, b.file));
  const named = shared?.get('scenario');
  const first = [given, ...BUNDLED].find((c) => c !== undefined && c.file === named) ?? given ?? BUNDLED[0]!;
  picker.value = first.file;
  chooseScenario(first.file, first.text);
}

void start();
