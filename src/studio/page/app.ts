/**
 * The what-if studio page. The main thread only reads inputs, posts work and puts answers on
 * the page: the reader worker parses the scenario and turns levers into validated scenarios,
 * the simulation workers run replications, and the analyst worker pools them, draws the chart
 * and builds the report. Every plan runs on the baseline's seed and replications (common random
 * numbers), and the difference to the baseline is the paired one `ccsim compare` reports.
 */
import { cardKey, formatDelta, formatValue, GROUP_COLUMNS, verdict, type CardFigures, type GroupRow, type TypeRow } from './headline.ts';
import { compareCommand, savedFileName } from './compare-command.ts';
import { WorkerRunner, type Job } from './runner.ts';
import type { AnalystReply, AnalystRequest, PlanReply, PlanRequest, ReadReply, ReaderAsk, ReaderReply, ReaderRequest, ReportRequest, SavedPlans, Setting, StudySummary } from './protocol.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { Lever } from './study.ts';

const DEFAULT_REPLICATIONS = 10;
/** Plans that can be pinned side by side. */
const MAX_PINS = 4;

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
const chartBox = byId<HTMLDivElement>('chart');
const typesBox = byId<HTMLDivElement>('types');
const groupsBox = byId<HTMLDivElement>('groups');
const pinsBox = byId<HTMLDivElement>('pins');
const status = byId<HTMLParagraphElement>('status');
const saveButton = byId<HTMLButtonElement>('save');
const reportButton = byId<HTMLButtonElement>('report');
const pinButton = byId<HTMLButtonElement>('pin');
const commandLine = byId<HTMLElement>('command');

// Every worker starts in a task of its own (starting one costs the main thread milliseconds):
// the reader first (it reads the first scenario), then the analyst and the simulation workers
// (warmWorkers), so that loading the page is no single long task.
let readerWorker: Worker | null = null;
function reader(): Worker {
  if (readerWorker === null) {
    readerWorker = new Worker('reader.js');
    readerWorker.onmessage = readerAnswered;
  }
  return readerWorker;
}
let analystWorker: Worker | null = null;
function analyst(): Worker {
  if (analystWorker === null) {
    analystWorker = new Worker('analyst.js');
    analystWorker.onmessage = analystAnswered;
  }
  return analystWorker;
}
const toAnalyst = (message: AnalystRequest, transfer: Transferable[] = []): void => analyst().postMessage(message, transfer);
const runner = new WorkerRunner('worker.js', Math.max(1, navigator.hardwareConcurrency || 1), (port) => toAnalyst({ kind: 'port', port }, [port]));

/** Starts the analyst, then one simulation worker per task. */
function warmWorkers(): void {
  if (analystWorker === null) analyst();
  else if (!runner.warm()) return;
  setTimeout(warmWorkers, 0);
}

/** The scenario being studied (null while it is read, or when it has problems). */
let study: StudySummary | null = null;
let studyNumber = 0;
/** The levers of the plan (null while a scenario is being read: nothing to change yet). */
let levers: PlanRequest | null = null;
let replications = DEFAULT_REPLICATIONS;
/** Scenario keys whose replications have all been run (the analyst keeps their results). */
let cache = new Set<string>();
/** Finished updates, counted for whoever watches the page (tests wait for the next one). */
let finished = 0;
/** The latest request to the reader; older answers are stale. */
let latest = 0;
/** The latest analysis asked of the analyst; older answers are stale. */
let analysisId = 0;
let pendingPlan: { started: number; hash: string } | null = null;
/** The levers of the latest update, to skip an update that changes nothing. */
let lastAsked = '';
/**
 * A plan that has run: what the page shows of it, and what a variants file and the report need
 * (its settings, its scenario and its baseline's, their keys in the analyst's store).
 */
interface Shown {
  cards: CardFigures[];
  /** Settings it shares with its baseline (the horizon); `settings`: its own. */
  common: Setting[];
  settings: Setting[];
  hash: string;
  days: number;
  replications: number;
  seed: number;
  key: string;
  scenario: Scenario;
  baseKey: string;
  baseScenario: Scenario;
}
let shown: Shown | null = null;
let pins: Shown[] = [];

