/**
 * The simulation core runs in a browser: src/core.ts is bundled by esbuild for the browser (it
 * would fail to bundle if anything it reaches imported a Node module), loaded into headless
 * Chromium, and two bundled scenarios simulated there from their text: the bank (the general
 * center) and the Erlang C check (the single-queue center). Each result must equal the Node
 * run's for the same seed, figure for figure.
 *
 * Skipped, saying so, when /usr/bin/chromium (or $CCSIM_CHROMIUM) is absent; CI installs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, simulate } from '../../src/core.ts';
import { compile } from '../../src/model/compile.ts';
import { isSingleQueue } from '../../src/center/single-queue.ts';

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const CORE = fileURLToPath(new URL('../../src/core.ts', import.meta.url));
const SCENARIOS = ['retail-bank.yaml', 'erlang-c.yaml'].map((name) => ({ name, file: fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)) }));

async function bundleCore(): Promise<string> {
  const out = await build({
    entryPoints: [CORE],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'ccsim',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('the simulation core', () => {
  it('bundles for the browser with no Node module', async () => {
    const code = await bundleCore();
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/require\(["']node:/);
  });

  it.skipIf(!HAVE_CHROMIUM)('simulates bundled scenarios in headless Chromium with the Node run\'s numbers', async () => {
    const code = await bundleCore();
    const options = { seed: 11, days: 3, replications: 2 };
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><title>ccsim core</title>');
      await page.addScriptTag({ content: code });
      for (const { name, file } of SCENARIOS) {
        const text = readFileSync(file, 'utf8');
        const inBrowser = await page.evaluate(
          ([t, n, o]) => {
            const api = (globalThis as unknown as { ccsim: typeof import('../../src/core.ts') }).ccsim;
            const { scenario } = api.loadScenarioText(t, n);
            return JSON.stringify(api.simulate(scenario, o));
          },
          [text, name, options] as const,
        );
        expect(errors).toEqual([]);
        const { scenario } = loadScenarioText(text, name);
        // The bank runs on the general center, the Erlang C check on the single-queue one.
        expect(isSingleQueue(compile(scenario)), name).toBe(name === 'erlang-c.yaml');
        const inNode = JSON.stringify(simulate(scenario, options));
        const parsed = JSON.parse(inBrowser) as { totals: { answered: number } };
        expect(parsed.totals.answered, name).toBeGreaterThan(0);
        // Every count is identical (the same contacts met the same events in the same order);
        // a continuous figure may differ in its last digits, since Chromium's V8 and Node's may
        // round Math.log/exp differently, and those last bits add up in long sums.
        const differences = compareFigures(JSON.parse(inBrowser), JSON.parse(inNode), name);
        expect(differences).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});

/** Every place where two results differ: integers exactly, other numbers beyond 1e-9 relative. */
function compareFigures(a: unknown, b: unknown, path: string): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const same = Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return same ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => compareFigures((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
}
