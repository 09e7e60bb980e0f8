/**
 * The analyst Web Worker: everything the page computes from finished replications, off the main
 * thread so a change never blocks input (pooling 2 x 10 replications, the paired differences,
 * drawing the intraday chart with vega and the report with its five charts take from tens to
 * hundreds of milliseconds).
 *
 * The simulation workers send it every result directly (a MessageChannel each), filed here by
 * scenario key and replication index; the page only says which keys make the plan.
 *
 * - Figures: the cards (the estimates and paired differences `ccsim compare` computes, with
 *   the same functions), the per-type and per-group tables. Sent first: they are the update.
 * - Chart: the report's intraday chart (the same vega-lite spec, charts/intraday.ts) of the
 *   baseline and of the plan, drawn on an OffscreenCanvas and sent as bitmaps (an SVG image
 *   would cost the page's main thread tens of milliseconds to parse and lay out). vega runs
 *   with its expression interpreter, so the page needs no 'unsafe-eval', and estimates text
 *   widths as it does in Node (offscreen-canvas.ts), so the report's charts are the CLI's.
 * - Report: on request, report.html of `ccsim compare` on the saved variants file (the baseline
 *   and the plans pinned and shown, from the results kept here by key): the same
 *   CompareResult (experiment/compare-result.ts), chart specs (report/chart-specs.ts) and page
 *   (report/html.ts) the CLI uses.
 */