function setState(state: 'loading' | 'running' | 'ready' | 'invalid' | 'error'): void {
  document.body.dataset['state'] = state;
}

function ask(request: ReaderAsk): void {
  latest += 1;
  const message: ReaderRequest = { ...request, id: latest };
  reader().postMessage(message);
}

function readerAnswered(e: MessageEvent<ReaderReply>): void {
  const reply = e.data;
  if (reply.kind === 'bundled') listBundled(reply.files);
  else if (reply.kind === 'saved') {
    if ('error' in reply) status.textContent = `Saving failed: ${reply.error}`;
    else download(reply.yaml, reply.fileName, 'application/yaml');
  } else if (reply.id !== latest) return;
  else if (reply.kind === 'read') read(reply);
  else planned(reply);
}

// ---------------------------------------------------------------------------------------------
// Scenario text (read and validated by the reader worker)

function chooseScenario(file: string, text: string): void {
  editor.value = text;
  editor.dataset['file'] = file;
  readText();
}

/** A bundled scenario: the reader has its text and sends it back with its reading. */
function chooseBundled(file: string): void {
  beforeReading();
  ask({ kind: 'bundled', file });
}

function clearResults(): void {
  cardsBox.replaceChildren();
  typesBox.replaceChildren();
  groupsBox.replaceChildren();
  showChart(null, null);
  pins = [];
  renderPins();
  shown = null;
}

function beforeReading(): void {
  study = null;
  levers = null;
  lastAsked = '';
  runner.cancel();
  setState('loading');
  status.textContent = 'Reading the scenario…';
}

function readText(): void {
  beforeReading();
  ask({ kind: 'read', text: editor.value, file: editor.dataset['file'] ?? 'pasted.yaml' });
}

/**
 * Runs `f` after the next frame has been drawn: what this task changed is laid out in that
 * frame, what `f` changes in a later one (two shorter main-thread tasks instead of one long).
 * A hidden page draws no frames: then `f` runs after a moment anyway.
 */
