/**
 * report.html in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core; no browser is downloaded) opens each kind of report from disk. It must log no
 * console error, fetch nothing but the file itself, draw every chart, look like something on a
 * screenshot (not a blank page), and fit an A4 page width when printed.
 *
 * Skipped, saying so, when /usr/bin/chromium (or $CCSIM_CHROMIUM) is absent; CI installs it.
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { reportFiles, type ReportInput } from '../../src/report/report-files.ts';
import { simulate } from '../../src/experiment/simulate.ts';
import { contactType, exp, group, scenario } from '../helpers/scenarios.ts';
import { compare } from '../../src/experiment/compare.ts';
import { compareBank, runBank, sweepBank } from './fixtures.ts';
import { pixelsNear, pngStats } from './svg.ts';

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_NOTE = `SKIPPED: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) to run it`;
if (!HAVE_CHROMIUM) process.stderr.write(`browser test ${SKIP_NOTE}\n`);

/** The flags that work in this container (and in CI): no sandbox, no GPU, no network chatter. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A4 portrait at 96 dpi, less 12 mm margins each side: the width a printed page offers. */
const A4_TEXT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

describe.skipIf(!HAVE_CHROMIUM)(`report.html in headless Chromium${HAVE_CHROMIUM ? '' : ` (${SKIP_NOTE})`}`, () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), 'ccsim-browser-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, input: ReportInput, charts: number, inspect?: (page: import('playwright-core').Page) => Promise<void>): Promise<void> {
    const files = await reportFiles(input, { charts: true, png: false });
    const file = join(dir, `${name}.html`);
    writeFileSync(file, files['report.html']!);
    const url = pathToFileURL(file).href;

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(url, { waitUntil: 'load' });

      expect(problems, name).toEqual([]);
      expect(requests, name).toEqual([url]); // nothing fetched but the page itself
      expect(await page.title(), name).toMatch(/ccsim report$/);

      // Every chart is drawn with a real size.
      const sizes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(sizes.length, name).toBe(charts);
      for (const [w, h] of sizes) {
        expect(w, name).toBeGreaterThan(200);
        expect(h, name).toBeGreaterThan(50);
      }

      // A screenshot that is not blank: plenty of ink and colours.
      const shot = await page.screenshot({ fullPage: true, type: 'png' });
      const stats = pngStats(new Uint8Array(shot));
      expect(stats.inked, name).toBeGreaterThan(0.15);
      expect(stats.colours, name).toBeGreaterThan(50);
      expect(stats.dark, name).toBeGreaterThan(0.005); // text
      if (inspect !== undefined) await inspect(page);

      // Printed: nothing wider than an A4 page, and it makes pages.
      await page.setViewportSize({ width: A4_TEXT_WIDTH_PX, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, name).toBeLessThanOrEqual(A4_TEXT_WIDTH_PX);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
      expect(problems, name).toEqual([]);
    } finally {
      await page.close();
    }
  }

  it('opens a simulation report', async () => {
    await open('simulate', { kind: 'simulate', ...runBank(14, 2) }, 5);
  });

  it('opens a comparison report', async () => {
    await open('compare', { kind: 'compare', ...compareBank([12, 16], 2) }, 4);
  });

  it('draws the forest plot of paired differences: green for better, red for worse', async () => {
    // 4 agents miss the service level; 6 agents answer faster (better) and cost more (worse).
    const make = (agents: number) =>
      scenario({
        name: `${agents} agents`,
        seed: 3,
        horizon: { start: '2026-01-05', days: 0.5, interval_minutes: 60, warmup_hours: 1 },
        contact_types: [contactType('general', { handle_time: exp(200), patience: exp(150) })],
        agent_groups: [group('team', { general: 1 }, agents, { hourly_cost: 30 })],
        costs: { per_minute_voice: 0, per_contact: 0, overhead_per_agent_hour: 0, currency: 'EUR' },
      });
    const plans = [4, 6].map((a) => ({ name: `${a} agents`, scenario: make(a) }));
    const { result } = await compare(plans, { replications: 5 });
    await open('compare-forest', { kind: 'compare', plans, compare: result }, 4, async (page) => {
      const figure = page.locator('#fig-differences');
      expect(await figure.count()).toBe(1);
      const shot = await figure.screenshot({ type: 'png' });
      const file = join(process.env.CCSIM_SCREENSHOT_DIR ?? dir, 'forest-plot.png');
      writeFileSync(file, shot);
      const png = new Uint8Array(shot);
      expect(pixelsNear(png, [0x2b, 0x8a, 0x3e]), 'green (better) marks').toBeGreaterThan(100);
      expect(pixelsNear(png, [0xc9, 0x2a, 0x2a]), 'red (worse) marks').toBeGreaterThan(100);
      const text = await page.textContent('body');
      expect(text).toContain('better');
      expect(text).toContain('worse');
      expect(text).not.toContain('excludes 0');
      expect(text).toMatch(/6 agents costs least|Only 6 agents meets/);
    });
  }, 60_000);

  it('opens a sweep report', async () => {
    await open('sweep', { kind: 'sweep', ...sweepBank([10, 14, 18], 1) }, 4);
  });

  it('opens the report of a run in which nothing arrived', async () => {
    const flat = { by_weekday: [1, 1, 1, 1, 1, 1, 1], by_month: new Array<number>(12).fill(1), by_date: {}, overdispersion_cv: 0 };
    const s = scenario({ contact_types: [contactType('general', { arrivals: { per_hour: 0, ...flat } })] });
    await open('empty', { kind: 'simulate', scenario: s, result: simulate(s) }, 5);
  });
});
