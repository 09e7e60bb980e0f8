/**
 * The studio page's longest main-thread tasks, by CPU time and wall time from Chromium's trace,
 * while it loads and reads the bundled bank (navigation to the baseline's figures and chart)
 * and while it updates after a change (20% more generalists on the bank day), and the update
 * time the page reports. Tasks of Playwright's own scripts (evaluated without a URL; the page's
 * Content-Security-Policy lets the page run none) are left out, as in studio.test.ts.
 *
 *   node test/studio/profile.mjs [RUNS]        (needs `npm run build` and /usr/bin/chromium)
 *
 * Prints one line per run and the load average: on a loaded machine wall time is mostly time
 * spent waiting for a core; CPU time is the page's own work.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 3);
const CHROMIUM = process.env.CCSIM_CHROMIUM ?? '/usr/bin/chromium';

const server = spawn(process.execPath, [`${ROOT}bin/ccsim.mjs`, 'studio', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (m) resolve(m[0]);
  });
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

/** The longest tasks of the page's main thread in a trace (ms). */
function longest(events) {
  const own = events.find((e) => /\/app\.js$/.test(e.args?.data?.url ?? '') && (e.name === 'FunctionCall' || e.name === 'EvaluateScript'));
  const main = events.filter((e) => own !== undefined && e.pid === own.pid && e.tid === own.tid && e.ph === 'X');
  const harness = main.filter((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '') === '');
  const tasks = main.filter((t) => t.name === 'RunTask' && !harness.some((h) => h.ts >= t.ts && h.ts <= t.ts + t.dur));
  return { cpu: Math.max(...tasks.map((t) => (t.tdur ?? 0) / 1000)), wall: Math.max(...tasks.map((t) => t.dur / 1000)) };
}

async function traced(cdp, what) {
  const events = [];
  const collect = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await what();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return longest(events);
}

const settled = (before) =>
  document.body.dataset.run !== before &&
  document.body.dataset.state === 'ready' &&
  document.body.dataset.chart === document.body.dataset.analysis &&
  document.querySelectorAll('#chart canvas').length > 0;

try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const change = async (selector, value) => {
      const before = await page.getAttribute('body', 'data-run');
      await page.fill(selector, value);
      await page.dispatchEvent(selector, 'change');
      await page.waitForFunction(settled, before, { timeout: 120_000, polling: 100 });
    };
    const loading = await traced(cdp, async () => {
      await page.goto(url);
      await page.waitForFunction(settled, null, { timeout: 120_000, polling: 100 });
      await page.waitForTimeout(300);
    });
    await change('#days', '3');
    const updating = await traced(cdp, async () => {
      await change('#agents-generalists', '20');
      await page.waitForTimeout(300);
    });
    const ms = await page.getAttribute('body', 'data-update-ms');
    console.log(
      `run ${run + 1}: load average ${loadavg()[0].toFixed(1)}; longest page task loading ${loading.cpu.toFixed(1)} ms CPU, ${loading.wall.toFixed(1)} ms wall; ` +
        `updating ${updating.cpu.toFixed(1)} ms CPU, ${updating.wall.toFixed(1)} ms wall; update ${ms} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
