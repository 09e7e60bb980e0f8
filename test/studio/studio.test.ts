/**
 * The what-if studio end to end: `ccsim studio` serves the built page (dist/studio) on
 * 127.0.0.1; headless Chromium opens it, runs the bundled retail bank, changes levers and sees
 * the paired differences; the saved variants file run through `ccsim compare` gives the page's
 * figures; a broken scenario shows the CLI's message with its line; the server refuses paths
 * outside its allowlist and sends its Content-Security-Policy.
 *
 * Prints the update time of the bank day (10 replications) after a change and the longest
 * main-thread task of the page while it loads and reads the scenario, and while it updates,
 * both as the main thread's CPU time and as wall time, from Chromium's trace (on a loaded
 * machine a task's wall time is mostly time spent waiting for a core), with the load average
 * at the time. Asserts the CPU time. Tasks of the test's own scripts (Playwright evaluates
 * scripts without a URL; the page's Content-Security-Policy lets the page run none) are left out.
 *
 * Rebuilds the page bundle (scripts/build-studio.mjs) first; needs the CLI built (`npm run build`). Needs Chromium: skipped, saying so, when
 * /usr/bin/chromium (or $CCSIM_CHROMIUM) is absent. Set CCSIM_STUDIO_SCREENSHOT=path to save a
 * screenshot of the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { BIN, runCcsim } from '../helpers/cli.ts';

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BANK = join(ROOT, 'scenarios', 'retail-bank.yaml');
if (!HAVE_CHROMIUM) console.warn(`studio tests skipped: no Chromium at ${CHROMIUM} (set CCSIM_CHROMIUM)`);

let studio: ChildProcess | undefined;
let url = '';

/** Starts `ccsim studio ARGS --port 0` and resolves with the process and the address it prints. */
function startStudio(...args: string[]): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(join(ROOT, 'dist', 'studio', 'app.js'))) throw new Error('dist/studio is missing: run `npm run build` first');
  const child = spawn(process.execPath, [BIN, 'studio', ...args, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m !== null) resolve({ child, url: m[0] });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`ccsim studio exited (${code}): ${err}`)));
  });
}

/** A raw GET: the path is sent exactly as given (fetch would normalise `/../`). */
function rawGet(path: string, at = url): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(at);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  // The page as the sources are now (the CLI itself is dist/, built by `npm run build`).
  const { buildStudio } = (await import('../../scripts/build-studio.mjs' as string)) as { buildStudio(root: string): Promise<void> };
  await buildStudio(ROOT);
  const started = await startStudio();
  studio = started.child;
  url = started.url;
});

afterAll(() => {
  studio?.kill('SIGTERM');
});

describe('ccsim studio: the server', () => {
  it('binds 127.0.0.1 and serves the page with a strict Content-Security-Policy', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await rawGet('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="app.js"');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect((await rawGet('/worker.js')).status).toBe(200);
    expect((await rawGet('/reader.js')).status).toBe(200);
    expect((await rawGet('/analyst.js')).status).toBe(200);
    // Started without FILE: no scenario of the user's is served.
    expect(JSON.parse((await rawGet('/scenario.json')).body)).toEqual({ file: null });
  });

  it('refuses every path outside its allowlist', async () => {
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/package.json', '/src/cli/main.ts', '/studio/server.js', '/favicon.ico', '/nope']) {
      const r = await rawGet(path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('"name"');
    }
  });
});

describe('ccsim studio FILE', () => {
  it('serves that scenario\'s text (and only it) for the page to start from', async () => {
    const file = join(ROOT, 'scenarios', 'tech-support.yaml');
    const other = await startStudio('scenarios/tech-support.yaml');
    try {
      const r = await rawGet('/scenario.json', other.url);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toEqual({ file: 'tech-support.yaml', text: readFileSync(file, 'utf8') });
      expect((await rawGet('/scenarios/tech-support.yaml', other.url)).status).toBe(404);
    } finally {
      other.child.kill('SIGTERM');
    }
  });
});