import type { TopLevelSpec } from 'vega-lite';
import { compile as compileVegaLite } from 'vega-lite';
import { parse as parseVega, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { Result } from '../../metrics/types.ts';
import { aggregate } from '../../metrics/aggregate.ts';
import { withoutIntervals } from '../../metrics/without-intervals.ts';
import { periodFactor } from '../../experiment/plan-summary.ts';
import { compareResult } from '../../experiment/compare-result.ts';
import { scenarioChanges } from '../../experiment/scenario-diff.ts';
import { withOverrides } from '../../experiment/simulate.ts';
import type { Plan } from '../../experiment/types.ts';
import { intradaySpec } from '../../report/charts/intraday.ts';
import { chartSpecs } from '../../report/chart-specs.ts';
import { reportHtml } from '../../report/html.ts';
import { normalizeSvgIds } from '../../report/svg-ids.ts';
import { cardFigures, groupRows, typeRows } from './headline.ts';
import type { AnalysisRequest, AnalystReply, AnalystRequest, ReplicationResult, ReportRequest } from './protocol.ts';
import type { Setting } from './study.ts';
import { allowCanvas } from './offscreen-canvas.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<AnalystRequest>) => void) | null;
  postMessage(message: AnalystReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

// From here on vega may draw on canvases (the page's chart); its text measuring stays estimated.
allowCanvas();

/** The latest analysis (a chart for an older one is not drawn). */
let last: { request: AnalysisRequest } | null = null;

/** Results by scenario key, in replication order (sent by the simulation workers). */
let results = new Map<string, Result[]>();
/**
 * Pooled results by `key|replications`: `totals` without the intervals (what the figures and
 * `ccsim compare` use: quick), `full` with every interval (for the chart: pooling 144 intervals
 * per type takes longer, so it comes after the figures are out).
 */
let pooled = new Map<string, { runs: Result[]; totals: Result; full?: Result }>();

function pool(key: string, runs: Result[]): { runs: Result[]; totals: Result; full?: Result } {
  const id = `${key}|${runs.length}`;
  let p = pooled.get(id);
  if (p === undefined) {
    const light = runs.map(withoutIntervals);
    p = { runs: light, totals: aggregate(light) };
    pooled.set(id, p);
  }
  return p;
}

function full(key: string, runs: Result[]): Result {
  const p = pool(key, runs);
  p.full ??= aggregate(runs);
  return p.full;
}
/** An analysis asked for before all its results came in (they travel on other channels). */
let waiting: AnalysisRequest | null = null;

function filed(message: ReplicationResult): void {
  let list = results.get(message.key);
  if (list === undefined) {
    list = [];
    results.set(message.key, list);
  }
  list[message.replication] = message.result;
  if (waiting !== null && complete(waiting)) {
    const request = waiting;
    waiting = null;
    void analyse(request);
  }
}

function runsOf(key: string, replications: number): Result[] | null {
  const list = results.get(key);
  if (list === undefined) return null;
  // A loop, not every(): the list fills out of order, and every() skips the holes.
  const out: Result[] = [];
  for (let r = 0; r < replications; r++) {
    const result = list[r];
    if (result === undefined) return null;
    out.push(result);
  }
  return out;
}

function complete(request: AnalysisRequest): boolean {
  return runsOf(request.baseKey, request.replications) !== null && runsOf(request.planKey, request.replications) !== null;
}

async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compileVegaLite(spec).spec;
  const view = new View(parseVega(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    return normalizeSvgIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * The page's chart: the same spec drawn by vega's canvas renderer on an OffscreenCanvas, as a
 * bitmap the page shows without parsing or laying out anything.
 */
async function specToBitmap(spec: TopLevelSpec, pixelRatio: number): Promise<ImageBitmap> {
  const compiled = compileVegaLite(spec).spec;
  const view = new View(parseVega(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    const canvas = (await view.toCanvas(pixelRatio)) as unknown as OffscreenCanvas | null;
    if (canvas === null || typeof canvas.transferToImageBitmap !== 'function') throw new Error('this browser has no OffscreenCanvas in workers');
    return canvas.transferToImageBitmap();
  } finally {
    view.finalize();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One `path: value` line per setting, as `ccsim compare` lists a variant's changes. */
function changeLines(settings: readonly Setting[]): string[] {
  return settings.map((st) => `${st.path}: ${typeof st.value === 'string' ? st.value : JSON.stringify(st.value)}`);
}

async function analyse(request: AnalysisRequest): Promise<void> {
  const { id, changed } = request;
  const base = runsOf(request.baseKey, request.replications);
  const plan = runsOf(request.planKey, request.replications);
  if (base === null || plan === null) {
    waiting = request;
    return;
  }
  let base0: ReturnType<typeof pool>;
  let plan0: ReturnType<typeof pool>;
  try {
    base0 = pool(request.baseKey, base);
    plan0 = pool(request.planKey, plan);
    last = { request };
    const week = periodFactor(request.planScenario, 'week');
    const baseline = changed ? { aggregate: base0.totals, rows: base0.runs.map((r) => r.totals) } : null;
    scope.postMessage({
      kind: 'figures',
      id,
      cards: cardFigures(plan0.totals, plan0.runs.map((r) => r.totals), baseline, week),
      types: typeRows(plan0.totals, plan0.runs, changed ? { aggregate: base0.totals, runs: base0.runs } : null),
      groups: groupRows(plan0.runs, changed ? base0.runs : null),
    });
  } catch (err) {
    scope.postMessage({ kind: 'error', id, what: 'figures', error: message(err) });
    return;
  }
  // The chart: after the figures, and only if no newer plan has been asked for meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (last.request.id !== id) return;
  try {
    const target = request.planScenario.service_level.target;
    const minutes = request.planScenario.horizon.interval_minutes;
    const planChart = await specToBitmap(
      intradaySpec({ result: full(request.planKey, plan), target, intervalMinutes: minutes, title: changed ? 'Intraday profile: plan' : 'Intraday profile' }),
      request.pixelRatio,
    );
    const baseChart = changed ? await specToBitmap(intradaySpec({ result: full(request.baseKey, base), target, intervalMinutes: minutes, title: 'Intraday profile: baseline' }), request.pixelRatio) : null;
    if (last.request.id !== id) return;
    scope.postMessage({ kind: 'chart', id, base: baseChart, plan: planChart }, baseChart === null ? [planChart] : [planChart, baseChart]);
  } catch (err) {
    scope.postMessage({ kind: 'error', id, what: 'chart', error: message(err) });
  }
}

/**
 * report.html as `ccsim compare FILE --replications R --seed S` writes it for the saved
 * variants file: the baseline, then the plans in the file's order, from the results kept here.
 */
async function report(request: ReportRequest): Promise<string> {
  const { seed, replications } = request;
  const listed = [{ name: 'baseline', key: request.baseline.key, scenario: request.baseline.scenario, settings: [] as Setting[] }, ...request.plans];
  const plans: Plan[] = [];
  // Without their intervals, as `ccsim compare` keeps replications.
  const runs: Result[][] = [];
  for (const [i, p] of listed.entries()) {
    const got = runsOf(p.key, replications);
    if (got === null) throw new Error(`the replications of ${p.name} are no longer kept: open it again, then press Report`);
    runs.push(pool(p.key, got).runs);
    if (i === 0) {
      plans.push({ name: p.name, scenario: p.scenario });
      continue;
    }
    // As loadVariants lists changes: the variant's own settings when the baseline is the base
    // file itself; a field-by-field difference when the baseline is a variant (a new horizon).
    const changes = request.common.length === 0 ? changeLines(p.settings) : scenarioChanges(request.baseline.scenario, p.scenario);
    plans.push({ name: p.name, scenario: p.scenario, changes });
  }
  const scenarios = plans.map((p) => withOverrides(p.scenario, { seed }));
  const { result } = compareResult(plans, scenarios, runs, seed, 'week');
  const input = { kind: 'compare', plans: plans.map((p) => ({ name: p.name, scenario: p.scenario })), compare: result } as const;
  const entries = chartSpecs(input);
  const charts = [];
  for (const e of entries) charts.push({ name: e.name, title: e.title, caption: e.caption, svg: await specToSvg(e.spec) });
  return reportHtml(input, charts);
}

scope.onmessage = (e) => {
  const request = e.data;
  switch (request.kind) {
    case 'port':
      request.port.onmessage = (m: MessageEvent<ReplicationResult>) => filed(m.data);
      return;
    case 'forget':
      results = new Map();
      pooled = new Map();
      waiting = null;
      return;
    case 'analyse':
      waiting = null;
      void analyse(request);
      return;
  }
  report(request).then(
    (html) => scope.postMessage({ kind: 'report', id: request.id, html }),
    (err: unknown) => scope.postMessage({ kind: 'error', id: request.id, what: 'report', error: message(err) }),
  );
};