function afterNextFrame(f: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    f();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

function read(reply: ReadReply): void {
  if (reply.text === undefined) {
    readStudy(reply);
    return;
  }
  // A bundled scenario: its text, for the editor, laid out before the levers are built.
  editor.value = reply.text;
  editor.dataset['file'] = 'error' in reply ? (reply.file ?? '') : reply.study.file;
  showInPicker(editor.dataset['file'], false);
  afterNextFrame(() => {
    if (reply.id === latest) readStudy(reply);
  });
}

function readStudy(reply: ReadReply): void {
  if ('error' in reply) {
    problems.textContent = reply.error;
    problems.hidden = false;
    clearResults();
    leversBox.replaceChildren();
    for (const b of [saveButton, reportButton, pinButton]) b.disabled = true;
    commandLine.textContent = '';
    status.textContent = 'The scenario has problems: nothing runs until they are fixed.';
    setState('invalid');
    return;
  }
  study = reply.study;
  problems.textContent = study.warnings.join('\n');
  problems.hidden = study.warnings.length === 0;
  studyNumber += 1;
  cache = new Set();
  toAnalyst({ kind: 'forget' });
  clearResults();
  levers = { values: {}, policy: study.policy, days: study.days };
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
  for (const lever of s.levers) {
    const v = l.values[lever.key];
    if (v !== undefined && v !== lever.base) q.set(lever.key, String(v));
  }
  return q.toString();
}

function applyShared(q: URLSearchParams, s: StudySummary, l: PlanRequest): void {
  const num = (key: string): number | undefined => {
    const v = q.get(key);
    return v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  l.days = num('days') ?? s.days;
  const policy = q.get('policy');
  l.policy = policy !== null && s.policies.includes(policy) ? policy : s.policy;
  const reps = num('replications');
  replications = reps === undefined ? DEFAULT_REPLICATIONS : Math.min(200, Math.max(2, Math.floor(reps)));
  l.values = {};
  for (const lever of s.levers) {
    const v = num(lever.key);
    if (v !== undefined && v !== lever.base) l.values[lever.key] = v;
  }
}

// ---------------------------------------------------------------------------------------------
// Levers

/** An input's id: the lever's key with dots as dashes (`agents-generalists`, `fcr-cards`). */
const inputId = (key: string): string => key.replace(/\./g, '-');

function leverInput(lever: Lever): HTMLInputElement {
  const value = levers?.values[lever.key] ?? lever.base;
  const attrs: Record<string, string> = { type: 'number', id: inputId(lever.key), step: String(lever.step), min: String(lever.min), value: String(value), title: lever.key };
  if (lever.max !== null) attrs['max'] = String(lever.max);
  const input = el('input', attrs);
  input.addEventListener('change', () => {
    if (levers === null) return;
    const v = Number(input.value);
    if (input.value === '' || !Number.isFinite(v) || v === lever.base) delete levers.values[lever.key];
    else levers.values[lever.key] = v;
    update();
  });
  return input;
}

/** Groups whose shift list is open. */
const openShifts = new Set<string>();

const UNIT: Record<Lever['unit'], string> = { '%': '%', agents: '', 'share %': '%' };

function leverLabel(lever: Lever, text: string): HTMLElement {
  return el('label', {}, el('span', {}, text), leverInput(lever), el('span', { class: 'unit' }, UNIT[lever.unit]));
}

function buildLevers(s: StudySummary): void {
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

  // Agents: per group its %, and its count or the agents added to every staffed interval.
  const groups = el('fieldset', {}, el('legend', {}, 'Agents per group'));
  const groupTable = el('table', { class: 'levers' }, el('tr', {}, el('th', {}, 'Group'), el('th', {}, '%'), el('th', {}, 'Agents')));
  for (const g of s.groups) {
    const own = s.levers.filter((l) => l.owner === g && (l.kind === 'agents' || l.kind === 'count' || l.kind === 'add'));
    const pct = own.find((l) => l.kind === 'agents');
    const count = own.find((l) => l.kind === 'count' || l.kind === 'add');
    const countCell = count === undefined ? el('td', { class: 'hint' }, 'by shift') : el('td', {}, leverInput(count), count.kind === 'add' ? el('span', { class: 'unit' }, ' + per staffed interval') : '');
    groupTable.append(el('tr', {}, el('th', {}, g), el('td', {}, pct === undefined ? '' : leverInput(pct)), countCell));
  }
  groups.append(groupTable);

  // Shifts: one box per group staffed by shifts, each shift's agents.
  const shiftBoxes: HTMLElement[] = [];
  for (const g of s.groups) {
    const shifts = s.levers.filter((l) => l.owner === g && l.kind === 'shift');
    if (shifts.length === 0) continue;
    // Rebuilt levers (a reopened pin) keep the shift lists the user had open.
    const box = el('details', { class: 'shifts', 'data-group': g, ...(openShifts.has(g) ? { open: '' } : {}) }, el('summary', {}, `Shifts: ${g} (${shifts.length})`));
    // A shift's input is made when its list is first opened: a closed list costs the page
    // nothing to build and lay out (the bank has 25 shifts).
    let filled = false;
    const fill = (): void => {
      if (filled) return;
      filled = true;
      box.append(...shifts.map((l) => leverLabel(l, l.label)));
    };
    if (openShifts.has(g)) fill();
    box.addEventListener('toggle', () => {
      if (box.open) {
        openShifts.add(g);
        fill();
      } else openShifts.delete(g);
    });
    shiftBoxes.push(box);
  }
  if (shiftBoxes.length > 0) groups.append(...shiftBoxes);

  // Contact types: volume, AHT, patience, FCR, self-service share and containment.
  const kinds: Array<{ kind: Lever['kind']; head: string }> = [
    { kind: 'volume', head: 'Volume %' },
    { kind: 'aht', head: 'AHT %' },
    { kind: 'patience', head: 'Patience %' },
    { kind: 'fcr', head: 'FCR %' },
    { kind: 'share', head: 'Self-service %' },
    { kind: 'containment', head: 'Contained %' },
  ];
  const shownKinds = kinds.filter((k) => s.levers.some((l) => l.kind === k.kind));
  const typeTable = el('table', { class: 'levers' }, el('tr', {}, el('th', {}, 'Type'), ...shownKinds.map((k) => el('th', {}, k.head))));
  for (const t of s.types) {
    const cells = shownKinds.map((k) => {
      const lever = s.levers.find((l) => l.owner === t && l.kind === k.kind);
      return el('td', {}, lever === undefined ? '–' : leverInput(lever));
    });
    typeTable.append(el('tr', {}, el('th', {}, t), ...cells));
  }
  const types = el('fieldset', {}, el('legend', {}, 'Contact types (% changes; FCR and self-service as shares)'), typeTable);
  leversBox.replaceChildren(run, groups, types);
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
  // The address is updated in a task of its own: a same-document navigation costs the main
  // thread several milliseconds (Chromium's trace), which this change's task need not carry.
  const address = `#${shareable(study, levers)}`;
  if (address !== location.hash) setTimeout(() => history.replaceState(null, '', address), 0);
  runner.cancel();
  analysisId += 1; // an analysis still in progress is for an older plan
  pendingPlan = { started: performance.now(), hash: address };
  setState('running');
  for (const b of [saveButton, reportButton, pinButton]) b.disabled = true;
  status.textContent = 'Preparing the plan…';
  ask({ kind: 'plan', ...structuredClone(levers) });
}

/** What the latest run is, for the analyst's answers. */
let current: { id: number; started: number; plan: Omit<Shown, 'cards'>; command: string } | null = null;

function planned(reply: PlanReply): void {
  const s = study;
  if (s === null || pendingPlan === null || levers === null) return;
  const { started, hash } = pendingPlan;
  if ('error' in reply) {
    status.textContent = reply.error;
    setState('error');
    return;
  }
  const baseKey = `${studyNumber}|${replications}|${JSON.stringify(reply.common)}`;
  const planKey = reply.plan.length === 0 ? baseKey : `${baseKey}|${JSON.stringify(reply.plan)}`;
  const seed = s.seed;
  const reps = replications;
  const days = levers.days;
  const jobs: Job[] = [];
  if (!cache.has(baseKey)) jobs.push({ key: baseKey, scenario: reply.base, seed, replications: reps });
  if (planKey !== baseKey && !cache.has(planKey)) jobs.push({ key: planKey, scenario: reply.planned, seed, replications: reps });
  runner.start(jobs, {
    progress(done, total) {
      status.textContent = `Running: ${done} of ${total} replications (${runner.size} worker${runner.size === 1 ? '' : 's'})…`;
    },
    done() {
      for (const j of jobs) cache.add(j.key);
      analysisId += 1;
      current = {
        id: analysisId,
        started,
        plan: {
          common: reply.common,
          settings: reply.plan,
          hash,
          days,
          replications: reps,
          seed,
          key: planKey,
          scenario: reply.planned,
          baseKey,
          baseScenario: reply.base,
        },
        command: compareCommand({ replications: reps, seed }, savedFileName(s.file)),
      };
      status.textContent = 'Pooling the replications…';
      const request: AnalystRequest = {
        kind: 'analyse',
        id: analysisId,
        baseKey,
        planKey,
        replications: reps,
        changed: planKey !== baseKey,
        baseScenario: reply.base,
        planScenario: reply.planned,
        seed,
        common: reply.common,
        settings: reply.plan,
        pixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
      };
      toAnalyst(request);
    },
    error(message) {
      status.textContent = `The simulation failed: ${message}`;
      setState('error');
    },
  });
}

function analystAnswered(e: MessageEvent<AnalystReply>): void {
  const reply = e.data;
  if (reply.kind === 'report' || (reply.kind === 'error' && reply.what === 'report')) {
    reported(reply);
    return;
  }
  if (current === null || reply.id !== current.id) return;
  switch (reply.kind) {
    case 'figures':
      figuresArrived(current, reply.cards, reply.types, reply.groups);
      break;
    case 'chart':
      showChart(reply.base, reply.plan);
      chartBox.classList.remove('stale');
      document.body.dataset['chart'] = String(reply.id);
      break;
    case 'error':
      status.textContent = `The ${reply.what} failed: ${reply.error}`;
      if (reply.what === 'figures') setState('error');
      break;
  }
}

function figuresArrived(run: NonNullable<typeof current>, cards: CardFigures[], types: TypeRow[], groups: GroupRow[]): void {
  renderCards(cards);
  renderTypes(types);
  renderGroups(groups);
  // The chart comes a moment later (drawn by the analyst): the old one is greyed until then.
  chartBox.classList.add('stale');
  document.body.dataset['analysis'] = String(run.id);
  const ms = performance.now() - run.started;
  document.body.dataset['updateMs'] = ms.toFixed(0);
  finished += 1;
  document.body.dataset['run'] = String(finished);
  status.textContent = `Updated in ${ms.toFixed(0)} ms: ${run.plan.replications} replications on seed ${run.plan.seed}, ${runner.size} worker${runner.size === 1 ? '' : 's'}.`;
  commandLine.textContent = run.command;
  shown = { cards, ...run.plan };
  saveButton.disabled = false;
  reportButton.disabled = false;
  pinButton.disabled = pins.length >= MAX_PINS;
  setState('ready');
}

// ---------------------------------------------------------------------------------------------
// Rendering (small: a dozen cards, a row per type and per group)

function verdictClass(v: string | null): string {
  return v === null ? '' : v.replace(/ /g, '-');
}

function renderCards(figures: CardFigures[]): void {
  const cards = figures.map((f) => {
    const v = f.difference === null ? null : verdict(f.card, f.difference);
    const diff =
      f.difference === null ? 'baseline' : `${formatDelta(f.card, f.difference.mean, true)} ± ${formatDelta(f.card, f.difference.ci95, false)}`;
    const base = f.difference === null || f.difference.mean === null || f.value === null ? null : f.value - f.difference.mean;
    return el(
      'div',
      { class: `card ${v === null ? 'base' : verdictClass(v)}`, 'data-metric': cardKey(f.card) },
      el('h3', {}, f.card.label),
      el('p', { class: 'value' }, formatValue(f.card, f.value)),
      el('p', { class: 'ci' }, `± ${formatDelta(f.card, f.ci95, false)}`),
      el('p', { class: 'diff' }, diff),
      el('p', { class: 'baseline' }, base === null ? '' : `baseline ${formatValue(f.card, base)}`),
      el('p', { class: 'verdict' }, v ?? ''),
    );
  });
  cardsBox.replaceChildren(...cards);
}

/** Per type: the plan's figure, and (after a change) the paired difference, coloured. */
function renderTypes(rows: TypeRow[]): void {
  const head = el('tr', {}, el('th', {}, 'Contact type'), ...(rows[0]?.figures ?? []).map((f) => el('th', {}, f.card.label)));
  const body = rows.map((row) =>
    el(
      'tr',
      { 'data-type': row.type },
      el('th', {}, row.type),
      ...row.figures.map((f) => {
        const v = f.difference === null ? null : verdict(f.card, f.difference);
        const text = formatValue(f.card, f.value) + (f.difference === null ? '' : ` (${formatDelta(f.card, f.difference.mean, true)})`);
        return el('td', { class: verdictClass(v), title: v ?? '' }, text);
      }),
    ),
  );
  typesBox.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

/** Per group: the plan's figure and (after a change) its difference ± the paired half-width. */
function renderGroups(rows: GroupRow[]): void {
  const head = el('tr', {}, el('th', {}, 'Agent group'), ...GROUP_COLUMNS.map((c) => el('th', {}, c.label)));
  const body = rows.map((row) =>
    el(
      'tr',
      { 'data-group': row.group },
      el('th', {}, row.group),
      ...GROUP_COLUMNS.map((c) => {
        const cell = row.cells[c.key];
        const scale = c.key === 'occupancy' ? 100 : 1;
        const unit = c.key === 'occupancy' ? '%' : '';
        const fmt = (x: number | null, sign: boolean): string =>
          x === null || !Number.isFinite(x) ? '–' : `${sign && x > 0 ? '+' : ''}${(x * scale).toFixed(c.digits)}${unit}`;
        const d = cell.difference;
        const text = fmt(cell.value, false) + (d === null ? '' : ` (${fmt(d.mean, true)}${d.ci95 === null ? '' : ` ± ${fmt(d.ci95, false)}`})`);
        return el('td', { class: verdictClass(cell.verdict), title: cell.verdict ?? '' }, text);
      }),
    ),
  );
  groupsBox.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

/**
 * The intraday charts: bitmaps drawn by the analyst, handed to canvases as they are (a
 * 'bitmaprenderer' canvas takes the bitmap without copying or drawing on this thread).
 */
function showChart(base: ImageBitmap | null, plan: ImageBitmap | null): void {
  const figure = (bitmap: ImageBitmap, which: string): HTMLElement => {
    const canvas = el('canvas', { width: String(bitmap.width), height: String(bitmap.height), role: 'img', 'aria-label': `intraday profile of the ${which}` });
    canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
    return el('figure', { 'data-chart': which }, canvas);
  };
  const figures: HTMLElement[] = [];
  if (base !== null) figures.push(figure(base, 'baseline'));
  if (plan !== null) figures.push(figure(plan, base === null ? 'baseline' : 'plan'));
  chartBox.replaceChildren(...figures);
}

// ---------------------------------------------------------------------------------------------
// Pinned plans: up to four, side by side, each against the baseline it ran with.

function renderPins(): void {
  if (pins.length === 0) {
    pinsBox.replaceChildren();
    return;
  }
  const head = el(
    'tr',
    {},
    el('th', {}, 'Pinned plans'),
    ...pins.map((p, i) => {
      const open = el('button', { type: 'button', class: 'open-pin' }, 'Open');
      open.addEventListener('click', () => openPin(i));
      const unpin = el('button', { type: 'button', class: 'unpin' }, 'Unpin');
      unpin.addEventListener('click', () => {
        pins.splice(i, 1);
        renderPins();
        pinButton.disabled = shown === null || pins.length >= MAX_PINS;
      });
      const changes = p.settings.length === 0 ? ['no change'] : p.settings.map((st) => `${st.path}: ${typeof st.value === 'string' ? st.value : JSON.stringify(st.value)}`);
      return el(
        'th',
        { 'data-pin': String(i) },
        el('span', {}, `Plan ${i + 1} (${p.days} days, ${p.replications} replications)`),
        el('ul', {}, ...changes.map((c) => el('li', {}, c))),
        open,
        ' ',
        unpin,
      );
    }),
  );
  const metrics = pins[0]!.cards.map((f) => f.card);
  const body = metrics.map((card) =>
    el(
      'tr',
      { 'data-metric': cardKey(card) },
      el('th', {}, card.label),
      ...pins.map((p) => {
        const f = p.cards.find((c) => cardKey(c.card) === cardKey(card));
        if (f === undefined) return el('td', {}, '–');
        const v = f.difference === null ? null : verdict(f.card, f.difference);
        const diff = f.difference === null ? '' : ` (${formatDelta(f.card, f.difference.mean, true)} ± ${formatDelta(f.card, f.difference.ci95, false)})`;
        return el('td', { class: verdictClass(v), title: v ?? '' }, formatValue(f.card, f.value) + diff);
      }),
    ),
  );
  pinsBox.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

pinButton.addEventListener('click', () => {
  if (shown === null || pins.length >= MAX_PINS) return;
  pins.push(shown);
  renderPins();
  pinButton.disabled = true; // this plan is pinned; the next change enables it again
});

/** Reopens a pinned plan: its address applied to the levers, and a rerun (cached: at once). */
function openPin(i: number): void {
  const pin = pins[i];
  if (pin === undefined || study === null || levers === null) return;
  applyShared(new URLSearchParams(pin.hash.slice(1)), study, levers);
  buildLevers(study);
  update();
}

// ---------------------------------------------------------------------------------------------
// Save as variants, Report

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The plans a variants file and the report hold: every pinned plan (`plan 1`, `plan 2`, as the
 * pins are numbered on the page) and the plan on screen unless it is pinned (`plan`), each
 * against the baseline it ran with. They share one compare run, so a pin run with another
 * horizon or replication count than the plan on screen is left out (and said so).
 */
function plansToSave(): { plans: Array<{ name: string; plan: Shown }>; left: string[] } | null {
  if (shown === null) return null;
  const now = shown;
  const same = (p: Shown): boolean => p.days === now.days && p.replications === now.replications;
  const plans: Array<{ name: string; plan: Shown }> = [];
  const left: string[] = [];
  pins.forEach((p, i) => {
    if (same(p)) plans.push({ name: `plan ${i + 1}`, plan: p });
    else left.push(`plan ${i + 1} (${p.days} days, ${p.replications} replications)`);
  });
  const pinned = pins.some((p) => same(p) && JSON.stringify(p.settings) === JSON.stringify(now.settings));
  if (!pinned) plans.push({ name: 'plan', plan: now });
  return { plans, left };
}

function leftOut(left: string[]): string {
  return left.length === 0 ? '' : ` Left out (another horizon or replication count: open it to save it): ${left.join(', ')}.`;
}

let saveId = 0;
let reportId = 0;

saveButton.addEventListener('click', () => {
  const chosen = plansToSave();
  if (chosen === null || study === null || shown === null) return;
  saveId += 1;
  const saved: SavedPlans = {
    base: study.file,
    common: shown.common,
    plans: chosen.plans.map((p) => ({ name: p.name, settings: p.plan.settings })),
    seed: shown.seed,
    replications: shown.replications,
  };
  const message: ReaderRequest = { kind: 'save', id: saveId, saved, fileName: savedFileName(study.file) };
  reader().postMessage(message);
  status.textContent = `Saved ${chosen.plans.map((p) => p.name).join(', ')} with the baseline.${leftOut(chosen.left)}`;
});

reportButton.addEventListener('click', () => {
  const chosen = plansToSave();
  if (chosen === null || shown === null) return;
  reportButton.disabled = true;
  status.textContent = `Drawing the report (${chosen.plans.map((p) => p.name).join(', ')} against the baseline)…${leftOut(chosen.left)}`;
  reportId += 1;
  const request: ReportRequest = {
    kind: 'report',
    id: reportId,
    seed: shown.seed,
    replications: shown.replications,
    common: shown.common,
    baseline: { key: shown.baseKey, scenario: shown.baseScenario },
    plans: chosen.plans.map((p) => ({ name: p.name, key: p.plan.key, scenario: p.plan.scenario, settings: p.plan.settings })),
  };
  toAnalyst(request);
});

function reported(reply: Extract<AnalystReply, { kind: 'report' } | { kind: 'error' }>): void {
  if (reply.id !== reportId) return;
  reportButton.disabled = false;
  if (reply.kind === 'error') status.textContent = `The report failed: ${reply.error}`;
  else download(reply.html, `${savedFileName(study?.file ?? 'scenario.yaml').replace(/\.yaml$/, '')}-report.html`, 'text/html');
}

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
  const option = picker.selectedOptions[0];
  if (option === undefined) return;
  if (option.dataset['given'] !== undefined && given !== undefined) chooseScenario(given.file, given.text);
  else chooseBundled(option.value);
});

let given: { file: string; text: string } | undefined;

/** The bundled scenarios' names (sent by the reader when it starts), after the given file. */
function listBundled(files: string[]): void {
  for (const f of files) picker.append(el('option', { value: f }, f));
  const file = editor.dataset['file'];
  if (file !== undefined) showInPicker(file, given !== undefined && file === given.file && picker.selectedOptions[0]?.dataset['given'] !== undefined);
}

function showInPicker(file: string, isGiven: boolean): void {
  const option = [...picker.options].find((o) => o.value === file && (o.dataset['given'] !== undefined) === isGiven);
  if (option !== undefined) option.selected = true;
}

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
  const named = shared?.get('scenario') ?? undefined;
  if (given !== undefined) {
    picker.prepend(el('option', { value: given.file, 'data-given': '' }, `${given.file} (given)`));
    picker.selectedIndex = 0;
  }
  // The given file unless the address names another; a bundled scenario (the first by default).
  if (given !== undefined && (named === undefined || named === given.file)) chooseScenario(given.file, given.text);
  else chooseBundled(named ?? '');
}

setTimeout(reader, 0);
void start();
setTimeout(warmWorkers, 0);