describe.skipIf(!HAVE_CHROMIUM)('ccsim studio: the page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  /** Every card's text after the three changes, with as many workers as the machine has cores. */
  let shownWithAllWorkers = '';
  const work = mkdtempSync(join(tmpdir(), 'ccsim-studio-'));

  const observeLongTasks = (): void => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  };

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The longest main-thread task from the page's first script on.
    await page.addInitScript(observeLongTasks);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const ready = async (p: Page = page): Promise<void> => {
    await p.waitForSelector('body[data-state="ready"]', { timeout: 90_000 });
  };
  const card = async (metric: string, part: 'value' | 'diff' | 'verdict' | 'ci'): Promise<string> =>
    (await page.textContent(`#cards .card[data-metric="${metric}"] .${part}`)) ?? '';
  const allCards = async (p: Page = page): Promise<string> => (await p.$$eval('#cards .card', (cards) => cards.map((c) => c.textContent).join('\n'))) ?? '';
  const percent = (text: string): number => Number(/(-?[\d.]+)%/.exec(text)?.[1]);
  const longestTask = (): Promise<number> => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
  /** Changes an input and waits for the run it starts; returns the page's update time in ms. */
  const change = async (selector: string, value: string, how: 'fill' | 'select' = 'fill'): Promise<number> => {
    const before = await page.getAttribute('body', 'data-run');
    if (how === 'fill') await page.fill(selector, value);
    else await page.selectOption(selector, value);
    await page.dispatchEvent(selector, 'change');
    // Polled every 50 ms, not every frame: the test's own polling stays off the page's main thread.
    await page.waitForFunction((b) => document.body.dataset['run'] !== b && document.body.dataset['state'] === 'ready', before, { timeout: 90_000, polling: 50 });
    return Number(await page.getAttribute('body', 'data-update-ms'));
  };
  /** The intraday chart of the latest run has been drawn (baseline, and the plan after a change). */
  const chartDrawn = async (): Promise<string[]> => {
    const run = await page.getAttribute('body', 'data-run');
    await page.waitForFunction(
      () =>
        document.body.dataset['chart'] === document.body.dataset['analysis'] &&
        document.querySelectorAll('#chart figure canvas').length > 0 &&
        [...document.querySelectorAll<HTMLCanvasElement>('#chart canvas')].every((c) => c.width > 100 && c.height > 100),
      null,
      { timeout: 90_000, polling: 50 },
    );
    expect(await page.getAttribute('body', 'data-run')).toBe(run);
    return page.$$eval('#chart figure', (fs) => fs.map((f) => f.getAttribute('data-chart') ?? ''));
  };
  /**
   * The page's main-thread tasks while `what` runs: the longest by CPU time and by wall time
   * (ms), and the CPU time of all its workers together, from Chromium's trace. A task that
   * evaluates a script without a URL is the test's (Playwright's), not the page's.
   */
  const traced = async (what: () => Promise<void>): Promise<{ cpu: number; wall: number; workers: number }> => {
    const cdp: CDPSession = await page.context().newCDPSession(page);
    type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { url?: string } } };
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as typeof events)));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await what();
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    // The page's main thread: the one that ran the page's script (other renderers are traced too).
    const own = events.find((e) => /\/app\.js$/.test(e.args?.data?.url ?? '') && (e.name === 'FunctionCall' || e.name === 'EvaluateScript'));
    const onMain = events.filter((e) => own !== undefined && e.pid === own.pid && e.tid === own.tid && e.ph === 'X');
    const harness = onMain.filter((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '') === '');
    const tasks = onMain.filter((t) => t.name === 'RunTask' && !harness.some((h) => h.ts >= t.ts && h.ts <= t.ts + (t.dur ?? 0)));
    expect(tasks.length).toBeGreaterThan(0);
    const workerThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread').map((e) => `${e.pid}:${e.tid}`));
    const workerCpu = events
      .filter((e) => e.ph === 'X' && e.name === 'RunTask' && workerThreads.has(`${e.pid}:${e.tid}`))
      .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
    return { cpu: Math.max(...tasks.map((t) => (t.tdur ?? 0) / 1000)), wall: Math.max(...tasks.map((t) => (t.dur ?? 0) / 1000)), workers: workerCpu };
  };

  // Long on a loaded machine: a dozen runs of 10 replications, a compare run and two reports.
  it('runs the bank, rates changes against the baseline, pins plans, and round-trips through ccsim compare', { timeout: 500_000 }, async () => {
    // Loading: from the navigation to the baseline's figures and chart on the page.
    const loading = await traced(async () => {
      await page.goto(url);
      await ready();
      await chartDrawn();
    });
    const startTask = await longestTask();
    expect(await page.inputValue('#editor')).toBe(readFileSync(BANK, 'utf8'));
    expect(await card('service_level', 'diff')).toBe('baseline');
    expect(await chartDrawn()).toEqual(['baseline']);

    // The bank day: Monday 7 December after the 48 h warm-up (horizon 3 days), 10 replications.
    await change('#days', '3');
    const baseSl = percent(await card('service_level', 'value'));
    const baseFcr = percent(await card('fcr', 'value'));
    expect(baseSl).toBeGreaterThan(0);
    const baseGeneralists = Number(/^[\d.]+/.exec((await page.textContent('#groups tr[data-group="generalists"] td')) ?? '')?.[0]);

    // 20% more generalists: service level must rise, and the paired interval says so.
    await page.evaluate(() => ((window as unknown as { longestTask: number }).longestTask = 0));
    let updateMs = 0;
    const tasks = await traced(async () => {
      updateMs = await change('#agents-generalists', '20');
    });
    const longestWall = await longestTask();
    const sl = percent(await card('service_level', 'value'));
    expect(sl).toBeGreaterThan(baseSl);
    expect(await card('service_level', 'verdict')).toBe('better');
    expect(await card('asa_seconds', 'verdict')).toBe('better');
    expect(await card('service_level', 'diff')).toMatch(/^\+\d+\.\d pp ± \d+\.\d pp$/);
    // The group table: generalists' mean agents logged in rise by about 20% (shifts rounded to whole agents).
    const generalists = (await page.textContent('#groups tr[data-group="generalists"] td')) ?? '';
    const planGeneralists = Number(/^[\d.]+/.exec(generalists)?.[0]);
    expect(planGeneralists / baseGeneralists).toBeGreaterThan(1.15);
    expect(planGeneralists / baseGeneralists).toBeLessThan(1.25);
    expect(generalists).toMatch(/\(\+\d+\.\d ± /);
    // Its differences rated like the cards': clearly more agents (no better direction), and
    // clearly more cost (worse: the catalogue's agents' cost is better lower).
    const groupClasses = await page.$$eval('#groups tr[data-group="generalists"] td', (cells) => cells.map((c) => c.className));
    expect(groupClasses[0]).toBe('higher');
    expect(groupClasses[4]).toBe('worse');
    // The per-type table: one row per contact type of the bank, cards' service level among them better.
    expect(await page.$$eval('#types tbody tr', (rows) => rows.map((r) => r.getAttribute('data-type')))).toEqual(['cards', 'accounts', 'mortgages', 'chat']);
    expect(await page.$$eval('#types tbody tr[data-type="cards"] td', (cells) => cells.map((c) => c.className))).toContain('better');
    // The intraday chart: the baseline beside the plan.
    expect(await chartDrawn()).toEqual(['baseline', 'plan']);

    // Skill-based routing removes round robin's transfers: FCR changes (and is paired).
    await change('#policy', 'skill_based', 'select');
    const fcr = percent(await card('fcr', 'value'));
    expect(fcr).not.toBe(baseFcr);
    expect(await card('fcr', 'verdict')).not.toBe('no clear difference');

    shownWithAllWorkers = await allCards();
    // The plan's address carries its levers: a second tab opened on it shows the same plan.
    const address = page.url();
    expect(new URL(address).hash).toBe('#scenario=retail-bank.yaml&days=3&policy=skill_based&agents.generalists=20');
    const tab = await page.context().newPage();
    try {
      await tab.goto(address);
      await ready(tab);
      expect(await tab.inputValue('#agents-generalists')).toBe('20');
      expect(await allCards(tab)).toBe(shownWithAllWorkers);
    } finally {
      await tab.close();
    }
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const load = loadavg()[0]!.toFixed(1);
    console.log(
      `studio: bank day (3-day horizon, 48 h warm-up), 10 paired replications on ${workers} workers, load average ${load} on ${workers} cores: ` +
        `update after a change ${updateMs} ms wall (the workers' CPU time for it, chart included: ${tasks.workers.toFixed(0)} ms); ` +
        `longest main-thread task of the page while updating ${tasks.cpu.toFixed(0)} ms CPU, ${tasks.wall.toFixed(0)} ms wall; ` +
        `while loading the page and reading the scenario ${loading.cpu.toFixed(0)} ms CPU, ${loading.wall.toFixed(0)} ms wall ` +
        `(PerformanceObserver, test's own tasks included: ${longestWall.toFixed(0)} ms updating, ${startTask.toFixed(0)} ms loading)`,
    );
    // The main thread's own work per task (CPU time, which load does not inflate) stays far below 100 ms.
    expect(tasks.cpu).toBeLessThan(100);
    expect(loading.cpu).toBeLessThan(100);

    // Pin this plan; change the other kinds of lever; pin that plan too: both side by side.
    const pinnedSl = await card('service_level', 'value');
    await page.click('#pin');
    expect(await page.$$eval('#pins thead th[data-pin]', (th) => th.length)).toBe(1);
    await change('#add-card-specialists', '2');
    await page.click('details.shifts[data-group="chat-team"] summary');
    await change('#shift-chat-team-1', '6');
    await change('#aht-accounts', '-10');
    await change('#patience-chat', '25');
    await change('#fcr-mortgages', '75');
    await change('#volume-cards', '5');
    // Self-service added to a type that has none (the bank has no self-service at all).
    expect(await page.inputValue('#share-cards')).toBe('0');
    await change('#share-cards', '30');
    await change('#containment-cards', '20');
    await page.click('#pin');
    const pinned = await page.$$eval('#pins thead th[data-pin]', (th) => th.map((t) => t.querySelector('ul')?.textContent ?? ''));
    expect(pinned).toHaveLength(2);
    expect(pinned[0]).toBe('agent_groups[generalists].staffing_scale: 1.2routing.policy: skill_based');
    expect(pinned[1]).toContain('contact_types[accounts].handle_time: {"distribution":"lognormal","mean_minutes":5.4,"cv":0.75}');
    expect(pinned[1]).toContain('contact_types[cards].self_service: {"share_offered":0.3,"containment":0.2,"duration":{"distribution":"lognormal","mean_minutes":2,"cv":0.5}}');
    // The first pinned column still shows the first plan's service level.
    expect(await page.textContent('#pins tr[data-metric="service_level"] td:first-of-type')).toMatch(new RegExp(`^${pinnedSl.replace('.', '\\.')} \\(\\+`));
    expect(await card('service_level', 'value')).not.toBe(pinnedSl);
    if (process.env.CCSIM_STUDIO_SCREENSHOT) {
      await chartDrawn();
      await page.screenshot({ path: process.env.CCSIM_STUDIO_SCREENSHOT, fullPage: true });
    }

    // Save as variants (every pinned plan, with the baseline), next to a copy of the base file,
    // and run ccsim compare on it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    const saved = join(work, download.suggestedFilename());
    await download.saveAs(saved);
    copyFileSync(BANK, join(work, 'retail-bank.yaml'));
    const command = (await page.textContent('#command')) ?? '';
    const args = command.split(' ').slice(1); // ccsim compare FILE --replications 10 --seed S
    expect(args).toEqual(['compare', download.suggestedFilename(), '--replications', '10', '--seed', '2026']);
    const run = runCcsim(work, ...args, '--quiet', '--out', join(work, 'run'));
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(join(work, 'run', 'compare.json'), 'utf8')) as {
      plans: Array<{ name: string; totals: Record<string, number>; ci95: Record<string, number>; cost_per_period: number }>;
      differences: Array<{ plan: string; metric: string; mean: number; ci95: number; verdict: string }>;
    };
    // The two pinned plans (the second is the one on screen) against the baseline.
    expect(result.plans.map((p) => p.name)).toEqual(['baseline', 'plan 1', 'plan 2']);
    const plan = result.plans.find((p) => p.name === 'plan 2')!;
    // The page's figures, to the precision it shows them.
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    const pp = (x: number, signed: boolean): string => `${signed && x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
    for (const metric of ['service_level', 'abandon_rate', 'occupancy', 'fcr']) {
      expect(await card(metric, 'value'), metric).toBe(pct(plan.totals[metric]!));
      expect(await card(metric, 'ci'), metric).toBe(`± ${pp(plan.ci95[metric]!, false)}`);
      const d = result.differences.find((x) => x.plan === 'plan 2' && x.metric === metric)!;
      expect(await card(metric, 'diff'), metric).toBe(`${pp(d.mean, true)} ± ${pp(d.ci95, false)}`);
      expect(await card(metric, 'verdict'), metric).toBe(d.verdict);
      // Every pinned plan's column: its value and its paired difference, coloured by its verdict.
      for (const [i, name] of ['plan 1', 'plan 2'].entries()) {
        const p = result.plans.find((x) => x.name === name)!;
        const dp = result.differences.find((x) => x.plan === name && x.metric === metric)!;
        const cell = `#pins tr[data-metric="${metric}"] td:nth-of-type(${i + 1})`;
        expect(await page.textContent(cell), `${name} ${metric}`).toBe(`${pct(p.totals[metric]!)} (${pp(dp.mean, true)} ± ${pp(dp.ci95, false)})`);
        expect(await page.getAttribute(cell, 'title'), `${name} ${metric}`).toBe(dp.verdict);
      }
    }
    expect(await card('asa_seconds', 'value')).toBe(`${plan.totals['asa_seconds']!.toFixed(1)} s`);
    expect(await card('cost_per_contact', 'value')).toBe(plan.totals['cost_per_contact']!.toFixed(2));
    expect(await card('cost_per_week', 'value')).toBe(plan.cost_per_period.toFixed(0));

    // Report: the same report.html ccsim compare wrote for the saved file (baseline and both
    // pinned plans). Chart coordinates are
    // compared to a millionth of a pixel: Chromium's and Node's Math functions may differ in the
    // last bits of a double.
    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#report')]);
    const reportFile = join(work, 'page-report.html');
    await report.saveAs(reportFile);
    const rounded = (html: string): string => html.replace(/-?\d+\.\d{7,}/g, (x) => Number(x).toFixed(6));
    const fromPage = readFileSync(reportFile, 'utf8');
    const fromCli = readFileSync(join(work, 'run', 'report.html'), 'utf8');
    expect(fromPage.length).toBeGreaterThan(10_000);
    expect(rounded(fromPage)).toBe(rounded(fromCli));

    // Open the first pinned plan again: its levers come back and so do its figures.
    await page.click('#pins th[data-pin="0"] .open-pin');
    await page.waitForFunction(() => document.body.dataset['state'] === 'ready' && location.hash.endsWith('agents.generalists=20'), null, { timeout: 90_000, polling: 50 });
    expect(await page.inputValue('#add-card-specialists')).toBe('0');
    expect(await allCards()).toBe(shownWithAllWorkers);
    expect(errors).toEqual([]);
  });

  it('shows the same figures with one worker (results combined in replication order)', { timeout: 300_000 }, async () => {
    expect(shownWithAllWorkers).toContain('Service level');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const main = page;
    try {
      page = await context.newPage();
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 });
      });
      await page.addInitScript(observeLongTasks);
      await page.goto(url);
      await ready();
      expect(await page.textContent('#status')).toContain('1 worker.');
      await page.evaluate(() => ((window as unknown as { longestTask: number }).longestTask = 0));
      // Six days asked for and, while they run, replaced by the day: the long run is abandoned
      // (its replication in flight stopped) and the day's figures are the ones shown.
      await page.fill('#days', '6');
      await page.dispatchEvent('#days', 'change');
      await page.waitForFunction(() => /Running: \d+ of 10/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 90_000, polling: 20 });
      await page.waitForTimeout(400);
      await page.fill('#days', '3');
      await page.dispatchEvent('#days', 'change');
      await page.waitForFunction(() => document.body.dataset['state'] === 'ready' && location.hash.includes('days=3'), null, { timeout: 90_000, polling: 50 });
      const updateMs = await change('#agents-generalists', '20');
      await change('#policy', 'skill_based', 'select');
      expect(await allCards()).toBe(shownWithAllWorkers);
      console.log(`studio: the same with 1 worker: update after a change ${updateMs} ms; longest main-thread task ${(await longestTask()).toFixed(0)} ms wall`);
    } finally {
      await context.close();
      page = main;
    }
  });

  it('opens a scenario file the user picks and runs it', async () => {
    await page.setInputFiles('#open', join(ROOT, 'scenarios', 'tech-support.yaml'));
    await page.waitForFunction(() => document.body.dataset['state'] === 'ready' && document.getElementById('command')?.textContent?.includes('tech-support-studio.yaml'), null, { timeout: 90_000 });
    expect(await page.inputValue('#editor')).toBe(readFileSync(join(ROOT, 'scenarios', 'tech-support.yaml'), 'utf8'));
    expect(await card('service_level', 'diff')).toBe('baseline');
    // A new scenario drops the plans pinned on the old one.
    expect(await page.$$('#pins th[data-pin]')).toHaveLength(0);
  });

  it('offers self-service levers where the scenario has self-service', async () => {
    await page.selectOption('#scenario', 'retail-bank-skills-bot.yaml');
    await page.waitForFunction(() => document.body.dataset['state'] === 'ready' && document.getElementById('command')?.textContent?.includes('retail-bank-skills-bot-studio.yaml'), null, { timeout: 90_000 });
    expect(await page.inputValue('#share-accounts')).toBe('60');
    expect(await page.inputValue('#containment-chat')).toBe('25');
    // More of the bot's chats contained: fewer reach an agent, so the chat team's occupancy falls.
    await change('#containment-chat', '45');
    expect(await card('cost_per_contact', 'diff')).toMatch(/^[-+]\d/);
    expect(await page.$$eval('#groups tr[data-group="chat-team"] td', (cells) => cells[1]?.textContent ?? '')).toMatch(/\(-\d/);
  });

  it('shows a broken scenario\'s message with its line and runs nothing', async () => {
    const text = readFileSync(BANK, 'utf8');
    const broken = text.replace('fcr: 0.85', 'fcr: 1.85');
    await page.selectOption('#scenario', 'retail-bank.yaml');
    await ready();
    const runs = await page.getAttribute('body', 'data-run');
    const line = broken.split('\n').findIndex((l) => l.includes('fcr: 1.85')) + 1;
    expect(line).toBeGreaterThan(1);
    await page.fill('#editor', broken);
    await page.waitForSelector('body[data-state="invalid"]', { timeout: 30_000 });
    const message = (await page.textContent('#problems')) ?? '';
    expect(message).toContain(`retail-bank.yaml:${line}:`);
    expect(message).toContain('contact_types[cards].fcr');
    expect(await page.$$('.card')).toHaveLength(0);
    expect(await page.$$('#levers input')).toHaveLength(0);
    expect(await page.isDisabled('#save')).toBe(true);
    expect(await page.isDisabled('#report')).toBe(true);
    // Nothing ran: no update was counted, and none comes.
    await page.waitForTimeout(1000);
    expect(await page.getAttribute('body', 'data-run')).toBe(runs);
    expect(await page.getAttribute('body', 'data-state')).toBe('invalid');
  });
});
